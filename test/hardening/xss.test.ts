import { expect } from '@open-wc/testing';
import { mock, uniqueName, until } from '../harness.js';
import {
  FEED_URL,
  FIXTURES,
  WIDGET_TAGS,
  catchUncaught,
  deepElements,
  mount,
  settledView,
  widgetsIn,
} from './widgets.js';

declare global {
  interface Window {
    __clXss?: unknown;
  }
}

/*
 * Every payload of test/fixtures/hardening/xss-payloads.json (script tags,
 * event-handler attributes, javascript:/data:/vbscript: addresses in any
 * case, with whitespace or encoded characters, SVG) in every string field of
 * the hardening feed, served over the network, with `__proto__` and
 * `constructor.prototype` keys in every object. Nothing may run (the canary
 * window.__clXss stays unset), no unsafe address may be linked or loaded,
 * no prototype may be polluted, and every widget shows content or an error.
 */

/** Fields whose values must keep their shape for the item to stay in the feed; everything else gets the payload. */
const STRUCTURAL = new Set([
  'id',
  'type',
  'provider',
  'lang',
  'version',
  'published',
  'updated',
  'languages',
  'topics',
]);

function inject(value: unknown, payload: string, key = ''): unknown {
  if (typeof value === 'string') return STRUCTURAL.has(key) ? value : payload;
  if (Array.isArray(value)) return value.map((item) => inject(item, payload, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, inject(v, payload, k === 'en' || k === 'cy' ? key : k)]),
    );
  }
  return value;
}

/** Adds `__proto__` and `constructor` keys to every non-empty object of the JSON text (JSON.parse keeps them as own keys). */
const withPrototypeKeys = (json: string): string =>
  json.replace(/\{(?=")/g, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},');

/** The schemes the schema admits; media with a mailto: or tel: address simply fail to load. */
const SAFE = new Set(['https:', 'http:', 'mailto:', 'tel:']);
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'svg', 'style', 'frame']);

/** Every address the widgets put in their shadow DOM with another scheme, every event-handler attribute, every active element. */
function unsafeAddresses(root: Element): string[] {
  const found: string[] = [];
  for (const node of deepElements(root.shadowRoot!)) {
    for (const attribute of ['href', 'src', 'poster', 'action', 'formaction', 'srcdoc', 'data']) {
      const value = node.getAttribute(attribute);
      if (value === null) continue;
      let protocol = 'unparsable';
      try {
        protocol = new URL(value, document.baseURI).protocol;
      } catch {
        // Reported below as unparsable.
      }
      if (attribute === 'srcdoc' || !SAFE.has(protocol)) found.push(`<${node.localName} ${attribute}="${value}">`);
    }
    for (const attribute of node.getAttributeNames())
      if (attribute.startsWith('on')) found.push(`<${node.localName} ${attribute}>`);
    if (FORBIDDEN_TAGS.has(node.localName) || (node.localName === 'img' && node.getAttribute('part') !== 'poster'))
      found.push(`<${node.localName}>`);
  }
  return found;
}

describe('XSS payloads in every string field of the feed', () => {
  let payloads: string[] = [];
  let template: unknown;

  before(async () => {
    payloads = (await (await fetch(`${FIXTURES}/xss-payloads.json`)).json()) as string[];
    template = await (await fetch(FEED_URL)).json();
  });

  afterEach(() => {
    delete window.__clXss;
  });

  it('runs nothing, links and loads nothing unsafe, pollutes no prototype, never leaves a widget blank', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const uncaught = catchUncaught();
    const problems: string[] = [];
    try {
      for (const payload of payloads) {
        const url = await mock(uniqueName('xss'), {
          body: withPrototypeKeys(JSON.stringify(inject(template, payload))),
        });
        const container = mount(
          `<cl-feed src="${url}">${WIDGET_TAGS.map((tag) => `<${tag}></${tag}>`).join('')}</cl-feed>`,
        );
        try {
          for (const el of widgetsIn(container)) {
            const view = await settledView(el);
            if (view !== 'content' && view !== 'error')
              problems.push(`${JSON.stringify(payload)}: ${el.localName} is ${view}`);
            // Open everything a reader can open without leaving the page, so hidden content renders too.
            for (const button of el.shadowRoot!.querySelectorAll<HTMLButtonElement>(
              '[part="practice-toggle"], [part="play-button"]',
            ))
              button.click();
            await el.updateComplete;
            el.shadowRoot!.querySelectorAll('details').forEach((details) => (details.open = true));
            problems.push(
              ...unsafeAddresses(el).map((found) => `${JSON.stringify(payload)}: ${el.localName} ${found}`),
            );
          }
          // An injected element's handler would run on its load or error: wait until every image under the
          // widgets has loaded or failed, then one task more (those events are queued as tasks).
          const images = deepElements(container).filter((node) => node instanceof HTMLImageElement);
          await until(() => images.every((image) => image.complete), 'the images to load or fail');
          await new Promise((resolve) => setTimeout(resolve));
          if (window.__clXss !== undefined)
            problems.push(`${JSON.stringify(payload)}: ran (${String(window.__clXss)})`);
        } finally {
          container.remove();
        }
      }
    } finally {
      uncaught.stop();
    }
    expect(problems).to.deep.equal([]);
    expect(uncaught.errors).to.deep.equal([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((Object.prototype as Record<string, unknown>).polluted).to.equal(undefined);
  });
});
