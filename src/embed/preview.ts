import type { ContextEvent } from '@lit/context';
import { feedContext } from '../feed/context.js';
import { combineLayers } from '../feed/layers.js';
import { feedEntryFromData, MAX_FEED_BYTES, type FeedEntry } from '../feed/store.js';
import type { Feed, LocalText, PracticeItem, Section, Source as SourcePage } from '../feed/schema.js';
import { validateFeed, type FeedValidation } from '../feed/validate.js';
import type { Language } from '../i18n/language.js';
import { langIf, pick } from '../i18n/local-text.js';
import { safeUrl } from '../internal/safe-url.js';
import { plural, translator } from '../i18n/strings.js';
import { requestJson } from '../internal/http.js';
import { widgetLabel, type EmbedData, type WidgetInfo } from './catalog.js';
import { h, uniqueId } from './dom.js';
import { describeProblems, layerEffects, welshCoverage, type ProblemReport } from './feed-report.js';
import { previewStrings } from './preview.strings.js';

/**
 * An element that gives `entry` to every widget inside it, answering the
 * same context requests <cl-feed> answers: the widgets render the in-memory
 * feed without any request.
 */
export function feedProvider(entry: FeedEntry): HTMLDivElement {
  const provider = h('div', { class: 'preview-feed' });
  provider.addEventListener('context-request', (event) => {
    const request = event as ContextEvent<typeof feedContext>;
    if (request.context !== feedContext) return;
    event.stopPropagation();
    request.callback(entry);
  });
  return provider;
}

export interface PreviewOptions {
  language: Language;
  /** The national feed a local layer is checked against, until the reader gives another (the built-in feed). */
  nationalFeed?: string;
}

type Source =
  | { kind: 'data'; data: unknown; baseUrl: string }
  | { kind: 'layer'; local: unknown; national: unknown; nationalUrl: string }
  | { kind: 'failure'; message: string };

/**
 * The feed preview in `root`: a file (chosen or dropped), pasted text or an
 * address; then the problems, the Welsh coverage and every registered widget
 * in English and Welsh, rendered from that feed.
 */
export function mountPreview(root: HTMLElement, data: EmbedData, preview: PreviewOptions): void {
  const widgets = data.widgets.filter((w) => customElements.get(w.tag));
  const language = preview.language;
  const t = translator(previewStrings, language);
  const results = h('div', { class: 'preview-results' });
  const status = h('p', { role: 'status', class: 'preview-status' });

  const show = (source: Source): void => {
    status.textContent = '';
    if (source.kind === 'failure') {
      results.replaceChildren(h('div', { class: 'preview-panel', role: 'alert' }, h('p', {}, source.message)));
      return;
    }
    results.replaceChildren(
      ...(source.kind === 'data'
        ? renderReport(source.data, source.baseUrl, widgets, language)
        : renderLayerReport(source, widgets, language)),
    );
    status.textContent = [...results.querySelectorAll('.preview-summary, .preview-layer-summary')]
      .map((summary) => summary.textContent)
      .join(' ');
  };

  const readText = (text: string, baseUrl: string): void => {
    if (text.length > MAX_FEED_BYTES) return show({ kind: 'failure', message: t('tooLarge') });
    try {
      show({ kind: 'data', data: JSON.parse(text), baseUrl });
    } catch {
      show({ kind: 'failure', message: t('notJson') });
    }
  };

  const fileId = uniqueId('preview-file');
  const fileInput = h('input', { type: 'file', id: fileId, accept: '.json,application/json' });
  const readFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    if (file.size > MAX_FEED_BYTES) return show({ kind: 'failure', message: t('tooLarge') });
    readText(await file.text(), document.baseURI);
  };
  fileInput.addEventListener('change', () => void readFile(fileInput.files?.[0]));
  const dropZone = h('div', { class: 'preview-drop' }, h('label', { for: fileId }, t('file')), fileInput);
  dropZone.addEventListener('dragover', (event) => event.preventDefault());
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    void readFile(event.dataTransfer?.files[0]);
  });

  const pasteId = uniqueId('preview-paste');
  const pasted = h('textarea', { id: pasteId, rows: '8', spellcheck: 'false' });
  const pasteForm = h(
    'form',
    { class: 'preview-form' },
    h('label', { for: pasteId }, t('paste')),
    pasted,
    h('button', { type: 'submit', class: 'preview-button' }, t('checkPasted')),
  );
  pasteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    readText(pasted.value, document.baseURI);
  });

  const addressId = uniqueId('preview-address');
  const address = h('input', { type: 'url', id: addressId, required: true, autocomplete: 'url' });
  const addressForm = h(
    'form',
    { class: 'preview-form' },
    h('label', { for: addressId }, t('address')),
    address,
    h('button', { type: 'submit', class: 'preview-button' }, t('load')),
  );
  addressForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = t('checking');
    const result = await requestJson(address.value, { maxBytes: MAX_FEED_BYTES });
    show(
      result.ok
        ? { kind: 'data', data: result.data, baseUrl: result.url }
        : { kind: 'failure', message: t('loadFailed')(result.message) },
    );
  });

  const layerForm = localLayerForm(preview.nationalFeed ?? '', language, async (localText, nationalUrl) => {
    let local: unknown;
    try {
      local = JSON.parse(localText);
    } catch {
      return show({ kind: 'failure', message: t('notJson') });
    }
    status.textContent = t('checking');
    const national = await requestJson(nationalUrl, { maxBytes: MAX_FEED_BYTES });
    show(
      national.ok
        ? { kind: 'layer', local, national: national.data, nationalUrl: national.url }
        : { kind: 'failure', message: t('nationalFailed')(national.message) },
    );
  });

  document.documentElement.lang = language;
  document.title = t('title');
  const other: Language = language === 'en' ? 'cy' : 'en';
  const otherUrl = new URL(location.href);
  otherUrl.searchParams.set('lang', other);
  root.replaceChildren(
    h(
      'p',
      { class: 'preview-language' },
      h('a', { href: otherUrl.href, lang: other, target: '_self' }, other === 'cy' ? 'Cymraeg' : 'English'),
    ),
    h('h1', {}, t('title')),
    h('p', {}, t('intro')),
    dropZone,
    pasteForm,
    addressForm,
    layerForm,
    status,
    results,
  );
}

