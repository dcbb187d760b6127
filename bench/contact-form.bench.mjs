/**
 * <cl-contact-form> against the same questions built with GOV.UK Frontend
 * (its character count component), each page loaded cold in a fresh browser
 * context, RUNS times after one warm-up:
 * - time from navigation until the message box and its character count are
 *   on screen (ours also loads and validates the built-in feed for topics);
 * - time per keystroke while typing 100 characters into the message, until
 *   the count shows the new figure (ours also saves the draft, debounced).
 * The time to a usable form is also measured for the recommended path, the
 * widget prerendered into the same page (bench/prerendered-pages.mjs), the
 * three pages in turn (ABCABC). Its controls are painted with the HTML, but
 * it is usable only once the element is also defined and hydrated: the clock
 * stops when both are seen.
 * Requests to other origins are blocked and must stay 0.
 */
import { blockExternal, compare, paintWatcher, repeatAll, repeatPair } from './harness.mjs';
import { writePrerenderedPage } from './prerendered-pages.mjs';

export const title = 'Contact form: time to a usable form, typing latency (peer: GOV.UK Frontend character count)';

const TYPED = 'x'.repeat(100);
const PAGES = {
  ours: {
    path: '/bench/pages/contact-form-widget.html',
    message: 'cl-contact-form #message',
    count: 'cl-contact-form .count',
    findCount: () => document.querySelector('cl-contact-form')?.shadowRoot?.querySelector('.count'),
  },
  peer: {
    path: '/bench/pages/contact-form-peer.html',
    message: '#message',
    count: '.govuk-character-count__status',
    findCount: () => document.querySelector('.govuk-character-count__status'),
  },
};

/**
 * Run in the page, found by its own frames (`paintWatcher`): the count shows "2,000" and is visible; with `hydrated`
 * (a tag), that element is also defined and hydrated (Lit's `hasUpdated`).
 */
const usable = ({ findCount, hydrated }) => `() => {
  const count = (${findCount})();
  if (!count?.textContent.includes('2,000') || !count.checkVisibility()) return false;
  const tag = ${JSON.stringify(hydrated ?? null)};
  return !tag || (customElements.get(tag) !== undefined && document.querySelector(tag)?.hasUpdated === true);
}`;

async function withPage(browser, baseUrl, fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const external = await blockExternal(page, baseUrl);
    const value = await fn(page);
    if (external.blocked > 0) throw new Error(`requests to other origins: ${external.urls.join(', ')}`);
    return value;
  } finally {
    await context.close();
  }
}

/**
 * Navigation start to the first frame with a visible count of "2,000" (and, with `hydrated`, the element defined and
 * hydrated), timed after that frame as in the other cases.
 */
async function loadMs(page, baseUrl, target) {
  await page.addInitScript(paintWatcher('__clUsable', usable(target)));
  await page.goto(`${baseUrl}${target.path}`, { waitUntil: 'commit' });
  return page.evaluate(
    (timeoutMs) =>
      Promise.race([
        window.__clUsable,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`not usable within ${timeoutMs} ms`)), timeoutMs)),
      ]),
    20_000,
  );
}

async function typingMsPerKey(page, baseUrl, target) {
  await loadMs(page, baseUrl, target);
  await page.locator(target.message).focus();
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.type(TYPED);
  await page.locator(target.count).filter({ hasText: '1,900' }).waitFor({ timeout: 20_000 });
  const end = await page.evaluate(() => performance.now());
  return (end - start) / TYPED.length;
}

export async function run({ browser, baseUrl }) {
  const once = (fn, target) => () => withPage(browser, baseUrl, (page) => fn(page, baseUrl, target));
  const prerendered = {
    ...PAGES.ours,
    path: await writePrerenderedPage(baseUrl, 'contact-form'),
    hydrated: 'cl-contact-form',
  };
  const load = await repeatAll({
    ours: once(loadMs, PAGES.ours),
    prerendered: once(loadMs, prerendered),
    peer: once(loadMs, PAGES.peer),
  });
  const { ours: typeOurs, peer: typePeer } = await repeatPair(
    once(typingMsPerKey, PAGES.ours),
    once(typingMsPerKey, PAGES.peer),
  );
  return [
    ...[
      ['ours', 'contact-form'],
      ['prerendered', 'contact-form (prerendered)'],
    ].map(([side, name]) =>
      compare({ case: name, metric: 'time to a usable form', unit: 'ms', ...load[side] }, 'GOV.UK Frontend', load.peer),
    ),
    compare(
      { case: 'contact-form', metric: 'typing latency (100 keys)', unit: 'ms/key', ...typeOurs },
      'GOV.UK Frontend',
      typePeer,
    ),
  ];
}
