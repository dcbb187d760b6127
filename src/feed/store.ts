import { readAnswer, requestJson, type HttpResult } from '../internal/http.js';
import { localStore } from '../internal/storage.js';
import { resolveFeedUrls } from './resolve-urls.js';
import { FEED_REQUESTS, MAX_FEED_BYTES, PREFETCHED, type Prefetched } from './prefetch.js';
import type { Section } from './schema-common.js';
import type { Feed } from './schema.js';
import {
  onSectionsAdded,
  readPart,
  validateSections,
  type FeedProblem,
  type SectionRules,
} from './validate-sections.js';

export { MAX_FEED_BYTES };

/** Seconds a saved copy is shown at once on a repeat view, while it is checked, when the feed gives no `maxAge`. */
export const DEFAULT_MAX_AGE = 86_400;

/** Why a feed could not be shown; widgets translate the code into the reader's language. */
export type FeedErrorCode =
  'network' | 'timeout' | 'http' | 'not-json' | 'too-large' | 'not-object' | 'version' | 'no-feed';

/** The feed could not be shown. */
export type FeedError = { status: 'error'; code: FeedErrorCode; message: string; httpStatus?: number };

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
      /**
       * True when the same copy was read again (for sections a widget added later, or for the rest of a long list):
       * nothing new arrived.
       */
      widened?: boolean;
      /**
       * Long lists read in part, by their whole length: each holds only its first items (`SectionRule.first`: the
       * resource list's first page), and the rest follows once the page is idle, in a state without this.
       */
      partial?: Partial<Record<Section, number>>;
      /**
       * Sections a widget added that the prerendered copy on screen does not hold: they come with the server's
       * answer (`error`: it did not come). A widget that shows any of them shows that instead.
       */
      awaiting?: { sections: string[]; error?: FeedError };
    }
  | FeedError;

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
type RequestRegistry = Map<string, Promise<HttpResult<unknown>>>;

function requests(): RequestRegistry {
  const holder = globalThis as unknown as Record<symbol, RequestRegistry | undefined>;
  return (holder[FEED_REQUESTS] ??= new Map());
}

/** The entry's request for `url`, once (src/feed/prefetch.ts). */
function takePrefetched(url: string): Prefetched | undefined {
  const prefetched = (globalThis as unknown as Record<symbol, Map<string, Prefetched> | undefined>)[PREFETCHED];
  const started = prefetched?.get(url);
  prefetched?.delete(url);
  return started;
}

export const feedStoreOptions = {
  /** How long a feed request may take before the widget says so. */
  timeoutMs: 10_000,
};

/** Runs `work` once the page is idle (soon after the next render), else in a task of its own. */
const whenIdle = (work: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(work);
};

const entries = new Map<string, StoreEntry>();

/** Copies of feeds not yet written to storage (see `save`), by storage key. */
const unsaved = new Map<string, SavedCopy>();

/** The attribute on the JSON copy of the feed inside a prerendered widget (written by src/ssr/, read by hydration). */
export const FEED_COPY_ATTRIBUTE = 'data-cl-feed-copy';

/**
 * What a prerendered widget's copy of its feed (src/ssr/render.ts) adds to the feed's own keys when it holds only the
 * first part of a long list (`SectionRule.first`: the resource list's first page): the whole list's length, and when
 * the copy was rendered (ISO 8601). The rest comes with the server's answer.
 */
export interface CutCopy {
  wholeLengths?: Partial<Record<Section, number>>;
  renderedAt?: string;
}

/**
 * Reads a prerendered widget's copy of its feed (or a saved one) as the widget's first render reads it: a long list
 * by its first part, and a list the copy was cut to as the whole list it was cut from (counted and paged as that):
 * the same as the render that made the HTML, which then hydrates in place.
 */