/** The local layer's form: the layer pasted, and the national feed's address it is checked against. */
function localLayerForm(
  nationalDefault: string,
  language: Language,
  check: (localText: string, nationalUrl: string) => Promise<void>,
): HTMLElement {
  const t = translator(previewStrings, language);
  const pasteId = uniqueId('preview-local');
  const addressId = uniqueId('preview-national');
  const pasted = h('textarea', { id: pasteId, rows: '6', spellcheck: 'false', required: true });
  const national = h('input', { type: 'url', id: addressId, required: true, autocomplete: 'url' });
  national.value = nationalDefault;
  const form = h(
    'form',
    { class: 'preview-form preview-local', 'aria-labelledby': 'preview-local-title' },
    h('h2', { id: 'preview-local-title' }, t('localTitle')),
    h('p', {}, t('localIntro')),
    h('label', { for: pasteId }, t('localPaste')),
    pasted,
    h('label', { for: addressId }, t('nationalAddress')),
    national,
    h('button', { type: 'submit', class: 'preview-button' }, t('checkLayer')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void check(pasted.value, national.value);
  });
  return form;
}

function sectionName(report: Pick<ProblemReport, 'section'>, language: Language): string {
  return translator(previewStrings, language)(report.section);
}

function titled(title: ProblemReport['title'], language: Language): Node {
  const t = translator(previewStrings, language);
  if (!title) return document.createTextNode(t('untitled'));
  return h('q', { lang: langIf(title, language) }, title.text);
}

function unreadablePanel(message: string, detail: string): HTMLElement {
  return h('div', { class: 'preview-panel', role: 'alert' }, h('p', {}, message), h('p', { lang: 'en' }, detail));
}

function renderReport(data: unknown, baseUrl: string, widgets: WidgetInfo[], language: Language): Node[] {
  const t = translator(previewStrings, language);
  const validation = validateFeed(data);
  if (!validation.feed) return [unreadablePanel(t('unreadable'), validation.fatal?.message ?? '')];
  return [
    renderProblems(data, validation.problems, language),
    renderWelsh(validation.feed, language),
    renderSources(validation.feed, language),
    renderWidgets(feedEntryFromData(data, baseUrl), widgets, language, t('widgets')),
  ];
}

