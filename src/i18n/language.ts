import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

/* One observer for the whole page: any `lang` change re-resolves every connected widget. */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

function watch(listener: () => void): void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

function unwatch(listener: () => void): void {
  listeners.delete(listener);
  if (listeners.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/** Keeps `language` in step with the host's resolved language and re-renders on change. */
export class LanguageController implements ReactiveController {
  language: Language = 'en';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  private readonly update = (): void => {
    const next = resolveLanguage(this.host);
    if (next !== this.language) {
      this.language = next;
      this.host.requestUpdate();
    }
  };

  hostConnected(): void {
    this.language = resolveLanguage(this.host);
    watch(this.update);
  }

  hostDisconnected(): void {
    unwatch(this.update);
  }

  /** Called when the host's own `lang` property changes (the observer sees it too, but later). */
  refresh(): void {
    this.update();
  }
}
