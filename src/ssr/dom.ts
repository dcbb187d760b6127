/**
 * Prerendering runs in Node, where the widgets' base class needs an `HTMLElement` to extend and a registry: Lit's
 * stand-ins for both, set before any widget's module runs (src/ssr/render.ts imports this first). Nothing else of the
 * DOM: no `window`, so the widgets know they are on the server (`isServer`).
 */
import { getWindow } from '@lit-labs/ssr/lib/dom-shim.js';

const shim = getWindow({}) as unknown as Pick<typeof globalThis, 'HTMLElement' | 'customElements'>;
globalThis.HTMLElement ??= shim.HTMLElement;
globalThis.customElements ??= shim.customElements;
