/**
 * The one test harness every browser test uses: the project's server
 * (started by the test runner on its own port, so every feed is
 * cross-origin) and its configurable mocks; mounting a widget; reading its
 * parts and visible text; waiting for it to settle; axe with the WCAG 2.2 AA
 * rules.
 */
import 'axe-core/axe.min.js';
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import type { BaseElement } from '../src/internal/base-element.js';
import { sendKeys } from '@web/test-runner-commands';

declare global {
  interface Window {
    CL_TEST_SERVER: string;
    axe: typeof import('axe-core');
  }
}

export const server = window.CL_TEST_SERVER;

/**
 * Whether `emulateMedia` (print, reduced motion) works here: only over Chromium's DevTools protocol. Firefox (WebDriver
 * BiDi) and WebKit (WebDriver) check the rules themselves instead.
 */
export const mediaEmulated = /Chrome\//.test(navigator.userAgent);

/** Safari's engine (WebKitGTK's MiniBrowser here), whose automation session behaves as a private window. */
export const webkit = /\bAppleWebKit\//.test(navigator.userAgent) && !/Chrome\//.test(navigator.userAgent);

export interface MockResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  trickleMs?: number;
  /** Sent as the ETag (with `Cache-Control: no-cache`); a request naming it is answered 304, counted as method "304". */
  etag?: string;
  /** Keeps each request waiting, with no time window, until the test sets the mock of this name (the gate). */
  holdUntil?: string;
}

/** Makes `${server}/__test__/mock/${name}` answer with `responses` in turn (the last one repeats). */
export async function mock(name: string, ...responses: MockResponse[]): Promise<string> {
  const url = `${server}/__test__/mock/${name}`;
  const response = await fetch(url, { method: 'PUT', body: JSON.stringify({ responses }) });
  expect(response.ok).to.equal(true);
  return url;
}

/** How many `method` requests the server saw for `path` (e.g. `/__test__/mock/feed-a`). */
export async function requestCount(path: string, method = 'GET'): Promise<number> {
  const response = await fetch(`${server}/__test__/requests?path=${encodeURIComponent(path)}&method=${method}`);
  return ((await response.json()) as { count: number }).count;
}

/** Waits until the server has seen more than `seen` GET requests for `path` (a held request counts as it arrives). */
export async function untilRequested(path: string, seen: number, what: string): Promise<void> {
  let count = seen;
  let asking: Promise<void> | undefined;
  await until(() => {
    asking ??= requestCount(path).then((n) => {
      count = n;
      asking = undefined;
    });
    return count > seen;
  }, what);
}

/**
 * Holds the page's responses from addresses starting with `prefix`: each is
 * fetched for real, then handed to its caller only on `release()` (`held()`
 * counts the requests made so far). The state
 * while a request is pending, with no wall-clock window. `restore()` (in a
 * `finally`) releases them and puts the page's own `fetch` back.
 */
export function holdResponses(prefix: string): { held: () => number; release: () => void; restore: () => void } {
  const realFetch = window.fetch;
  let held = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(prefix)) held += 1;
    const response = await realFetch(input, init);
    if (url.startsWith(prefix)) {
      // A held answer still honours its caller's abort (a timeout), as a slow network would.
      await new Promise<void>((resolve, reject) => {
        void released.then(resolve);
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
        if (signal?.aborted) reject(signal.reason as Error);
      });
    }
    return response;
  };
  return {
    held: () => held,
    release,
    restore: () => {
      release();
      window.fetch = realFetch;
    },
  };
}

let unique = 0;
/** A name no other test uses, so parallel test files never share a mock. */
export function uniqueName(prefix: string): string {
  unique += 1;
  return `${prefix}-${Date.now().toString(36)}-${unique}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Waits until `check` returns a truthy value, or fails with `message`. Polls
 * with timers, not animation frames: pages the runner keeps in background
 * tabs get no frames.
 */
export async function until<T>(check: () => T, message = 'condition', timeoutMs = 8000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits for a widget to leave its loading state. */
export async function settled<T extends BaseElement>(element: T): Promise<T> {
  // The first render must have happened, or "no busy status" would pass on an empty shadow root.
  await element.updateComplete;
  await until(
    () => element.shadowRoot && !element.shadowRoot.querySelector('[aria-busy="true"]'),
    `${element.localName} to load`,
  );
  await element.updateComplete;
  return element;
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe with the WCAG 2.2 AA tags and `target-size` (2.5.8, shipped
 * disabled) on `element`, and fails listing every violation.
 */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await window.axe.run(element, {
    runOnly: { type: 'tag', values: WCAG_22_AA },
    rules: { 'target-size': { enabled: true } },
  });
  const report = violationReport(results.violations);
  expect(report, report.join('\n')).to.deep.equal([]);
}

function violationReport(violations: import('axe-core').Result[]): string[] {
  return violations.map(
    (v) =>
      `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
  );
}

