import type { ReactiveController, ReactiveControllerHost } from '../internal/base-element.js';

export type Language = 'en' | 'cy';
export const LANGUAGES: readonly Language[] = ['en', 'cy'];

/** `cy`, `cy-GB` (any case) are Welsh; every other tag, or none, is English. */
export function toLanguage(tag: string | null | undefined): Language {
  return tag !== null && tag !== undefined && /^cy(?:-|$)/i.test(tag.trim()) ? 'cy' : 'en';
}

/** The nearest `lang` attribute from `element` outwards, crossing shadow roots. */
export function findLangTag(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/** Resolves the widget's language: its own `lang`, else the nearest ancestor's, else the document's. */
export function resolveLanguage(element: Element): Language {
  return toLanguage(findLangTag(element) ?? element.ownerDocument.documentElement.getAttribute('lang'));
}

/*
 * One observer for the whole page: any `lang` change re-resolves every
 * connected widget. It watches the document and every shadow root a widget
 * sits in (a partner's own components), which the document's subtree does not reach.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;
let observed = new WeakSet<Node>();

function watch(listener: () => void, host: Element): void {
  listeners.add(listener);
  observer ??= new MutationObserver(() => listeners.forEach((notify) => notify()));
  for (let root = host.getRootNode(); !observed.has(root); root = (root as ShadowRoot).host.getRootNode()) {
    observed.add(root);
    observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    if (!(root instanceof ShadowRoot)) break;
  }
}

function unwatch(listener: () => void): void {
  listeners.delete(listener);
  if (listeners.size === 0) {
    observer?.disconnect();
    observer = undefined;
    observed = new WeakSet();
  }
}

/**
 * Keeps `language` in step with the host's resolved language and re-renders
 * on change. A language the reader chose (the switch) holds until the
 * language the page gives the widget changes; the host's `lang` attribute is
 * the partner's and is never written.
 */
export class LanguageController implements ReactiveController {
  language: Language = 'en';
  /** The reader's choice, and the page's language when it was made. */
  #chosen: { language: Language; over: Language } | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  readonly #update = (): void => {
    const page = resolveLanguage(this.#host);
    if (this.#chosen && this.#chosen.over !== page) this.#chosen = undefined;
    const next = this.#chosen?.language ?? page;
    if (next !== this.language) {
      this.language = next;
      this.#host.requestUpdate();
    }
  };

  hostConnected(): void {
    this.#update();
    watch(this.#update, this.#host);
  }

  hostDisconnected(): void {
    unwatch(this.#update);
  }

  /** The reader's choice (the language switch): kept until the page's language for the widget changes. */
  choose(language: Language): void {
    this.#chosen = { language, over: resolveLanguage(this.#host) };
    this.#update();
  }

  /** Called when the host's own `lang` attribute changes (the observer sees it too, but later). */
  refresh(): void {
    this.#update();
  }
}
