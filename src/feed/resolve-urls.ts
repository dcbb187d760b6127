import type { Feed } from './schema.js';

/** The feed's address fields (a plain address, or one per language beneath them). */
const ADDRESS_KEYS = new Set(['url', 'src', 'poster', 'endpoint', 'privacy']);

/** An address with a scheme: validation allowed only http(s), mailto and tel, and it needs no base. */
const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;
/** A plain relative path (no dot segment, nothing to escape): the base's folder and itself, without a URL parser. */
const PLAIN_PATH = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;

/** Resolves relative addresses; `folder`, the base's folder, takes plain paths (thousands in a long list) quickly. */
function resolve(address: string, base: URL, folder: string | undefined): string {
  if (ABSOLUTE.test(address)) return address;
  if (folder && PLAIN_PATH.test(address)) return folder + address;
  try {
    return new URL(address, base).href;
  } catch {
    return address;
  }
}

/** Resolves, in place, every address below `value`. */
function resolveIn(value: unknown, base: URL, folder: string | undefined, address: boolean): void {
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const isAddress = address || ADDRESS_KEYS.has(key);
    if (typeof item === 'string') {
      if (isAddress) record[key] = resolve(item, base, folder);
    } else if (Array.isArray(item)) {
      for (const entry of item) resolveIn(entry, base, folder, false);
    } else {
      resolveIn(item, base, folder, isAddress);
    }
  }
}

/**
 * Makes every address in a freshly validated feed absolute against the
 * feed's own final URL, so a feed on a CDN can say "media/film.webm" and mean
 * its own folder, not the partner page's. Changes the feed it is given (the
 * validator's own copy) and returns it.
 */
export function resolveFeedUrls(feed: Feed, base: string): Feed {
  let root: URL;
  try {
    root = new URL(base);
  } catch {
    return feed;
  }
  resolveIn(feed, root, /^https?:$/.test(root.protocol) ? new URL('./', root).href : undefined, false);
  return feed;
}
