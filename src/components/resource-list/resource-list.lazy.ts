/*
 * What <cl-resource-list> runs once a reader acts: matching typed words, the
 * orders other than newest first, applying a search or filter (back to page
 * 1, the count announced once typing pauses), "Clear filters", moving
 * between pages (with focus) and, with `sync-url`, the address (read at the
 * start, written on each change, followed on back and forward). Loaded with
 * `import()` on the reader's first action, so the first render does not wait
 * for it; with `sync-url` or `sort="oldest"`/`"title"` it is needed at once.
 * It reaches the element only through ResourceListHost. Documented in
 * docs/widgets/resource-list.md.
 */
import type { ReactiveController } from '../../internal/base-element.js';
import type { LocalText, Resource } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { pick } from '../../i18n/local-text.js';
import { emit } from '../../internal/events.js';
import type { Compare, ResourceIndex } from './resource-search.js';
import type { FilterKey, ReaderState, ResourceListHost } from './resource-list.types.js';

/** The count is announced once typing pauses this long, not on every keystroke. */
export const TYPING_PAUSE_MS = 500;

/*
 * Query-string names for `sync-url`, each prefixed `cl-` so the host's own
 * parameters are never read or overwritten. A value equal to the author's
 * starting one is left out of the address.
 */
const URL_PARAMS: [string, keyof ReaderState][] = [
  ['q', 'query'],
  ['type', 'type'],
  ['topic', 'topic'],
  ['lang', 'resourceLang'],
  ['from', 'from'],
  ['sort', 'sort'],
  ['page', 'page'],
];

/** How a change reaches the address: a new history entry, the current entry rewritten, or not at all. */
type AddressChange = 'push' | 'replace' | 'none';

/**
 * Folds case and diacritics so "lles" finds "Lles" and "w" finds "ŵ"; curly
 * apostrophes match straight ones (Welsh uses many: "i’w", "’n").
 */
export function normalise(text: string): string {
  // Most feed text is plain ASCII: skip the costly decomposition for it (10,000 resources index in a few ms).
  return (
    /[^ -~\t\n]/.test(text)
      ? text
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .replace(/[‘’]/g, "'")
      : text
  ).toLowerCase();
}

/* Each resource's search text: both languages of its title, summary, publisher and topic labels, normalised once. */
const texts = new WeakMap<Resource, string>();

/** Whether a resource has every word of `query`. */
export function textMatch(index: ResourceIndex, query: string): (resource: Resource) => boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const both = (text: LocalText | undefined) => (typeof text === 'object' ? Object.values(text) : [text]);
  return (resource) => {
    let text = texts.get(resource);
    if (text === undefined) {
      const topics = (resource.topics ?? []).flatMap((id) => both(index.topicById.get(id)?.label ?? id));
      text = normalise([resource.title, resource.summary, resource.publisher].flatMap(both).concat(topics).join('\n'));
      texts.set(resource, text);
    }
    return words.every((word) => text.includes(word));
  };
}

/** The orders other than newest first: `title` (A to Z in `language`) and `oldest` (undated resources last). */
export function compare(sort: string, language: Language): Compare {
  if (sort === 'title') {
    const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
    return (a, b) => collator.compare(pick(a.title, language).text, pick(b.title, language).text);
  }
  return (a, b) => {
    const x = a.published ?? 'a';
    const y = b.published ?? 'a';
    return x === y ? 0 : x < y ? -1 : 1;
  };
}

const sameState = (a: ReaderState, b: ReaderState) => URL_PARAMS.every(([, key]) => a[key] === b[key]);

/**
 * A reader's actions on <cl-resource-list>, as a reactive controller. It
 * owns the typing pause (the count in the live region is held while the
 * reader types) and the page's address; the reader's state itself stays
 * with the element, which this changes only through `showReaderState`.
 */
export class ResourceListActions implements ReactiveController {
  /** The count the live region keeps while the reader is typing; undefined otherwise. */
  heldCount: number | undefined;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private addressRead = false;