/**
 * `expectAccessible` for a whole document in a same-origin frame: loads axe
 * into that frame's window (axe checks the document it runs in) and runs it
 * there with the same rules.
 */
export async function expectFrameAccessible(frameWindow: Window): Promise<void> {
  const page = frameWindow as Window & { axe?: typeof import('axe-core') };
  if (!page.axe) {
    const script = page.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    page.document.head.append(script);
    await until(() => page.axe, 'axe in the frame');
  }
  const results = await page.axe!.run(page.document, {
    runOnly: { type: 'tag', values: WCAG_22_AA },
    rules: { 'target-size': { enabled: true } },
  });
  expect(results.passes.length, 'axe checked something').to.be.greaterThan(0);
  expect(violationReport(results.violations), violationReport(results.violations).join('\n')).to.deep.equal([]);
}

/** Renders nothing wider than `width` px: no horizontal scroll at 320 px (WCAG 1.4.10). */
export function expectNoOverflow(element: Element): void {
  const walk = (root: ParentNode): Element[] =>
    [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? walk(el.shadowRoot) : [])]);
  const box = element.getBoundingClientRect();
  const wide = walk(element.shadowRoot ?? element).filter((el) => el.getBoundingClientRect().right > box.right + 1);
  expect(wide.map((el) => el.outerHTML.slice(0, 80))).to.deep.equal([]);
}

/**
 * Mounts `markup` (one element, written as a partner would) in a fresh
 * container, optionally `width` wide, and returns the element once connected.
 * Call `unmountAll()` in `afterEach` (the harness's fixtures are removed there).
 */
export async function mount<T extends Element>(markup: string, options: { width?: string } = {}): Promise<T> {
  const wrapper = document.createElement('div');
  if (options.width) wrapper.style.width = options.width;
  wrapper.innerHTML = markup;
  const container = await fixture<HTMLDivElement>(wrapper);
  return container.firstElementChild as T;
}

/** Removes everything `mount` added. */
export function unmountAll(): void {
  fixtureCleanup();
}

/** Every element in `element`'s shadow root whose `part` list has `name`. */
export function parts(element: Element, name: string): HTMLElement[] {
  return [...(element.shadowRoot ?? element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** The one element in `element`'s shadow root whose `part` list has `name`; fails when there is none. */
export function part(element: Element, name: string): HTMLElement {
  const found = parts(element, name);
  expect(found.length, `part "${name}" of ${element.localName}`).to.be.greaterThan(0);
  return found[0]!;
}

/**
 * The text a sighted reader sees in `element` (through shadow roots, slots
 * and nested widgets), with runs of white space folded: elements that are
 * `hidden`, `display: none` or `visibility: hidden` are left out.
 */
export function visibleText(element: Element): string {
  // Node types, not instanceof: an element in a frame comes from another realm.
  // A `display: contents` element (every <slot>) has no box, so checkVisibility() says false: judge its children.
  const shown = (el: HTMLElement): boolean =>
    !el.hidden &&
    (el.ownerDocument.defaultView!.getComputedStyle(el).display === 'contents' ||
      el.checkVisibility({ visibilityProperty: true }));
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const el = node as HTMLElement;
    if (!shown(el)) return '';
    if (el.localName === 'slot') return (el as HTMLSlotElement).assignedNodes({ flatten: true }).map(walk).join('');
    return [...(el.shadowRoot ?? el).childNodes].map(walk).join('');
  };
  const root = element.shadowRoot ?? element;
  return [...root.childNodes].map(walk).join('').replace(/\s+/g, ' ').trim();
}

/**
 * Moves keyboard focus to `target` by pressing Tab (real key presses), failing
 * if it is not reached within `maxPresses`.
 */
export async function tabTo(target: Element, maxPresses = 20): Promise<void> {
  const root = target.getRootNode() as ShadowRoot | Document;
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await sendKeys({ press: 'Tab' });
    if (root.activeElement === target) return;
  }
  throw new Error(`Tab never reached ${target.localName}`);
}

/** A partner page that loads one widget's CDN entry inside <cl-feed> and records the feed events it hears. */
export interface EntryPage extends Window {
  feedEvents: { type: string; url: string; stale?: boolean; code?: string }[];
}

/**
 * Opens test/fixtures/entries/widget-in-feed.html for `widget` (e.g. `resource-list`) reading `feed`, with a local
 * layer when given, in an 800 × 600 frame (same origin, so its document can be read); resolves once it has loaded.
 */
export async function openEntryPage(
  widget: string,
  feed: string,
  local?: string,
): Promise<{ frame: HTMLIFrameElement; page: EntryPage }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const query = new URLSearchParams({ widget, feed, ...(local !== undefined && { local }) });
  frame.src = `/test/fixtures/entries/widget-in-feed.html?${query}`;
  document.body.append(frame);
  await loaded;
  return { frame, page: frame.contentWindow as EntryPage };
}
