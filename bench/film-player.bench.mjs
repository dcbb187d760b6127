/**
 * <cl-film-player> against lite-youtube-embed (the best-known YouTube facade),
 * each showing one YouTube film on the same page, cold, in a fresh browser
 * context per load:
 * - time from navigation to the first paint with a play button that works;
 * - bytes transferred up to then (the page, scripts, styles, our feed);
 * - third-party requests and preconnects before anyone presses play, with the
 *   play button focused and hovered (lite-youtube-embed warms connections on
 *   both). Every request to another origin is blocked and counted; preconnect
 *   links never reach the router, so they are counted in the page.
 *
 * lite-youtube-embed is served as npm ships it (unminified source); ours is
 * the minified CDN build.
 */
import { blockExternal, compare, repeat, stats, paintWatcher } from './harness.mjs';

export const title = '<cl-film-player>: cost of a YouTube facade against lite-youtube-embed';

const TIMEOUT_MS = 20_000;
const PEER = 'lite-youtube-embed 0.3.4';

/** Run in the page: what the timing waits to see painted. */
const findPlayButton = () =>
  document.querySelector('cl-film-player')?.shadowRoot?.querySelector('[part~="play-button"]') ??
  document.querySelector('lite-youtube .lyt-playbtn');

async function measure(browser, pageUrl, hostSelector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const external = await blockExternal(page, pageUrl);
    await page.addInitScript(paintWatcher('__clPlayReady', findPlayButton));
    await page.goto(pageUrl, { waitUntil: 'commit' });
    const { readyMs, bytes } = await page.evaluate(async (timeoutMs) => {
      const timeout = new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no play button within ${timeoutMs} ms`)), timeoutMs),
      );
      const readyMs = await Promise.race([window.__clPlayReady, timeout]);
      const [navigation] = performance.getEntriesByType('navigation');
      const resources = performance.getEntriesByType('resource').filter((entry) => entry.responseEnd <= readyMs);
      const bytes = resources.reduce((sum, entry) => sum + entry.transferSize, navigation.transferSize);
      return { readyMs, bytes };
    }, TIMEOUT_MS);
    // What a reader does before deciding to play: point at the film, move focus to its button.
    await page.hover(hostSelector);
    await page.keyboard.press('Tab');
    await page.waitForLoadState('networkidle');
    const preconnects = await page.evaluate(
      () =>
        [
          ...document.querySelectorAll(
            'link[rel~="preconnect"], link[rel~="dns-prefetch"], link[rel~="preload"], link[rel~="prefetch"]',
          ),
        ].filter((link) => new URL(link.href, location.href).origin !== location.origin).length,
    );
    return { readyMs, bytes, thirdParty: external.blocked + preconnects };
  } finally {
    await context.close();
  }
}

/** Loads the page RUNS times (after one warm-up) and returns the stats of each figure. */
async function measureAll(browser, pageUrl, hostSelector) {
  const samples = [];
  await repeat(async () => {
    const sample = await measure(browser, pageUrl, hostSelector);
    samples.push(sample);
    return sample.readyMs;
  });
  const measured = samples.slice(1);
  const round = (s) => ({
    ...s,
    median: Number(s.median.toFixed(1)),
    min: Number(s.min.toFixed(1)),
    max: Number(s.max.toFixed(1)),
    p95: Number(s.p95.toFixed(1)),
  });
  return {
    readyMs: round(stats(measured.map((s) => s.readyMs))),
    bytes: stats(measured.map((s) => s.bytes)),
    thirdParty: stats(measured.map((s) => s.thirdParty)),
  };
}

export async function run({ browser, baseUrl }) {
  const ours = await measureAll(
    browser,
    new URL('/bench/pages/film-player-widget.html', baseUrl).href,
    'cl-film-player',
  );
  const peer = await measureAll(browser, new URL('/bench/pages/film-player-lite.html', baseUrl).href, 'lite-youtube');
  const row = (metric, unit, figure) =>
    compare({ case: 'film-player', metric, unit, ...ours[figure] }, PEER, peer[figure]);
  return [
    row('navigation to an interactive play button', 'ms', 'readyMs'),
    row('bytes transferred until the play button works', 'B', 'bytes'),
    row('third-party requests and preconnects before play (focused, hovered)', 'count', 'thirdParty'),
  ];
}
