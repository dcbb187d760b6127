/**
 * Each widget against its peer on a cold load over a slow connection: Chromium's network emulation (150 ms latency,
 * 1.6 Mbps down, 750 kbps up) and a 4x CPU slowdown, a fresh browser context per load, the pages in turn (ABCABC).
 * Each widget twice: the plain script tag, and the recommended path where the page takes HTML (the widget prerendered
 * into the page by dist/ssr/render.js, as the CLI's `render` and the builder's "HTML with script" give it, written to
 * dist/bench-prerendered/ for this run). The resource list reads a generated feed of 1,000 resources.
 * Largest Contentful Paint (with the element it was: the row names ours / the peer's) and Cumulative Layout Shift come
 * from the `web-vitals` library (its attribution build), injected before the page's
 * own scripts; for the film player, Interaction to Next Paint of pressing play as well.
 *
 * The figures are read once the page shows its content (the same elements the other cases wait for) and has settled
 * (no request for 500 ms), two frames later, from web-vitals' reportAllChanges callbacks: the latest LCP candidate
 * and the layout shift so far (for the film player, LCP as it was when play was pressed: input ends it). LCP
 * compares like with like only when both sides' largest element is the content (the widget's text sits in a shadow
 * root, named "?"), so each pair also reports when the content itself was first on screen: after the first frame that
 * shows it, found by the page's own frames as in the other cases (`paintWatcher`).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CARDS_PEER_FROM_FILE,
  alternateAll,
  blockExternal,
  compare,
  minifyLiteYoutubeEmbed,
  paintWatcher,
  rounded,
  stats,
  writeCardsPeerFromFile,
} from './harness.mjs';
import { PRERENDERED, writePrerenderedPage } from './prerendered-pages.mjs';
import { generateFeed } from './resource-list.bench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const webVitalsSource = readFile(resolve(root, 'node_modules/web-vitals/dist/web-vitals.attribution.iife.js'), 'utf8');

export const title = 'each widget against its peer: cold load on a throttled network (web-vitals)';

const TIMEOUT_MS = 60_000;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;

const RESOURCES = `${PRERENDERED}resource-list-1000.json`;

/** Each pair: our page, the peer's, and what (run in the page) shows that either has its content. */
const PAIRS = [
  {
    name: 'principle-cards',
    ours: '/bench/pages/principle-cards-widget.html',
    peer: ['/bench/pages/principle-cards-peer.html', 'hand-written DOM'],
    // Set against the plain script tag too: what of its gap is the request an inline script does not make.
    peerFromFile: CARDS_PEER_FROM_FILE,
    shown: () =>
      document.querySelector('cl-principle-cards')?.shadowRoot?.querySelector('[part~="card"]') ??
      document.querySelector('.card'),
  },
  {
    name: 'film-player',
    ours: '/bench/pages/film-player-widget.html',
    peer: ['/bench/pages/film-player-lite.html', 'lite-youtube-embed 0.3.4'],
    shown: () =>
      document.querySelector('cl-film-player')?.shadowRoot?.querySelector('[part~="play-button"]') ??
      document.querySelector('lite-youtube .lyt-playbtn'),
    press: true,
  },
  {
    name: 'resource-list',
    ours: `/bench/pages/resource-list-widget.html?feed=${RESOURCES}`,
    peer: [`/bench/pages/resource-list-listjs.html?feed=${RESOURCES}`, 'List.js 2.3.1'],
    shown: () =>
      document.querySelector('cl-resource-list')?.shadowRoot?.querySelector('[part~="item"]') ??
      document.querySelector('#resources .list li'),
  },
  {
    name: 'contact-form',
    ours: '/bench/pages/contact-form-widget.html',
    peer: ['/bench/pages/contact-form-peer.html', 'GOV.UK Frontend'],
    shown: () =>
      document.querySelector('cl-contact-form')?.shadowRoot?.querySelector('textarea') ??
      document.querySelector('textarea'),
  },
];

/**
 * Writes each pair's prerendered page (and the resource list's feed, which every side reads) into
 * dist/bench-prerendered/, served at /bench/prerendered/.
 */
async function writePrerenderedPages(baseUrl) {
  const out = resolve(root, 'dist/bench-prerendered');
  await mkdir(out, { recursive: true });
  const resources = generateFeed(1_000);
  await writeFile(join(out, 'resource-list-1000.json'), resources);
  const pages = {};
  for (const { name } of PAIRS)
    pages[name] = await writePrerenderedPage(
      baseUrl,
      name,
      name === 'resource-list' ? { feed: resources, src: RESOURCES } : {},
    );
  return pages;
}

const collector = `window.__clVitals = {};
  for (const metric of ['LCP', 'CLS', 'INP'])
    webVitals['on' + metric](
      (m) => {
        window.__clVitals[metric] = m.value;
        if (metric === 'LCP') window.__clVitals.lcpElement = m.attribution.target;
      },
      { reportAllChanges: true },
    );`;

