import { html, nothing, type TemplateResult } from 'lit/html.js';
import { isServer, type PropertyDeclarations, type PropertyValues } from '../../internal/base-element.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import { resourceSections } from '../../feed/sections/resources.js';
import type { Feed, Resource, ResourceType } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { langIf, pick, type Picked } from '../../i18n/local-text.js';
import { plural, translator } from '../../i18n/strings.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { safeUrl } from '../../internal/safe-url.js';
import { toJson } from '../../internal/json.js';
import type { ResourceListActions } from './resource-list.lazy.js';
import { resourceListStrings } from './resource-list.strings.js';
import { styles } from './resource-list.styles.js';
import type {
  FilterKey,
  ReaderState,
  ResourceFilterDetail,
  ResourceListHost,
  ResourceOpenDetail,
} from './resource-list.types.js';
import {
  findResources,
  isSort,
  resourceIndex,
  SORT_ORDERS,
  type ResourceIndex,
  type ResourceQuery,
  type SortOrder,
} from './resource-search.js';

export type { ResourceFilterDetail, ResourceOpenDetail } from './resource-list.types.js';

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

type Translate = ReturnType<typeof translator<typeof resourceListStrings>>;

/** What one render of the list works from. */
interface ListView {
  t: Translate;
  language: Language;
  index: ResourceIndex;
  /** Every match, in order (while a long list is read, those among its first items). */
  found: Resource[];
  /** How many match: `found`'s length, or while a long list is read, its whole length (see `#partLength`). */
  count: number;
  /** The matches on screen: the current page, or for "Show more" every page so far. */
  shown: Resource[];
  page: number;
  pages: number;
  /** Whether the reader has searched or filtered (then "Clear filters" is offered). */
  filtered: boolean;
  /** What to say when nothing is shown: no match, or an empty feed. */
  empty: string;
  /** With a local layer: each layer's publisher, in the reader's language where the feed has it. */
  publishers: Record<Layer, Picked> | undefined;
}

type Layer = 'local' | 'national';

/** A select's option: value, text, and the text's language when it is not the widget's. */
type Option = [string, string, Language?];

function positiveInt(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

const FILTER_KEYS = ['topic', 'type', 'resourceLang', 'from', 'sort'] as const;

/* Unsafe addresses are reported once per resource per page, not on every render. */
const warnedUnsafe = new Set<string>();

/** The pages the navigation offers: first, last and the current page's neighbours, 0 for each gap. */
function pageNumbers(page: number, pages: number): number[] {
  const numbers: number[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) < 2) numbers.push(n);
    else if (numbers.at(-1)) numbers.push(0);
  }
  return numbers;
}

/** A partial date (YYYY, YYYY-MM or YYYY-MM-DD) at the precision the feed gives: "2021", "May 2019", "14 March 2022". */
function formatDate(published: string, t: Translate): string {
  const [year, month, day] = published.split('-').map(Number);
  return [day, month && t('month')(month - 1), year].filter(Boolean).join(' ');
}

/** The code for a reader's actions (resource-list.lazy.ts): undefined when it cannot be fetched. */
const loadActions = lazyModule(() => import('./resource-list.lazy.js'));

