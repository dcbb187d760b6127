/**
 * Prerendered HTML (the build's `prerendered/<widget>.<lang>.html`, from dist/ssr/render.js): its content is on the
 * page before any script, and the widget's own entry then hydrates it in place: the same nodes (nothing rendered
 * twice), the same boxes (no shift), focus kept, and the widget works.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { mock, server, uniqueName, until, visibleText } from './harness.js';

const CDN = `${server}/dist/cdn/`;

interface PrerenderedPage {
  frame: HTMLIFrameElement;
  element: LitElement;
  root: ShadowRoot;
  warnings: unknown[][];
  /** Adds the widget's entry script, as the snippet's script tag does, and waits for the widget to settle. */
  runScript(): Promise<void>;
}

/** A feed of the test's own, served from a mock address, and the widget's other attributes. */
interface OwnFeed {
  feed: object;
  attributes?: Record<string, string>;
}

/** The prerendered snippet: the build's (the built-in feed), or rendered by the server's prerenderer from `own`. */
async function snippetFor(widget: string, lang: 'en' | 'cy', own?: OwnFeed): Promise<string> {
  if (!own) {
    const response = await fetch(`${CDN}prerendered/${widget}.${lang}.html`);
    expect(response.ok, `dist/cdn/prerendered/${widget}.${lang}.html (run npm run build)`).to.equal(true);
    return (await response.text()).replaceAll('https://cl-base.invalid/', CDN);
  }
  const src = await mock(uniqueName('prerendered-feed'), { body: own.feed });
  const response = await fetch(`${server}/__test__/prerender`, {
    method: 'POST',
    body: JSON.stringify({ widget, feed: own.feed, src, lang, attributes: own.attributes }),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
  return response.text();
}

/** The snippet on a page of its own (same origin as the test, so the test can look inside), no script yet. */
async function openPrerendered(widget: string, lang: 'en' | 'cy', own?: OwnFeed): Promise<PrerenderedPage> {
  const snippet = await snippetFor(widget, lang, own);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="${lang}"><body style="margin: 0"><main>${snippet}</main></body></html>`;
  document.body.append(frame);
  await loaded;
  const frameWindow = frame.contentWindow as Window & typeof globalThis;
  const element = frameWindow.document.querySelector<LitElement>(`cl-${widget}`)!;
  const warnings: unknown[][] = [];
  frameWindow.console.warn = (...args: unknown[]) => warnings.push(args);
  return {
    frame,
    element,
    root: element.shadowRoot!,
    warnings,
    async runScript() {
      const script = frameWindow.document.createElement('script');
      script.type = 'module';
      script.src = `${CDN}${widget}.js`;
      frameWindow.document.head.append(script);
      await frameWindow.customElements.whenDefined(`cl-${widget}`);
      await until(() => element.hasUpdated, 'the widget updated');
      // The render that follows hydration (what only this browser knows).
      await element.updateComplete;
      await element.updateComplete;
    },
  };
}

afterEach(() => {
  // Focus back in this page before its frame goes, so the next test's keys reach a page that still exists.
  window.focus();
  (document.activeElement as HTMLElement | null)?.blur();
  document.querySelectorAll('iframe').forEach((frame) => frame.remove());
});

const youTubeFeed = (): OwnFeed => ({
  feed: {
    version: 1,
    films: [
      { id: 'film', title: 'A film', source: { provider: 'youtube', id: 'M7lc1UVf-VE' } },
      { id: 'other', title: { en: 'Another film', cy: 'Ffilm arall' }, url: 'https://socialcare.wales/' },
    ],
  },
});

const contactFeed = (): OwnFeed => ({
  feed: { version: 1, contact: { phone: '0300 3033 444', endpoint: `${server}/api/contact` } },
});

const CASES: [string, string, (() => OwnFeed)?][] = [
  ['principle-cards', 'the built-in feed'],
  ['film-player', 'the built-in feed'],
  ['resource-list', 'the built-in feed'],
  ['contact-form', 'the built-in feed'],
  ['film-player', 'a YouTube film', youTubeFeed],
  ['contact-form', 'an endpoint', contactFeed],
];

for (const [widget, what, own] of CASES) {
  for (const lang of ['en', 'cy'] as const) {
    it(`${widget} (${lang}, ${what}): content before any script, then hydrated in place: same nodes, same boxes, focus kept`, async () => {
      const page = await openPrerendered(widget, lang, own?.());
      const { element, root } = page;
      expect(element.ownerDocument.defaultView!.customElements.get(`cl-${widget}`)).to.equal(undefined);
      expect(root, 'a declarative shadow root').to.not.equal(null);
      const before = [...root.querySelectorAll('*')];
      expect(visibleText(element).length, 'text on screen').to.be.greaterThan(40);
      const focusable = [...root.querySelectorAll<HTMLElement>('a[href], button, input')].at(-1);
      expect(focusable, 'something to focus').to.not.equal(undefined);
      focusable!.focus();
      expect(root.activeElement).to.equal(focusable);
      // Measured once focus has scrolled the page to it.
      const boxes = before.map((node) => JSON.stringify(node.getBoundingClientRect()));

      await page.runScript();

      const after = [...root.querySelectorAll('*')];
      expect(after.length, 'no element added or lost').to.equal(before.length);
      const kept = after.filter((node, index) => node === before[index]).length;
      expect(kept, 'the same nodes, none replaced').to.equal(before.length);
      expect(after.map((node) => JSON.stringify(node.getBoundingClientRect()))).to.deep.equal(boxes);
      expect(root.activeElement === focusable, 'focus kept').to.equal(true);
      expect(
        page.warnings.filter(([text]) => String(text).includes('prerendered')),
        'not rendered afresh',
      ).to.deep.equal([]);
    });
  }
}

it('principle cards: after hydration the practice toggle opens its panel', async () => {
  const page = await openPrerendered('principle-cards', 'en');
  await page.runScript();
  const toggle = page.root.querySelector<HTMLButtonElement>('[part="practice-toggle"]')!;
  const panel = page.root.getElementById(toggle.getAttribute('aria-controls')!)!;
  expect(panel.hidden).to.equal(true);
  toggle.click();
  await page.element.updateComplete;
  expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  expect(panel.hidden).to.equal(false);
});

it('resource list: words typed into the prerendered search box before the script ran are searched for', async () => {
  const page = await openPrerendered('resource-list', 'en');
  const search = page.root.querySelector<HTMLInputElement>('#query')!;
  search.focus();
  await sendKeys({ type: 'myths' });
  expect(search.value).to.equal('myths');
  await page.runScript();
  expect(search.value, 'the words kept').to.equal('myths');
  expect(page.root.activeElement).to.equal(search);
  await until(() => page.root.querySelectorAll('[part="item"]').length === 1, 'one match');
  expect(visibleText(page.root.querySelector('[part="item"]')!)).to.match(/myths/i);
});

it('contact form: what was typed into the prerendered form before the script ran is kept and checked with it', async () => {
  const page = await openPrerendered('contact-form', 'cy', contactFeed());
  const name = page.root.querySelector<HTMLInputElement>('#name')!;
  name.focus();
  await sendKeys({ type: 'Megan' });
  await page.runScript();
  expect(name.value).to.equal('Megan');
  expect(page.root.activeElement).to.equal(name);
  // Sending with the message empty: the summary lists the message and the email, not the name typed before.
  page.root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  const summary = await until(() => page.root.querySelector('[part="error-summary"]'), 'the error summary');
  const errors = [...summary.querySelectorAll('a')].map((link) => link.getAttribute('href'));
  expect(errors).to.include('#message');
  expect(errors).to.not.include('#name');
});

it('film player: after hydration, play asks for consent before anything loads from YouTube', async () => {
  const page = await openPrerendered('film-player', 'en', youTubeFeed());
  await page.runScript();
  page.root.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
  await until(() => page.root.querySelector('[part="notice"]'), 'the consent notice');
  expect(page.root.querySelector('iframe')).to.equal(null);
});
