/**
 * The start of each widget's CDN entry for the plain script tag (`<widget>.js`, a loader: see rollup.config.mjs's
 * `widgetLoaders`): it asks for the feed of each such widget already in the page, so the request goes out beside the
 * widget's code rather than after it (after the entry, the core chunk the entry imports, and their run: on a slow
 * network, two round trips later). The store (store.ts) takes the request in place of its own.
 * Inlined into every loader, so it imports nothing (the build fails on an import here): a module the loaders shared
 * would be one more request.
 */

/** The requests made here, by absolute address: on globalThis, so the store of whichever copy of the library loads takes them. */
export const PREFETCHED = Symbol.for('compassionate-leadership-widgets.feed-prefetch');

/** The store's own requests, by absolute address (see store.ts): a feed a widget already asked for is not asked again. */
export const FEED_REQUESTS = Symbol.for('compassionate-leadership-widgets.feed-requests');

/** The largest feed the store reads: a body declared larger is refused unread. */
export const MAX_FEED_BYTES = 2_000_000;

export interface Prefetched {
  /** The response with its body, read as it arrives (as http.ts's `ReadResponse`: this file imports nothing). */
  answer: Promise<{ response: Response; text: string | undefined }>;
  /**
   * The same, once in: the store reads it at once, so a widget whose code comes after its feed shows the feed in its
   * first render, not a loading state first.
   */
  read?: { response: Response; text: string | undefined };
  /** Aborts the request and the reading of its body (the store's timeout). */
  controller: AbortController;
}

/**
 * Asks for the feed each `tag` in the page will read, now and once the page's scripts have run (DOMContentLoaded),
 * when the page alone says which: its `src`, else its nearest <cl-feed>'s, else `builtIn` (the feed controller's
 * order). Nothing is asked once `tag` is defined (its widgets have asked), nor for a feed a widget has asked for
 * already, a prerendered widget (its HTML carries its feed), a widget or <cl-feed> given `src` as a property before
 * upgrade, a feed with a saved copy (the store shows it and checks it with the server once the page is idle), or an
 * address that is not http(s). The request is the store's own: no credentials, JSON accepted; its body is read as it
 * arrives, as the store would read it.
 */
export function prefetchFeeds(tag: string, builtIn: URL): void {
  const holder = globalThis as unknown as Record<symbol, Map<string, unknown> | undefined>;
  const registry = (holder[PREFETCHED] ??= new Map()) as Map<string, Prefetched>;
  const scan = (): void => {
    if (customElements.get(tag)) return;
    for (const widget of document.getElementsByTagName(tag)) {
      const provider = widget.closest('cl-feed');
      try {
        const url = new URL(widget.getAttribute('src') || provider?.getAttribute('src') || builtIn, document.baseURI)
          .href;
        if (
          widget.shadowRoot ||
          Object.hasOwn(widget, 'src') ||
          (provider && Object.hasOwn(provider, 'src')) ||
          !/^https?:/.test(url) ||
          registry.has(url) ||
          holder[FEED_REQUESTS]?.has(url) ||
          // The store's key for the saved copy (src/internal/storage.ts's prefix, store.ts's `feed:`); `in` reads no value.
          `cl-widgets:feed:${url}` in localStorage
        )
          continue;
        const controller = new AbortController();
        // http.ts's requestJson, which reads this response, cannot come first: it is in the chunk the request must not wait for.
        const prefetched: Prefetched = {
          controller,
          // eslint-disable-next-line no-restricted-syntax
          answer: fetch(url, {
            credentials: 'omit',
            headers: { Accept: 'application/json' },
            signal: controller.signal,
          }).then(
            async (response) =>
              (prefetched.read = {
                response,
                text:
                  Number(response.headers.get('Content-Length')) > MAX_FEED_BYTES ? undefined : await response.text(),
              }),
          ),
        };
        // A failure is the store's to report, when it takes the request; untaken, it is nobody's.
        prefetched.answer.catch(() => undefined);
        registry.set(url, prefetched);
      } catch {
        // An address that cannot be read, or storage that cannot: the store asks as it would have.
      }
    }
  };
  scan();
  // Again once the page's own deferred scripts have run (one of them may add the widgets), while the code is on its way.
  if (document.readyState !== 'complete') addEventListener('DOMContentLoaded', scan, { once: true });
}
