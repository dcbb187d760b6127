/**
 * Loaded only on a page with a prerendered widget (a shadow root that came with the HTML, from the CLI's `render`,
 * the builder's "HTML with script" or an embed page): Lit's hydration, and the feed copies the HTML was rendered from.
 */
import { render } from 'lit/html.js';
import { hydrate } from '@lit-labs/ssr-client';
import { builtInFeed } from '../feed/built-in.js';
import { FEED_COPY_ATTRIBUTE, seedFeed } from '../feed/store.js';
import { BaseElement, adoptStyles } from './base-element.js';
import type { KeptPresses } from './kept-presses.js';
import { RENDERED_WITH_ATTRIBUTE, renderedWith } from './rendered-with.js';

/*
 * Lit's hydration for this copy's elements (the host page's own elements are left as they are), as
 * @lit-labs/ssr-client's lit-element-hydrate-support does it for LitElement: a shadow root that came with the HTML is
 * kept, and the first render takes it over.
 * A first render that differs from the prerendered HTML cannot hydrate, and the widget then renders afresh in place
 * of that HTML, as it would have without it, keeping the prerendered styles. Lit throws where the templates differ (a
 * snippet rendered by another version, or with another heading level); where only text or attribute values would
 * differ (another `lang`, `privacy` or `src`, given before the script ran), Lit would keep the HTML's, so the snippet
 * records the attributes it was rendered with (rendered-with.ts) and a change to them, or a property set before the
 * upgrade, is rendered afresh too.
 */
type Hydrating = BaseElement & { createRenderRoot(): ShadowRoot; commit(value: unknown): void };
const prototype = BaseElement.prototype as Hydrating;
const { createRenderRoot, commit } = prototype;
const toHydrate = new WeakSet<BaseElement>();
/** Prerendered elements the page changed before the script ran (see `readSeeds`). */
const changedBeforeScript = new WeakSet<Element>();

prototype.createRenderRoot = function (this: Hydrating) {
  const root = this.shadowRoot;
  if (!root) return createRenderRoot.call(this);
  toHydrate.add(this);
  // A page whose Content-Security-Policy allows no inline style blocked the HTML's <style>: the widget's own sheets.
  if (!root.querySelector('style')?.sheet) adoptStyles(root, (this.constructor as typeof BaseElement).elementStyles);
  return root;
};

prototype.commit = function (this: Hydrating, value: unknown): void {
  if (!toHydrate.delete(this)) return commit.call(this, value);
  const root = this.renderRoot as ShadowRoot & { _$litPart$?: unknown };
  try {
    if (changedBeforeScript.has(this)) throw new Error('changed before the script ran');
    hydrate(value, root, this.renderOptions);
    pressAgain(root);
  } catch (error) {
    console.warn(`<${this.localName}>: its prerendered HTML does not match this page; rendered afresh.`, error);
    for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
    delete root._$litPart$;
    render(value, root, this.renderOptions);
  }
};

/**
 * The buttons of `root` pressed before its widget's code came (kept-presses.ts), pressed again now that they work: in
 * a microtask, after the widget's `hydrated` (cl-element.ts) has taken in what was typed before, in the order pressed.
 */
function pressAgain(root: ShadowRoot): void {
  // kept-presses.ts's KEPT_PRESSES, not imported: that file is inlined in the loaders, and an import would share it.
  const kept = (globalThis as unknown as Record<symbol, KeptPresses | undefined>)[
    Symbol.for('compassionate-leadership-widgets.kept-presses')
  ];
  if (kept?.length)
    queueMicrotask(() => {
      for (const button of kept.splice(0))
        if (button.getRootNode() === root) (button as HTMLElement).click();
        else kept.push(button);
    });
}

/**
 * Gives the store the feed copy inside each prerendered `tag` (a `<script type="application/json">` child), so the
 * widget's first render is the prerendered one: Lit then keeps the HTML, focus and all, instead of replacing it.
 * Called before `tag` is defined: an element whose attributes differ from those the copy records, or with one of
 * `ctor`'s properties set on it, is marked to render afresh. The copy is of the feed it names (or of the element's).
 */
export function readSeeds(tag: string, ctor: typeof BaseElement): void {
  // (Also gives the class its property accessors, which the check of properties set before the upgrade looks for.)
  const observed = ctor.observedAttributes;
  for (const element of document.getElementsByTagName(tag)) {
    const copy = element.shadowRoot && element.querySelector(`:scope > script[${FEED_COPY_ATTRIBUTE}]`);
    if (!copy) continue;
    const recorded = copy.getAttribute(RENDERED_WITH_ATTRIBUTE);
    const src = copy.getAttribute(FEED_COPY_ATTRIBUTE) || element.getAttribute('src');
    if (
      (recorded !== null &&
        (recorded !== renderedWith((name) => element.getAttribute(name), observed) ||
          src !== element.getAttribute('src'))) ||
      Object.keys(element).some((key) => key in ctor.prototype)
    )
      changedBeforeScript.add(element);
    try {
      const url = src ? new URL(src, document.baseURI).href : builtInFeed();
      if (url) seedFeed(url, JSON.parse(copy.textContent ?? ''));
    } catch {
      // An unreadable copy or address: the widget loads its feed as if it had none.
    }
  }
}
