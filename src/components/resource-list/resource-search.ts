import type { Language } from '../../i18n/language.js';
import { pick } from '../../i18n/local-text.js';
import { RESOURCE_TYPES, type Feed, type LocalText, type Resource, type ResourceType, type Topic } from '../../feed/schema.js';

export const SORT_ORDERS = ['newest', 'oldest', 'title'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** One resource with its search text: both languages of its title, summary, publisher and topic labels, normalised. */
interface IndexedResource {
  resource: Resource;
  text: string;
}

/** What searching a feed's resources needs, computed once per feed. */
export interface ResourceIndex {
  entries: IndexedResource[];
  /** The resource types the feed uses, in the schema's order. */
  types: ResourceType[];
  /** The feed's topics that at least one resource carries. */
  topics: Topic[];
  topicById: Map<string, Topic>;
  /** Sorted copies of `entries`, made on first use per order (and language, for titles). */
  orders: Map<string, IndexedResource[]>;
}

export interface ResourceQuery {
  query: string;
  type: string;
  topic: string;
  resourceLang: string;
  sort: SortOrder;
  /** Keep only the latest N matches (0: all). */
  limit: number;
  language: Language;
}

const NON_ASCII = /[^ -~\t\n]/;

/**
 * Folds case and diacritics so "lles" finds "Lles" and "w" finds "ŵ"; curly
 * apostrophes match straight ones (Welsh uses many: "i’w", "’n").
 */
export function normalise(text: string): string {
  // Most feed text is plain ASCII: skip the costly decomposition for it (10,000 resources index in a few ms).
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[‘’]/g, "'");
}

function bothLanguages(text: LocalText | undefined): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : `${text.en ?? ''}\n${text.cy ?? ''}`;
}

/* Keyed by the feed's resources array: one index per feed object, however often the widget renders. */
const indexes = new WeakMap<Resource[], ResourceIndex>();

export function resourceIndex(feed: Feed): ResourceIndex {
  const cached = indexes.get(feed.resources);
  if (cached) return cached;
  const topicById = new Map(feed.topics.map((topic) => [topic.id, topic]));
  const usedTopics = new Set<string>();
  const usedTypes = new Set<ResourceType>();
  const entries = feed.resources.map((resource) => {
    usedTypes.add(resource.type);
    const topicText = (resource.topics ?? []).map((id) => {
      usedTopics.add(id);
      const topic = topicById.get(id);
      return topic ? bothLanguages(topic.label) : id;
    });
    const text = normalise([bothLanguages(resource.title), bothLanguages(resource.summary), bothLanguages(resource.publisher), ...topicText].join('\n'));
    return { resource, text };
  });
  const index: ResourceIndex = {
    entries,
    types: RESOURCE_TYPES.filter((type) => usedTypes.has(type)),
    topics: feed.topics.filter((topic) => usedTopics.has(topic.id)),
    topicById,
    orders: new Map(),
  };
  indexes.set(feed.resources, index);
  return index;
}

/** Undated resources go last in both date orders. */
function byDate(direction: 1 | -1) {
  return (a: IndexedResource, b: IndexedResource): number => {
    const x = a.resource.published;
    const y = b.resource.published;
    if (x === y) return 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return x < y ? -direction : direction;
  };
}

function ordered(index: ResourceIndex, sort: SortOrder, language: Language): IndexedResource[] {
  const key = sort === 'title' ? `title:${language}` : sort;
  let order = index.orders.get(key);
  if (!order) {
    if (sort === 'title') {
      const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
      const titles = new Map(index.entries.map((entry) => [entry, pick(entry.resource.title, language).text]));
      order = [...index.entries].sort((a, b) => collator.compare(titles.get(a)!, titles.get(b)!));
    } else {
      order = [...index.entries].sort(byDate(sort === 'newest' ? -1 : 1));
    }
    index.orders.set(key, order);
  }
  return order;
}

/** The resources matching `q`, in its order. Walks the pre-sorted index once: no sorting per keystroke. */
export function findResources(index: ResourceIndex, q: ResourceQuery): Resource[] {
  const words = normalise(q.query).split(/\s+/).filter(Boolean);
  const matches = (entry: IndexedResource): boolean => {
    const { resource } = entry;
    if (q.type && resource.type !== q.type) return false;
    if (q.topic && !resource.topics?.includes(q.topic)) return false;
    if (q.resourceLang && !resource.languages.includes(q.resourceLang as Language)) return false;
    return words.every((word) => entry.text.includes(word));
  };
  const found = ordered(index, q.sort, q.language).filter(matches);
  if (q.limit <= 0 || found.length <= q.limit) return found.map((entry) => entry.resource);
  const latest = new Set(q.sort === 'newest' ? found.slice(0, q.limit) : ordered(index, 'newest', q.language).filter(matches).slice(0, q.limit));
  return found.filter((entry) => latest.has(entry)).map((entry) => entry.resource);
}
