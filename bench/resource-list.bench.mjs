/**
 * <cl-resource-list> at 100, 1,000 and 10,000 generated resources, against
 * List.js (its documented setup, page size 10, searching the same four
 * fields) on the same items in the same run:
 * - first render: navigation start to the first paint that shows the list
 *   (each load cold, in a fresh context);
 * - keystroke latency: queries typed with playwright's real keyboard; for
 *   each keystroke, from the keydown event's timestamp to the results
 *   changing in the DOM (a MutationObserver on the results), and to the
 *   first paint after that (requestAnimationFrame, then a message posted
 *   from it, which runs after the frame): the reader's view. List.js
 *   searches on keyup, ours on input, so a third figure times each side's
 *   own triggering event to the results: the search work alone. Median and
 *   p95 over every keystroke of every query.
 * Ours and List.js are measured in turn (ABAB), RUNS times each. The first
 * render is also measured for the recommended path, the widget prerendered
 * from the same generated feed into the same page (bench/prerendered-pages.mjs),
 * in turn with the other two (ABCABC): its first paint of the items.
 * A last case lays a local layer of 1,000 resources over the 10,000
 * (`local` on the widget, issue #16) and sets its first paint and search
 * against the same widget on the 10,000 alone, in turn in the same run.
 * The feeds are generated here and served by the bench server from memory, never written to disk
 * (the prerendered pages, which carry a copy, are written under dist/).
 */
import { RUNS, blockExternal, compare, repeatAll, serveGenerated, stats, paintWatcher, rounded } from './harness.mjs';
import { writePrerenderedPage } from './prerendered-pages.mjs';

export const title =
  '<cl-resource-list>: first render and keystroke-to-results at 100, 1,000 and 10,000 resources, against List.js';

const SIZES = [100, 1_000, 10_000];
/** The store refuses larger feeds; the generator keeps each resource small to fit 10,000. */
const MAX_FEED_BYTES = 2_000_000;
const QUERIES_PER_RUN = 6;
const KEY_TIMEOUT_MS = 2_000;
const TIMEOUT_MS = 30_000;

const WORDS = ['wellbeing', 'teams', 'crisis', 'inclusion', 'practice', 'culture', 'kindness', 'listening'];
const TOPICS = [
  { id: 'wellbeing', label: { en: 'Wellbeing', cy: 'Lles' } },
  { id: 'teams', label: { en: 'Teams', cy: 'Timau' } },
  { id: 'crisis', label: { en: 'Leading in a crisis', cy: 'Arwain mewn argyfwng' } },
];
const TYPES = ['article', 'blog', 'guide', 'report', 'toolkit'];
const PUBLISHERS = ['Social Care Wales', "The King's Fund", 'HEIW'];

/**
 * Numbers appear only in titles, so each typed digit narrows the results and changes the first page. A local
 * layer (`local: true`) has its own ids and titles and names its publisher.
 */
export function generateFeed(count, { local = false } = {}) {
  const resources = Array.from({ length: count }, (_, i) => ({
    id: `${local ? 'l' : 'r'}${i + 1}`,
    title: `${local ? 'Local resource' : 'Resource'} ${i + 1} on ${WORDS[i % WORDS.length]}`,
    summary: `About ${WORDS[(i * 3) % WORDS.length]}`,
    url: `r/${i + 1}`,
    type: TYPES[i % TYPES.length],
    publisher: PUBLISHERS[i % PUBLISHERS.length],
    published: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10),
    languages: ['en'],
    topics: [TOPICS[i % TOPICS.length].id],
  }));
  const body = JSON.stringify(
    local
      ? { version: 1, source: { name: 'Cwm Derwen Council' }, resources }
      : { version: 1, topics: TOPICS, resources },
  );
  if (body.length > MAX_FEED_BYTES)
    throw new Error(`The generated feed of ${count} is ${body.length} bytes, over the store's ${MAX_FEED_BYTES}.`);
  return body;
}

/** The resource numbers typed in one run: spread over the feed, different each run. */
function queries(count, run) {
  return Array.from({ length: QUERIES_PER_RUN }, (_, q) => String(((run * 7919 + q * 104_729) % count) + 1));
}

/** Run in the page: what the timing waits to see painted. */
const findListItem = () => {
  const widget = document.querySelector('cl-resource-list');
  return widget ? widget.shadowRoot?.querySelector('[part~="item"]') : document.querySelector('#resources .list li');
};

/**
 * In the loaded page: records, per keystroke, keydown-to-DOM-change,
 * keydown-to-next-paint and trigger-to-DOM-change, where the trigger is the
 * event each side searches on (the widget: `input`; List.js: `keyup`).
 */
