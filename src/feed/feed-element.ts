import { ContextProvider } from '@lit/context';
import { LitElement, html, css, type PropertyValues, type PropertyDeclarations } from 'lit';
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
export class ClFeed extends LitElement {
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

  private readonly provider = new ContextProvider(this, { context: feedContext });

  /**
   * Answers at once with the `src` attribute's entry, so no widget inside
   * takes the silence before the first update for "no provider" and fetches
   * the built-in feed. Until then (a `src` property set before upgrade is
   * applied at the first update) widgets are told to wait.
   */
  override connectedCallback(): void {
    if (this.src || this.local) this.provider.setValue(this.entry());
    super.connectedCallback();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('local') || !this.hasUpdated) this.provider.setValue(this.entry());
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
