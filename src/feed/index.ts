export * from './schema.js';
export { validateFeed, type FeedProblem, type FeedValidation } from './validate.js';
export { useSections, type SectionRule, type SectionRules } from './validate-sections.js';
export {
  feedEntry,
  feedEntryFromData,
  readFeed,
  MAX_FEED_BYTES,
  type FeedEntry,
  type FeedState,
  type FeedErrorCode,
} from './store.js';
export { feedContext } from './context.js';
export { FeedController, type FeedLoadDetail, type FeedErrorDetail } from './feed-controller.js';
export { ClFeed } from './feed-element.js';