/**
 * The feed's articles, films, toolkits and reports as a searchable,
 * filterable list. Searching matches titles, summaries, publishers and
 * topics in both languages, ignoring case and accents; the result count is
 * announced once typing pauses. Only the current page is rendered, so a
 * feed of 10,000 resources stays instant.
 *
 * The attributes are the author's starting view and reflect their
 * properties (a bare tag stays bare: defaults are not written out). What the
 * reader then picks is kept apart: it never rewrites the attributes, and
 * changing one later starts the reader again from them. With `sync-url` the
 * reader's choices live in the page's address, and back and forward follow it.
 *
 * @tag cl-resource-list
 * @slot - Shown before the widget loads and when the feed fails with no saved copy (e.g. a plain link to your resources page).
 * @fires cl-resource-open - A reader followed a resource's link. detail: `{ id, url }`.
 * @fires cl-resource-filter - The search or a filter changed (once typing pauses). detail: `{ query, type, topic, resourceLang, from, count }`.
 * @csspart controls - The search form with its filters.
 * @csspart search - The search box.
 * @csspart filters - The fieldset of filter and sort controls.
 * @csspart clear - The "Clear filters" buttons.
 * @csspart unavailable - The notice shown when searching and filtering could not be loaded.
 * @csspart count - The result count (a polite live region).
 * @csspart list - The list of resources.
 * @csspart item - One resource.
 * @csspart title - A resource's title (a link when its address is safe).
 * @csspart meta - A resource's type, publisher, date and language.
 * @csspart from - In the meta of a resource from the local layer: "From: <the local publisher>".
 * @csspart summary - A resource's summary.
 * @csspart topics - A resource's topics.
 * @csspart topic - One topic label.
 * @csspart empty - The "No resources match" panel.
 * @csspart pagination - The page navigation.
 * @csspart page-button - A button in the page navigation.
 * @csspart show-more - The "Show more" button.
 * @cssprop --cl-color-muted - Secondary text (type, date, publisher). Default: `light-dark(#505a5f, #b1b4b6)`.
 * @cssprop --cl-color-border - Borders of controls, items and panels. Default: `#505a5f` for the search box and filters, `#b1b4b6` for items and panels.
 * @cssprop --cl-color-tag - Background of topic labels. Default: `light-dark(#f3f2f1, #383f43)`.
 * @cssprop --cl-resource-gap - Space between resources. Default: `1em`.
 */
export class ClResourceList extends FeedWidget {
  static override styles = [...FeedWidget.styles, styles];
  protected static override feedSections = resourceSections;
  // Written out in full (no helper) so the manifest analyzer reads each attribute's name; `useDefault` leaves a
  // default unwritten, so a bare tag stays bare.
  static override properties: PropertyDeclarations = {
    topic: { reflect: true, useDefault: true },
    type: { reflect: true, useDefault: true },
    resourceLang: { attribute: 'resource-lang', reflect: true, useDefault: true },
    from: { reflect: true, useDefault: true },
    sort: { reflect: true, useDefault: true },
    pageSize: { type: Number, attribute: 'page-size', reflect: true, useDefault: true },
    limit: { type: Number, reflect: true, useDefault: true },
    controls: { reflect: true, useDefault: true },
    paging: { reflect: true, useDefault: true },
    syncUrl: { type: Boolean, attribute: 'sync-url', reflect: true },
  };

  /** Start with only resources with this topic id (the reader can change it). */
  topic = '';
  /** Start with only resources of this type: article, blog, video, toolkit, report, guide, podcast, book, course, website. */
  type = '';
  /** Start with only resources written in this language: `en` or `cy`. */
  resourceLang = '';
  /** With a local layer (`local` here or on `<cl-feed>`): start with only `local` or `national` resources (the reader can change it). */
  from = '';
  /** Starting order: `newest` (default), `oldest` or `title` (A to Z in the widget's language). */
  sort: SortOrder = 'newest';
  /** Resources per page (default 10). */
  pageSize = 10;
  /** Show only the latest N matching resources (0 or absent: all). */
  limit = 0;
  /** `none`: a fixed list without search, filters or paging (for a side panel). */
  controls = '';
  /** `pages` (default): numbered pages; `more`: a "Show more" button that adds the next page. */
  paging = '';
  /** Keeps the search and filters in the page's query string (`cl-q`, `cl-type`…), so a filtered view can be shared, and follows back and forward. Off by default. */
  syncUrl = false;

  /** What the reader has chosen: set from the attributes, then changed only by the reader's actions. */
  // Set from the attributes at the first update (a private field is set before the attributes' properties).
  #reader!: ReaderState;
  /** The reader's actions (resource-list.lazy.ts), loaded on the first one. */
  #actions: ResourceListActions | undefined;
  #loadingActions: Promise<void> | undefined;
  /** Set when loading the actions failed: the reader is told, and their next action tries again. */
  #actionsFailed = false;
  /** Actions taken before their code arrived, applied in order when it does. */
  #queued: ((actions: ResourceListActions) => unknown)[] = [];
  #memo: [ResourceIndex, string, Resource[]] | undefined;

