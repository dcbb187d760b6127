import { array, object, picklist } from '../schema-kit.js';
import {
  Id,
  Language,
  LocalTextSchema,
  LocalUrlSchema,
  PartialDate,
  SAFE_URL_MESSAGE,
  SourceSchema,
} from '../schema-common.js';
import { validate } from '../schema-kit.js';
import type { SectionRules } from '../section-rule.js';

export const RESOURCE_TYPES = [
  'article',
  'blog',
  'video',
  'toolkit',
  'report',
  'guide',
  'podcast',
  'book',
  'course',
  'website',
] as const;

export const ResourceSchema = object(
  {
    id: Id,
    title: LocalTextSchema,
    url: LocalUrlSchema,
    type: picklist(RESOURCE_TYPES, `must be one of ${RESOURCE_TYPES.join(', ')}`),
    /** The languages the resource itself is written in. */
    languages: array(Language, 'must name at least one language', 1),
  },
  {
    summary: LocalTextSchema,
    topics: array(Id),
    publisher: LocalTextSchema,
    published: PartialDate,
    source: SourceSchema,
  },
);

/** The same resource without its address: what is kept when the address is the only thing wrong. */
export const UnlinkedResourceSchema = {
  ...ResourceSchema,
  required: ResourceSchema.required!.filter((key) => key !== 'url'),
} as typeof ResourceSchema;

/** The resources read before the list's first render, when there are more: its first page, whatever its size up to this. */
export const FIRST_RESOURCES = 100;

/**
 * A long list's first page, before its first render: the FIRST_RESOURCES newest valid resources, as the list orders
 * them (newest first, equal dates in the feed's order: a stable sort), kept in the feed's order. The rest is read
 * once the page is idle.
 */
function firstResources(list: unknown[], read: (item: unknown) => unknown): unknown[] | undefined {
  if (list.length <= FIRST_RESOURCES) return undefined;
  const dates = list.map((item) => String((item as { published?: unknown } | null)?.published ?? ''));
  const kept = new Map<number, unknown>();
  for (const i of dates.map((_, i) => i).sort((a, b) => (dates[a]! < dates[b]! ? 1 : dates[a]! > dates[b]! ? -1 : 0))) {
    if (kept.size === FIRST_RESOURCES) break;
    const item = read(list[i]);
    if (item !== undefined) kept.set(i, item);
  }
  return [...kept.keys()].sort((a, b) => a - b).map((i) => kept.get(i));
}

/** How the resource list's section is read. */
export const resourceSections: SectionRules = {
  resources: {
    schema: ResourceSchema,
    // A resource whose only fault is an unsafe address is still listed, without its link.
    rescue: (item, problems) => {
      if (!problems.every((p) => p.path[0] === 'url' && p.message === SAFE_URL_MESSAGE)) return undefined;
      const unlinked = validate(UnlinkedResourceSchema, { ...(item as object), url: undefined });
      return unlinked.success ? unlinked.output : undefined;
    },
    first: firstResources,
  },
};
