import type { Section } from './schema-common.js';
import type { JsonSchema, Problem } from './schema-kit.js';

/** How one section is read: its schema (each item's, for a list), and what the widgets get of valid and invalid items. */
export interface SectionRule {
  schema: JsonSchema;
  /** The one shape widgets read (default: the validated copy). */
  shape?: (output: never) => unknown;
  /** What is kept of an item that failed (default: nothing). */
  rescue?: (item: unknown, problems: readonly Problem[]) => unknown;
  /**
   * A long list read in two steps (the store's first reading, `firstOnly`): what a first render shows of it, its items
   * read with `read` (undefined when invalid), in the feed's order; or nothing for a list short enough to read whole.
   * The rest is read once the page is idle.
   */
  first?: (list: unknown[], read: (item: unknown) => unknown) => unknown[] | undefined;
}

export type SectionRules = { [S in Section | 'contact']?: SectionRule };
