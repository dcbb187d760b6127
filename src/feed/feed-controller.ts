import { isServer, type ReactiveController, type BaseElement } from '../internal/base-element.js';
import { defineElement } from '../internal/define.js';
import { emit } from '../internal/events.js';
import { builtInFeed } from './built-in.js';
import { feedContext } from './context.js';
import type * as Layers from './layers.js';
import { feedEntry, feedEntryAt, type FeedEntry, type FeedErrorCode, type FeedState } from './store.js';
import { useSections, type SectionRules } from './validate-sections.js';

type FeedHost = BaseElement & { src?: string | undefined; local?: string | undefined };

export interface FeedLoadDetail {
  /** The feed's address. */
  url: string;
  /** True when the widget shows the last good copy because loading failed. */
  stale: boolean;
}

export interface FeedErrorDetail {
  /** The feed's address (empty when there is none: no `src` and no built-in feed). */
  url: string;
  code: FeedErrorCode;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** The widget's feed loaded (or its last good copy was served, `stale`). */
    'cl-feed-load': CustomEvent<FeedLoadDetail>;
    /** The widget's feed failed and there is no last good copy. */
    'cl-feed-error': CustomEvent<FeedErrorDetail>;
  }
}

const LOADING: FeedState = { status: 'loading' };

/** Prerendering (src/ssr/render.ts): the state every widget created on the server shows, from the feed given to it. */
export const serverFeed: { state?: FeedState } = {};

/** The layering code once loaded; `null` when it could not load (then the national feed shows alone). */
let layers: typeof Layers | null | undefined;
let layersLoading: Promise<unknown> | undefined;
const loadLayers = () =>
  (layersLoading ??= import('./layers.js').then(
    (module) => (layers = module),
    () => (layers = null),
  ));

/**
 * Connects a widget to its feed: its own `src` first, else the nearest
 * <cl-feed> (through context, subscribed), else the built-in feed; with its
 * own `local`, that feed with the local layer laid over it. A
 * <cl-feed> that has not answered yet (not defined, or no entry yet) is
 * waited for, never passed over for the built-in feed; an undefined one is
 * loaded from beside the widget's own entry file. The choice is made at
 * the host's update, after Lit has applied properties set before the
 * upgrade, so nothing is fetched on a default `src`. The widget re-renders
 * and fires `cl-feed-load` / `cl-feed-error` on every state change.
 */
export class FeedController implements ReactiveController {
  state: FeedState = { status: 'loading' };
  #entry: FeedEntry | undefined;
  #unsubscribe: (() => void) | undefined;
  /** What the nearest <cl-feed> answered: an entry, `null` for "no entry yet", `undefined` for no answer. */
  #provided: FeedEntry | null | undefined;
  #unsubscribeContext: (() => void) | undefined;
  #waiting: Promise<unknown> | undefined;

  readonly #host: FeedHost;
  readonly #sections: SectionRules;

  /**
   * `sections`: the parts of the feed the widget shows (from src/feed/sections/, or `ALL_SECTIONS`); a page validates
   * only the sections its widgets show.
   */
  constructor(host: FeedHost, sections: SectionRules = {}) {
    useSections(sections);
    if (isServer && serverFeed.state) this.state = serverFeed.state;
    this.#host = host;
    this.#sections = sections;
    host.addController(this);
  }

  hostConnected(): void {
    this.#requestContext();
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    this.#select();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribeContext?.();
    this.#unsubscribe = this.#unsubscribeContext = this.#entry = this.#provided = undefined;
  }

  /** Fetches the current feed again. */
  retry(): void {
    this.#entry?.reload();
  }

  /**
   * Asks the nearest <cl-feed> for its entry with the Context Community
   * Protocol's `context-request` event, subscribed, as @lit/context's
   * ContextProvider answers it. (A few lines here instead of the library's
   * consumer keep every widget's shared code 0.5 KB smaller.)
   */
  #requestContext(): void {
    const callback = (entry: FeedEntry | undefined, unsubscribe?: () => void): void => {
      if (this.#unsubscribeContext !== unsubscribe) this.#unsubscribeContext?.();
      this.#unsubscribeContext = unsubscribe;
      this.#provided = entry ?? null;
      this.#host.requestUpdate();
    };
    // A CustomEvent: MooTools 1.x, still on some partners' pages, replaces the global `Event` with its own wrapper.
    const request = Object.assign(new CustomEvent('context-request', { bubbles: true, composed: true }), {
      context: feedContext,
      contextTarget: this.#host,
      callback,
      subscribe: true,
    });
    this.#host.dispatchEvent(request);
  }

  #wanted(): FeedEntry | 'wait' | undefined {
    const national = this.#national();
    // Both layers' requests start here, before the layering code (loaded only on pages that use it) arrives.
    const local = this.#host.local ? feedEntryAt(this.#host.local) : undefined;
    if (!local || !national || national === 'wait' || layers === null) return national;
    if (layers) return layers.layeredEntry(national, local);
    void loadLayers().then(() => this.#host.requestUpdate());
    return 'wait';
  }

  #national(): FeedEntry | 'wait' | undefined {
    const { src } = this.#host;
    if (src) return feedEntryAt(src);
    if (this.#provided !== undefined) return this.#provided ?? 'wait';
    // Inside a <cl-feed> that has not upgraded yet: define it (from this entry's own folder) and wait for it.
    if (this.#host.closest('cl-feed') && !customElements.get('cl-feed')) {
      // Defines <cl-feed> (unless another copy of the library did meanwhile); the built-in feed is the widget entry's.
      if (!this.#waiting) {
        this.#waiting = import('./feed-element.js').then(({ ClFeed }) => {
          defineElement('cl-feed', ClFeed);
          this.#waiting = undefined;
          // The request made on connection went unanswered: make it again, now that the provider listens.
          if (this.#host.isConnected) this.#requestContext();
        });
      }
      return 'wait';
    }
    const url = builtInFeed();
    return url ? feedEntry(url) : undefined;
  }

  #select(): void {
    if (!this.#host.isConnected) return;
    const next = this.#wanted();
    if (next === 'wait') return;
    if (next === this.#entry && this.#unsubscribe) return;
    this.#unsubscribe?.();
    this.#entry = next;
    if (!next) {
      this.#unsubscribe = undefined;
      if (this.state.status !== 'error' || this.state.code !== 'no-feed')
        this.#setState({
          status: 'error',
          code: 'no-feed',
          message: 'No feed address: set src, or load an entry file.',
        });
      return;
    }
    this.#unsubscribe = next.subscribe((state) => {
      // A copy read again for another widget's sections is not a new load.
      const widened = state.status === 'ready' && state.widened && this.state.status === 'ready';
      this.#setState(state, !widened);
      this.#host.requestUpdate();
    });
    this.#setState(next.state);
  }

  /** Called during the host's update (or before requesting one), so the render that follows shows `state`. */
  #setState(entryState: FeedState, announce = true): void {
    // Sections of this widget that the prerendered copy on screen lacks: loading until the server answers, or its error.
    const awaiting = entryState.status === 'ready' ? entryState.awaiting : undefined;
    const state = awaiting?.sections.some((section) => section in this.#sections)
      ? (awaiting.error ?? LOADING)
      : entryState;
    if (state === this.state) return;
    this.state = state;
    if (!announce) return;
    const url = this.#entry?.url ?? '';
    if (state.status === 'ready') emit(this.#host, 'cl-feed-load', { url, stale: state.stale });
    if (state.status === 'error') emit(this.#host, 'cl-feed-error', { url, code: state.code });
  }
}
