import { anyOf, array, integer, literal, object, string } from '../schema-kit.js';
import { Id, Language, LocalTextSchema, LocalUrlSchema, SourceSchema, Text } from '../schema-common.js';
import type { SectionRules } from '../section-rule.js';
import { MEDIA_URL_PATTERN } from '../../internal/safe-url.js';

export const MediaUrl = string('not a media address (https, http or relative)', new RegExp(MEDIA_URL_PATTERN));

/**
 * A person's name: one string for both languages, or per language where it is a role word ("Narrator" /
 * "Adroddwr"). The same shape as LocalTextSchema, a copy of it so the Welsh coverage report (which finds
 * texts by that schema) never asks for a Welsh version of a name.
 */
export const NameSchema: typeof LocalTextSchema = { ...LocalTextSchema };

export const FilmSourceSchema = anyOf(
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

/** How the film player's section is read. */
export const filmSections: SectionRules = { films: { schema: FilmSchema } };
