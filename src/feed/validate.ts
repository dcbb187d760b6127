import { ALL_SECTIONS } from './schema.js';
import { validateSections, type FeedValidation } from './validate-sections.js';

export type { FeedFailureCode, FeedProblem, FeedValidation } from './validate-sections.js';

/**
 * Validates a whole parsed feed, every section (the CLI, the preview, a partner's own checks). Each list item is
 * checked alone: an invalid item is reported with its path and skipped, and the valid rest is kept. (Widgets read
 * only their own sections: validate-sections.ts.)
 */
export function validateFeed(data: unknown): FeedValidation {
  return validateSections(data, ALL_SECTIONS);
}
