import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import type { Feed, Resource, ResourceType } from '../../feed/schema.js';
import { langIf, pick } from '../../i18n/local-text.js';
import { plural, translator } from '../../i18n/strings.js';
import { safeUrl } from '../../internal/safe-url.js';
import { resourceListStrings } from './resource-list.strings.js';
import { styles } from './resource-list.styles.js';
import type { List } from './resource-list.act.js';
import { findResources, resourceIndex, SORT_ORDERS, type ResourceIndex, type SortOrder } from './resource-search.js';

export interface ResourceOpenDetail {
  id: string;
  url: string;
}

export interface ResourceFilterDetail {
  query: string;
  /** '' for every type. */
  type: string;
  /** '' for every topic. */
  topic: string;
  /** '' for any language. */
  resourceLang: string;
  count: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A reader followed a resource's link. */
    'cl-resource-open': CustomEvent<ResourceOpenDetail>;
    /** The reader changed the search or a filter (once typing pauses). */
    'cl-resource-filter': CustomEvent<ResourceFilterDetail>;
  }
  interface HTMLElementTagNameMap {
    'cl-resource-list': ClResourceList;
  }
}

/** The count is announced once typing pauses this long, not on every keystroke. */
export const TYPING_PAUSE_MS = 500;

export interface Filters {
  query: string;
  type: string;
  topic: string;
  resourceLang: string;
  sort: SortOrder;
  page: number;
}

/* Unsafe addresses are reported once per resource per page, not on every render. */
const warnedUnsafe = new Set<string>();

type Act = typeof import('./resource-list.act.js');
/* The code for what a reader does (resource-list.act.ts), loaded on their first action. */
let act: Act | undefined;
let loading: Promise<Act> | undefined;

const isSort = (value: string): value is SortOrder => (SORT_ORDERS as readonly string[]).includes(value);

