/*
 * What <cl-resource-list> runs once a reader acts: matching typed words, the
 * orders other than newest first, applying a search or filter (back to page
 * 1, the address with `sync-url`, the count announced once typing pauses),
 * "Clear filters" and moving between pages (with focus). Loaded with
 * `import()` on the reader's first action, so the first render does not wait
 * for it; with `sync-url` or `sort="oldest"`/`"title"` it is needed at once
 * (see renderContent). Documented in docs/widgets/resource-list.md.
 */
import type { Feed, LocalText, Resource } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { pick } from '../../i18n/local-text.js';
import type { FeedController } from '../../feed/feed-controller.js';
import type { Filters, ResourceFilterDetail } from './resource-list.js';
import type { Compare, ResourceIndex } from './resource-search.js';

/*
 * Query-string names for `sync-url` (each prefixed `cl-`, so the host's own
 * parameters are never read or overwritten), with the value left out of the
 * address.
 */
const URL_PARAMS: [string, keyof Filters, string?][] = [
  ['q', 'query'],
  ['type', 'type'],
  ['topic', 'topic'],
  ['lang', 'resourceLang'],
  ['sort', 'sort', 'newest'],
  ['page', 'page', '1'],
];

/** The parts of the element this code works on. */
export interface List extends Filters {
  size: number;
  paging: string;
  syncUrl: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  feed: FeedController;
  renderRoot: HTMLElement | DocumentFragment;
  updateComplete: Promise<boolean>;
  found(feed: Feed): Resource[];
  emit(name: 'cl-resource-filter', detail: ResourceFilterDetail): boolean;
  requestUpdate(): void;
}

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

/** Applies a search or filter: back to page 1, and announced now or, `pause` ms after the last keystroke. */
export function change(el: List, filters: Partial<Filters>, pause = 0): void {
  Object.assign(el, filters, { page: 1 });
  writeUrl(el);
  clearTimeout(el.timer);
  el.timer = pause ? setTimeout(() => announce(el), pause) : undefined;
  if (!pause) announce(el);
}

/** Updates the live region and tells the host, once per pause. */
function announce(el: List): void {
  el.timer = undefined;
  el.requestUpdate();
  const state = el.feed.state;
  if (state.status === 'ready') {
    const { query, type, topic, resourceLang } = el;
    el.emit('cl-resource-filter', { query, type, topic, resourceLang, count: el.found(state.feed).length });
  }
}

export async function clear(el: List): Promise<void> {
  change(el, { query: '', type: '', topic: '', resourceLang: '' });
  await el.updateComplete;
  // The button may have gone with the filters: the search box is where the reader starts again.
  el.renderRoot.querySelector<HTMLInputElement>('#query')?.focus();
}

/** Shows a page (or adds it, for "Show more") and moves focus to its first item. */
export async function goTo(el: List, page: number): Promise<void> {
  el.page = page;
  writeUrl(el);
  await el.updateComplete;
  // The new page's first item: the first shown, or for "Show more" the first added.
  const items = el.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]');
  items[el.paging === 'more' ? (page - 1) * el.size : 0]?.focus();
}

/** Only with `sync-url`: replaces (never pushes) the entry, so typing does not fill the reader's history. */
function writeUrl(el: List): void {
  if (!el.syncUrl) return;
  const url = new URL(location.href);
  for (const [name, key, omitted = ''] of URL_PARAMS) {
    const value = String(el[key]).trim();
    if (value !== omitted) url.searchParams.set(`cl-${name}`, value);
    else url.searchParams.delete(`cl-${name}`);
  }
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

/** The starting search and filters from the address; values that are not valid are ignored. */
export function readUrl(
  el: List,
  isSort: (value: string) => boolean,
  positiveInt: (value: string) => number | undefined,
): void {
  const params = new URLSearchParams(location.search);
  for (const [name, key] of URL_PARAMS) {
    const value = params.get(`cl-${name}`);
    if (value !== null && (key === 'page' ? positiveInt(value) : key !== 'sort' || isSort(value)))
      Object.assign(el, { [key]: key === 'page' ? +value : value });
  }
}
