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
 * Both minified: ours is the CDN build; lite-youtube-embed (npm ships only
 * its source) is minified here at bench time, as a partner's bundler would.
 * Ours twice: the plain script tag, and the recommended path (the widget
 * prerendered into the same page with the script its snippet gives, the film
 * player's facade, bench/prerendered-pages.mjs). A prerendered play button is
 * painted with the HTML but works only once the facade has run, so the clock
 * stops there. The three pages load in turn (ABCABC).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alternateAll,
  blockExternal,
  compare,
  minifyLiteYoutubeEmbed,
  stats,
  paintWatcher,
  rounded,
} from './harness.mjs';
import { writePrerenderedPage } from './prerendered-pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const title = '<cl-film-player>: cost of a YouTube facade against lite-youtube-embed';

const TIMEOUT_MS = 20_000;
const PEER = 'lite-youtube-embed 0.3.4';

/**
 * Run in the page: what the timing waits to see painted. Ours: the play button, once a press on it is acted on. A
 * prerendered button is on screen before any script and does nothing until its facade (film-player.facade.js) has
 * run: its set of kept presses then exists, and a press is kept and passed on to the widget when its code comes (as
 * a press on lite-youtube-embed's button loads YouTube's player). With the plain script tag the button first exists
 * in the widget's first render, where it works.
 */
const findPlayButton = () => {
  const widget = document.querySelector('cl-film-player');
  if (!widget) return document.querySelector('lite-youtube .lyt-playbtn');
  // The set of kept presses (src/internal/kept-presses.ts): the plain script tag's loader makes it too, before the
  // button exists, so there the button is found once the widget has rendered it.
  const keeping = globalThis[Symbol.for('compassionate-leadership-widgets.kept-presses')];
  if (!keeping && !(customElements.get('cl-film-player') && widget.hasUpdated)) return null;
  return widget.shadowRoot?.querySelector('[part~="play-button"]');
};

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

/**
 * Loads ours (plain and prerendered) and the peer's page in turn (ABCABC), RUNS times each after a warm-up, and
 * returns the stats of each figure.
 */
async function measureAll(browser, baseUrl, prerendered) {
  const page = (path) => new URL(path, baseUrl).href;
  const values = await alternateAll({
    ours: () => measure(browser, page('/bench/pages/film-player-widget.html'), 'cl-film-player'),
    prerendered: () => measure(browser, page(prerendered), 'cl-film-player'),
    peer: () => measure(browser, page('/bench/pages/film-player-lite.html'), 'lite-youtube'),
  });
  const figures = (samples) => ({
    readyMs: rounded(stats(samples.map((s) => s.readyMs))),
    bytes: stats(samples.map((s) => s.bytes)),
    thirdParty: stats(samples.map((s) => s.thirdParty)),
  });
  return Object.fromEntries(Object.entries(values).map(([side, samples]) => [side, figures(samples)]));
}

export async function run({ browser, baseUrl }) {
  await minifyLiteYoutubeEmbed(root);
  const sides = await measureAll(browser, baseUrl, await writePrerenderedPage(baseUrl, 'film-player'));
  const rows = [];
  // The plain script tag keeps the case's first name; the recommended path's rows are named after it.
  for (const [side, name] of [
    ['ours', 'film-player'],
    ['prerendered', 'film-player (prerendered)'],
  ]) {
    const row = (metric, unit, figure) =>
      compare({ case: name, metric, unit, ...sides[side][figure] }, PEER, sides.peer[figure]);
    rows.push(
      row('navigation to an interactive play button', 'ms', 'readyMs'),
      row('bytes transferred until the play button works', 'B', 'bytes'),
      row('third-party requests and preconnects before play (focused, hovered)', 'count', 'thirdParty'),
    );
  }
  return rows;
}
