import type { Language } from '../../i18n/language.js';
import type { Feed, Resource, ResourceType, Topic } from '../../feed/schema.js';
import { RESOURCE_TYPES } from '../../feed/sections/resources.js';

export const SORT_ORDERS = ['newest', 'oldest', 'title'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const isSort = (value: string): value is SortOrder => (SORT_ORDERS as readonly string[]).includes(value);

/** What listing a feed's resources needs, computed once per feed. */
export interface ResourceIndex {
  resources: Resource[];
  /** The resource types the feed uses, in the schema's order. */
  types: ResourceType[];
  /** The feed's topics that at least one resource carries. */
  topics: Topic[];
  topicById: Map<string, Topic>;
  /** Whether any resource came from a local layer (then the list offers the "From" filter). */
  layered: boolean;
  /** Sorted copies of `resources`, made on first use per order and language. */
  orders: Map<string, Resource[]>;
}

export interface ResourceQuery {
  type: string;
  topic: string;
  resourceLang: string;
  /** 'local' or 'national': only that layer's resources ('' or absent for all). */
  from?: string;
  sort: SortOrder;
  /** Keep only the latest N matches (0: all). */
  limit: number;
  language: Language;
}

/* Keyed by the feed's resources array: one index per feed object, however often the widget renders. */
const indexes = new WeakMap<Resource[], ResourceIndex>();

export function resourceIndex(feed: Feed): ResourceIndex {
  const { resources, topics } = feed;
  let index = indexes.get(resources);
  if (!index) {
    const used = new Set<string>(resources.flatMap((resource) => [resource.type, ...(resource.topics ?? [])]));
    index = {
      resources,
      types: RESOURCE_TYPES.filter((type) => used.has(type)),
      topics: topics.filter((topic) => used.has(topic.id)),
      topicById: new Map(topics.map((topic) => [topic.id, topic])),
      layered: resources.some((resource) => resource.layer),
      orders: new Map(),
    };
    indexes.set(resources, index);
  }
  return index;
}

export type Compare = (a: Resource, b: Resource) => number;

/** Newest first, undated resources last: the first order. The others come with the code for a reader's actions (resource-list.lazy.ts). */
export const newestFirst: Compare = (a, b) => {
  const x = a.published ?? '';
  const y = b.published ?? '';
  return x === y ? 0 : x < y ? 1 : -1;
};

/* Sorted copies of the resources, made on first use per order. */
function ordered(index: ResourceIndex, key: string, compare: Compare): Resource[] {
  let order = index.orders.get(key);
  if (!order) index.orders.set(key, (order = [...index.resources].sort(compare)));
  return order;
}

/**
 * The resources matching `q` (and `search`, the typed words), in its order
 * (`compare`, which must be that order unless it is `newest`). Walks the
 * pre-sorted index once: no sorting per keystroke.
 */
export function findResources(
  index: ResourceIndex,
  q: ResourceQuery,
  search?: (resource: Resource) => boolean,
  compare = newestFirst,
): Resource[] {
  const matches = (resource: Resource): boolean =>
    (!q.type || resource.type === q.type) &&
    (!q.topic || !!resource.topics?.includes(q.topic)) &&
    (!q.resourceLang || resource.languages.includes(q.resourceLang as Language)) &&
    (!q.from || q.from === (resource.layer ?? 'national')) &&
    (!search || search(resource));
  const found = ordered(index, q.sort + q.language, compare).filter(matches);
  if (q.limit <= 0 || found.length <= q.limit) return found;
  const latest = new Set(
    ordered(index, 'newest' + q.language, newestFirst)
      .filter(matches)
      .slice(0, q.limit),
  );
  return found.filter((resource) => latest.has(resource));
}
