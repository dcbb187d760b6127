import * as v from 'valibot';
import { SAFE_URL_PATTERN } from '../internal/safe-url.js';

/*
 * The feed's one definition: the TypeScript types (v.InferOutput), the
 * runtime validation and the published JSON Schema (scripts/build.mjs runs
 * @valibot/to-json-schema over FeedSchema) all come from here. Rules are
 * written as unions, literals and regex patterns, never opaque checks, so the
 * JSON Schema says exactly what the runtime enforces.
 */

export const FEED_VERSION = 1;
export const SAFE_URL_MESSAGE = 'not a safe address (https, http, mailto, tel)';

const Text = v.pipe(v.string('must be text'), v.regex(/\S/, 'must not be empty'));

/** Human-readable text: a plain string (English), or `{ "en", "cy" }` with at least one. */
export const LocalTextSchema = v.union(
  [Text, v.object({ en: Text, cy: v.optional(Text) }), v.object({ cy: Text, en: v.optional(Text) })],
  'must be text, or { "en": text, "cy": text } with at least one of the two',
);

const SafeUrl = v.pipe(v.string('must be an address'), v.regex(new RegExp(SAFE_URL_PATTERN), SAFE_URL_MESSAGE));

/** An address, or one per language (Welsh pages link to Welsh pages). */
export const LocalUrlSchema = v.union(
  [SafeUrl, v.object({ en: SafeUrl, cy: v.optional(SafeUrl) }), v.object({ cy: SafeUrl, en: v.optional(SafeUrl) })],
  `${SAFE_URL_MESSAGE}, or { "en": address, "cy": address }`,
);

const Id = v.pipe(v.string('must be an id'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an id: lower-case letters, digits and hyphens'));
const Language = v.picklist(['en', 'cy'], 'must be "en" or "cy"');
const PartialDate = v.pipe(
  v.string('must be a date'),
  v.regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const RESOURCE_TYPES = ['article', 'blog', 'video', 'toolkit', 'report', 'guide', 'podcast', 'book', 'course', 'website'] as const;

export const TopicSchema = v.object({ id: Id, label: LocalTextSchema });

export const PrincipleSchema = v.object({
  id: Id,
  number: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  title: LocalTextSchema,
  summary: LocalTextSchema,
  practice: v.optional(v.array(LocalTextSchema, 'must be a list')),
  url: v.optional(LocalUrlSchema),
});

export const BehaviourSchema = v.object({ id: Id, title: LocalTextSchema, summary: v.optional(LocalTextSchema) });

const FilmSourceSchema = v.union(
  [
    v.object({ provider: v.literal('youtube'), id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{6,20}$/, 'must be a YouTube video id')) }),
    v.object({ provider: v.literal('vimeo'), id: v.pipe(v.string(), v.regex(/^\d{1,12}$/, 'must be a Vimeo video id')) }),
    v.object({
      provider: v.literal('file'),
      files: v.pipe(
        v.array(
          v.object({
            src: SafeUrl,
            type: v.pipe(v.string(), v.regex(/^video\/[a-z0-9.+-]+$/, 'must be a video media type such as video/webm')),
          }),
        ),
        v.minLength(1, 'must list at least one file'),
      ),
    }),
    // A provider this version does not know: kept, so the player can say so and link to the film's page.
    v.object({ provider: v.pipe(v.string(), v.regex(/^(?!(?:youtube|vimeo|file)$)[a-z][a-z0-9-]*$/, 'must be a provider name')) }),
  ],
  'must be { "provider": "youtube" | "vimeo", "id" } or { "provider": "file", "files": [...] }',
);

export const FilmSchema = v.object({
  id: Id,
  title: LocalTextSchema,
  description: v.optional(LocalTextSchema),
  speakers: v.optional(v.array(v.object({ name: Text, role: v.optional(LocalTextSchema) }))),
  /** Length in whole seconds. */
  duration: v.optional(v.pipe(v.number(), v.integer('must be whole seconds'), v.minValue(1, 'must be 1 or more'))),
  poster: v.optional(SafeUrl),
  source: v.optional(FilmSourceSchema),
  captions: v.optional(v.array(v.object({ lang: Language, src: SafeUrl, label: v.optional(Text) }))),
  transcript: v.optional(v.array(v.object({ speaker: v.optional(Text), text: LocalTextSchema }))),
  url: v.optional(LocalUrlSchema),
});

export const ResourceSchema = v.object({
  id: Id,
  title: LocalTextSchema,
  summary: v.optional(LocalTextSchema),
  url: LocalUrlSchema,
  type: v.picklist(RESOURCE_TYPES, `must be one of ${RESOURCE_TYPES.join(', ')}`),
  topics: v.optional(v.array(Id)),
  publisher: v.optional(LocalTextSchema),
  published: v.optional(PartialDate),
  /** The languages the resource itself is written in. */
  languages: v.pipe(v.array(Language), v.minLength(1, 'must name at least one language')),
});

export const ContactSchema = v.object({
  endpoint: v.optional(SafeUrl),
  email: v.optional(v.pipe(v.string(), v.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address'))),
  phone: v.optional(Text),
  address: v.optional(LocalTextSchema),
  url: v.optional(LocalUrlSchema),
  privacy: v.optional(LocalUrlSchema),
  topics: v.optional(v.array(TopicSchema)),
});

/** The sections that are lists; each item is validated alone so one bad item never hides the rest. */
export const ITEM_SCHEMAS = {
  topics: TopicSchema,
  principles: PrincipleSchema,
  behaviours: BehaviourSchema,
  films: FilmSchema,
  resources: ResourceSchema,
} as const;

export type Section = keyof typeof ITEM_SCHEMAS;
export const SECTIONS = Object.keys(ITEM_SCHEMAS) as Section[];

export const FeedHeaderSchema = v.object({
  version: v.literal(FEED_VERSION, `must be ${FEED_VERSION}`),
  updated: v.optional(PartialDate),
  source: v.optional(v.object({ name: LocalTextSchema, url: v.optional(LocalUrlSchema) })),
  /** Editors' notes: what is unverified, what awaits Welsh review. Never shown. */
  notes: v.optional(v.array(v.string())),
});

/** The whole feed, as the JSON Schema publishes it. */
export const FeedSchema = v.object({
  ...FeedHeaderSchema.entries,
  topics: v.optional(v.array(TopicSchema)),
  principles: v.optional(v.array(PrincipleSchema)),
  behaviours: v.optional(v.array(BehaviourSchema)),
  films: v.optional(v.array(FilmSchema)),
  resources: v.optional(v.array(ResourceSchema)),
  contact: v.optional(ContactSchema),
});

export type LocalText = v.InferOutput<typeof LocalTextSchema>;
export type LocalUrl = v.InferOutput<typeof LocalUrlSchema>;
export type Topic = v.InferOutput<typeof TopicSchema>;
export type Principle = v.InferOutput<typeof PrincipleSchema>;
export type Behaviour = v.InferOutput<typeof BehaviourSchema>;
export type Film = v.InferOutput<typeof FilmSchema>;
export type FilmSource = v.InferOutput<typeof FilmSourceSchema>;
export type Resource = v.InferOutput<typeof ResourceSchema>;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export type Contact = v.InferOutput<typeof ContactSchema>;

/** A validated feed: every list present (possibly empty). */
export interface Feed {
  version: typeof FEED_VERSION;
  updated?: string;
  source?: { name: LocalText; url?: LocalUrl };
  topics: Topic[];
  principles: Principle[];
  behaviours: Behaviour[];
  films: Film[];
  resources: Resource[];
  contact?: Contact;
}