export function readCopy(
  data: unknown,
  url: string,
  sections?: SectionRules,
): Exclude<FeedState, { status: 'loading' }> {
  const state = readFeed(data, url, sections, true);
  if (state.status !== 'ready') return state;
  const whole = (data as CutCopy).wholeLengths;
  return whole ? { ...state, partial: { ...state.partial, ...whole } } : state;
}

/** Feeds given by prerendered HTML (the copy each was rendered from), by absolute address: see `seedFeed`. */
const seeds = new Map<string, unknown>();

/**
 * Gives the copy of the feed at `url` that prerendered HTML was rendered from. The entry for `url`, when created,
 * shows it at once (so the widget's first render is the prerendered one and hydrates in place) and then checks the
 * address with the server like a repeat view. Each prerendered widget's copy holds its own sections: a second copy
 * adds its sections, to an entry already made from a first one too, until the server answers.
 */
export function seedFeed(url: string, data: unknown): void {
  const entry = entries.get(url);
  if (entry) entry.seed(data);
  else seeds.set(url, withSections(seeds.get(url), data));
}

/**
 * Copies of one feed prerendered for different widgets (each carries its own sections) as one: what the first has,
 * and the sections only the second has.
 */
const withSections = (first: unknown, second: unknown): unknown => ({ ...(second as object), ...(first as object) });

class StoreEntry implements FeedEntry {
  state: FeedState = { status: 'loading' };
  readonly #listeners = new Set<(state: FeedState) => void>();
  /** The response (or saved copy) the ready state was read from, kept to read sections added later. */
  #read: { data: unknown; url: string } | undefined;
  /** The ready state was read from prerendered HTML's copy, and the server has not answered yet. */
  #seeded = false;
  /** Why the check of a prerendered copy failed: what a widget waiting for a section it lacks shows. */
  #failure: FeedError | undefined;
  /** False for a feed given in memory: there is nothing to fetch again. */
  readonly #fetched: boolean;

