import { requestJson, type HttpResult } from '../internal/http.js';
import { localStore } from '../internal/storage.js';
import { resolveFeedUrls } from './resolve-urls.js';
import type { Feed } from './schema.js';
import { validateFeed, type FeedProblem } from './validate.js';

export const MAX_FEED_BYTES = 2_000_000;

/** Why a feed could not be shown; widgets translate the code into the reader's language. */
export type FeedErrorCode =
  'network' | 'timeout' | 'http' | 'not-json' | 'too-large' | 'not-object' | 'version' | 'no-feed';

export type FeedState =
  | { status: 'loading' }
  | {
      status: 'ready';
      feed: Feed;
      problems: FeedProblem[];
      /** True when this is the last good copy, served because loading failed. */
      stale: boolean;
      /** When the copy was saved (ms since epoch), for stale copies. */
      savedAt?: number;
      /** With a local layer: the layer that failed to load (the content is the other's) and what to tell the reader. */
      layerFailed?: { layer: 'national' | 'local'; notice: { en: string; cy: string } };
    }
  | { status: 'error'; code: FeedErrorCode; message: string; httpStatus?: number };

/** A feed URL's shared entry: every widget reading that URL watches the same one. */
export interface FeedEntry {
  readonly url: string;
  readonly state: FeedState;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (state: FeedState) => void): () => void;
  /** Fetches again (the retry button). */
  reload(): void;
}

interface SavedCopy {
  url: string;
  savedAt: number;
  data: unknown;
}

/*
 * The network requests live on globalThis under a Symbol.for key, so two
 * copies of the library on one page (CDN + npm) share one request per URL.
 * Only the raw response is shared; each copy validates it with its own schema.
 */
const REQUESTS = Symbol.for('compassionate-leadership-widgets.feed-requests');
type RequestRegistry = Map<string, Promise<HttpResult<unknown>>>;

function requests(): RequestRegistry {
  const holder = globalThis as unknown as Record<symbol, RequestRegistry | undefined>;
  return (holder[REQUESTS] ??= new Map());
}

export const feedStoreOptions = {
  /** How long a feed request may take before the widget says so. */
  timeoutMs: 10_000,
};

const entries = new Map<string, StoreEntry>();

class StoreEntry implements FeedEntry {
  state: FeedState = { status: 'loading' };
  private readonly listeners = new Set<(state: FeedState) => void>();

  constructor(readonly url: string) {
    void this.load(false);
  }

  subscribe(listener: (state: FeedState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reload(): void {
    if (this.state.status === 'loading') return;
    void this.load(true);
  }

  private set(state: FeedState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  private async load(fresh: boolean): Promise<void> {
    this.set({ status: 'loading' });
    const registry = requests();
    let request = registry.get(this.url);
    if (!request || fresh) {
      request = requestJson(this.url, { timeoutMs: feedStoreOptions.timeoutMs, maxBytes: MAX_FEED_BYTES });
      registry.set(this.url, request);
    }
    const result = await request;
    if (result.ok) {
      const state = readFeed(result.data, result.url);
      if (state.status === 'ready') {
        localStore.set(`feed:${this.url}`, {
          url: result.url,
          savedAt: Date.now(),
          data: result.data,
        } satisfies SavedCopy);
      }
      this.set(state.status === 'error' ? this.fallback(state) : state);
      return;
    }
    const code = result.kind === 'aborted' ? 'network' : result.kind;
    this.set(
      this.fallback({
        status: 'error',
        code,
        message: result.message,
        ...(result.status !== undefined && { httpStatus: result.status }),
      }),
    );
  }

  /** The last good copy, re-validated, marked stale; else the error itself. */
  private fallback(error: Extract<FeedState, { status: 'error' }>): FeedState {
    const saved = localStore.get<SavedCopy>(`feed:${this.url}`);
    if (!saved || typeof saved !== 'object' || typeof saved.url !== 'string') return error;
    const state = readFeed(saved.data, saved.url);
    if (state.status !== 'ready') return error;
    return { ...state, stale: true, savedAt: saved.savedAt };
  }
}

/** Validates a response body and resolves its addresses against `finalUrl`. */
export function readFeed(data: unknown, finalUrl: string): Exclude<FeedState, { status: 'loading' }> {
  const result = validateFeed(data);
  if (!result.feed) {
    return {
      status: 'error',
      code: result.fatal?.code ?? 'not-object',
      message: result.fatal?.message ?? 'Unreadable feed.',
    };
  }
  if (result.problems.length > 0) {
    console.warn(
      `compassionate-leadership-widgets: ${result.problems.length} problem(s) in ${finalUrl}; those items are skipped:\n` +
        result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
    );
  }
  return { status: 'ready', feed: resolveFeedUrls(result.feed, finalUrl), problems: result.problems, stale: false };
}

/** The shared entry for `url` (absolute), created and fetched on first ask. */
export function feedEntry(url: string): FeedEntry {
  let entry = entries.get(url);
  if (!entry) entries.set(url, (entry = new StoreEntry(url)));
  return entry;
}

/** The shared entry for an address relative to the page; none for an address that cannot be read. */
export function feedEntryAt(address: string): FeedEntry | undefined {
  try {
    return feedEntry(new URL(address, document.baseURI).href);
  } catch {
    return undefined;
  }
}

/**
 * An entry for a feed already in memory (the feed preview: nothing leaves
 * the browser). Validated like a fetched one; relative addresses resolve
 * against `baseUrl`. Provide it to widgets through `feedContext`.
 */
export function feedEntryFromData(data: unknown, baseUrl: string): FeedEntry {
  const state = readFeed(data, baseUrl);
  return {
    url: baseUrl,
    state,
    subscribe: () => () => undefined,
    reload: () => undefined,
  };
}
