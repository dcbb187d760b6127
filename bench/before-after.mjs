#!/usr/bin/env node
/**
 * `node bench/before-after.mjs <other checkout> [--prerendered] [resources ...]`: the resource list's cold first paint
 * (plain script tag, the resource-list case's page and generated feeds; with `--prerendered`, that page with the list
 * prerendered into it by each checkout's own prerenderer, as the resource-list case's recommended path) on this
 * checkout's build against another checkout's build (e.g. a `git worktree` of the commit before, built with
 * `npm run build`), each served by its own bench server and loaded in turn (ABAB), so a change is measured against its
 * parent in one run. Prints the medians, every run and, prerendered, the size of each side's page.
 *
 * `node bench/before-after.mjs <other checkout> --widget principle-cards|film-player|contact-form`: the same for that
 * widget's plain bench page, each side with the feed its own server serves: the first paint of the cards, of the play
 * button, or of the form's first field.
 */
import { execFile } from 'node:child_process';
import { rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { RUNS, launchBrowser, paintWatcher, serveGenerated, startBenchServer, stats } from './harness.mjs';
import { generateFeed } from './resource-list.bench.mjs';

/** The other widgets' plain bench pages, and what their first paint shows. */
const WIDGETS = {
  'principle-cards': {
    path: '/bench/pages/principle-cards-widget.html',
    find: () => document.querySelector('cl-principle-cards')?.shadowRoot?.querySelector('[part~="card"]'),
  },
  'film-player': {
    path: '/bench/pages/film-player-widget.html',
    find: () => document.querySelector('cl-film-player')?.shadowRoot?.querySelector('[part~="play-button"]'),
  },
  'contact-form': {
    path: '/bench/pages/contact-form-widget.html',
    find: () => document.querySelector('cl-contact-form')?.shadowRoot?.querySelector('input, textarea'),
  },
};

const [other, ...rest] = process.argv.slice(2);
const prerendered = rest.includes('--prerendered');
const widgetAt = rest.indexOf('--widget');
const widget = widgetAt >= 0 ? WIDGETS[rest[widgetAt + 1]] : undefined;
const sizes = rest.filter(
  (arg, i) => arg !== '--prerendered' && (widgetAt < 0 || (i !== widgetAt && i !== widgetAt + 1)),
);
// (--widget measures the plain pages only, and takes no sizes.)
if (!other || (widgetAt >= 0 && (!widget || prerendered || sizes.length > 0))) {
  console.error(
    `Usage: node bench/before-after.mjs <other checkout, built> [--prerendered] [resources ...] | [--widget ${Object.keys(WIDGETS).join('|')}]`,
  );
  process.exit(1);
}
const run = promisify(execFile);
const roots = { before: resolve(other), after: resolve(dirname(fileURLToPath(import.meta.url)), '..') };
const FEED = '/bench/generated/before-after.json';

const servers = {};
for (const [side, root] of Object.entries(roots)) servers[side] = await startBenchServer(root);
const browser = await launchBrowser();

/**
 * `side`'s page for `count` resources (`body`): the bench page, or that page with the list prerendered by `side`'s own
 * prerenderer, run in a process of its own (two prerenderers in one process share one registry of elements: the
 * second would find the first's class).
 */
async function pageOf(side, count, body) {
  if (!prerendered) return `/bench/pages/resource-list-widget.html?feed=${FEED}`;
  const file = `before-after-${count}`;
  const feedFile = join(tmpdir(), `cl-before-after-${process.pid}-${count}.json`);
  await writeFile(feedFile, body);
  const script = `const { writePrerenderedPage } = await import(${JSON.stringify(pathToFileURL(join(roots[side], 'bench/prerendered-pages.mjs')).href)});
    const { readFile } = await import('node:fs/promises');
    const feed = await readFile(${JSON.stringify(feedFile)}, 'utf8');
    process.stdout.write(await writePrerenderedPage(${JSON.stringify(servers[side].url)}, 'resource-list', { file: ${JSON.stringify(file)}, feed, src: ${JSON.stringify(FEED)} }));`;
  const { stdout: path } = await run(process.execPath, ['--input-type=module', '-e', script]);
  await rm(feedFile);
  const { size } = await stat(join(roots[side], 'dist/bench-prerendered', `${file}.html`));
  console.log(`  ${side}: ${path}, ${size} bytes`);
  return path;
}

/** One cold load of `side`'s list of `body` on `path`: ms from navigation start to the first paint showing an item. */
async function firstPaint(side, body, path) {
  const base = servers[side].url;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    serveGenerated(base, FEED, body);
    await page.addInitScript(
      paintWatcher('__painted', () =>
        document.querySelector('cl-resource-list')?.shadowRoot?.querySelector('[part~="item"]'),
      ),
    );
    await page.goto(`${base}${path}`, { waitUntil: 'commit' });
    return await page.evaluate(() => window.__painted);
  } finally {
    await context.close();
  }
}

/** One cold load of `side`'s plain page of `widget`: ms from navigation start to the first paint showing it. */
async function widgetPaint(side) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(paintWatcher('__painted', widget.find));
    await page.goto(`${servers[side].url}${widget.path}`, { waitUntil: 'commit' });
    return await page.evaluate(() => window.__painted);
  } finally {
    await context.close();
  }
}

/** Loads each side in turn (ABAB); the first round warms the servers and the browser and is not counted. */
async function alternate(load) {
  const runs = { before: [], after: [] };
  for (let i = 0; i <= RUNS; i += 1) {
    for (const side of ['before', 'after']) {
      const time = await load(side);
      if (i > 0) runs[side].push(Math.round(time));
    }
  }
  return runs;
}

function report(what, runs) {
  const [before, after] = [stats(runs.before).median, stats(runs.after).median];
  console.log(`${what}: before ${before} ms, after ${after} ms (${(((after - before) / before) * 100).toFixed(0)}%)`);
  console.log(`  before ${runs.before.join(' ')}\n  after  ${runs.after.join(' ')}`);
}

if (widget) report(rest[widgetAt + 1], await alternate(widgetPaint));
else
  for (const count of (sizes.length ? sizes : ['1000', '10000']).map(Number)) {
    const body = generateFeed(count);
    const paths = { before: await pageOf('before', count, body), after: await pageOf('after', count, body) };
    report(`${count} resources`, await alternate((side) => firstPaint(side, body, paths[side])));
  }
await browser.close();
for (const server of Object.values(servers)) await server.close();