  /** `given`: a feed already in memory (feedEntryFromData), read instead of fetched. */
  constructor(
    readonly url: string,
    given?: { data: unknown },
  ) {
    onSectionsAdded((added) => this.#widen(added));
    this.#fetched = !given;
    if (!given) {
      this.#start();
      return;
    }
    const state = readFeed(given.data, url, undefined, true);
    if (state.status === 'ready') this.#read = { data: given.data, url };
    this.#set(state);
  }

  subscribe(listener: (state: FeedState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  reload(): void {
    if (this.state.status === 'loading' || !this.#fetched) return;
    // Prerendered content stays on screen while it is checked again.
    void this.#load(true, this.#seeded);
  }

  #set(state: FeedState): void {
    this.state = state;
    for (const listener of this.#listeners) listener(state);
    // The rest of the lists read in part, once the page is idle (after the render of their first items).
    if (state.status === 'ready' && state.partial) whenIdle(() => this.#complete());
  }

  /**
   * Shows every list whole, read from the copy on screen (or from the server's answer that had the same content):
   * the first items stay as they were, so nothing on screen moves.
   */
  #complete(): void {
    const { state } = this;
    const read = this.#read;
    // A copy cut to its first part holds no more: the rest comes with the server's answer.
    if (state.status !== 'ready' || !state.partial || !read || (read.data as CutCopy).wholeLengths) return;
    const whole = readFeed(read.data, read.url);
    if (whole.status !== 'ready') return;
    this.#set({ ...state, feed: whole.feed, problems: whole.problems, partial: undefined, widened: true });
  }

  /**
   * A repeat view: a saved copy younger than its feed's `maxAge` (or the copy prerendered HTML was rendered from,
   * whatever its age) is shown at once and checked with the server in the background; anything else waits for it.
   */
  #start(): void {
    const seed = seeds.get(this.url);
    seeds.delete(this.url);
    this.#seeded = seed !== undefined;
    const saved = seed === undefined ? this.#saved() : { url: this.url, savedAt: Date.now(), data: seed };
    const maxAge = (saved?.data as { maxAge?: number } | undefined)?.maxAge;
    const state =
      saved &&
      (seed !== undefined || Date.now() - saved.savedAt < (Number.isInteger(maxAge) ? maxAge! : DEFAULT_MAX_AGE) * 1000)
        ? readCopy(saved.data, saved.url)
        : undefined;
    if (state?.status === 'ready') {
      this.#read = saved;
      this.#set(state);
    }
    // A copy on screen is checked once the page is idle: the request's setup stays out of the task that paints it.
    if (this.#read) whenIdle(() => void this.#load(false, true));
    else void this.#load(false, false);
  }

  /**
   * Fetches the feed. With `shown` (a saved or prerendered copy on screen) the request is conditional (the HTTP cache
   * asks the server whether its copy is current: 304 when it is) and the reader keeps seeing that copy until an answer
   * differs from it: the same content changes nothing, new content replaces it in place, a failure marks a saved copy
   * as saved and leaves a prerendered one as it is.
   */
  async #load(fresh: boolean, shown: boolean): Promise<void> {
    if (!shown) this.#set({ status: 'loading' });
    const registry = requests();
    let request = registry.get(this.url);
    /** The entry's answer, when it was in before this code came: read now, so the first render shows it. */
    let answered: HttpResult<unknown> | undefined;
    if (!request || fresh) {
      // The entry's request for this address (src/feed/prefetch.ts), made before this code came; a conditional
      // request or a retry is a new one.
      const started = shown || fresh ? undefined : takePrefetched(this.url);
      answered = started?.read && readAnswer(started.read, this.url, MAX_FEED_BYTES);
      request = answered
        ? Promise.resolve(answered)
        : requestJson(this.url, {
            timeoutMs: feedStoreOptions.timeoutMs,
            maxBytes: MAX_FEED_BYTES,
            cache: shown ? 'no-cache' : undefined,
            started,
          });
      registry.set(this.url, request);
    }
    // (Not awaited when it is in: the state is set before the widget's first render.)
    const result = answered ?? (await request);
    if (result.ok) {
      const read = shown && this.#read;
      if (read && result.url === read.url && readPart(result.data) === readPart(read.data)) {
        // Nothing this page shows changed: what is on screen stays; sections a later widget adds are read from this.
        this.#read = { data: result.data, url: result.url };
        this.#save(result.url, result.data);
        this.#seeded = false;
        // Sections the prerendered copy lacked, and the answer too: they are empty, as read.
        if (this.state.status === 'ready' && this.state.awaiting) this.#set({ ...this.state, awaiting: undefined });
        return;
      }
      const state = readFeed(result.data, result.url, undefined, true);
      if (state.status === 'ready') {
        this.#read = { data: result.data, url: result.url };
        this.#save(result.url, result.data);
        this.#seeded = false;
        this.#set(state);
        return;
      }
      return this.#failed(state);
    }
    const code = result.kind === 'aborted' ? 'network' : result.kind;
    this.#failed({
      status: 'error',
      code,
      message: result.message,
      ...(result.status !== undefined && { httpStatus: result.status }),
    });
  }

  /**
   * No usable answer. Prerendered content stays as the page gave it (only what it lacked fails); anything else
   * falls back to the last good copy.
   */
  #failed(error: FeedError): void {
    const { state } = this;
    if (!this.#seeded || state.status !== 'ready') return this.#set(this.#fallback(error));
    this.#failure = error;
    const copy = this.#read?.data as CutCopy | undefined;
    if (copy?.wholeLengths) {
      // The rest of a list cut to its first part cannot come: what the copy holds is read as the list (once idle), and
      // shown as a copy from when it was rendered, not brought up to date (the reader may try again).
      this.#read = { ...this.#read!, data: { ...copy, wholeLengths: undefined } };
      return this.#set({ ...state, stale: true, savedAt: Date.parse(copy.renderedAt!) || Date.now() });
    }
    if (state.awaiting) this.#set({ ...state, awaiting: { ...state.awaiting, error } });
  }

  /**
   * Another widget's prerendered copy of this feed, after this entry was made from a first one: until the server
   * answers, the sections it adds (that widget's, registered next) are read from it, as prerendered.
   */
  seed(data: unknown): void {
    if (!this.#seeded || !this.#read) return;
    this.#read = { ...this.#read, data: withSections(this.#read.data, data) };
  }

  /** Reads the sections a widget created later added, from the copy already read, and keeps the rest as it is. */
  #widen(added: SectionRules): void {
    const { state } = this;
    const read = this.#read;
    if (state.status !== 'ready' || !read) return;
    // Read whole: a widget added this late misses the first paint anyway. But a cut copy (prerendered) is read as its
    // own widget's first render reads it, whose HTML it hydrates.
    const cut = (read.data as CutCopy).wholeLengths;
    const more = (cut ? readCopy : readFeed)(read.data, read.url, added);
    if (more.status !== 'ready') return;
    const feed = { ...state.feed };
    for (const section of Object.keys(added) as (keyof SectionRules)[])
      Object.assign(feed, { [section]: more.feed[section] });
    // A prerendered copy holds only its widgets' sections: the others come with the server's answer.
    const lacking = (Object.keys(added) as (keyof SectionRules)[]).filter(
      (section) => this.#seeded && !(section in (read.data as object)),
    );
    const sections = [...(state.awaiting?.sections ?? []).filter((section) => !(section in added)), ...lacking];
    this.#set({
      ...state,
      feed,
      problems: [...state.problems, ...more.problems],
      ...(cut && more.partial && { partial: { ...state.partial, ...more.partial } }),
      widened: true,
      awaiting: sections.length > 0 ? { sections, error: this.#failure } : undefined,
    });
  }

