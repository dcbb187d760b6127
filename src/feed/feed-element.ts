import { ContextProvider } from '@lit/context';
import { LitElement, html, css, type PropertyValues, type PropertyDeclarations } from 'lit';
import { feedContext } from './context.js';
import { feedEntry, type FeedEntry } from './store.js';

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
  `;

  static override properties: PropertyDeclarations = {
    src: { reflect: true },
  };

  /** The feed's address, absolute or relative to the page. */
  src = '';

  private readonly provider = new ContextProvider(this, { context: feedContext });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.provider.setValue(this.entry());
  }

  private entry(): FeedEntry | undefined {
    if (!this.src) return undefined;
    try {
      return feedEntry(new URL(this.src, document.baseURI).href);
    } catch {
      return undefined;
    }
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