function watchKeystrokes() {
  const widget = document.querySelector('cl-resource-list');
  const results = widget ? widget.shadowRoot : document.querySelector('#resources');
  const bench = {
    dom: [],
    paint: [],
    work: [],
    keydownAt: undefined,
    triggerAt: undefined,
    waiting: false,
    // Each keystroke's span (keydown to the paint of its results), and the page's long tasks (50 ms or more).
    spans: [],
    longTasks: [],
  };
  window.__clKeys = bench;
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) bench.longTasks.push([task.startTime, task.startTime + task.duration]);
  }).observe({ type: 'longtask' });
  document.addEventListener(
    'keydown',
    (event) => {
      bench.keydownAt = event.timeStamp;
      bench.triggerAt = undefined;
      bench.waiting = true;
    },
    true,
  );
  // Capture on the document: it runs before the side's own listener (the input event is composed out of the widget).
  document.addEventListener(widget ? 'input' : 'keyup', (event) => (bench.triggerAt = event.timeStamp), true);
  new MutationObserver(() => {
    if (bench.keydownAt === undefined) return;
    const start = bench.keydownAt;
    bench.keydownAt = undefined;
    const now = performance.now();
    bench.dom.push(now - start);
    if (bench.triggerAt !== undefined) bench.work.push(now - bench.triggerAt);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        bench.paint.push(performance.now() - start);
        bench.spans.push([start, performance.now()]);
        bench.waiting = false;
      };
      channel.port2.postMessage(undefined);
    });
  }).observe(results, { childList: true, subtree: true, characterData: true, attributes: true });
  return { focus: widget ? 'widget' : 'list' };
}