/** A local layer over the national feed: the layer's problems and Welsh, what it changes, and the merged widgets. */
function renderLayerReport(
  source: Extract<Source, { kind: 'layer' }>,
  widgets: WidgetInfo[],
  language: Language,
): Node[] {
  const t = translator(previewStrings, language);
  const local = validateFeed(source.local);
  const national = validateFeed(source.national);
  if (!national.feed) return [unreadablePanel(t('nationalUnreadable'), national.fatal?.message ?? '')];
  if (!local.feed) return [unreadablePanel(t('unreadable'), local.fatal?.message ?? '')];
  const effects = layerEffects(national.feed, local.feed);
  const changes = h(
    'section',
    { 'aria-labelledby': 'preview-layer' },
    h('h2', { id: 'preview-layer' }, t('layerEffects')),
    h(
      'p',
      { class: 'preview-layer-summary' },
      t('layerSummary')(effects.added, effects.replaced.length, effects.hidden),
    ),
    h(
      'ul',
      { class: 'preview-layer-effects' },
      ...effects.replaced.map(({ section, id }) => h('li', {}, t('replaces')(sectionName({ section }, language), id))),
      ...effects.unmatchedHides.map((id) => h('li', {}, t('hideUnmatched')(id))),
      ...effects.overriddenHides.map((id) => h('li', {}, t('hideOverridden')(id))),
    ),
  );
  // The widgets' own merge (and its notice when one layer is unreadable), from memory: nothing is fetched again.
  const state = combineLayers(
    feedEntryFromData(source.national, source.nationalUrl).state,
    feedEntryFromData(source.local, document.baseURI).state,
  );
  const entry: FeedEntry = {
    url: source.nationalUrl,
    state,
    subscribe: () => () => undefined,
    reload: () => undefined,
  };
  return [
    renderProblems(source.local, local.problems, language),
    changes,
    renderWelsh(local.feed, language),
    renderWidgets(entry, widgets, language, t('widgetsMerged')),
  ];
}

function renderProblems(data: unknown, problems: FeedValidation['problems'], language: Language): HTMLElement {
  const t = translator(previewStrings, language);
  const reports = describeProblems(data, problems, language);
  const messageLang = language === 'en' ? undefined : 'en';
  return h(
    'section',
    { 'aria-labelledby': 'preview-problems' },
    h('h2', { id: 'preview-problems' }, t('problems')),
    h(
      'p',
      { class: 'preview-summary' },
      reports.length === 0 ? t('noProblems') : plural(t('problemCount'), reports.length, language),
    ),
    ...(reports.length === 0
      ? []
      : [
          h(
            'ul',
            { class: 'preview-problem-list' },
            ...reports.map((report) =>
              h(
                'li',
                {},
                report.index === undefined
                  ? sectionName(report, language)
                  : t('item')(sectionName(report, language), report.index + 1),
                report.index === undefined ? '' : ' ',
                report.index === undefined ? '' : titled(report.title, language),
                report.field ? h('span', {}, `, ${t('field')} `, h('code', {}, report.field)) : '',
                ': ',
                h('span', { lang: messageLang }, report.message),
              ),
            ),
          ),
        ]),
  );
}

function renderWelsh(feed: Feed, language: Language): HTMLElement {
  const t = translator(previewStrings, language);
  return h(
    'section',
    { 'aria-labelledby': 'preview-welsh' },
    h('h2', { id: 'preview-welsh' }, t('welsh')),
    h(
      'ul',
      { class: 'preview-coverage' },
      ...welshCoverage(feed, language).map((section) =>
        h(
          'li',
          {},
          t('complete')(sectionName(section, language), section.complete, section.items),
          ...(section.missing.length === 0
            ? []
            : [
                ' ',
                t('missingWelsh'),
                h(
                  'ul',
                  {},
                  ...section.missing.map((item) =>
                    h('li', {}, titled(item.title, language), ' (', h('code', {}, item.fields.join(', ')), ')'),
                  ),
                ),
              ]),
        ),
      ),
    ),
  );
}

