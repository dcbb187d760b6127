/**
 * Loaded only on a page with a prerendered widget (a shadow root that came with the HTML, from the CLI's `render`,
 * the builder's "HTML with script" or an embed page): Lit's hydration, and the feed copies the HTML was rendered from.
 */
import { render } from 'lit/html.js';
import { hydrate } from '@lit-labs/ssr-client';
import { builtInFeed } from '../feed/built-in.js';
import { FEED_COPY_ATTRIBUTE, seedFeed } from '../feed/store.js';
import { BaseElement } from './base-element.js';

/*
 * Lit's hydration for this copy's elements (the host page's own elements are left as they are), as
 * @lit-labs/ssr-client's lit-element-hydrate-support does it for LitElement: a shadow root that came with the HTML is
 * kept, and the first render takes it over.
 * A first render that differs from the prerendered HTML (a snippet rendered with other attributes than the page
 * gives, or by another version) cannot hydrate: Lit throws. The widget then renders afresh in place of that HTML, as
 * it would have without it, keeping the prerendered styles.
 */
type Hydrating = BaseElement & { createRenderRoot(): ShadowRoot; commit(value: unknown): void };
const prototype = BaseElement.prototype as Hydrating;
const { createRenderRoot, commit } = prototype;
const toHydrate = new WeakSet<BaseElement>();

prototype.createRenderRoot = function (this: Hydrating) {
  if (!this.shadowRoot) return createRenderRoot.call(this);
  toHydrate.add(this);
  return this.shadowRoot;
};

prototype.commit = function (this: Hydrating, value: unknown): void {
  if (!toHydrate.delete(this)) return commit.call(this, value);
  const root = this.renderRoot as ShadowRoot & { _$litPart$?: unknown };
  try {
    hydrate(value, root, this.renderOptions);
  } catch (error) {
    console.warn(`<${this.localName}>: its prerendered HTML does not match this page; rendered afresh.`, error);
    for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
    delete root._$litPart$;
    render(value, root, this.renderOptions);
  }
};

/**
 * Gives the store the feed copy inside each prerendered `tag` (a `<script type="application/json">` child), so the
 * widget's first render is the prerendered one: Lit then keeps the HTML, focus and all, instead of replacing it.
 */
export function readSeeds(tag: string): void {
  for (const element of document.getElementsByTagName(tag)) {
    const copy = element.shadowRoot && element.querySelector(`:scope > script[${FEED_COPY_ATTRIBUTE}]`);
    if (!copy) continue;
    const src = element.getAttribute('src');
    try {
      const url = src ? new URL(src, document.baseURI).href : builtInFeed();
      if (url) seedFeed(url, JSON.parse(copy.textContent ?? ''));
    } catch {
      // An unreadable copy or address: the widget loads its feed as if it had none.
    }
  }
}