  /** The reader starts from the attributes, and starts again from them when the author changes one. */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || FILTER_KEYS.some((key) => changed.has(key))) this.#reader = this.#startState();
    if (!isServer && !this.#actions && !this.#actionsFailed && this.#needsActionsFirst) void this.#loadActions();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Lit empties the search box as it hydrates: what the reader typed there before the script ran is kept here.
    if (this.hydrating) this.#typedBeforeScript = this.renderRoot.querySelector<HTMLInputElement>('#query')?.value;
  }

  #typedBeforeScript: string | undefined;

  /** The searches and filters the reader used on the prerendered list before the script ran, applied now. */
  protected override hydrated(): void {
    const typed = this.#typedBeforeScript;
    this.#typedBeforeScript = undefined;
    const controls = this.renderRoot.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#query, select');
    for (const control of controls) {
      if (control.id === 'query' && typed) control.value = typed;
      const shown = control.id === 'query' ? this.#reader.query : this.#reader[control.name as FilterKey];
      if (control.value !== shown) this.#act((actions) => actions.use(control));
    }
  }

  /** Actions taken while a long list was read in part apply once it is whole: to every resource. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#actions && this.#partLength === undefined && this.#queued.length > 0) this.#flush(this.#actions);
  }

  /** Also waits for the reader's actions while their code loads. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#loadingActions;
    return super.getUpdateComplete();
  }

  /** A reader's input, change or click on any control: the actions know what each control does. */
  #onControl(event: Event): void {
    const control = event.currentTarget as HTMLInputElement | HTMLSelectElement | HTMLButtonElement;
    this.#act((actions) => actions.use(control));
  }

  /** Runs a reader's action, loading the code that carries it out on the first. */
  #act(action: (actions: ResourceListActions) => unknown): void {
    if (this.#actions && this.#partLength === undefined) {
      void action(this.#actions);
      return;
    }
    this.#queued.push(action);
    void this.#loadActions();
  }

  #flush(actions: ResourceListActions): void {
    for (const action of this.#queued.splice(0)) void action(actions);
  }

  #loadActions(): Promise<void> {
    this.#loadingActions ??= loadActions().then((module) => {
      this.#actionsFailed = !module;
      if (module) {
        const actions = (this.#actions = new module.ResourceListActions(this.#hostForActions()));
        if (this.#partLength === undefined) this.#flush(actions);
      } else {
        // What the reader typed stays in the box and in the queue; their next action tries again.
        this.#loadingActions = undefined;
      }
      this.requestUpdate();
    });
    return this.#loadingActions;
  }

  /** The narrow view of this element the actions get: they never write its fields. */
  #hostForActions(): ResourceListHost {
    return {
      element: this,
      startState: () => this.#startState(),
      readerState: () => this.#reader,
      showReaderState: (state) => {
        this.#reader = this.#checked(state);
        this.requestUpdate();
      },
      countMatches: () =>
        this.feed.state.status === 'ready' ? this.#matching(this.feed.state.feed).length : undefined,
    };
  }

  #startState(): ReaderState {
    const { type, topic, resourceLang, from, sort } = this;
    return this.#checked({ query: '', type, topic, resourceLang, from, sort, page: 1 });
  }

  /** The reader's state with an unknown order as newest first and an impossible page as the first. */
  #checked(state: ReaderState): ReaderState {
    return { ...state, sort: isSort(state.sort) ? state.sort : 'newest', page: positiveInt(state.page) ?? 1 };
  }

  /** `sync-url` and the orders other than newest come with the actions: the list waits for them. */
  get #needsActionsFirst(): boolean {
    return this.syncUrl || this.#reader.sort !== 'newest';
  }

  get #fixed(): boolean {
    return this.controls === 'none';
  }

  /**
   * While the store reads a long list in two steps, the list's whole length: until then the feed holds only its
   * newest resources (src/feed/sections/resources.ts), enough for the first page of the unfiltered list.
   */
  get #partLength(): number | undefined {
    const { state } = this.feed;
    return state.status === 'ready' ? state.partial?.resources : undefined;
  }

  /** Whether the first items of a long list are the start view's: newest first, unfiltered, a page of them. */
  #startsWithin(feed: Feed): boolean {
    const { query, type, topic, resourceLang, from, sort, page } = this.#reader;
    const size = positiveInt(this.pageSize) ?? 10;
    const needed = this.#fixed && this.limit > 0 ? this.limit : page * size;
    return !(query || type || topic || resourceLang || from) && sort === 'newest' && needed <= feed.resources.length;
  }

  /** The resources matching the reader's state, recomputed only when the feed or that state changed. */
  #matching(feed: Feed): Resource[] {
    const index = resourceIndex(feed);
    const { type, topic, resourceLang, from, sort, query } = this.#reader;
    // Searching and the orders other than newest come with the actions: without them (not loaded, or failed), neither.
    const actions = this.#actions;
    const q: ResourceQuery = {
      type,
      topic,
      resourceLang,
      from,
      sort: actions ? sort : 'newest',
      limit: positiveInt(this.limit) ?? 0,
      language: this.language,
    };
    const words = actions && !this.#fixed ? query.trim() : '';
    const key = toJson(q) + words;
    if (this.#memo?.[0] !== index || this.#memo[1] !== key) {
      const search = words ? actions!.textMatch(index, words) : undefined;
      const found = findResources(
        index,
        q,
        search,
        q.sort === 'newest' ? undefined : actions!.compare(q.sort, q.language),
      );
      this.#memo = [index, key, found];
    }
    return this.#memo[2];
  }

  #view(feed: Feed): ListView {
    const language = this.language;
    const found = this.#matching(feed);
    const size = positiveInt(this.pageSize) ?? 10;
    const limit = positiveInt(this.limit);
    // A long list's count and pages are its whole length's: the rest, when read, seldom differs (only by invalid items).
    const partLength = this.#partLength;
    const count = partLength === undefined ? found.length : Math.min(partLength, limit ?? partLength);
    const pages = Math.ceil(count / size) || 1;
    const page = this.#fixed ? 1 : Math.min(this.#reader.page, pages);
    const start = this.paging === 'more' ? 0 : (page - 1) * size;
    const end = this.#fixed && this.limit > 0 ? found.length : page * size;
    const { query, type, topic, resourceLang, from } = this.#reader;
    const t = translator(resourceListStrings, language);
    const index = resourceIndex(feed);
    const publisher = (layer: Layer): Picked => {
      const name = feed.publishers?.[layer];
      return name ? pick(name, language) : { text: t(layer), lang: language };
    };
    return {
      t,
      language,
      index,
      found,
      count,
      shown: found.slice(start, end),
      page,
      pages,
      filtered: !!(query.trim() || type || topic || resourceLang || from),
      empty: t(feed.resources.length ? 'noMatch' : 'noneYet'),
      publishers: index.layered ? { local: publisher('local'), national: publisher('national') } : undefined,
    };
  }

  protected override renderSkeleton(): TemplateResult {
    // Sized by classes: strict CSP pages block style attributes.
    const item = html`<div class="skeleton-item">
      <span class="cl-skeleton title"></span><span class="cl-skeleton meta"></span
      ><span class="cl-skeleton summary"></span>
    </div>`;
    return html`${this.#fixed ? nothing : html`<span class="cl-skeleton controls"></span>`}${[item, item, item]}`;
  }

  protected override renderContent(feed: Feed): TemplateResult {
    if (
      // Prerendered, the list shows newest first until the actions bring the order or the address's search.
      (this.#loadingActions && !this.#actions && this.#needsActionsFirst && !this.hydrating) ||
      // A long list's first items serve the start view only; any other waits for the rest.
      (this.#partLength !== undefined && !this.#startsWithin(feed))
    )
      return this.renderSkeleton();
    const view = this.#view(feed);
    if (this.#fixed) return view.shown.length ? this.#renderList(view) : html`<p part="empty">${view.empty}</p>`;
    return html`${this.#renderControls(view)}${
        this.#actionsFailed
          ? html`<p class="cl-panel" data-tone="error" role="alert" part="unavailable">${view.t('unavailable')}</p>`
          : nothing
      }
      <p part="count" role="status" aria-live="polite">
        ${plural(view.t('count'), this.#actions?.heldCount ?? view.count, view.language)}
      </p>
      ${view.found.length ? html`${this.#renderList(view)}${this.#renderPagination(view)}` : this.#renderEmpty(view)}`;
  }

  #renderControls(view: ListView): TemplateResult {
    const { t } = view;
    // `method="dialog"`: never submitted, so Enter in the prerendered search box before the script does not reload the page.
    return html`<form
      class="cl-needs-script"
      method="dialog"
      part="controls"
      role="search"
      aria-label=${t('find')}
      @focusin=${this.#loadActions}
    >
      <div class="field">
        <label for="query">${t('search')}</label>
        <span class="hint" id="query-hint">${t('hint')}</span>
        <input
          id="query"
          type="search"
          part="search"
          autocomplete="off"
          aria-describedby="query-hint"
          .value=${this.#reader.query}
          @input=${this.#onControl}
        />
      </div>
      ${this.#renderFilters(view)}
    </form>`;
  }

  #renderFilters(view: ListView): TemplateResult {
    const { t, index, language, publishers } = view;
    const types = index.types.map((type): [string, string] => [type, t(type)]);
    const topics = index.topics.map((topic): [string, string] => [topic.id, pick(topic.label, language).text]);
    const languages: [string, string][] = [
      ['cy', t('welsh')],
      ['en', t('english')],
    ];
    const fields = [
      this.#renderSelect(view, 'type', [['', t('anyType')], ...types]),
      this.#renderSelect(view, 'topic', [['', t('anyTopic')], ...topics]),
      this.#renderSelect(view, 'resourceLang', [['', t('anyLang')], ...languages]),
      ...(publishers
        ? [
            this.#renderSelect(view, 'from', [
              ['', t('everyone')],
              ...(['local', 'national'] as const).map((layer): Option => {
                const name = publishers[layer];
                return [layer, name.text, langIf(name, language)];
              }),
            ]),
          ]
        : []),
      this.#renderSelect(
        view,
        'sort',
        SORT_ORDERS.map((order): [string, string] => [order, t(order)]),
      ),
    ];
    // How many fields there are sets their columns (the styles' .fields), not how many the browser has parsed so far.
    return html`<fieldset part="filters">
      <legend>${t('filters')}</legend>
      <div class="fields" data-fields=${fields.length}>${fields}</div>
      ${view.filtered ? this.#renderClear(view) : nothing}
    </fieldset>`;
  }

  #renderSelect(view: ListView, key: FilterKey, options: Option[]): TemplateResult {
    return html`<div class="field">
      <label for=${key}>${view.t(key)}</label>
      <select id=${key} name=${key} @change=${this.#onControl}>
        ${options.map(
          ([value, text, lang]) =>
            html`<option value=${value} lang=${ifDefined(lang)} .selected=${value === this.#reader[key]}>
              ${text}
            </option>`,
        )}
      </select>
    </div>`;
  }

  #renderClear(view: ListView): TemplateResult {
    return html`<button type="button" class="cl-button" data-variant="secondary" part="clear" @click=${this.#onControl}>
      ${view.t('clear')}
    </button>`;
  }

  #renderList(view: ListView): TemplateResult {
    // role="list": the list has no bullets, and Safari then stops announcing it as a list.
    return html`<ul part="list" role="list" aria-label=${view.t('list')}>
      ${view.shown.map((resource) => this.#renderItem(view, resource))}
    </ul>`;
  }

  #renderItem(view: ListView, resource: Resource): TemplateResult {
    const { t, language } = view;
    const { id, languages } = resource;
    const summary = resource.summary && pick(resource.summary, language);
    const publisher = resource.publisher && pick(resource.publisher, language);
    const published = resource.published;
    const from = resource.layer && view.publishers?.local;
    const writtenIn = languages.includes('cy') ? (languages.includes('en') ? 'inBoth' : 'inCy') : 'inEn';
    return html`<li class="cl-panel" part="item" tabindex="-1" data-id=${id}>
      ${this.#renderTitle(view, resource)}
      <p part="meta">
        <span>${t(resource.type as ResourceType)}</span>
        ${publisher ? html`<span lang=${ifDefined(langIf(publisher, language))}>${publisher.text}</span>` : nothing}
        ${from ? html`<span part="from">${t('from')}: <span lang=${ifDefined(langIf(from, language))}>${from.text}</span></span>` : nothing}
        ${published ? html`<time datetime=${published}>${formatDate(published, t)}</time>` : nothing}
        <span>${t(writtenIn)}</span>
      </p>
      ${summary ? html`<p part="summary" lang=${ifDefined(langIf(summary, language))}>${summary.text}</p>` : nothing}
      ${this.#renderTopics(view, resource)}
    </li>`;
  }

  #renderTitle(view: ListView, resource: Resource): TemplateResult {
    const { t, language } = view;
    const { id, languages } = resource;
    const title = pick(resource.title, language);
    const href = resource.url && safeUrl(pick(resource.url, language).text);
    if (!href && !warnedUnsafe.has(id)) {
      warnedUnsafe.add(id);
      console.warn(`<cl-resource-list>: unsafe address, not linked: "${id}"`);
    }
    const external =
      // Prerendering knows no page: every web address counts as another website (src/ssr/), and so it does in the
      // render that hydrates that HTML, which must be the same; the render after it knows this page's own (its
      // document's origin: a frame written by a script, about:srcdoc, has the origin of the page that wrote it).
      href && (this.hydrating || new URL(href).origin !== globalThis.origin)
        ? html`<span aria-hidden="true">↗</span
            ><span class="cl-visually-hidden" lang=${ifDefined(title.lang === language ? undefined : language)}>
              ${t('external')}</span
            >`
        : nothing;
    return html`<p part="title" lang=${ifDefined(langIf(title, language))}>
      ${
        href
          ? html`<a
              href=${href}
              rel="noopener"
              hreflang=${ifDefined(languages.length === 1 && languages[0] !== language ? languages[0] : undefined)}
              @click=${() => this.emit('cl-resource-open', { id, url: href })}
              >${title.text}${external}</a
            >`
          : title.text
      }
    </p>`;
  }

  #renderTopics(view: ListView, resource: Resource): TemplateResult | typeof nothing {
    const { language } = view;
    const topics = (resource.topics ?? []).flatMap((topicId) => {
      const topic = view.index.topicById.get(topicId);
      return topic ? [pick(topic.label, language)] : [];
    });
    if (!topics.length) return nothing;
    return html`<ul part="topics" role="list" aria-label=${view.t('topics')}>
      ${topics.map((topic) => html`<li part="topic" lang=${ifDefined(langIf(topic, language))}>${topic.text}</li>`)}
    </ul>`;
  }

  /** "Show more", or Previous, first, last and the current page's neighbours, and Next: 1,000 pages fit at 320 px. */
  #renderPagination(view: ListView): TemplateResult | typeof nothing {
    const { t, page, pages } = view;
    if (this.paging === 'more')
      return view.shown.length < view.count
        ? html`<div class="more cl-needs-script">
            <button type="button" class="cl-button" part="show-more" value=${page + 1} @click=${this.#onControl}>
              ${t('more')}
            </button>
          </div>`
        : nothing;
    if (pages < 2) return nothing;
    return html`<nav class="cl-needs-script" part="pagination" aria-label=${t('pages')}>
      <ul role="list">
        ${page > 1 ? this.#renderPageButton(page - 1, t('prev')) : nothing}
        ${pageNumbers(page, pages).map((n) =>
          n
            ? this.#renderPageButton(n, html`<span class="cl-visually-hidden">${t('page')} </span>${n}`, n === page)
            : html`<li aria-hidden="true">…</li>`,
        )}
        ${page < pages ? this.#renderPageButton(page + 1, t('next')) : nothing}
      </ul>
      <p class="cl-visually-hidden">${t('pageOf')(page, pages)}</p>
    </nav>`;
  }

  #renderPageButton(target: number, label: unknown, current = false): TemplateResult {
    return html`<li>
      <button
        type="button"
        class="cl-button"
        data-variant=${current ? nothing : 'secondary'}
        part="page-button"
        value=${target}
        aria-current=${ifDefined(current ? 'page' : undefined)}
        @click=${this.#onControl}
      >
        ${label}
      </button>
    </li>`;
  }

  #renderEmpty(view: ListView): TemplateResult {
    return html`<div class="cl-panel" part="empty">
      <p><strong>${view.empty}</strong></p>
      ${
        view.filtered
          ? html`<p>${view.t('tryOther')}</p>
              ${this.#renderClear(view)}`
          : nothing
      }
    </div>`;
  }
}