/** `feeds`: `{ feed, local? }`, each `{ path, body }`, served by the bench server and named in the page's query. */
async function openPage(browser, baseUrl, pagePath, feeds) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const external = await blockExternal(page, baseUrl);
  const query = new URLSearchParams();
  for (const [name, { path, body }] of Object.entries(feeds)) {
    serveGenerated(baseUrl, path, body);
    query.set(name, path);
  }
  await page.addInitScript(paintWatcher('__clListPainted', findListItem));
  await page.goto(`${new URL(pagePath, baseUrl).href}?${query}`, { waitUntil: 'commit' });
  const painted = await page.evaluate(
    (timeoutMs) =>
      Promise.race([
        window.__clListPainted,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no list within ${timeoutMs} ms`)), timeoutMs)),
      ]),
    TIMEOUT_MS,
  );
  if (external.blocked > 0) throw new Error(`${pagePath}: requests to other origins: ${external.urls.join(', ')}`);
  return { context, page, painted };
}

async function firstRender(browser, baseUrl, pagePath, feeds) {
  const { context, painted } = await openPage(browser, baseUrl, pagePath, feeds);
  await context.close();
  return painted;
}

/**
 * Types run `run`'s queries with the real keyboard on a fresh page, one key at
 * a time, waiting for its results before the next. Returns the raw timings.
 */
async function typing(browser, baseUrl, pagePath, feeds, count, run) {
  const { context, page } = await openPage(browser, baseUrl, pagePath, feeds);
  try {
    const { focus } = await page.evaluate(watchKeystrokes);
    const search = focus === 'widget' ? page.locator('cl-resource-list').locator('#query') : page.locator('#search');
    let missed = 0;
    for (const query of queries(count, run)) {
      await search.fill('');
      await search.focus();
      await page.waitForTimeout(50);
      for (const key of query) {
        await page.keyboard.type(key);
        const done = await page
          .waitForFunction(() => !window.__clKeys.waiting, undefined, { timeout: KEY_TIMEOUT_MS })
          .then(
            () => true,
            () => false,
          );
        if (!done) {
          missed += 1;
          await page.evaluate(() => Object.assign(window.__clKeys, { waiting: false, keydownAt: undefined }));
        }
        // A person types a few keys a second; the gap also lets the widget's announcement debounce run as in use.
        await page.waitForTimeout(30);
      }
    }
    const { dom, paint, work, spans, longTasks } = await page.evaluate(() => window.__clKeys);
    // The share of keystrokes with a long task between the key and the paint of its results.
    const blocked = spans.filter(([from, to]) => longTasks.some(([start, end]) => start < to && end > from)).length;
    return { dom, paint, work, missed, blockedShare: spans.length ? (100 * blocked) / spans.length : 0 };
  } finally {
    await context.close();
  }
}

/** Two sides typing in turn (ABAB), RUNS runs each on fresh pages; the stats of every keystroke. */
async function typingBoth(browser, baseUrl, sidesOf, count) {
  const sides = { ours: [], peer: [] };
  for (let run = 0; run < RUNS; run += 1) {
    for (const side of ['ours', 'peer']) {
      const { page, feeds } = sidesOf[side];
      sides[side].push(await typing(browser, baseUrl, page, feeds, count, run));
    }
  }
  const merged = (runs) => ({
    dom: stats(runs.flatMap((r) => r.dom)),
    paint: stats(runs.flatMap((r) => r.paint)),
    work: stats(runs.flatMap((r) => r.work)),
    missed: runs.reduce((sum, r) => sum + r.missed, 0),
    blockedShare: stats(runs.map((r) => r.blockedShare)),
  });
  return { ours: merged(sides.ours), peer: merged(sides.peer) };
}

const TYPING_METRICS = [
  // What the reader sees: from the key going down to the results.
  ['keystroke (keydown) to results in the DOM', 'dom'],
  ['keystroke (keydown) to next paint of the results', 'paint'],
  // The search work alone: from the event each side searches on (ours: input; List.js: keyup) to the results.
  ['search event (input / keyup) to results in the DOM', 'work'],
];

/**
 * First paint and typing, `ours` against `peer` (each `{ page, feeds }`), as rows named after `peerName`; with
 * `sidesOf.prerendered`, its first paint as well, in turn with the other two, in a row of its own.
 */
async function compareSides(browser, baseUrl, caseName, peerName, sidesOf, count) {
  const first = await repeatAll(
    Object.fromEntries(
      ['ours', 'prerendered', 'peer']
        .filter((side) => sidesOf[side])
        .map((side) => [side, () => firstRender(browser, baseUrl, sidesOf[side].page, sidesOf[side].feeds)]),
    ),
  );
  const rows = [
    ['ours', caseName],
    ['prerendered', `${caseName} (prerendered)`],
  ]
    .filter(([side]) => first[side])
    .map(([side, name]) =>
      compare(
        { case: name, metric: 'navigation to first paint of the list', unit: 'ms', ...rounded(first[side], 2) },
        peerName,
        rounded(first.peer, 2),
      ),
    );
  const { ours, peer } = await typingBoth(browser, baseUrl, sidesOf, count);
  // One render per state change: a keystroke that causes a long task (50 ms or more) is one the reader may feel.
  rows.push(
    compare(
      {
        case: caseName,
        metric: 'keystrokes with a long task before their results paint',
        unit: '%',
        ...rounded(ours.blockedShare, 1),
      },
      peerName,
      rounded(peer.blockedShare, 1),
    ),
  );
  for (const [metric, key] of TYPING_METRICS) {
    rows.push(
      compare(
        { case: caseName, metric: `${metric} (median)`, unit: 'ms', ...rounded(ours[key], 2), missedKeys: ours.missed },
        peerName,
        rounded(peer[key], 2),
      ),
    );
    const p95 = (s) => ({ ...rounded(s, 2), median: Number(s.p95.toFixed(2)) });
    rows.push(
      compare({ case: caseName, metric: `${metric} (p95)`, unit: 'ms', ...p95(ours[key]) }, peerName, p95(peer[key])),
    );
  }
  return rows;
}

export async function run({ browser, baseUrl }) {
  const pages = { ours: '/bench/pages/resource-list-widget.html', peer: '/bench/pages/resource-list-listjs.html' };
  const rows = [];
  const national = {};
  for (const count of SIZES) {
    national[count] = { path: `/bench/generated/resource-list-${count}.json`, body: generateFeed(count) };
    const feeds = { feed: national[count] };
    const prerendered = await writePrerenderedPage(baseUrl, 'resource-list', {
      file: `resource-list-${count}`,
      feed: national[count].body,
      src: national[count].path,
    });
    const sidesOf = {
      ours: { page: pages.ours, feeds },
      prerendered: { page: prerendered, feeds },
      peer: { page: pages.peer, feeds },
    };
    rows.push(
      ...(await compareSides(
        browser,
        baseUrl,
        `resource-list ${count.toLocaleString('en-GB')}`,
        'List.js',
        sidesOf,
        count,
      )),
    );
  }
  // A local layer over the largest national feed, against the national feed alone (the single-feed figures).
  const local = { path: '/bench/generated/resource-list-local-1000.json', body: generateFeed(1_000, { local: true }) };
  const largest = SIZES.at(-1);
  const layered = {
    ours: { page: pages.ours, feeds: { feed: national[largest], local } },
    peer: { page: pages.ours, feeds: { feed: national[largest] } },
  };
  rows.push(
    ...(await compareSides(
      browser,
      baseUrl,
      `resource-list ${largest.toLocaleString('en-GB')} + 1,000 local`,
      'the same widget, national feed alone',
      layered,
      largest,
    )),
  );
  return rows;
}
