import { MEDIA_URL_PATTERN, SAFE_URL_PATTERN } from '../internal/safe-url.js';
import { anyOf, array, integer, literal, object, picklist, string, type Infer } from './schema-kit.js';

/*
 * The feed's one definition: the TypeScript types (Infer), the runtime
 * validation (schema-kit's `validate`) and the published JSON Schema
 * (scripts/build.mjs serialises FeedSchema) all come from here. Rules are
 * unions, constants and regex patterns, never opaque checks, so the JSON
 * Schema says exactly what the runtime enforces.
 */

export const FEED_VERSION = 1;
export const SAFE_URL_MESSAGE = 'not a safe address (https, http, mailto, tel)';

const Text = string('must be text', /\S/);

/** Human-readable text: a plain string (English), or `{ "en", "cy" }` with at least one. */
export const LocalTextSchema = anyOf(
  [Text, object({ en: Text }, { cy: Text }), object({ cy: Text }, { en: Text })],
  'must be text, or { "en": text, "cy": text } with at least one of the two',
);

/**
 * A person's name: one string for both languages, or per language where it is a role word ("Narrator" /
 * "Adroddwr"). The same shape as LocalTextSchema, a copy of it so the Welsh coverage report (which finds
 * texts by that schema) never asks for a Welsh version of a name.
 */
const NameSchema = { ...LocalTextSchema };

const SafeUrl = string(SAFE_URL_MESSAGE, new RegExp(SAFE_URL_PATTERN));
const MediaUrl = string('not a media address (https, http or relative)', new RegExp(MEDIA_URL_PATTERN));

/** An address, or one per language (Welsh pages link to Welsh pages). */
export const LocalUrlSchema = anyOf(
  [SafeUrl, object({ en: SafeUrl }, { cy: SafeUrl }), object({ cy: SafeUrl }, { en: SafeUrl })],
  `${SAFE_URL_MESSAGE}, or { "en": address, "cy": address }`,
);

// Written as a string, like safe-url.ts's patterns: no control character may follow the scheme.
const HTTPS_URL_PATTERN = '^[hH][tT][tT][pP][sS]://[^\\u0000-\\u0020\\u007f]+$';
const HttpsUrl = string('not an https address', new RegExp(HTTPS_URL_PATTERN));

/**
 * Provenance: the public page an item's facts were taken from, so an editor
 * can re-check them. https only (it is a page to read, never a mail or phone
 * link); one per language where the page has a Welsh version. Never shown to
 * readers: the preview and the CLI report it.
 */
export const SourceSchema = anyOf(
  [HttpsUrl, object({ en: HttpsUrl }, { cy: HttpsUrl }), object({ cy: HttpsUrl }, { en: HttpsUrl })],
  'must be an https address, or { "en": address, "cy": address }',
);

/**
 * A principle's practice point: plain text (as partner feeds have it), or
 * `{ "text", "source" }` naming the page it was taken from. The validated
 * feed always holds the object form, so widgets read `item.text`.
 */
export const PracticeItemSchema = anyOf(
  [LocalTextSchema, object({ text: LocalTextSchema }, { source: SourceSchema })],
  'must be text, { "en": text, "cy": text }, or { "text": text, "source": address }',
);

const Id = string('must be an id: lower-case letters, digits and hyphens', /^[a-z0-9][a-z0-9-]*$/);
const Language = picklist(['en', 'cy'], 'must be "en" or "cy"');
const PartialDate = string(
  'must be a date as YYYY, YYYY-MM or YYYY-MM-DD',
  /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
);

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

export const TopicSchema = object({ id: Id, label: LocalTextSchema });

export const PrincipleSchema = object(
  { id: Id, number: integer('must be a whole number, 1 or more', 1), title: LocalTextSchema, summary: LocalTextSchema },
  { practice: array(PracticeItemSchema), url: LocalUrlSchema, source: SourceSchema },
);

export const BehaviourSchema = object(
  { id: Id, title: LocalTextSchema },
  { summary: LocalTextSchema, source: SourceSchema },
);

const FilmSourceSchema = anyOf(
  [
    object({
      provider: literal('youtube', 'must be "youtube"'),
      id: string('must be a YouTube video id', /^[A-Za-z0-9_-]{6,20}$/),
    }),
    object({ provider: literal('vimeo', 'must be "vimeo"'), id: string('must be a Vimeo video id', /^\d{1,12}$/) }),
    object({
      provider: literal('file', 'must be "file"'),
      files: array(
        object({
          src: MediaUrl,
          type: string('must be a video media type such as video/webm', /^video\/[a-z0-9.+-]+$/),
        }),
        'must list at least one file',
        1,
      ),
    }),
    // A provider this version does not know: kept, so the player can say so and link to the film's page.
    object({ provider: string('must be a provider name', /^(?!(?:youtube|vimeo|file)$)[a-z][a-z0-9-]*$/) }),
  ],
  'must be { "provider": "youtube" | "vimeo", "id" } or { "provider": "file", "files": [...] }',
);

export const FilmSchema = object(
  { id: Id, title: LocalTextSchema },
  {
    description: LocalTextSchema,
    speakers: array(object({ name: NameSchema }, { role: LocalTextSchema })),
    /** Length in whole seconds. */
    duration: integer('must be whole seconds, 1 or more', 1),
    poster: MediaUrl,
    source: FilmSourceSchema,
    captions: array(object({ lang: Language, src: MediaUrl }, { label: Text })),
    transcript: array(object({ text: LocalTextSchema }, { speaker: NameSchema })),
    url: LocalUrlSchema,
    /**
     * Provenance, as `source` is elsewhere. Films already use `source` for
     * the media (provider and id, or files) and partner feeds rely on that,
     * so a film's provenance has its own name.
     */
    sourcePage: SourceSchema,
  },
);

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

export const ContactSchema = object(
  {},
  {
    endpoint: SafeUrl,
    email: string('must be an email address', /^[^\s@]+@[^\s@]+\.[^\s@]+$/),
    phone: Text,
    address: LocalTextSchema,
    url: LocalUrlSchema,
    privacy: LocalUrlSchema,
    topics: array(TopicSchema),
  },
);

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

const headerOptional = {
  updated: PartialDate,
  source: object({ name: LocalTextSchema }, { url: LocalUrlSchema }),
  /**
   * Editors' notes: what is project-written, what could not be re-checked,
   * what awaits Welsh review. Never shown.
   */
  notes: array(string('must be text')),
  /** In a local layer: ids of the national feed's items to hide (see the guide "Adding your own resources"). */
  hide: array(Id),
  /** In a local layer: where its cards and films go, after the national ones (default) or first. */
  order: picklist(['last', 'first'], 'must be "last" or "first"'),
};

export const FeedHeaderSchema = object({ version: literal(FEED_VERSION, `must be ${FEED_VERSION}`) }, headerOptional);

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
export interface PracticeItem {
  text: LocalText;
  source?: Source;
}
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
