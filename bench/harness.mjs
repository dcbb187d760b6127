/**
 * The benchmark harness: each case is one `bench/<name>.bench.mjs` file that
 * exports `title` and `async function run(context)` returning rows. The
 * harness starts the project's server over the built repository (dist/ must
 * exist) and one headless Chromium (playwright-core, the system browser).
 *
 * A row: { case, metric, unit, median, min, max, runs, peer?: { name, median, min, max }, ratio? }
 * Headline figures are ratios against a peer measured in the same run.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { minify } from 'terser';
import { CHROMIUM_ARGS, findChromium } from '../scripts/browsers.mjs';
import { DEMO_PUBLIC_PATHS, DEMO_REDIRECTS } from '../server/config.mjs';
import { routes } from '../server/routes.mjs';
import { startServer } from '../server/server.mjs';

/** Runs per measured figure (at least 5: fewer make a median of noise); the median is reported with min and max. */
export const RUNS = Number(process.env.BENCH_RUNS ?? 7);
if (!Number.isInteger(RUNS) || RUNS < 5)
  throw new Error(`BENCH_RUNS must be a whole number of 5 or more, not ${RUNS}.`);

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
  return { median, min: sorted[0], max: sorted.at(-1), p95, runs: sorted.length };
}

/** `stats` with every figure but the run count rounded to `digits` decimals, for the table. */
export function rounded(figures, digits = 1) {
  return Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, key === 'runs' ? value : Number(value.toFixed(digits))]),
  );
}

/** Measures `once()` RUNS times (after one warm-up) and returns its stats. */
export async function repeat(once, runs = RUNS) {
  await once();
  const values = [];
  for (let i = 0; i < runs; i += 1) values.push(await once());
  return stats(values);
}

/**
 * Measures each of `measures` (an object of named functions) in turn (ABCABC..., after one warm-up of each), so a
 * machine that slows down or warms up during the run weighs on every side alike. Returns the raw values of each side,
 * under the same names.
 */
export async function alternateAll(measures, runs = RUNS) {
  for (const measure of Object.values(measures)) await measure();
  const values = Object.fromEntries(Object.keys(measures).map((key) => [key, []]));
  for (let i = 0; i < runs; i += 1)
    for (const [key, measure] of Object.entries(measures)) values[key].push(await measure());
  return values;
}

/** `alternateAll`, with the stats of each side. */
export async function repeatAll(measures, runs = RUNS) {
  const values = await alternateAll(measures, runs);
  return Object.fromEntries(Object.entries(values).map(([key, side]) => [key, stats(side)]));
}

/** `repeatAll` for ours and the peer (ours, peer, ours, peer...: ABAB). */
export async function repeatPair(ours, peer, runs = RUNS) {
  return repeatAll({ ours, peer }, runs);
}

/** A row comparing ours with a peer measured in the same run: ratio = peer / ours (above 1: we are better, for lower-is-better figures). */
export function compare(row, peerName, peerStats) {
  return {
    ...row,
    peer: { name: peerName, ...peerStats },
    ratio: row.median > 0 ? peerStats.median / row.median : undefined,
  };
}

/** The peers' files the bench pages load from node_modules, one by one (never the whole folder). */
const PEER_FILES = [
  'govuk-frontend/dist/govuk/govuk-frontend.min.css',
  'govuk-frontend/dist/govuk/govuk-frontend.min.js',
  'list.js/dist/list.min.js',
];

/** Files a case generates (the resource list's feeds), by bench server origin, then path: see serveGenerated. */
const generatedFiles = new Map();

/**
 * Serves `body` (JSON text) at `path` on the bench server at `baseUrl`, from memory (never written to disk), gzipped
 * when the browser asks, as the server sends its files. Replaces what that path served before.
 */
export function serveGenerated(baseUrl, path, body) {
  const files = generatedFiles.get(new URL(baseUrl).origin);
  if (!files) throw new Error(`serveGenerated: no bench server at ${baseUrl}`);
  // Each load of a case gives its feeds again: compressed once.
  if (files.get(path)?.source !== body) files.set(path, { source: body, raw: Buffer.from(body), gzip: gzipSync(body) });
}

/** The server's route for generated files, tried before its public folders. */
const generatedRoute = (files) => (req, res, url) => {
  const file = (req.method === 'GET' || req.method === 'HEAD') && files.get(url.pathname);
  if (!file) return false;
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip ? file.gzip : file.raw;
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Access-Control-Allow-Origin': '*',
    Vary: 'Accept-Encoding',
    ...(gzip && { 'Content-Encoding': 'gzip' }),
    'Content-Length': body.length,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
};

/**
 * The project's server as the bench uses it: the demo's public folders, the bench pages, the peers' files and what a
 * case generates (serveGenerated).
 */
export async function startBenchServer(root) {
  const files = new Map();
  const server = await startServer({
    root,
    port: 0,
    publicPaths: {
      ...DEMO_PUBLIC_PATHS,
      '/bench/pages/': 'bench/pages',
      '/bench/generated/': 'bench/generated',
      '/bench/peers/': 'dist/bench-peers',
      '/bench/prerendered/': 'dist/bench-prerendered',
      ...Object.fromEntries(PEER_FILES.map((file) => [`/node_modules/${file}`, `node_modules/${file}`])),
    },
    privateDirs: ['.data'],
    redirects: DEMO_REDIRECTS,
    handlers: [
      generatedRoute(files),
      ...(await routes({ root, dataDir: '.data/bench', rateLimit: 0, log: () => undefined })),
    ],
  });
  generatedFiles.set(new URL(server.url).origin, files);
  return server;
}

