import type { ContextEvent } from '@lit/context';
import { html } from 'lit/html.js';
import { BaseElement, css, type PropertyValues, type PropertyDeclarations } from '../internal/base-element.js';
import { builtInFeed } from './built-in.js';
import { feedContext } from './context.js';
import { layeredEntry } from './layers.js';
import { feedEntryAt, type FeedEntry } from './store.js';

/**
 * Provides one feed to every widget inside it, so a page sets the feed's
 * address once. Shows its children unchanged.
 *
 * @tag cl-feed
 * @slot - The widgets (and any other content) that read this feed.
 */
export class ClFeed extends BaseElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  static override properties: PropertyDeclarations = {
    src: { reflect: true, useDefault: true },
    local: { reflect: true, useDefault: true },
  };

  /** The feed's address, absolute or relative to the page. */
  src = '';

  /** A local layer's address: the partner's own items, added to the feed's (see the guide "Adding your own resources"). */
  local = '';

  #entry: FeedEntry | undefined;
  /** The widgets that asked to be told of changes: each one's callback and the unsubscribe function it was given. */
  readonly #subscribers = new Map<(entry: FeedEntry | undefined, unsubscribe?: () => void) => void, () => void>();

  /*
   * Answers the Context Community Protocol's `context-request` events for the feed, as @lit/context's
   * ContextProvider would: a few lines here instead of the library keep the page's <cl-feed> code 0.5 KB smaller.
   */
  constructor() {
    super();
    this.addEventListener('context-request', (event) => {
      const request = event as ContextEvent<typeof feedContext>;
      if (request.context !== feedContext) return;
      event.stopPropagation();
      const { callback } = request;
      if (!request.subscribe) return callback(this.#entry);
      let unsubscribe = this.#subscribers.get(callback);
      if (!unsubscribe) this.#subscribers.set(callback, (unsubscribe = () => this.#subscribers.delete(callback)));
      callback(this.#entry, unsubscribe);
    });
  }

  #provide(entry: FeedEntry | undefined): void {
    if (entry === this.#entry) return;
    this.#entry = entry;
    for (const [callback, unsubscribe] of this.#subscribers) callback(entry, unsubscribe);
  }

  /**
   * Answers at once with the `src` attribute's entry, so no widget inside
   * takes the silence before the first update for "no provider" and fetches
   * the built-in feed. Until then (a `src` property set before upgrade is
   * applied at the first update) widgets are told to wait.
   */
  override connectedCallback(): void {
    if (this.src || this.local) this.#provide(this.entry());
    super.connectedCallback();
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('src') || changed.has('local') || !this.hasUpdated) this.#provide(this.entry());
  }

  /** The entry of `src` (a bare <cl-feed> provides the built-in feed), with the `local` layer over it. */
  private entry(): FeedEntry | undefined {
    const url = this.src || builtInFeed();
    const national = url ? feedEntryAt(url) : undefined;
    const local = this.local ? feedEntryAt(this.local) : undefined;
    return national && local ? layeredEntry(national, local) : national;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cl-feed': ClFeed;
  }
}
