let builtInFeedUrl: string | undefined;

/**
 * Entry files call this with `new URL('…/feed/built-in.json', import.meta.url)`:
 * only an entry knows where it was served from (a shared chunk's URL is not
 * the entry's). The first entry to load decides.
 */
export function useBuiltInFeed(url: URL): void {
  builtInFeedUrl ??= url.href;
}

/** The built-in feed's address, once an entry has set it. */
export function builtInFeed(): string | undefined {
  return builtInFeedUrl;
}
