/**
 * Prerendered snippets on pages of their own, for the tests of prerendering: the build's (the built-in feed) or the
 * server's prerenderer's (a test's own feed), with or without scripting.
 */
import { expect } from '@open-wc/testing';
import type { BaseElement } from '../src/internal/base-element.js';
import { mock, server, uniqueName, until } from './harness.js';

export const CDN = `${server}/dist/cdn/`;

export interface PrerenderedPage {
  frame: HTMLIFrameElement;
  element: BaseElement;
  root: ShadowRoot;
  warnings: unknown[][];
  /** Adds the widget's entry script, as the snippet's script tag does, and waits for the widget to settle. */
  runScript(): Promise<void>;
  /**
   * Runs the widget's entry (its loader, as built) with the widget's own chunk held back: resolves once the loader
   * has run, with the function that lets the chunk come and waits for the widget to settle.
   */
  runLoaderOnly(): Promise<() => Promise<void>>;
}

/** A feed of the test's own, served from a mock address, and the widget's other attributes. */
export interface OwnFeed {
  feed: object;
  attributes?: Record<string, string>;
  /** Where the feed is served (a mock's address), when several snippets share it; else a fresh mock address. */
  src?: string;
}

/** The prerendered snippet: the build's (the built-in feed), or rendered by the server's prerenderer from `own`. */
export async function snippetFor(widget: string, lang: 'en' | 'cy', own?: OwnFeed): Promise<string> {
  if (!own) {
    const response = await fetch(`${CDN}prerendered/${widget}.${lang}.json`);
    expect(response.ok, `dist/cdn/prerendered/${widget}.${lang}.json (run npm run build)`).to.equal(true);
    const { html } = (await response.json()) as { html: string };
    return html.replaceAll('https://cl-base.invalid/', CDN);
  }
  const src = own.src ?? (await mock(uniqueName('prerendered-feed'), { body: own.feed }));
  const response = await fetch(`${server}/__test__/prerender`, {
    method: 'POST',
    body: JSON.stringify({ widget, feed: own.feed, src, lang, attributes: own.attributes }),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
  return response.text();
}

/** The partner's page around a snippet: its head's own markup (a CSP meta tag), its CSS, the snippet's surroundings. */
export interface HostPage {
  head?: string;
  css?: string;
  wrap?: (snippet: string) => string;
}

/**
 * The snippet on a page of its own (same origin as the test, so the test can look inside), no script yet. With
 * `scripting: false` the page is sandboxed without scripts: the browser reads it as with JavaScript turned off.
 */
export async function openPrerendered(
  widget: string,
  lang: 'en' | 'cy',
  own?: OwnFeed,
  { scripting = true, host = {} }: { scripting?: boolean; host?: HostPage } = {},
): Promise<PrerenderedPage> {
  const { head = '', css = '', wrap = (snippet: string) => snippet } = host;
  const snippet = await snippetFor(widget, lang, own);
  const frame = document.createElement('iframe');
  if (!scripting) frame.sandbox.add('allow-same-origin');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head>${head}<title>A partner’s page</title><style>${css}</style></head><body style="margin: 0"><main>${wrap(snippet)}</main></body></html>`;
  document.body.append(frame);
  await loaded;
  const frameWindow = frame.contentWindow as Window & typeof globalThis;
  const element = frameWindow.document.querySelector<BaseElement>(`cl-${widget}`)!;
  const warnings: unknown[][] = [];
  frameWindow.console.warn = (...args: unknown[]) => warnings.push(args);
  return {
    frame,
    element,
    root: element.shadowRoot!,
    warnings,
    async runScript() {
      addModuleScript(frameWindow.document, `${CDN}${widget}.js`);
      await settle();
    },
    async runLoaderOnly() {
      // The loader's own text, served from a mock, with its import of the widget's chunk pointed at a held mock that
      // re-exports that chunk; the other chunks are the CDN's.
      const loader = await (await fetch(`${CDN}${widget}.js`)).text();
      const ownChunk = new RegExp(`\\./chunks/${widget}-[\\w-]+\\.js`);
      const chunk = ownChunk.exec(loader)?.[0];
      expect(chunk, `the loader imports chunks/${widget}-<hash>.js`).to.not.equal(undefined);
      const gate = uniqueName('chunk-gate');
      const script = { 'Content-Type': 'text/javascript; charset=utf-8' };
      const heldChunk = await mock(uniqueName('held-chunk'), {
        body: `export * from '${new URL(chunk!, CDN).href}';`,
        headers: script,
        holdUntil: gate,
      });
      const text = loader
        .replace(ownChunk, heldChunk)
        .replaceAll('"./chunks/', `"${CDN}chunks/`)
        .replace(/\/\/# sourceMappingURL=.*$/m, '');
      addModuleScript(frameWindow.document, await mock(uniqueName('loader'), { body: text, headers: script }));
      await until(
        () =>
          (frameWindow as unknown as Record<symbol, unknown>)[
            Symbol.for('compassionate-leadership-widgets.kept-presses')
          ],
        'the loader ran',
      );
      expect(frameWindow.customElements.get(`cl-${widget}`), 'the widget’s code held back').to.equal(undefined);
      return async () => {
        await mock(gate, { body: '' });
        await settle();
      };
    },
  };

  async function settle(): Promise<void> {
    await frameWindow.customElements.whenDefined(`cl-${widget}`);
    await until(() => element.hasUpdated, 'the widget updated');
    // The render that follows hydration (what only this browser knows).
    await element.updateComplete;
    await element.updateComplete;
  }
}

/** Adds a module script to `document`, as a script tag in the page does. */
export function addModuleScript(document: Document, src: string): void {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  document.head.append(script);
}

export const youTubeFeed = (): OwnFeed => ({
  feed: {
    version: 1,
    films: [
      { id: 'film', title: 'A film', source: { provider: 'youtube', id: 'M7lc1UVf-VE' } },
      { id: 'other', title: { en: 'Another film', cy: 'Ffilm arall' }, url: 'https://socialcare.wales/' },
    ],
  },
});

export const contactFeed = (): OwnFeed => ({
  feed: { version: 1, contact: { phone: '0300 3033 444', endpoint: `${server}/api/contact` } },
});

/** Closes the pages; focus goes back to the test's page first, so the next test's keys reach a page that exists. */
export function closePages(): void {
  window.focus();
  (document.activeElement as HTMLElement | null)?.blur();
  document.querySelectorAll('iframe').forEach((frame) => frame.remove());
}

/**
 * The build's snippets of `widgets` (the built-in feed), or with `own` each rendered from that feed served at one
 * address, on one page, no script yet; `runScript` adds one entry. The answer to the widgets' check of the feed waits
 * for `releaseFeed`, or with `feedFails` never comes.
 */
export async function openPrerenderedWidgets(
  widgets: string[],
  lang: 'en' | 'cy',
  { feedFails = false, own }: { feedFails?: boolean; own?: OwnFeed } = {},
) {
  const shared = own && { ...own, src: await mock(uniqueName('prerendered-feed'), { body: own.feed }) };
  const snippets = await Promise.all(widgets.map((widget) => snippetFor(widget, lang, shared)));
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="${lang}"><body style="margin: 0"><main>${snippets.join('')}</main></body></html>`;
  document.body.append(frame);
  await loaded;
  const frameWindow = frame.contentWindow as Window & typeof globalThis;
  const warnings: unknown[][] = [];
  frameWindow.console.warn = (...args: unknown[]) => warnings.push(args);
  // The server's answer to the widgets' check of their feed is held until the test releases it.
  let releaseFeed!: () => void;
  const released = new Promise<void>((resolve) => (releaseFeed = resolve));
  const realFetch = frameWindow.fetch.bind(frameWindow);
  frameWindow.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const isFeed = shared ? url === shared.src : url.endsWith('/feed/built-in.json');
    if (isFeed && feedFails) throw new TypeError('Failed to fetch (the test’s network is down)');
    const response = await realFetch(input, init);
    if (isFeed) await released;
    return response;
  };
  /** Adds `widget`'s entry script; settles once its element is defined. */
  const loadEntry = (widget: string) => {
    const script = frameWindow.document.createElement('script');
    script.type = 'module';
    script.src = `${CDN}${widget}.js`;
    frameWindow.document.head.append(script);
    return frameWindow.customElements.whenDefined(`cl-${widget}`);
  };
  const elements = widgets.map((widget) => frameWindow.document.querySelector<BaseElement>(`cl-${widget}`)!);
  return {
    frame,
    elements,
    warnings,
    releaseFeed,
    loadEntry,
    /** Loads `widget`'s own entry and waits until its element has hydrated and rendered again. */
    async runScript(widget: string) {
      await loadEntry(widget);
      const element = elements[widgets.indexOf(widget)]!;
      await until(() => element.hasUpdated, `${widget} updated`);
      await element.updateComplete;
      await element.updateComplete;
    },
  };
}

/** Every element in `root` (a shadow root), in order: what hydration must keep. */
export const elementsIn = (root: ParentNode): Element[] => [...root.querySelectorAll('*')];

/** Whether `root` holds exactly the elements `before` listed, the same nodes in the same order (none replaced). */
export const keptElements = (before: Element[], root: ParentNode): boolean => {
  const after = elementsIn(root);
  return after.length === before.length && after.every((node, at) => node === before[at]);
};

/** Whether a reader is shown `element`: laid out and not hidden by `visibility`. */
export const shown = (element: Element | null | undefined): boolean =>
  !!element?.checkVisibility({ visibilityProperty: true });

/** What a reader is shown in `root`: each element that is, by its tag and part, in order; none inside `except`. */
export const seen = (root: ShadowRoot, except?: string): string[] =>
  [...root.querySelectorAll('*')]
    .filter((node) => shown(node) && !(except && node.closest(except)))
    .map((node) => `${node.localName}${node.hasAttribute('part') ? `[${node.getAttribute('part')}]` : ''}`);