async function measure(browser, baseUrl, path, shown, press) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const url = new URL(path, baseUrl).href;
    const external = await blockExternal(page, url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // One script: the library's global is only seen by code in the same init script. The content is found by the
    // page's own frames (paintWatcher), as in the other cases: polling from playwright (waitForFunction) compiles
    // its injected script on the page's main thread, at 4x slowdown, while the page loads, and its first poll waited
    // for the page's scripts, so a prerendered page's content counted only after hydration, long after its paint.
    await page.addInitScript(`${await webVitalsSource}\n;${collector}\n;${paintWatcher('__clShown', shown)}`);
    await page.goto(url, { waitUntil: 'commit' });
    const shownAt = await page.evaluate(
      (timeoutMs) =>
        Promise.race([
          window.__clShown,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error(`not shown within ${timeoutMs} ms`)), timeoutMs),
          ),
        ]),
      TIMEOUT_MS,
    );
    if (press) {
      // A real click where the button is: web-vitals times it from input to the next paint.
      const button = await page.evaluateHandle(shown);
      await button.asElement().click();
    }
    // Largest Contentful Paint entries come when a frame is presented, after it is drawn: read them once the page has
    // settled (no request for 500 ms), or a page that drew its content last is read before that paint is reported.
    await page.waitForLoadState('networkidle');
    const vitals = await page.evaluate(
      (needInp) =>
        new Promise((resolve, reject) => {
          const started = performance.now();
          const check = () => {
            const v = window.__clVitals;
            if (v.LCP !== undefined && (!needInp || v.INP !== undefined)) {
              // Two frames more, so a shift or a larger paint caused by the content just shown is counted.
              requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ...window.__clVitals })));
            } else if (performance.now() - started > 20_000)
              reject(new Error(`web-vitals reported ${JSON.stringify(v)}`));
            else setTimeout(check, 50);
          };
          check();
        }),
      !!press,
    );
    if (external.blocked > 0 && !press)
      throw new Error(`${url}: requests to other origins: ${external.urls.join(', ')}`);
    return { lcp: vitals.LCP, cls: vitals.CLS ?? 0, inp: vitals.INP, lcpElement: vitals.lcpElement, shownAt };
  } finally {
    await context.close();
  }
}

export async function run({ browser, baseUrl }) {
  await minifyLiteYoutubeEmbed(root);
  await writeCardsPeerFromFile(root);
  const prerendered = await writePrerenderedPages(baseUrl);
  const rows = [];
  for (const pair of PAIRS) {
    const [peerPath, peerName] = pair.peer;
    const runs = await alternateAll({
      ours: () => measure(browser, baseUrl, pair.ours, pair.shown, pair.press),
      prerendered: () => measure(browser, baseUrl, prerendered[pair.name], pair.shown, pair.press),
      peer: () => measure(browser, baseUrl, peerPath, pair.shown, pair.press),
      ...(pair.peerFromFile && {
        peerFromFile: () => measure(browser, baseUrl, pair.peerFromFile[0], pair.shown, pair.press),
      }),
    });
    const of = (side, key) => stats(runs[side].map((r) => r[key]));
    // Which element was largest on each side (the most frequent over the runs): LCP compares like with like only
    // when both are the widget's own content.
    const element = (side) => {
      const counts = new Map();
      for (const { lcpElement = '?' } of runs[side]) counts.set(lcpElement, (counts.get(lcpElement) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0][0];
    };
    for (const [side, path] of [
      ['ours', 'script tag'],
      ['prerendered', 'prerendered'],
    ]) {
      const row = (metric, key, unit, digits) =>
        compare(
          { case: `throttled ${pair.name} (${path})`, metric, unit, ...rounded(of(side, key), digits) },
          peerName,
          rounded(of('peer', key), digits),
        );
      rows.push(row('navigation to the content on screen (cold, throttled)', 'shownAt', 'ms', 0));
      rows.push(
        row(`largest contentful paint (cold, throttled): ${element(side)} / ${element('peer')}`, 'lcp', 'ms', 0),
      );
      rows.push(row('cumulative layout shift (cold, throttled)', 'cls', 'score', 3));
      if (pair.press) rows.push(row('interaction to next paint: pressing play (throttled)', 'inp', 'ms', 0));
    }
    if (pair.peerFromFile)
      rows.push(
        compare(
          {
            case: `throttled ${pair.name} (script tag)`,
            metric: 'navigation to the content on screen (cold, throttled)',
            unit: 'ms',
            ...rounded(of('ours', 'shownAt'), 0),
          },
          pair.peerFromFile[1],
          rounded(of('peerFromFile', 'shownAt'), 0),
        ),
      );
  }
  return rows;
}
