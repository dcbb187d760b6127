import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PropertyDeclarations } from '../internal/base-element.js';
import { ClElement } from '../internal/cl-element.js';
import { translator } from '../i18n/strings.js';
import { FeedController } from './feed-controller.js';
import type { Feed } from './schema.js';
import type { SectionRules } from './validate-sections.js';
import { feedStateStrings } from './feed-widget.strings.js';

/**
 * A widget that shows part of the feed. It renders one of: a busy status with
 * a skeleton, an error panel with a retry button (and the partner's own
 * light-DOM content, when there is no saved copy), or the widget's content,
 * under a notice when that content is the last good copy.
 *
 * The tags below reach every widget's entry in custom-elements.json.
 *
 * @csspart base - The widget's wrapper.
 * @csspart loading - The busy status shown while the feed loads (its skeleton is hidden from assistive technology).
 * @csspart error - The error panel: the feed could not be loaded and there is no saved copy.
 * @csspart stale - The notice above a last good copy, with its date and a retry button.
 * @csspart layer-failed - The notice above the content when one of two layers (`src` and `local`) failed, with a retry button.
 *
 * @fires cl-feed-load - The feed loaded, or its last good copy was served. `detail`: `{ url, stale }`.
 * @fires cl-feed-error - The feed failed with no last good copy. `detail`: `{ url, code }` (a `FeedErrorCode`).
 */
export abstract class FeedWidget extends ClElement {
  static override properties: PropertyDeclarations = {
    src: { reflect: true, useDefault: true },
    local: { reflect: true, useDefault: true },
  };
  /** The feed's address. Without it: the nearest `<cl-feed>`, else the built-in feed. */
  src = '';
  /** A local layer's address: the partner's own items, added to the feed's, replacing or hiding some of them. */
  local = '';

  /** The feed's sections the widget shows: on a page of such widgets only these are validated. */
  protected static feedSections: SectionRules = {};

  protected readonly feed: FeedController = new FeedController(
    this,
    (this.constructor as typeof FeedWidget).feedSections,
  );

  /** The widget's content for a loaded feed. */
  protected abstract renderContent(feed: Feed): TemplateResult | typeof nothing;

  /** Placeholder shapes shown while loading; sized like the content to avoid layout shift. */
  protected renderSkeleton(): TemplateResult {
    return html`<span class="cl-skeleton cl-skeleton-block"></span>`;
  }

  override render(): TemplateResult {
    // The wrapper says the language the widget speaks: the reader may have switched away from the page's.
    return html`<div class="cl-root" part="base" lang=${this.language}>
      ${this.renderLanguageSwitch()}${this.#renderState()}
    </div>`;
  }

  #renderState() {
    const state = this.feed.state;
    const t = translator(feedStateStrings, this.language);
    switch (state.status) {
      case 'loading':
        return html`<div role="status" aria-busy="true" part="loading">
          <span class="cl-visually-hidden">${t('loading')}</span>
          <div aria-hidden="true">${this.renderSkeleton()}</div>
        </div>`;
      case 'error': {
        const reason = state.code === 'http' ? t('http')(state.httpStatus ?? 0) : t(state.code);
        return html`<div class="cl-panel" data-tone="error" role="alert" part="error">
            <p><strong>${t('errorTitle')}</strong></p>
            <p>${reason}</p>
            <button type="button" class="cl-button" @click=${() => this.feed.retry()}>${t('retry')}</button>
          </div>
          <slot></slot>`;
      }
      case 'ready': {
        const date =
          state.savedAt !== undefined
            ? new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeStyle: 'short' }).format(state.savedAt)
            : '';
        const notice = state.stale ? t('stale')(date) : state.layerFailed?.notice[this.language];
        return html`${
          notice
            ? html`<div
                class="cl-panel"
                data-tone="notice"
                role="status"
                part=${state.stale ? 'stale' : 'layer-failed'}
              >
                <p>${notice}</p>
                <button type="button" class="cl-button" data-variant="secondary" @click=${() => this.feed.retry()}>
                  ${t('retry')}
                </button>
              </div>`
            : nothing
        }${this.renderContent(state.feed)}`;
      }
    }
  }
}
