import type { ReactiveController, ReactiveElement } from 'lit';
import { builtInFeed } from './built-in.js';
import { feedContext } from './context.js';
import { feedEntry, type FeedEntry, type FeedState } from './store.js';

type FeedHost = ReactiveElement & { src?: string | undefined };

/**
 * Connects a widget to its feed: its own `src` first, else the nearest
 * <cl-feed> (through context, subscribed), else the built-in feed. Inside a
 * <cl-feed> that has not upgraded yet it waits, and asks again once the
 * element is defined, so a late provider still reaches it. The widget
 * re-renders on every state change of the chosen entry.
 */
export class FeedController implements ReactiveController {
  state: FeedState = { status: 'loading' };
  private entry: FeedEntry | undefined;
  private unsubscribe: (() => void) | undefined;
  private provided: FeedEntry | undefined;
  private waiting: Promise<void> | undefined;

  private unsubscribeContext: (() => void) | undefined;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.requestContext();
    this.select();
  }

  /**
   * Asks the nearest <cl-feed> for its entry with the Context Community
   * Protocol's `context-request` event, subscribed, as @lit/context's
   * ContextProvider answers it. (A few lines here instead of the library's
   * consumer keep every widget's shared code 0.5 KB smaller.)
   */
  private requestContext(): void {
    const callback = (entry: FeedEntry | undefined, unsubscribe?: () => void): void => {
      if (this.unsubscribeContext !== unsubscribe) this.unsubscribeContext?.();
      this.unsubscribeContext = unsubscribe;
      this.provided = entry;
      this.select();
    };
    const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: feedContext,
      contextTarget: this.host,
      callback,
      subscribe: true,
    });
    this.host.dispatchEvent(request);
  }

  hostUpdate(): void {
    this.select();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribeContext?.();
    this.unsubscribe = this.unsubscribeContext = this.entry = this.provided = undefined;
  }

  /** Fetches the current feed again. */
  retry(): void {
    this.entry?.reload();
  }

  private wanted(): FeedEntry | 'wait' | undefined {
    const { src } = this.host;
    if (src) {
      try {
        return feedEntry(new URL(src, document.baseURI).href);
      } catch {
        return undefined;
      }
    }
    if (this.provided) return this.provided;
    // Inside a <cl-feed> that has not upgraded yet: wait for it rather than fetch the built-in feed.
    if (this.host.closest('cl-feed') && !customElements.get('cl-feed')) {
      this.waiting ??= customElements.whenDefined('cl-feed').then(() => {
        this.waiting = undefined;
        // The request made on connection went unanswered: make it again, now that the provider listens.
        if (this.host.isConnected) this.requestContext();
      });
      return 'wait';
    }
    const url = builtInFeed();
    return url ? feedEntry(url) : undefined;
  }

  private select(): void {
    if (!this.host.isConnected) return;
    const next = this.wanted();
    if (next === 'wait') return;
    if (next === this.entry && this.unsubscribe) return;
    this.unsubscribe?.();
    this.entry = next;
    if (!next) {
      this.unsubscribe = undefined;
      this.setState({ status: 'error', code: 'no-feed', message: 'No feed address: set src, or load an entry file.' });
      return;
    }
    this.unsubscribe = next.subscribe((state) => this.setState(state));
    this.setState(next.state);
  }

  private setState(state: FeedState): void {
    if (state === this.state) return;
    this.state = state;
    this.host.requestUpdate();
  }
}
