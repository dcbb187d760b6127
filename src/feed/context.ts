import type { Context } from '@lit/context';
import type { FeedEntry } from './store.js';

/** What <cl-feed> provides to its subtree: the store entry of its `src`. The key is global, so two copies of the library share it. */
export const feedContext = Symbol.for('compassionate-leadership-widgets.feed') as Context<
  symbol,
  FeedEntry | undefined
>;