  /**
   * Keeps the copy for repeat views once the page is idle: writing it (a large feed is megabytes of JSON) must not
   * hold up the render of what just arrived. Until then it is read from memory.
   */
  #save(url: string, data: unknown): void {
    const key = `feed:${this.url}`;
    const due = unsaved.has(key);
    unsaved.set(key, { url, savedAt: Date.now(), data });
    if (due) return;
    // Idle or leaving, whichever comes first (the second finds nothing left to write).
    const write = (): void => {
      const copy = unsaved.get(key);
      unsaved.delete(key);
      if (copy) localStore.set(key, copy);
    };
    whenIdle(write);
    globalThis.addEventListener?.('pagehide', write, { once: true });
  }

  /** The last good copy of this address, if one was saved and still reads as one. */
  #saved(): SavedCopy | undefined {
    const key = `feed:${this.url}`;
    const saved = unsaved.get(key) ?? localStore.get<SavedCopy>(key);
    return saved && typeof saved === 'object' && typeof saved.url === 'string' ? saved : undefined;
  }

  /** The last good copy, re-validated, marked stale; else the error itself. */
  #fallback(error: FeedError): FeedState {
    const saved = this.#saved();
    if (!saved) return error;
    const state = readFeed(saved.data, saved.url, undefined, true);
    if (state.status !== 'ready') return error;
    this.#read = saved;
    return { ...state, stale: true, savedAt: saved.savedAt };
  }
}

/**
 * Validates a response body (the sections the page's widgets read, or `sections` and not the header) and resolves
 * its addresses against `finalUrl`. `firstOnly`: a long list holds only its first items (`partial`, see
 * `SectionRule.first`).
 */
export function readFeed(
  data: unknown,
  finalUrl: string,
  sections?: SectionRules,
  firstOnly = false,
): Exclude<FeedState, { status: 'loading' }> {
  const result = validateSections(data, sections, !sections, firstOnly);
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
  return {
    status: 'ready',
    feed: resolveFeedUrls(result.feed, finalUrl),
    problems: result.problems,
    stale: false,
    ...(result.partial && { partial: result.partial }),
  };
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
  return new StoreEntry(baseUrl, { data });
}
