/**
 * <cl-principle-cards>: time from the feed's arrival (its resource timing
 * responseEnd) to the first paint that shows the cards, each load cold in a
 * fresh browser context. The peer is the least a page could do: fetch the
 * same feed and build the same cards with plain DOM, unvalidated.
 *
 * Also from navigation start to that paint, on the same loads and on a third
 * page in turn with them (ABCABC): the recommended path, the widget
 * prerendered into the same page (bench/prerendered-pages.mjs), which has no
 * feed to wait for before its cards are painted. And the peer a fourth way, its script in a file of its own
 * (`writeCardsPeerFromFile`), in turn with the others: set against the plain script tag, it shows what of that row's
 * gap is the request an inline script does not make, and what is our code.
 *
 * "First paint of the cards": an init script checks every animation frame
 * whether the cards are in the DOM; in the first frame that has them it
 * posts a message, which runs after that frame's paint.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CARDS_PEER_FROM_FILE,
  alternateAll,
  blockExternal,
  compare,
  repeatPair,
  paintWatcher,
  rounded,
  stats,
  writeCardsPeerFromFile,
} from './harness.mjs';
import { writePrerenderedPage } from './prerendered-pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const title = '<cl-principle-cards>: feed arrival to first paint of the cards';

const FEED_PATH = '/feed/built-in.json';
const TIMEOUT_MS = 20_000;

/** Run in the page: what the timing waits to see painted. */
const findCard = () => {
  const widget = document.querySelector('cl-principle-cards');
  return widget ? widget.shadowRoot?.querySelector('[part~="card"]') : document.querySelector('.card');
};

/**
 * One cold load: the first paint of the cards and the feed's responseEnd, both from navigation start. `needsFeed`:
 * the page must have fetched the feed (a prerendered page paints its cards from its HTML, fetched or not).
 */
async function measure(browser, pageUrl, feedUrl, needsFeed = true) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const external = await blockExternal(page, pageUrl);
    await page.addInitScript(paintWatcher('__clCardsPainted', findCard));
    await page.goto(pageUrl, { waitUntil: 'commit' });
    const { painted, arrived } = await page.evaluate(
      async ({ feedUrl, timeoutMs }) => {
        const timeout = new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no cards within ${timeoutMs} ms`)), timeoutMs),
        );
        const painted = await Promise.race([window.__clCardsPainted, timeout]);
        const entry = performance.getEntriesByType('resource').find((e) => e.name === feedUrl);
        return { painted, arrived: entry ? entry.responseEnd : undefined };
      },
      { feedUrl, timeoutMs: TIMEOUT_MS },
    );
    if (arrived === undefined && needsFeed) throw new Error(`${pageUrl}: no resource timing entry for ${feedUrl}`);
    if (external.blocked > 0) throw new Error(`${pageUrl}: requests to other origins: ${external.urls.join(', ')}`);
    return { painted, arrived };
  } finally {
    await context.close();
  }
}

/** The feed's answer, held this long on a repeat view: a network the saved copy does not wait for. */
const FEED_DELAY_MS = 300;

/**
 * A warm repeat view: the page visited once (the widget saves its copy of the feed, the browser caches the page's
 * files), then again with the feed's answer held FEED_DELAY_MS. Returns the navigation's time to painted cards and
 * the feed's responseEnd, both from the navigation's start.
 */
async function measureRepeatView(browser, pageUrl, feedUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const external = await blockExternal(page, pageUrl);
    await page.addInitScript(paintWatcher('__clCardsPainted', findCard));
    await page.goto(pageUrl);
    await page.evaluate(() => window.__clCardsPainted);
    await page.route(feedUrl, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, FEED_DELAY_MS));
      await route.continue();
    });
    await page.goto(pageUrl, { waitUntil: 'commit' });
    const painted = await page.evaluate(() => window.__clCardsPainted);
    // The repeat view's own check of the feed ends later: wait for it, so its timing is in.
    const arrived = await page.evaluate(
      (url) =>
        new Promise((resolve) => {
          const find = () => performance.getEntriesByType('resource').find((e) => e.name === url)?.responseEnd;
          const poll = () => (find() ? resolve(find()) : setTimeout(poll, 20));
          poll();
        }),
      feedUrl,
    );
    if (external.blocked > 0) throw new Error(`${pageUrl}: requests to other origins: ${external.urls.join(', ')}`);
    return { painted, arrived };
  } finally {
    await context.close();
  }
}

export async function run({ browser, baseUrl }) {
  const feedUrl = new URL(FEED_PATH, baseUrl).href;
  const widgetPage = new URL('/bench/pages/principle-cards-widget.html', baseUrl).href;
  const peerPage = new URL('/bench/pages/principle-cards-peer.html', baseUrl).href;
  const prerenderedPage = new URL(await writePrerenderedPage(baseUrl, 'principle-cards'), baseUrl).href;
  const peerFilePage = new URL(await writeCardsPeerFromFile(root), baseUrl).href;
  const cold = await alternateAll({
    ours: () => measure(browser, widgetPage, feedUrl),
    prerendered: () => measure(browser, prerenderedPage, feedUrl, false),
    peer: () => measure(browser, peerPage, feedUrl),
    peerFile: () => measure(browser, peerFilePage, feedUrl),
  });
  const afterFeed = (side) => rounded(stats(cold[side].map((load) => load.painted - load.arrived)));
  const fromNavigation = (side) => rounded(stats(cold[side].map((load) => load.painted)));
  const repeatViews = { ours: [], peer: [] };
  const warm = await repeatPair(
    async () => {
      const view = await measureRepeatView(browser, widgetPage, feedUrl);
      repeatViews.ours.push(view);
      return view.painted;
    },
    async () => (await measureRepeatView(browser, peerPage, feedUrl)).painted,
  );
  // Positive: the cards were painted that long before the feed's (held) answer ended (the warm-up run left out).
  const ahead = stats(repeatViews.ours.slice(1).map((view) => view.arrived - view.painted));
  return [
    compare(
      { case: 'principle-cards', metric: 'feed arrival to first paint of the cards', unit: 'ms', ...afterFeed('ours') },
      'hand-written DOM',
      afterFeed('peer'),
    ),
    ...[
      ['ours', 'principle-cards'],
      ['prerendered', 'principle-cards (prerendered)'],
    ].map(([side, name]) =>
      compare(
        { case: name, metric: 'navigation to first paint of the cards', unit: 'ms', ...fromNavigation(side) },
        'hand-written DOM',
        fromNavigation('peer'),
      ),
    ),
    compare(
      {
        case: 'principle-cards',
        metric: 'navigation to first paint of the cards',
        unit: 'ms',
        ...fromNavigation('ours'),
      },
      CARDS_PEER_FROM_FILE[1],
      fromNavigation('peerFile'),
    ),
    compare(
      {
        case: 'principle-cards',
        metric: `warm repeat view, feed held ${FEED_DELAY_MS} ms: navigation to painted cards`,
        unit: 'ms',
        ...rounded(warm.ours),
      },
      'hand-written DOM',
      rounded(warm.peer),
    ),
    {
      case: 'principle-cards',
      metric: 'warm repeat view: cards painted ahead of the feed response',
      unit: 'ms',
      ...rounded(ahead),
    },
  ];
}
