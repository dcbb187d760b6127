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
  },
};
