/**
 * What every hardening test shares: the four widgets, how to tell what a
 * widget shows (content, error panel, still loading, or a blank box), how to
 * operate each one with real key presses, and a catcher for uncaught errors.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BaseElement } from '../../src/internal/base-element.js';
import type { ClElement } from '../../src/internal/cl-element.js';
import '../../src/index.js';
import { mock, server, until } from '../harness.js';

/** The hardening feed: every section filled, relative media and endpoint resolved against the feed's own URL. */
export const FEED_URL = `${server}/test/fixtures/hardening/feed.json`;
export const FIXTURES = `${server}/test/fixtures/hardening`;

export const WIDGET_TAGS = ['cl-principle-cards', 'cl-film-player', 'cl-resource-list', 'cl-contact-form'] as const;
export type WidgetTag = (typeof WIDGET_TAGS)[number];

export type View = 'loading' | 'error' | 'content' | 'blank';

/** Every element under `root`, through open shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deepElements(el.shadowRoot) : [])]);
}

/** What a widget shows a reader right now. Content means visible text beyond the language switch and any notice. */
export function viewOf(el: Element): View {
  const root = el.shadowRoot?.querySelector('.cl-root');
  if (!root) return 'blank';
  if (root.querySelector('[aria-busy="true"]')) return 'loading';
  if (root.querySelector('[part="error"][role="alert"]')) return 'error';
  const box = root.getBoundingClientRect();
  const text = [...root.children]
    .filter((child) => !child.matches('.cl-language-switch, [part="stale"]'))
    .map((child) => (child as HTMLElement).innerText ?? child.textContent ?? '')
    .join('')
    .trim();
  return text !== '' && box.height > 0 ? 'content' : 'blank';
}

/**
 * Waits until the widget shows content or an error panel and returns what it
 * shows; after `timeoutMs`, whatever it shows then (loading, blank).
 */
export async function settledView(el: BaseElement, timeoutMs = 8000): Promise<View> {
  const start = performance.now();
  while (!['content', 'error'].includes(viewOf(el)) && performance.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await el.updateComplete;
  return viewOf(el);
}

/** Interactive elements a person can see, inside the widget's shadow root. */
export function visibleControls(el: Element): HTMLElement[] {
  return deepElements(el.shadowRoot!).filter((node): node is HTMLElement => {
    if (!node.matches('a[href], button, input, select, textarea, summary, video[controls]')) return false;
    if (node.closest('[aria-hidden="true"], [hidden], .cl-visually-hidden')) return false;
    const style = getComputedStyle(node);
    return style.display !== 'none' && style.visibility !== 'hidden';
  });
}

function part<T extends HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  expect(found, `${el.localName} ${selector}`).to.not.equal(null);
  return found!;
}

/**
 * Uses the widget's main control by keyboard (focus, then real key presses)
 * on the hardening feed and waits for the visible result.
 */
export async function operate(el: BaseElement): Promise<void> {
  switch (el.localName as WidgetTag) {
    case 'cl-principle-cards': {
      const toggle = part<HTMLButtonElement>(el, '[part="practice-toggle"]');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => toggle.getAttribute('aria-expanded') === 'true', 'the practice points to open');
      return;
    }
    case 'cl-film-player': {
      part<HTMLButtonElement>(el, '[part="play-button"]').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('video'), 'the video to be in place');
      return;
    }
    case 'cl-resource-list': {
      part<HTMLInputElement>(el, '[part="search"]').focus();
      await sendKeys({ type: 'myths' });
      await until(() => el.shadowRoot!.querySelectorAll('[part="item"]').length === 1, 'the search to narrow the list');
      return;
    }
    case 'cl-contact-form': {
      part<HTMLButtonElement>(el, '[part="send"]').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('.error-summary'), 'the error summary');
      return;
    }
  }
}

/** Fills the contact form (by keyboard, but the topic's select) and presses send with Enter. */
export async function fillAndSend(form: BaseElement): Promise<void> {
  const root = form.shadowRoot!;
  for (const [id, value] of [
    ['name', 'Ffion Jones'],
    ['email', 'ffion@example.org'],
    ['message', 'A message that must not be lost.'],
  ]) {
    root.querySelector<HTMLInputElement>(`#${id}`)!.focus();
    await sendKeys({ type: value! });
  }
  const topic = root.querySelector<HTMLSelectElement>('#topic')!;
  topic.value = 'general';
  topic.dispatchEvent(new Event('change'));
  root.querySelector<HTMLButtonElement>('[part="send"]')!.focus();
  await sendKeys({ press: 'Enter' });
}

