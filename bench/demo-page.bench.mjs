/**
 * The demo pages (a partner intranet page embedding every widget, English and
 * Welsh) loaded cold from the project server, RUNS times each after one
 * warm-up, each load in a fresh browser context (empty cache and storage):
 * - time from navigation start until every widget has rendered: each has a
 *   shadow root with content and no `[aria-busy="true"]` is left in any
 *   shadow root (checked every animation frame);
 * - cumulative layout shift (sum of 'layout-shift' entries without recent
 *   input) and long tasks ('longtask' entries: count and total duration),
 *   observed from before the first byte until 500 ms after rendering;
 * - requests to other origins, blocked and counted (they must be 0).
 */
import { RUNS, blockExternal, rounded, stats } from './harness.mjs';

export const title = 'Demo pages: time to render every widget, layout shift, long tasks';

const PAGES = [
  { path: '/demo/', label: 'demo page (en)' },
  { path: '/demo/cy.html', label: 'demo page (cy)' },
];
const RENDER_TIMEOUT_MS = 20_000;
/** Late shifts and tasks (images, fonts, a second render) still count after the widgets are ready. */
const SETTLE_MS = 500;

function observe() {
  const bench = { cls: 0, longTasks: 0, longTaskMs: 0 };
  Object.defineProperty(window, '__clBench', { value: bench });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      bench.longTasks += 1;
      bench.longTaskMs += entry.duration;
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: the widgets (not <cl-feed>, which renders nothing itself) and whether each has rendered. */
function widgetStates() {
  const busy = (root) =>
    root.querySelector('[aria-busy="true"]') !== null ||
    [...root.querySelectorAll('*')].some((el) => el.shadowRoot && busy(el.shadowRoot));
  const widgets = [...document.body.querySelectorAll('*')].filter(
    (el) => el.localName.startsWith('cl-') && el.localName !== 'cl-feed',
  );
  return widgets.map((el) => ({
    tag: el.localName,
    defined: customElements.get(el.localName) !== undefined,
    rendered: Boolean(el.shadowRoot && el.shadowRoot.childElementCount > 0 && !busy(el.shadowRoot)),
  }));
}

async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const external = await blockExternal(page, url);
    // The observers start before the page's first byte; the state check is shared by the wait and its error report.
    await page.addInitScript(`(${observe})(); window.__clWidgetStates = ${widgetStates};`);
    await page.goto(url, { waitUntil: 'commit' });
    const ready = await page
      .waitForFunction(
        () => {
          if (document.readyState === 'loading') return false;
          const states = window.__clWidgetStates();
          return states.every((s) => s.rendered) && { ms: performance.now(), widgets: states.length };
        },
        null,
        { polling: 'raf', timeout: RENDER_TIMEOUT_MS },
      )
      .catch(async (error) => {
        const pending = (await page.evaluate(() => window.__clWidgetStates()))
          .filter((s) => !s.rendered)
          .map((s) => (s.defined ? s.tag : `${s.tag} (not defined: is it in the build?)`));
        throw new Error(
          `${url}: not every widget rendered within ${RENDER_TIMEOUT_MS} ms (still waiting: ${pending.join(', ')})`,
          { cause: error },
        );
      });
    const { ms, widgets } = await ready.jsonValue();
    await page.waitForTimeout(SETTLE_MS);
    const { cls, longTasks, longTaskMs } = await page.evaluate(() => window.__clBench);
    return { ms, widgets, cls, longTasks, longTaskMs, blocked: external.blocked, blockedUrls: external.urls };
  } finally {
    await context.close();
  }
}

export async function run({ browser, baseUrl }) {
  const rows = [];
  for (const { path, label } of PAGES) {
    const url = new URL(path, baseUrl).href;
    await loadOnce(browser, url);
    const samples = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await loadOnce(browser, url));
    const blockedUrls = [...new Set(samples.flatMap((s) => s.blockedUrls))];
    if (blockedUrls.length > 0) console.warn(`${label}: blocked requests to other origins: ${blockedUrls.join(', ')}`);
    const figure = (key) => stats(samples.map((s) => s[key]));
    rows.push(
      { case: label, metric: `all ${samples[0].widgets} widget(s) rendered`, unit: 'ms', ...rounded(figure('ms'), 0) },
      { case: label, metric: 'cumulative layout shift', unit: 'score', ...rounded(figure('cls'), 4) },
      { case: label, metric: 'long tasks', unit: 'count', ...figure('longTasks') },
      { case: label, metric: 'long tasks, total', unit: 'ms', ...rounded(figure('longTaskMs'), 0) },
      { case: label, metric: 'requests to other origins (blocked)', unit: 'count', ...figure('blocked') },
    );
  }
  return rows;
}
