import { ContextProvider } from '@lit/context';
import { LitElement, html, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
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

  /** The feed's address, absolute or relative to the page. */
  @property({ reflect: true }) src = '';

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
