/**
 * <cl-principle-cards>: time from the feed's arrival (its resource timing
 * responseEnd) to the first paint that shows the cards, each load cold in a
 * fresh browser context. The peer is the least a page could do: fetch the
 * same feed and build the same cards with plain DOM, unvalidated.
 *
 * "First paint of the cards": an init script checks every animation frame
 * whether the cards are in the DOM; in the first frame that has them it
 * posts a message, which runs after that frame's paint.
 */
import { blockExternal, compare, repeatPair, paintWatcher, rounded } from './harness.mjs';

export const title = '<cl-principle-cards>: feed arrival to first paint of the cards';

const FEED_PATH = '/feed/built-in.json';
const TIMEOUT_MS = 20_000;

/** Run in the page: what the timing waits to see painted. */
const findCard = () => {
  const widget = document.querySelector('cl-principle-cards');
  return widget ? widget.shadowRoot?.querySelector('[part~="card"]') : document.querySelector('.card');
};

async function measure(browser, pageUrl, feedUrl) {
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
    if (arrived === undefined) throw new Error(`${pageUrl}: no resource timing entry for ${feedUrl}`);
    if (external.blocked > 0) throw new Error(`${pageUrl}: requests to other origins: ${external.urls.join(', ')}`);
    return painted - arrived;
  } finally {
    await context.close();
  }
}

export async function run({ browser, baseUrl }) {
  const feedUrl = new URL(FEED_PATH, baseUrl).href;
  const widgetPage = new URL('/bench/pages/principle-cards-widget.html', baseUrl).href;
  const peerPage = new URL('/bench/pages/principle-cards-peer.html', baseUrl).href;
  const { ours, peer } = await repeatPair(
    () => measure(browser, widgetPage, feedUrl),
    () => measure(browser, peerPage, feedUrl),
  );
  return [
    compare(
      { case: 'principle-cards', metric: 'feed arrival to first paint of the cards', unit: 'ms', ...rounded(ours) },
      'hand-written DOM',
      rounded(peer),
    ),
  ];
}
