import type { Feed } from './schema.js';

/** The feed's address fields (a plain address, or one per language beneath them). */
const ADDRESS_KEYS = new Set(['url', 'src', 'poster', 'endpoint', 'privacy']);

function resolveIn(value: unknown, base: string, address: boolean): unknown {
  if (typeof value === 'string') {
    if (!address) return value;
    try {
      return new URL(value, base).href;
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((item) => resolveIn(item, base, false));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveIn(item, base, address || ADDRESS_KEYS.has(key))]));
}

/**
 * Makes every address in the feed absolute against the feed's own final URL,
 * so a feed on a CDN can say "media/film.webm" and mean its own folder, not
 * the partner page's.
 */
export function resolveFeedUrls(feed: Feed, base: string): Feed {
  return resolveIn(feed, base, false) as Feed;
}
