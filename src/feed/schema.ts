import { array, literal, object, type Infer } from './schema-kit.js';
import {
  FEED_VERSION,
  LocalTextSchema,
  LocalUrlSchema,
  SourceSchema,
  TopicSchema,
  headerOptional,
  type Section,
} from './schema-common.js';
import { BehaviourSchema, PrincipleSchema, principleSections, type PracticeItem } from './sections/principles.js';
import { FilmSchema, FilmSourceSchema, filmSections } from './sections/films.js';
import { RESOURCE_TYPES, ResourceSchema, resourceSections } from './sections/resources.js';
import { ContactSchema, contactSections } from './sections/contact.js';
import type { SectionRules } from './section-rule.js';

/*
 * The feed's one definition: the TypeScript types (Infer), the runtime
 * validation (schema-kit's `validate`) and the published JSON Schema
 * (scripts/build.mjs serialises FeedSchema) all come from here and the parts
 * it assembles (schema-common.ts, sections/). Rules are unions, constants and
 * regex patterns, never opaque checks, so the JSON Schema says exactly what
 * the runtime enforces.
 */

export * from './schema-common.js';
export { BehaviourSchema, PracticeItemSchema, PrincipleSchema, type PracticeItem } from './sections/principles.js';
export { FilmSchema, MediaUrl, NameSchema } from './sections/films.js';
export { RESOURCE_TYPES, ResourceSchema, UnlinkedResourceSchema } from './sections/resources.js';
export { ContactSchema } from './sections/contact.js';

export const ITEM_SCHEMAS = {
  topics: TopicSchema,
  principles: PrincipleSchema,
  behaviours: BehaviourSchema,
  films: FilmSchema,
  resources: ResourceSchema,
} as const satisfies Record<Section, unknown>;

/** How every section is read: what the CLI, the preview and `validateFeed` check. */
export const ALL_SECTIONS: SectionRules = {
  topics: { schema: TopicSchema },
  ...principleSections,
  ...filmSections,
  ...resourceSections,
  ...contactSections,
};

/** The whole feed, as the JSON Schema publishes it. */
export const FeedSchema = object(
  { version: literal(FEED_VERSION, `must be ${FEED_VERSION}`) },
  {
    ...headerOptional,
    topics: array(TopicSchema),
    principles: array(PrincipleSchema),
    behaviours: array(BehaviourSchema),
    films: array(FilmSchema),
    resources: array(ResourceSchema),
    contact: ContactSchema,
  },
);

export type LocalText = Infer<typeof LocalTextSchema>;
export type LocalUrl = Infer<typeof LocalUrlSchema>;
/** Set on items that came from a local layer (see layers.ts); absent on the national feed's own. */
interface FromLayer {
  layer?: 'local';
}
export type Topic = Infer<typeof TopicSchema> & FromLayer;
export type Source = Infer<typeof SourceSchema>;
/** A practice point as the validated feed holds it: plain-text points become `{ text }`. */
export type Principle = Omit<Infer<typeof PrincipleSchema>, 'practice'> & { practice?: PracticeItem[] } & FromLayer;
export type Behaviour = Infer<typeof BehaviourSchema> & FromLayer;
export type Film = Infer<typeof FilmSchema> & FromLayer;
export type FilmSource = Infer<typeof FilmSourceSchema>;
/** A resource whose only fault was an unsafe address is kept without it (shown unlinked), so `url` may be absent. */
export type Resource = Omit<Infer<typeof ResourceSchema>, 'url'> & { url?: LocalUrl } & FromLayer;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export type Contact = Infer<typeof ContactSchema>;

/** A validated feed: every list present (possibly empty). */
export interface Feed {
  version: typeof FEED_VERSION;
  updated?: string;
  source?: { name: LocalText; url?: LocalUrl };
  /** Seconds a saved copy is shown at once on a repeat view while it is checked (see DEFAULT_MAX_AGE). */
  maxAge?: number;
  topics: Topic[];
  principles: Principle[];
  behaviours: Behaviour[];
  films: Film[];
  resources: Resource[];
  contact?: Contact;
  /** A local layer's hidden national ids and its items' place (read only from a local layer). */
  hide?: string[];
  order?: 'last' | 'first';
  /** With a local layer: each layer's publisher (its `source.name`), for "From" filters. */
  publishers?: { national?: LocalText; local?: LocalText };
}