function positiveInt(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The feed's articles, films, toolkits and reports as a searchable,
 * filterable list. Searching matches titles, summaries, publishers and
 * topics in both languages, ignoring case and accents; the result count is
 * announced once typing pauses. Only the current page is rendered, so a
 * feed of 10,000 resources stays instant.
 *
 * @tag cl-resource-list
 * @slot - Shown before the widget loads and when the feed fails with no saved copy (e.g. a plain link to your resources page).
 * @fires cl-resource-open - A reader followed a resource's link. detail: `{ id, url }`.
 * @fires cl-resource-filter - The search or a filter changed (once typing pauses). detail: `{ query, type, topic, resourceLang, count }`.
 * @csspart base - The widget's outer wrapper.
 * @csspart controls - The search form with its filters.
 * @csspart search - The search box.
 * @csspart filters - The fieldset of filter and sort controls.
 * @csspart clear - The "Clear filters" buttons.
 * @csspart count - The result count (a polite live region).
 * @csspart list - The list of resources.
 * @csspart item - One resource.
 * @csspart title - A resource's title (a link when its address is safe).
 * @csspart meta - A resource's type, publisher, date and language.
 * @csspart summary - A resource's summary.
 * @csspart topics - A resource's topics.
 * @csspart topic - One topic label.
 * @csspart empty - The "No resources match" panel.
 * @csspart pagination - The page navigation.
 * @csspart page-button - A button in the page navigation.
 * @csspart show-more - The "Show more" button.
 * @csspart loading - The loading status.
 * @csspart error - The error panel.
 * @csspart stale - The saved-copy notice.
 * @csspart language-switch - The "Cymraeg / English" button.
 * @cssprop --cl-font-family - Font family (default: inherited from the page).
 * @cssprop --cl-font-size - Base text size (default: medium).
 * @cssprop --cl-color-text - Text colour.
 * @cssprop --cl-color-muted - Secondary text colour (type, date, publisher).
 * @cssprop --cl-color-link - Link colour.
 * @cssprop --cl-color-accent - Buttons and the current page.
 * @cssprop --cl-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --cl-color-border - Borders of controls and items.
 * @cssprop --cl-color-surface - Background of items and controls.
 * @cssprop --cl-color-tag - Background of topic labels.
 * @cssprop --cl-color-focus - Focus outline colour.
 * @cssprop --cl-radius - Corner radius.
 * @cssprop --cl-resource-gap - Space between resources.
 */
export class ClResourceList extends FeedWidget {
  static override styles = [...FeedWidget.styles, styles];
  static override properties: PropertyDeclarations = {
    topic: {},
    type: {},
    resourceLang: { attribute: 'resource-lang' },
    sort: {},
    pageSize: { type: Number, attribute: 'page-size' },
    limit: { type: Number },
    controls: {},
    paging: {},
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    query: { state: true },
    page: { state: true },
  };

  /** Show only resources with this topic id (a starting filter the reader can change). */
  topic = '';
  /** Show only resources of this type: article, blog, video, toolkit, report, guide, podcast, book, course, website. */
  type = '';
  /** Show only resources written in this language: `en` or `cy`. */
  resourceLang = '';
  /** Order: `newest` (default), `oldest` or `title` (A to Z in the widget's language). */
  sort: SortOrder = 'newest';
  /** Resources per page (default 10). */
  pageSize = 10;
  /** Show only the latest N matching resources (0 or absent: all). */
  limit = 0;
  /** `none`: a fixed list without search, filters or paging (for a side panel). */
  controls = '';
  /** `pages` (default): numbered pages; `more`: a "Show more" button that adds the next page. */
  paging = '';
  /** Keeps the search and filters in the page's query string (`cl-q`, `cl-type`…), so a filtered view can be shared. Off by default. */
  syncUrl = false;

  private query = '';
  private page = 1;

  /** Set while the reader is typing: the count in the live region waits for the pause. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The count in the live region. */
  private shown: number | undefined;
  private memo: [ResourceIndex, string, Resource[]] | undefined;
  private urlRead = false;
  /** The reader's action waiting for the code that carries it out. */
  private pending: Promise<void> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Also waits for a reader's action that is waiting for its code to load. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.pending;
    return super.getUpdateComplete();
  }

  /** Runs a reader's action with the code that carries it out, loading that code on the first action. */
  private run(action: (code: Act, el: List) => unknown): void {
    const go = (code: Act) => {
      act = code;
      action(code, this as unknown as List);
    };
    if (act) go(act);
    else this.pending = (loading ??= import('./resource-list.act.js')).then(go, () => (loading = undefined));
  }

  private get fixed(): boolean {
    return this.controls === 'none';
  }

  private get size(): number {
    return positiveInt(this.pageSize) ?? 10;
  }

  /** The current matches, recomputed only when the feed or a filter changed. */
  private found(feed: Feed): Resource[] {
    const index = resourceIndex(feed);
    const q = {
      type: this.type,
      topic: this.topic,
      resourceLang: this.resourceLang,
      sort: isSort(this.sort) ? this.sort : 'newest',
      limit: positiveInt(this.limit) ?? 0,
      language: this.language,
    };
    const query = this.fixed ? '' : this.query.trim();
    const key = JSON.stringify(q) + query;
    const memo = this.memo;
    if (memo?.[0] !== index || memo[1] !== key) {
      // A search, or an order other than newest, comes with the code for a reader's actions: loaded by then (see renderContent).
      const found = findResources(
        index,
        q,
        query ? act!.textMatch(index, query) : undefined,
        q.sort === 'newest' ? undefined : act!.compare(q.sort, q.language),
      );
      this.memo = [index, key, found];
    }
    return this.memo![2];
  }

  protected override renderSkeleton(): TemplateResult {
    // Sized by classes: strict CSP pages block style attributes.
    const item = html`<div class="skeleton-item">
      <span class="cl-skeleton title"></span><span class="cl-skeleton meta"></span
      ><span class="cl-skeleton summary"></span>
    </div>`;
    return html`${this.fixed ? nothing : html`<span class="cl-skeleton controls"></span>`}${[item, item, item]}`;
  }

  protected override renderContent(feed: Feed): TemplateResult {
    const language = this.language;
    const t = translator(resourceListStrings, language);
    // Reading the address (`sync-url`) and the orders other than newest come with the code for a reader's actions: then needed at once.
    if (!act && (this.syncUrl || (this.sort !== 'newest' && isSort(this.sort)))) {
      this.run(() => this.requestUpdate());
      return this.renderSkeleton();
    }
    // With `sync-url`, the starting search and filters come from the address, read once, before the list first shows.
    if (this.syncUrl && !this.urlRead) {
      this.urlRead = true;
      this.run((code, el) => code.readUrl(el, isSort, positiveInt));
    }
    const index = resourceIndex(feed);
    const found = this.found(feed);
    const total = found.length;
    const size = this.size;
    const fixed = this.fixed;
    const more = this.paging === 'more';
    const pages = Math.ceil(total / size) || 1;
    const page = fixed ? 1 : Math.min(this.page, pages);
    const start = more ? 0 : (page - 1) * size;
    const shown = found.slice(start, fixed && this.limit > 0 ? total : page * size);
    const filtered = this.query.trim() || this.type || this.topic || this.resourceLang;
    const empty = t(feed.resources.length ? 'noMatch' : 'noneYet');

    const clear = () =>
      html`<button
        type="button"
        class="cl-button"
        data-variant="secondary"
        part="clear"
        @click=${() => this.run((code, el) => code.clear(el))}
      >
        ${t('clear')}
      </button>`;

    const select = (id: string, key: 'type' | 'topic' | 'resourceLang' | 'sort', options: [string, string][]) =>
      html`<div class="field">
        <label for=${id}>${t(key)}</label>
        <select id=${id} @change=${(e: Event) => this.change({ [key]: (e.target as HTMLSelectElement).value })}>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${value === this[key]}>${text}</option>`)}
        </select>
      </div>`;

    const pageButton = (target: number, label: unknown, current?: boolean) =>
      html`<li>
        <button
          type="button"
          class="cl-button"
          data-variant=${current ? nothing : 'secondary'}
          part="page-button"
          aria-current=${ifDefined(current ? 'page' : undefined)}
          @click=${() => this.goTo(target)}
        >
          ${label}
        </button>
      </li>`;

    // First, last and the current page's neighbours; gaps (0) shown as an ellipsis, so 1,000 pages fit at 320 px.
    const numbers: number[] = [];
    for (let n = 1; n <= pages; n++) {
      if (n === 1 || n === pages || Math.abs(n - page) < 2) numbers.push(n);
      else if (numbers.at(-1)) numbers.push(0);
    }

    // A partial date (YYYY, YYYY-MM or YYYY-MM-DD) at the precision the feed gives: "2021", "May 2019", "14 March 2022".
    const date = (published: string) => {
      const [year, month, day] = published.split('-').map(Number);
      return [day, month && t('month')(month - 1), year].filter(Boolean).join(' ');
    };

    const item = (resource: Resource) => {
      const { id, languages } = resource;
      const title = pick(resource.title, language);
      const href = resource.url && safeUrl(pick(resource.url, language).text);
      if (!href && !warnedUnsafe.has(id)) {
        warnedUnsafe.add(id);
        console.warn(`<cl-resource-list>: unsafe address, not linked: "${id}"`);
      }
      const summary = resource.summary && pick(resource.summary, language);
      const publisher = resource.publisher && pick(resource.publisher, language);
      const topics = (resource.topics ?? []).flatMap((topicId) => {
        const topic = index.topicById.get(topicId);
        return topic ? [pick(topic.label, language)] : [];
      });
      return html`<li class="cl-panel" part="item" tabindex="-1" data-id=${id}>
        <p part="title" lang=${ifDefined(langIf(title, language))}>
          ${
            href
              ? html`<a
                  href=${href}
                  rel="noopener"
                  hreflang=${languages.length === 1 && languages[0] !== language ? languages[0] : nothing}
                  @click=${() => this.emit('cl-resource-open', { id, url: href })}
                  >${title.text}${
                    new URL(href).origin === location.origin
                      ? nothing
                      : html`<span aria-hidden="true">↗</span
                          ><span
                            class="cl-visually-hidden"
                            lang=${ifDefined(title.lang === language ? undefined : language)}
                          >
                            ${t('external')}</span
                          >`
                  }</a
                >`
              : title.text
          }
        </p>
        <p part="meta">
          <span>${t(resource.type as ResourceType)}</span>
          ${publisher ? html`<span lang=${ifDefined(langIf(publisher, language))}>${publisher.text}</span>` : nothing}
          ${resource.published ? html`<time datetime=${resource.published}>${date(resource.published)}</time>` : nothing}
          <span>${t(languages.includes('cy') ? (languages.includes('en') ? 'inBoth' : 'inCy') : 'inEn')}</span>
        </p>
        ${summary ? html`<p part="summary" lang=${ifDefined(langIf(summary, language))}>${summary.text}</p>` : nothing}
        ${
          topics.length
            ? html`<ul part="topics" aria-label=${t('topics')}>
                ${topics.map((topic) => html`<li part="topic" lang=${ifDefined(langIf(topic, language))}>${topic.text}</li>`)}
              </ul>`
            : nothing
        }
      </li>`;
    };

    const list = html`<ul part="list" aria-label=${t('list')}>
      ${shown.map(item)}
    </ul>`;

    if (fixed) return shown.length ? list : html`<p part="empty">${empty}</p>`;
    if (this.timer === undefined) this.shown = total;
    return html`<form part="controls" role="search" aria-label=${t('find')} @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="query">${t('search')}</label>
          <span class="hint" id="query-hint">${t('hint')}</span>
          <input
            id="query"
            type="search"
            part="search"
            autocomplete="off"
            aria-describedby="query-hint"
            .value=${this.query}
            @input=${(e: Event) => this.change({ query: (e.target as HTMLInputElement).value }, TYPING_PAUSE_MS)}
          />
        </div>
        <fieldset part="filters">
          <legend>${t('filters')}</legend>
          <div class="fields">
            ${select('type', 'type', [['', t('anyType')], ...index.types.map((type): [string, string] => [type, t(type)])])}
            ${select('topic', 'topic', [['', t('anyTopic')], ...index.topics.map((topic): [string, string] => [topic.id, pick(topic.label, language).text])])}
            ${select('resource-lang', 'resourceLang', [
              ['', t('anyLang')],
              ['cy', t('welsh')],
              ['en', t('english')],
            ])}
            ${select(
              'sort',
              'sort',
              SORT_ORDERS.map((order): [string, string] => [order, t(order)]),
            )}
          </div>
          ${filtered ? clear() : nothing}
        </fieldset>
      </form>
      <p part="count" role="status" aria-live="polite">${plural(t('count'), this.shown ?? total, language)}</p>
      ${
        total
          ? html`${list}${
              more
                ? shown.length < total
                  ? html`<div class="more">
                      <button type="button" class="cl-button" part="show-more" @click=${() => this.goTo(page + 1)}>
                        ${t('more')}
                      </button>
                    </div>`
                  : nothing
                : pages > 1
                  ? html`<nav part="pagination" aria-label=${t('pages')}>
                      <ul>
                        ${page > 1 ? pageButton(page - 1, t('prev')) : nothing}
                        ${numbers.map((n) =>
                          n
                            ? pageButton(n, html`<span class="cl-visually-hidden">${t('page')} </span>${n}`, n === page)
                            : html`<li aria-hidden="true">…</li>`,
                        )}
                        ${page < pages ? pageButton(page + 1, t('next')) : nothing}
                      </ul>
                      <p class="cl-visually-hidden">${t('pageOf')(page, pages)}</p>
                    </nav>`
                  : nothing
            }`
          : html`<div class="cl-panel" part="empty">
              <p><strong>${empty}</strong></p>
              ${
                filtered
                  ? html`<p>${t('tryOther')}</p>
                      ${clear()}`
                  : nothing
              }
            </div>`
      }`;
  }

  /** Applies a search or filter from the reader (announced `pause` ms after the last keystroke). */
  private change(filters: Partial<Filters>, pause?: number): void {
    this.run((code, el) => code.change(el, filters, pause));
  }

  private goTo(page: number): void {
    this.run((code, el) => code.goTo(el, page));
  }
}
