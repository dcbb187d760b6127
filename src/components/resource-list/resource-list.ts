import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import type { Feed, Resource, ResourceType } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { langIf, pick } from '../../i18n/local-text.js';
import { plural, translator } from '../../i18n/strings.js';
import { safeUrl } from '../../internal/safe-url.js';
import { resourceListStrings } from './resource-list.strings.js';
import { styles } from './resource-list.styles.js';
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

/* Query-string names for `sync-url`, prefixed so the host's own parameters are never read or overwritten. */
const URL_PARAMS = { query: 'cl-q', type: 'cl-type', topic: 'cl-topic', resourceLang: 'cl-lang', sort: 'cl-sort', page: 'cl-page' } as const;

/* Unsafe addresses are reported once per resource per page, not on every render. */
const warnedUnsafe = new Set<string>();

const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

/* UK English for dates: the widgets serve Welsh organisations. */
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy' };

/**
 * A partial date (YYYY, YYYY-MM or YYYY-MM-DD) at the precision the feed
 * gives, with Intl.DateTimeFormat in `language`; where the browser has no
 * date data for that language (Chromium has none for Welsh), with the
 * widget's own month names.
 */
function formatDate(published: string, language: Language): string {
  const [year, month, day] = published.split('-').map(Number) as [number, number?, number?];
  const precision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  const key = `${language}:${precision}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    const locale = DATE_LOCALES[language];
    const candidate = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      ...(precision !== 'year' && { month: 'long' }),
      ...(precision === 'day' && { day: 'numeric' }),
    });
    format = candidate.resolvedOptions().locale.startsWith(language) ? candidate : null;
    dateFormats.set(key, format);
  }
  if (format) return format.format(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const monthName = month === undefined ? '' : translator(resourceListStrings, language)('month')(month - 1);
  return [day, monthName, year].filter(Boolean).join(' ');
}

function positiveInt(value: string | null | undefined): number | undefined {
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

  /** Show only resources with this topic id (a starting filter the reader can change). */
  @property() topic = '';
  /** Show only resources of this type: article, blog, video, toolkit, report, guide, podcast, book, course, website. */
  @property() type = '';
  /** Show only resources written in this language: `en` or `cy`. */
  @property({ attribute: 'resource-lang' }) resourceLang = '';
  /** Order: `newest` (default), `oldest` or `title` (A to Z in the widget's language). */
  @property() sort: SortOrder = 'newest';
  /** Resources per page (default 10). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  /** Show only the latest N matching resources (0 or absent: all). */
  @property({ type: Number }) limit = 0;
  /** `none`: a fixed list without search, filters or paging (for a side panel). */
  @property() controls = '';
  /** `pages` (default): numbered pages; `more`: a "Show more" button that adds the next page. */
  @property() paging = '';
  /** Keeps the search and filters in the page's query string (`cl-q`, `cl-type`…), so a filtered view can be shared. Off by default. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  @state() private query = '';
  @state() private page = 1;

  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The count in the live region; held while the reader is typing. */
  private shownCount: number | undefined;
  private memo: { index: ResourceIndex; key: string; found: Resource[] } | undefined;
  private urlRead = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl && !this.urlRead) this.readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('syncUrl') && this.syncUrl && !this.urlRead && this.isConnected) this.readUrl();
  }

  private get fixed(): boolean {
    return this.controls === 'none';
  }

  private get size(): number {
    return positiveInt(String(this.pageSize)) ?? 10;
  }

  /** The current matches, recomputed only when the feed or a filter changed. */
  private found(feed: Feed): Resource[] {
    const index = resourceIndex(feed);
    const sort = (SORT_ORDERS as readonly string[]).includes(this.sort) ? this.sort : 'newest';
    const q = {
      query: this.fixed ? '' : this.query,
      type: this.type,
      topic: this.topic,
      resourceLang: this.resourceLang,
      sort,
      limit: positiveInt(String(this.limit)) ?? 0,
      language: this.language,
    };
    const key = JSON.stringify(q);
    if (this.memo?.index !== index || this.memo.key !== key) this.memo = { index, key, found: findResources(index, q) };
    return this.memo.found;
  }

  protected override renderSkeleton(): TemplateResult {
    const item = html`<div class="skeleton-item">
      <span class="cl-skeleton" style="height: 1.25em; width: 70%"></span>
      <span class="cl-skeleton" style="height: 1em; width: 40%"></span>
      <span class="cl-skeleton" style="height: 2.5em"></span>
    </div>`;
    return html`${this.fixed ? nothing : html`<span class="cl-skeleton" style="height: 8em; margin-block-end: 1em"></span>`}${[1, 2, 3].map(() => item)}`;
  }

  protected override renderContent(feed: Feed): TemplateResult {
    const t = translator(resourceListStrings, this.language);
    const index = resourceIndex(feed);
    const found = this.found(feed);
    if (this.fixed) {
      const shown = found.slice(0, this.limit > 0 ? found.length : this.size);
      return shown.length > 0 ? this.renderList(shown, index, 0) : html`<p part="empty">${feed.resources.length ? t('noMatch') : t('noResources')}</p>`;
    }
    if (this.announceTimer === undefined) this.shownCount = found.length;
    const pages = Math.max(1, Math.ceil(found.length / this.size));
    const page = Math.min(this.page, pages);
    const more = this.paging === 'more';
    const start = more ? 0 : (page - 1) * this.size;
    const shown = found.slice(start, page * this.size);
    return html`${this.renderControls(index)}
      <p class="count" part="count" role="status" aria-live="polite">${plural(t('count'), this.shownCount ?? found.length, this.language)}</p>
      ${found.length === 0
        ? html`<div class="cl-panel empty" part="empty">
            <p><strong>${feed.resources.length ? t('noMatch') : t('noResources')}</strong></p>
            ${this.filtered ? html`<p>${t('noMatchHint')}</p>${this.renderClear()}` : nothing}
          </div>`
        : html`${this.renderList(shown, index, start)}${more ? this.renderShowMore(found.length, shown.length) : this.renderPagination(page, pages)}`}`;
  }

  private get filtered(): boolean {
    return Boolean(this.query.trim() || this.type || this.topic || this.resourceLang);
  }

  private renderControls(index: ResourceIndex) {
    const t = translator(resourceListStrings, this.language);
    const select = (id: string, label: string, value: string, options: [string, string][], onChange: (value: string) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
          ${options.map(([optionValue, text]) => html`<option value=${optionValue} ?selected=${optionValue === value}>${text}</option>`)}
        </select>
      </div>`;
    return html`<form class="controls" part="controls" role="search" aria-label=${t('findForm')} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field search">
        <label for="query">${t('search')}</label>
        <span class="hint" id="query-hint">${t('searchHint')}</span>
        <input id="query" type="search" part="search" autocomplete="off" aria-describedby="query-hint" .value=${this.query} @input=${this.onInput} />
      </div>
      <fieldset part="filters">
        <legend>${t('filters')}</legend>
        <div class="fields">
          ${select('type', t('type'), this.type, [['', t('anyType')], ...index.types.map((type): [string, string] => [type, t(type)])], (value) =>
            this.change({ type: value }),
          )}
          ${select(
            'topic',
            t('topic'),
            this.topic,
            [['', t('anyTopic')], ...index.topics.map((topic): [string, string] => [topic.id, pick(topic.label, this.language).text])],
            (value) => this.change({ topic: value }),
          )}
          ${select(
            'resource-lang',
            t('resourceLang'),
            this.resourceLang,
            [
              ['', t('anyLanguage')],
              ['cy', t('welsh')],
              ['en', t('english')],
            ],
            (value) => this.change({ resourceLang: value }),
          )}
          ${select(
            'sort',
            t('sort'),
            this.sort,
            SORT_ORDERS.map((order): [string, string] => [order, t(order)]),
            (value) => this.change({ sort: value as SortOrder }),
          )}
        </div>
        ${this.filtered ? this.renderClear() : nothing}
      </fieldset>
    </form>`;
  }

  private renderClear() {
    const t = translator(resourceListStrings, this.language);
    return html`<button type="button" class="cl-button clear" data-variant="secondary" part="clear" @click=${this.clear}>${t('clear')}</button>`;
  }

  private renderList(resources: Resource[], index: ResourceIndex, start: number) {
    const t = translator(resourceListStrings, this.language);
    return html`<ul class="list" part="list" aria-label=${t('listLabel')}>
      ${resources.map((resource, i) => this.renderItem(resource, index, start + i))}
    </ul>`;
  }

  private renderItem(resource: Resource, index: ResourceIndex, position: number) {
    const t = translator(resourceListStrings, this.language);
    const language = this.language;
    const title = pick(resource.title, language);
    const address = pick(resource.url, language).text;
    const href = safeUrl(address);
    if (!href && !warnedUnsafe.has(resource.id)) {
      warnedUnsafe.add(resource.id);
      console.warn(`compassionate-leadership-widgets: <cl-resource-list> resource "${resource.id}" has an unsafe address and is shown without a link.`);
    }
    const external = href !== undefined && new URL(href).origin !== location.origin;
    const summary = resource.summary && pick(resource.summary, language);
    const publisher = resource.publisher && pick(resource.publisher, language);
    const languages = resource.languages;
    const inLanguages = languages.includes('en') && languages.includes('cy') ? t('inBoth') : languages.includes('cy') ? t('inWelsh') : t('inEnglish');
    const titleLang = langIf(title, language);
    const topics = (resource.topics ?? []).flatMap((id) => {
      const topic = index.topicById.get(id);
      return topic ? [pick(topic.label, language)] : [];
    });
    return html`<li class="item" part="item" tabindex="-1" data-id=${resource.id} data-position=${position}>
      <p class="title" part="title" lang=${ifDefined(titleLang)}>
        ${href
          ? html`<a
              href=${href}
              rel="noopener"
              hreflang=${ifDefined(languages.length === 1 && languages[0] !== language ? languages[0] : undefined)}
              @click=${() => this.emit('cl-resource-open', { id: resource.id, url: href })}
              >${title.text}${external
                ? html`<span class="external" aria-hidden="true">↗</span><span class="cl-visually-hidden" lang=${ifDefined(titleLang ? language : undefined)}> ${t('external')}</span>`
                : nothing}</a
            >`
          : title.text}
      </p>
      <p class="meta" part="meta">
        <span>${t(resource.type as ResourceType)}</span>
        ${publisher ? html`<span lang=${ifDefined(langIf(publisher, language))}>${publisher.text}</span>` : nothing}
        ${resource.published ? html`<time datetime=${resource.published}>${formatDate(resource.published, language)}</time>` : nothing}
        <span class="language">${inLanguages}</span>
      </p>
      ${summary ? html`<p class="summary" part="summary" lang=${ifDefined(langIf(summary, language))}>${summary.text}</p>` : nothing}
      ${topics.length
        ? html`<ul class="topics" part="topics" aria-label=${t('topics')}>
            ${topics.map((topic) => html`<li part="topic" lang=${ifDefined(langIf(topic, language))}>${topic.text}</li>`)}
          </ul>`
        : nothing}
    </li>`;
  }

  private renderShowMore(total: number, shown: number) {
    if (shown >= total) return nothing;
    const t = translator(resourceListStrings, this.language);
    return html`<div class="more">
      <button type="button" class="cl-button" part="show-more" @click=${() => this.goTo(this.page + 1, shown)}>${t('showMore')}</button>
    </div>`;
  }

  private renderPagination(page: number, pages: number) {
    if (pages <= 1) return nothing;
    const t = translator(resourceListStrings, this.language);
    // First, last and the current page's neighbours; gaps shown as an ellipsis, so 1,000 pages fit at 320 px.
    const numbers = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
    const items: (number | 'gap')[] = [];
    numbers.forEach((n, i) => {
      if (i > 0 && n - numbers[i - 1]! > 1) items.push('gap');
      items.push(n);
    });
    const button = (target: number, label: TemplateResult | string, current = false) =>
      html`<li>
        <button
          type="button"
          class="cl-button page"
          data-variant=${ifDefined(current ? undefined : 'secondary')}
          part="page-button"
          aria-current=${ifDefined(current ? 'page' : undefined)}
          @click=${() => this.goTo(target, 0)}
        >
          ${label}
        </button>
      </li>`;
    return html`<nav class="pagination" part="pagination" aria-label=${t('pagination')}>
      <ul>
        ${page > 1 ? button(page - 1, t('previous')) : nothing}
        ${items.map((item) =>
          item === 'gap'
            ? html`<li class="gap" aria-hidden="true">…</li>`
            : button(item, html`<span class="cl-visually-hidden">${t('page')} </span>${item}`, item === page),
        )}
        ${page < pages ? button(page + 1, t('next')) : nothing}
      </ul>
      <p class="cl-visually-hidden">${t('pageOf')(page, pages)}</p>
    </nav>`;
  }

  private readonly onInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.page = 1;
    this.writeUrl();
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.announce(), TYPING_PAUSE_MS);
  };

  private change(filters: Partial<Pick<ClResourceList, 'type' | 'topic' | 'resourceLang' | 'sort'>>): void {
    Object.assign(this, filters);
    this.page = 1;
    this.writeUrl();
    this.announce();
  }

  private readonly clear = async (): Promise<void> => {
    this.query = '';
    this.change({ type: '', topic: '', resourceLang: '' });
    await this.updateComplete;
    // The button may have gone with the filters: the search box is where the reader starts again.
    this.renderRoot.querySelector<HTMLInputElement>('#query')?.focus();
  };

  /** Shows the next page (or adds it, for "Show more") and moves focus to its first new item. */
  private async goTo(page: number, firstNew: number): Promise<void> {
    this.page = page;
    this.writeUrl();
    await this.updateComplete;
    const position = this.paging === 'more' ? firstNew : (page - 1) * this.size;
    this.renderRoot.querySelector<HTMLElement>(`[data-position="${position}"]`)?.focus();
  }

  /** Updates the live region and tells the host, once per pause. */
  private announce(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    this.requestUpdate();
    const state = this.feed.state;
    if (state.status !== 'ready') return;
    const count = this.found(state.feed).length;
    this.emit('cl-resource-filter', { query: this.query, type: this.type, topic: this.topic, resourceLang: this.resourceLang, count });
  }

  private readUrl(): void {
    this.urlRead = true;
    const params = new URLSearchParams(location.search);
    const value = (name: string) => params.get(name) ?? undefined;
    this.query = value(URL_PARAMS.query) ?? this.query;
    this.type = value(URL_PARAMS.type) ?? this.type;
    this.topic = value(URL_PARAMS.topic) ?? this.topic;
    this.resourceLang = value(URL_PARAMS.resourceLang) ?? this.resourceLang;
    const sort = value(URL_PARAMS.sort);
    if (sort && (SORT_ORDERS as readonly string[]).includes(sort)) this.sort = sort as SortOrder;
    this.page = positiveInt(value(URL_PARAMS.page)) ?? this.page;
  }

  /** Only with `sync-url`: replaces (never pushes) the entry, so typing does not fill the reader's history. */
  private writeUrl(): void {
    if (!this.syncUrl) return;
    const url = new URL(location.href);
    const values: Record<keyof typeof URL_PARAMS, string> = {
      query: this.query.trim(),
      type: this.type,
      topic: this.topic,
      resourceLang: this.resourceLang,
      sort: this.sort === 'newest' ? '' : this.sort,
      page: this.page > 1 ? String(this.page) : '',
    };
    for (const [key, name] of Object.entries(URL_PARAMS) as [keyof typeof URL_PARAMS, string][]) {
      if (values[key]) url.searchParams.set(name, values[key]);
      else url.searchParams.delete(name);
    }
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }
}