/** Every registered widget in English and Welsh, given `entry` as <cl-feed> would give it. */
function renderWidgets(entry: FeedEntry, widgets: WidgetInfo[], language: Language, heading: string): HTMLElement {
  const t = translator(previewStrings, language);
  return h(
    'section',
    { 'aria-labelledby': 'preview-widgets' },
    h('h2', { id: 'preview-widgets' }, heading),
    ...widgets.map((widget) =>
      h(
        'section',
        { class: 'preview-widget', 'aria-labelledby': `preview-widget-${widget.name}` },
        h(
          'h3',
          { id: `preview-widget-${widget.name}` },
          `${widgetLabel(widget.name, language)} (`,
          h('code', {}, widget.tag),
          ')',
        ),
        h(
          'div',
          { class: 'preview-pair' },
          ...(['en', 'cy'] as const).map((lang) => {
            const element = document.createElement(widget.tag);
            element.lang = lang;
            const provider = feedProvider(entry);
            provider.append(element);
            return h(
              'div',
              { class: 'preview-column' },
              h('h4', {}, lang === 'en' ? t('english') : t('welshLanguage')),
              provider,
            );
          }),
        ),
      ),
    ),
  );
}

/** An item's source: its page, or one per language, each named; "no source" when it has none. */
function sourceLinks(source: SourcePage | undefined, language: Language): (Node | string)[] {
  const t = translator(previewStrings, language);
  if (source === undefined) return [h('strong', {}, t('noSource'))];
  const pages: [Language | undefined, string][] =
    typeof source === 'string'
      ? [[undefined, source]]
      : (['en', 'cy'] as const).flatMap((lang) => (source[lang] === undefined ? [] : [[lang, source[lang]!]]));
  return pages.flatMap(([lang, address], index) => [
    index === 0 ? '' : '; ',
    lang === undefined ? '' : `${lang === 'en' ? t('english') : t('welshLanguage')}: `,
    linkTo(address, lang),
  ]);
}

function linkTo(address: string, lang: Language | undefined): Node | string {
  const href = safeUrl(address);
  return href ? h('a', { href, hreflang: lang }, address) : address;
}

/** One item in the sources report: its title, its provenance and, for a principle, its practice points. */
interface SourcedItem {
  item: { title: LocalText };
  source?: SourcePage | undefined;
  practice?: PracticeItem[] | undefined;
}

/** Where each item's facts were taken from (provenance), section by section, with practice points under their principle. */
function renderSources(feed: Feed, language: Language): HTMLElement {
  const t = translator(previewStrings, language);
  const sections: { section: Section; items: SourcedItem[] }[] = [
    {
      section: 'principles' as const,
      items: feed.principles.map((item) => ({ item, source: item.source, practice: item.practice })),
    },
    { section: 'behaviours' as const, items: feed.behaviours.map((item) => ({ item, source: item.source })) },
    // A film's `source` is its media: its provenance is `sourcePage`.
    { section: 'films' as const, items: feed.films.map((item) => ({ item, source: item.sourcePage })) },
    { section: 'resources' as const, items: feed.resources.map((item) => ({ item, source: item.source })) },
  ].filter(({ items }) => items.length > 0);
  const practice = feed.principles.flatMap((principle) => principle.practice ?? []);
  const missing =
    sections.reduce((sum, { items }) => sum + items.filter(({ source }) => source === undefined).length, 0) +
    practice.filter((point) => point.source === undefined).length;
  const practiceList = (points: readonly PracticeItem[] = []): Node | string =>
    points.length === 0
      ? ''
      : h(
          'ul',
          {},
          ...points.map((point, index) =>
            h('li', {}, `${t('practiceItem')(index + 1)}: `, ...sourceLinks(point.source, language)),
          ),
        );
  return h(
    'section',
    { 'aria-labelledby': 'preview-sources' },
    h('h2', { id: 'preview-sources' }, t('sources')),
    h('p', {}, t('sourcesIntro')),
    h('p', { class: 'preview-sources-summary' }, plural(t('withoutSource'), missing, language)),
    h(
      'ul',
      // Addresses are long words: let them wrap on a narrow screen.
      { class: 'preview-sources', style: 'overflow-wrap: anywhere' },
      ...sections.map(({ section, items }) =>
        h(
          'li',
          {},
          sectionName({ section }, language),
          h(
            'ul',
            {},
            ...items.map(({ item, source, practice: points }) =>
              h(
                'li',
                {},
                titled(pick(item.title, language), language),
                ': ',
                ...sourceLinks(source, language),
                practiceList(points),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
