import { createContext } from '@lit/context';
import type { FeedEntry } from './store.js';

/** What <cl-feed> provides to its subtree: the store entry of its `src`. */
export const feedContext = createContext<FeedEntry | undefined>(Symbol.for('compassionate-leadership-widgets.feed'));