/** Collects uncaught errors and unhandled rejections on this page until `stop()`. */
export function catchUncaught(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Loads `url` in an iframe and resolves with the first message that page posts to this one. */
export async function pageReport<T>(url: string, options: { sandbox?: string; timeoutMs?: number } = {}): Promise<T> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  if (options.sandbox !== undefined) frame.setAttribute('sandbox', options.sandbox);
  const report = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No report from ${url}`)), options.timeoutMs ?? 20_000);
    window.addEventListener('message', function onMessage(event: MessageEvent) {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(event.data as T);
    });
  });
  frame.src = url;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

/** What test/fixtures/hardening/report-page.js posts back. */
export interface PageReport {
  failed?: string;
  beforeUpgrade: { tag: string; upgraded: boolean; fallback: string }[];
  loadErrors: string[];
  views: string[];
  film: string;
  violations: string[];
  errors: string[];
  trustedTypesEnforced: boolean;
  storage: 'available' | 'blocked';
}

export const CDN_BUNDLE = '/dist/cdn/compassionate-leadership.js';

/**
 * Serves a real page (on the project server's origin) whose only script is
 * report-page.js: it loads `bundles` in order, then reports. `headers` may
 * carry a Content-Security-Policy.
 */
export async function servedPage(
  name: string,
  options: { body: string; bundles?: string[]; headers?: Record<string, string>; play?: boolean; lang?: string },
): Promise<string> {
  const { body, bundles = [CDN_BUNDLE], headers = {}, play = false, lang = 'en' } = options;
  return mock(name, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    body: `<!doctype html>
<html lang="${lang}" data-bundles="${bundles.join(',')}"${play ? ' data-play' : ''}>
<head><meta charset="utf-8"><title>Hardening page</title>
<script type="module" src="/test/fixtures/hardening/report-page.js"></script></head>
<body>${body}</body>
</html>`,
  });
}

/** The four widgets reading the hardening feed, each with light-DOM fallback content. */
export const ALL_WIDGETS_HTML = `<cl-feed src="/test/fixtures/hardening/feed.json">
  <cl-principle-cards><p>Principles fallback</p></cl-principle-cards>
  <cl-film-player film="clip"><p>Films fallback</p></cl-film-player>
  <cl-resource-list><p>Resources fallback</p></cl-resource-list>
  <cl-contact-form><p>Contact fallback</p></cl-contact-form>
</cl-feed>`;

/** One widget's markup on the hardening feed (the film player on the self-hosted film). */
export function widgetHtml(tag: WidgetTag, src = FEED_URL, attributes = ''): string {
  return `<${tag} src="${src}"${tag === 'cl-film-player' ? ' film="clip"' : ''} ${attributes}></${tag}>`;
}

/** Adds `html` to the page in a new container; remove it with `container.remove()`. */
export function mount(html: string, style = 'width: 600px'): HTMLDivElement {
  const container = document.createElement('div');
  container.setAttribute('style', style);
  container.innerHTML = html;
  document.body.append(container);
  return container;
}

export function widgetsIn(root: ParentNode): BaseElement[] {
  return [...root.querySelectorAll<BaseElement>(WIDGET_TAGS.join(','))];
}

/** A partner's page in a frame: its widgets, and what reached its error handlers. */
export interface ScriptedPage {
  window: Window & typeof globalThis;
  widgets: ClElement[];
  /** The page's widget `tag`. */
  widget(tag: WidgetTag): ClElement;
  errors: string[];
}

/**
 * A partner's page with a script of its own: `script` first, then the CDN bundle, and the four widgets in a `<cl-feed>`
 * of `feedUrl` inside an element that sets the language (not `<html>`, which says English), placed by `wrap` in the
 * page's own markup. Errors and unhandled rejections are caught from the page's first script on, and a page script that
 * did not load is one of them.
 */
export async function openScriptedPage(
  script: string,
  lang: 'en' | 'cy',
  feedUrl: string,
  wrap = (widgets: string) => widgets,
): Promise<ScriptedPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const markup = WIDGET_TAGS.map((tag) => `<${tag}${tag === 'cl-film-player' ? ' film="clip"' : ''}></${tag}>`);
  frame.srcdoc = `<!doctype html><html lang="en"><head><title>A partner’s page</title>
<script>
  window.caught = [];
  addEventListener('error', function (event) { caught.push('error: ' + event.message); });
  addEventListener('unhandledrejection', function (event) { caught.push('unhandled rejection: ' + event.reason); });
</script>
<script src="${server}${script}" onerror="caught.push('the page’s script did not load')"></script>
<script type="module" src="${server}/dist/cdn/compassionate-leadership.js"></script>
</head><body><main>${wrap(`<div lang="${lang}"><cl-feed src="${feedUrl}">${markup.join('')}</cl-feed></div>`)}</main></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const frameWindow = frame.contentWindow as Window & typeof globalThis & { caught: string[] };
  await Promise.all(WIDGET_TAGS.map((tag) => frameWindow.customElements.whenDefined(tag)));
  // The page has the keyboard, as a page a person opened does: keys pressed after a control's focus() reach it.
  frameWindow.focus();
  const widgets = [...frameWindow.document.querySelectorAll<ClElement>(WIDGET_TAGS.join(','))];
  return {
    window: frameWindow,
    widgets,
    widget: (tag) => widgets.find((el) => el.localName === tag)!,
    errors: frameWindow.caught,
  };
}
