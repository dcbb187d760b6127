#!/usr/bin/env node
/**
 * `node bench/before-after.mjs <other checkout> [resources ...]`: the resource list's cold first paint (plain script
 * tag, the resource-list case's page and generated feeds) on this checkout's build against another checkout's build
 * (e.g. a `git worktree` of the commit before, built with `npm run build`), each served by its own bench server and
 * loaded in turn (ABAB), so a change is measured against its parent in one run. Prints the medians and every run.
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNS, launchBrowser, paintWatcher, startBenchServer, stats } from './harness.mjs';
import { generateFeed } from './resource-list.bench.mjs';

const [other, ...sizes] = process.argv.slice(2);
if (!other) {
  console.error('Usage: node bench/before-after.mjs <other checkout, built> [resources ...]');
  process.exit(1);
}
const roots = { before: resolve(other), after: resolve(dirname(fileURLToPath(import.meta.url)), '..') };
const FEED = '/bench/generated/before-after.json';

const servers = {};
for (const [side, root] of Object.entries(roots)) servers[side] = await startBenchServer(root);
const browser = await launchBrowser();

/** One cold load of `side`'s list of `body`: ms from navigation start to the first paint showing an item. */
async function firstPaint(side, body) {
  const base = servers[side].url;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.route(new URL(FEED, base).href, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.addInitScript(
      paintWatcher('__painted', () =>
        document.querySelector('cl-resource-list')?.shadowRoot?.querySelector('[part~="item"]'),
      ),
    );
    await page.goto(`${base}/bench/pages/resource-list-widget.html?feed=${FEED}`, { waitUntil: 'commit' });
    return await page.evaluate(() => window.__painted);
  } finally {
    await context.close();
  }
}

for (const count of (sizes.length ? sizes : ['1000', '10000']).map(Number)) {
  const body = generateFeed(count);
  const runs = { before: [], after: [] };
  for (let i = 0; i <= RUNS; i += 1) {
    for (const side of ['before', 'after']) {
      const time = await firstPaint(side, body);
      // The first round warms the servers and the browser: not counted.
      if (i > 0) runs[side].push(Math.round(time));
    }
  }
  const [before, after] = [stats(runs.before).median, stats(runs.after).median];
  console.log(
    `${count} resources: before ${before} ms, after ${after} ms (${(((after - before) / before) * 100).toFixed(0)}%)`,
  );
  console.log(`  before ${runs.before.join(' ')}\n  after  ${runs.after.join(' ')}`);
}
await browser.close();
for (const server of Object.values(servers)) await server.close();