  constructor(private readonly host: ResourceListHost) {
    host.element.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
    // With `sync-url` the starting state comes from the address, read once, before the list first shows.
    if (this.host.element.syncUrl && !this.addressRead) {
      this.addressRead = true;
      this.host.showReaderState(this.stateFromAddress());
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    clearTimeout(this.pauseTimer);
    this.pauseTimer = undefined;
    this.heldCount = undefined;
  }

  /** Whether a resource has every word of `query`: the element's search. */
  textMatch(index: ResourceIndex, query: string): (resource: Resource) => boolean {
    return textMatch(index, query);
  }

  /** An order other than newest first: the element's sort. */
  compare(sort: string, language: Language): Compare {
    return compare(sort, language);
  }

  /** Carries out what the reader did with one of the widget's controls. */
  use(control: HTMLInputElement | HTMLSelectElement | HTMLButtonElement): void {
    if (control instanceof HTMLInputElement) this.search(control.value);
    else if (control instanceof HTMLSelectElement) this.choose(control.name as FilterKey, control.value);
    else if (control.part.contains('clear')) void this.clear();
    // The page buttons and "Show more" carry the page they show.
    else void this.goTo(Number(control.value));
  }

  /** A keystroke in the search box: the results follow at once, the announcement once typing pauses. */
  search(query: string): void {
    this.heldCount ??= this.host.countMatches();
    this.apply({ ...this.host.readerState(), query, page: 1 }, 'replace', TYPING_PAUSE_MS);
  }

  /** A filter or order picked with its select. */
  choose(key: FilterKey, value: string): void {
    this.apply({ ...this.host.readerState(), [key]: value, page: 1 }, 'push');
  }

  async clear(): Promise<void> {
    this.apply(
      { ...this.host.readerState(), query: '', type: '', topic: '', resourceLang: '', from: '', page: 1 },
      'push',
    );
    await this.host.element.updateComplete;
    // The button may have gone with the filters: the search box is where the reader starts again.
    this.host.element.renderRoot.querySelector<HTMLElement>('#query')?.focus();
  }

  /** Shows a page (or adds it, for "Show more") and moves focus to its first new item. */
  async goTo(page: number): Promise<void> {
    const items = () => [...this.host.element.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')];
    const before = new Set(items().map((item) => item.dataset['id']));
    this.host.showReaderState({ ...this.host.readerState(), page });
    this.writeAddress('push');
    await this.host.element.updateComplete;
    items()
      .find((item) => !before.has(item.dataset['id']))
      ?.focus();
  }

  /** Back or forward to an entry of this page's history: the list follows the address. */
  private onPopState = (): void => {
    if (!this.host.element.syncUrl) return;
    const state = this.stateFromAddress();
    if (!sameState(state, this.host.readerState())) this.apply(state, 'none');
  };

  /** Shows `state` and records it in the address; announced now, or `pause` ms after the last keystroke. */
  private apply(state: ReaderState, address: AddressChange, pause = 0): void {
    this.host.showReaderState(state);
    this.writeAddress(address);
    clearTimeout(this.pauseTimer);
    this.pauseTimer = pause ? setTimeout(() => this.announce(), pause) : undefined;
    if (!pause) this.announce();
  }

  /** Lets the live region show the count and tells the host page, once per pause. */
  private announce(): void {
    this.pauseTimer = undefined;
    this.heldCount = undefined;
    this.host.element.requestUpdate();
    const count = this.host.countMatches();
    if (count === undefined) return;
    const { query, type, topic, resourceLang, from } = this.host.readerState();
    emit(this.host.element, 'cl-resource-filter', { query, type, topic, resourceLang, from, count });
  }

  /**
   * Only with `sync-url`. Typing rewrites the current entry, so it does not
   * fill the reader's history; a filter, an order or a page adds one, so
   * Back returns to the view before it.
   */
  private writeAddress(change: AddressChange): void {
    if (change === 'none' || !this.host.element.syncUrl) return;
    const url = new URL(location.href);
    const state = this.host.readerState();
    const start = this.host.startState();
    for (const [name, key] of URL_PARAMS) {
      const value = String(state[key]).trim();
      if (value !== String(start[key])) url.searchParams.set(`cl-${name}`, value);
      else url.searchParams.delete(`cl-${name}`);
    }
    if (url.href === location.href) return;
    if (change === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  /** The state the address describes: the author's starting state with each `cl-*` value over it (the element checks them). */
  private stateFromAddress(): ReaderState {
    const params = new URLSearchParams(location.search);
    const state: Record<keyof ReaderState, string | number> = this.host.startState();
    for (const [name, key] of URL_PARAMS) {
      const value = params.get(`cl-${name}`);
      if (value !== null) state[key] = key === 'page' ? Number(value) : value;
    }
    return state as unknown as ReaderState;
  }
}