/**
 * lite-youtube-embed minified as a partner's bundler would ship it (npm has
 * only its source): the JS through terser, the CSS without comments and
 * spacing. Written to dist/bench-peers/ (served at /bench/peers/; under dist/,
 * so no lint, format or commit sees it).
 */
export async function minifyLiteYoutubeEmbed(root) {
  const source = join(root, 'node_modules/lite-youtube-embed/src');
  const out = join(root, 'dist/bench-peers');
  await mkdir(out, { recursive: true });
  // The settings of our CDN build (and of bench/sizes.bench.mjs's figure for the same file).
  const { code } = await minify(await readFile(join(source, 'lite-yt-embed.js'), 'utf8'), {
    format: { comments: false },
    compress: { passes: 2 },
  });
  await writeFile(join(out, 'lite-yt-embed.min.js'), code);
  await writeFile(
    join(out, 'lite-yt-embed.min.css'),
    minifyCss(await readFile(join(source, 'lite-yt-embed.css'), 'utf8')),
  );
}

/** The hand-written cards peer with its script in a file of its own, as a partner who writes one would ship it. */
export const CARDS_PEER_FROM_FILE = [
  '/bench/peers/principle-cards-peer.html',
  'hand-written DOM, its script from a file',
];

/**
 * Writes the hand-written cards peer (bench/pages/principle-cards-peer.html, whose script is inline) again with that
 * script in a file, minified as our CDN build is, loaded by a module script tag in its place: the peer a plain script
 * tag of ours is set against like for like (an inline script costs no request). Into dist/bench-peers/, served at
 * /bench/peers/.
 */
export async function writeCardsPeerFromFile(root) {
  const page = await readFile(join(root, 'bench/pages/principle-cards-peer.html'), 'utf8');
  const inline = [...page.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
  if (inline.length !== 1)
    throw new Error('bench/pages/principle-cards-peer.html no longer has one inline module script');
  const [tag, source] = inline[0];
  const out = join(root, 'dist/bench-peers');
  await mkdir(out, { recursive: true });
  const { code } = await minify(source, { module: true, format: { comments: false }, compress: { passes: 2 } });
  await writeFile(join(out, 'principle-cards-peer.js'), code);
  const [path] = CARDS_PEER_FROM_FILE;
  // (Replaced by a function: the page may hold `$` patterns.)
  await writeFile(
    join(out, 'principle-cards-peer.html'),
    page.replace(tag, () => '<script type="module" src="/bench/peers/principle-cards-peer.js"></script>'),
  );
  return path;
}

/** Comments and spacing removed: what a CSS minifier saves on a small stylesheet, near enough. */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .trim();
}

/** The bench server's host (startServer's default): the only one the bench's Chromium resolves. */
const BENCH_HOST = '127.0.0.1';

/** Browsers launched by launchBrowser, which reach no other host: blockExternal counts on it. */
const benchBrowsers = new WeakSet();

/**
 * Chromium for the bench. It resolves no host but the bench server's, so no request reaches another origin, and none
 * waits on an interception: a Playwright route holds every request of its page for a round trip to this process, a
 * few milliseconds a request on 2 cores, which cost a page more the longer its chain of requests (the cards' peer,
 * which fetches its feed after its page, about 7 ms; our plain page, its loader then its code, about 17; a
 * prerendered page, which paints from its HTML alone, nothing).
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE ${BENCH_HOST}`],
  });
  benchBrowsers.add(browser);
  return browser;
}

/**
 * Bench runs never reach the network: every request to another origin than `baseUrl` fails (the browser from
 * launchBrowser resolves no other host) and is counted here (a widget that calls out shows up). Watched, not
 * intercepted, so no request waits for this process. Returns a live counter: `{ blocked, urls }`.
 */
export async function blockExternal(page, baseUrl) {
  if (!benchBrowsers.has(page.context().browser()))
    throw new Error('blockExternal: the page must be in a browser from launchBrowser(), which reaches no other host.');
  const { origin, hostname } = new URL(baseUrl);
  if (hostname !== BENCH_HOST)
    throw new Error(`blockExternal: ${baseUrl} is not on ${BENCH_HOST}, the host it allows.`);
  const counter = { blocked: 0, urls: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return;
    counter.blocked += 1;
    counter.urls.push(url);
  });
  return counter;
}

/**
 * A script for `page.addInitScript`: sets `window[name]` to a promise of the
 * time just after the first paint in which `find()` (run in the page) finds
 * something. A message posted after a frame lands once that frame is painted.
 */
export function paintWatcher(name, find) {
  return `window[${JSON.stringify(name)}] = new Promise((resolve) => {
    const find = ${find};
    const frame = () => {
      if (!find()) return void requestAnimationFrame(frame);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    };
    requestAnimationFrame(frame);
  });`;
}
