import { SAFE_URL_PATTERN } from '../internal/safe-url.js';
import { anyOf, array, integer, literal, object, picklist, string } from './schema-kit.js';

/*
 * What every part of the feed's schema shares (texts, addresses, ids, topics, the header). Each section's own
 * schema lives in sections/, so a widget's script carries only the schemas of the sections it shows; schema.ts
 * assembles the whole feed's schema from these parts. A part only one section uses (the films' media addresses
 * and names) lives with that section: here it would be in every widget's shared core.
 */

export const FEED_VERSION = 1;
export const SAFE_URL_MESSAGE = 'not a safe address (https, http, mailto, tel)';

export const Text = string('must be text', /\S/);

/** Human-readable text: a plain string (English), or `{ "en", "cy" }` with at least one. */
export const LocalTextSchema = anyOf(
  [Text, object({ en: Text }, { cy: Text }), object({ cy: Text }, { en: Text })],
  'must be text, or { "en": text, "cy": text } with at least one of the two',
);

export const SafeUrl = string(SAFE_URL_MESSAGE, new RegExp(SAFE_URL_PATTERN));

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

export const Id = string('must be an id: lower-case letters, digits and hyphens', /^[a-z0-9][a-z0-9-]*$/);
export const Language = picklist(['en', 'cy'], 'must be "en" or "cy"');
export const PartialDate = string(
  'must be a date as YYYY, YYYY-MM or YYYY-MM-DD',
  /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
);

export const TopicSchema = object({ id: Id, label: LocalTextSchema });

/** The feed's header fields, outside its sections. */
export const HEADER_KEYS = ['version', 'updated', 'source', 'maxAge', 'hide', 'order'] as const;

/** The sections that are lists; each item is validated alone so one bad item never hides the rest. */
export const SECTIONS = ['topics', 'principles', 'behaviours', 'films', 'resources'] as const;
export type Section = (typeof SECTIONS)[number];

export const headerOptional = {
  updated: PartialDate,
  source: object({ name: LocalTextSchema }, { url: LocalUrlSchema }),
  /**
   * Editors' notes: what is project-written, what could not be re-checked,
   * what awaits Welsh review. Never shown.
   */
  notes: array(string('must be text')),
  /**
   * How long, in seconds, a reader's saved copy of this feed is shown at once on their next visit while it is
   * checked with the server (default 86400, a day); an older copy waits for the server, and is shown only if the
   * server cannot be reached.
   */
  maxAge: integer('must be whole seconds, 0 or more', 0),
  /** In a local layer: ids of the national feed's items to hide (see the guide "Adding your own resources"). */
  hide: array(Id),
  /** In a local layer: where its cards and films go, after the national ones (default) or first. */
  order: picklist(['last', 'first'], 'must be "last" or "first"'),
};

export const FeedHeaderSchema = object({ version: literal(FEED_VERSION, `must be ${FEED_VERSION}`) }, headerOptional);
