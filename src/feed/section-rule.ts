import type { Section } from './schema-common.js';
import type { JsonSchema, Problem } from './schema-kit.js';

/** How one section is read: its schema (each item's, for a list), and what the widgets get of valid and invalid items. */
export interface SectionRule {
  schema: JsonSchema;
  /** The one shape widgets read (default: the validated copy). */
  shape?: (output: never) => unknown;
  /** What is kept of an item that failed (default: nothing). */
  rescue?: (item: unknown, problems: readonly Problem[]) => unknown;
}

export type SectionRules = { [S in Section | 'contact']?: SectionRule };
