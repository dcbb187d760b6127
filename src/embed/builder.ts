import type { Language } from '../i18n/language.js';
import { requestJson } from '../internal/http.js';
import { translator } from '../i18n/strings.js';
import {
  frameHeight,
  framePermissions,
  frameTitle,
  widgetLabel,
  type EmbedData,
  type WidgetAttribute,
  type WidgetInfo,
} from './catalog.js';
import { builderStrings } from './builder.strings.js';
import { h, uniqueId } from './dom.js';
import {
  attributeKind,
  createWidget,
  embedQuery,
  parseEmbedQuery,
  WIDGET_PARAM,
  type EmbedOptions,
} from './options.js';

export const ALL_IN_ONE = 'compassionate-leadership.js';
export const RESIZE_SCRIPT = 'embed-resize.js';
export const EMBED_PAGE = 'embed.html';
/**
 * The embed page's scripts, its own origin (the saved feed, film consent), and its links in a new tab. That tab would
 * keep the frame's sandbox without `allow-popups-to-escape-sandbox`: no form on the page a reader opened could be sent.
 */
export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
/** Where the build's prerendered snippets (prerendered/<widget>.<lang>.json) put the CDN's address. */
export const PRERENDER_BASE = 'https://cl-base.invalid/';

interface BuilderState {
  widget: WidgetInfo;
  language: Language;
  /** What the form holds for each attribute and colour, valid or not. */
  raw: Map<string, string>;
}

/** `&`, `"`, `<` and `>` escaped: snippet values are pasted into HTML. */
function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Two choices that give the same snippets. */
function sameOptions(a: EmbedOptions, b: EmbedOptions): boolean {
  return embedQuery(a).toString() === embedQuery(b).toString();
}

function scriptTag(cdnBase: URL, file: string, integrity: Record<string, string>, async = false): string {
  const hash = integrity[file];
  const src = new URL(file, cdnBase).href;
  return `<script type="module"${async ? ' async' : ''} src="${escapeHtml(src)}"${hash ? ` integrity="${hash}"` : ''} crossorigin="anonymous"></script>`;
}

/** The script tag with its integrity hash, and the element with the chosen attributes and colours. */
export function scriptSnippet(options: EmbedOptions, cdnBase: URL, integrity: Record<string, string>): string {
  const attributes = [`lang="${options.language}"`];
  for (const [name, value] of options.attributes)
    attributes.push(value === '' ? name : `${name}="${escapeHtml(value)}"`);
  if (options.colors.size > 0) attributes.push(styleAttribute(options));
  const { tag } = options.widget;
  return `${scriptTag(cdnBase, ALL_IN_ONE, integrity)}\n<${tag} ${attributes.join(' ')}></${tag}>`;
}

/** The iframe of the embed page (prerendered for the built-in feed with no options), and the optional resize script. */
export function iframeSnippet(
  options: EmbedOptions,
  cdnBase: URL,
  integrity: Record<string, string>,
  title: string,
): string {
  // With nothing to choose but the widget and its language, the page with that widget prerendered in its HTML.
  const page =
    options.attributes.size === 0 && options.colors.size === 0
      ? `embed-${options.widget.name}.${options.language}.html`
      : `${EMBED_PAGE}?${embedQuery(options).toString()}`;
  const src = new URL(page, cdnBase).href;
  const allow = framePermissions(options.widget.name);
  return (
    // `lang`: the title's language, which is the widget's, whatever the host page's.
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" lang="${options.language}" loading="lazy" sandbox="${IFRAME_SANDBOX}"` +
    (allow ? ` allow="${allow}"${allow.includes('fullscreen') ? ' allowfullscreen' : ''}` : '') +
    ` style="width: 100%; height: ${frameHeight(options.widget.name)}px; border: 0"></iframe>\n${scriptTag(cdnBase, RESIZE_SCRIPT, integrity)}`
  );
}

/** The colours as the element's `style` attribute (custom properties: they change no markup, so the HTML still hydrates). */
function styleAttribute(options: EmbedOptions): string {
  return `style="${escapeHtml([...options.colors].map(([name, value]) => `${name}: ${value}`).join('; '))}"`;
}

/**
 * The build's prerendered widget (the built-in feed, no attributes) with its addresses on the CDN and the chosen
 * colours, then the widget's own entry: its content is in the HTML, on screen before the script and without it.
 */
export function htmlSnippet(
  prerendered: PrerenderedSnippet,
  options: EmbedOptions,
  cdnBase: URL,
  integrity: Record<string, string>,
): string {
  const { tag } = options.widget;
  let element = prerendered.html.trim().replaceAll(PRERENDER_BASE, cdnBase.href);
  if (options.colors.size > 0) element = element.replace(`<${tag} `, `<${tag} ${styleAttribute(options)} `);
  // What the script loads (the chunks the entry imports and Lit's hydration), fetched beside it rather than after it;
  // nothing beside a facade, which is the first script and loads the rest.
  const preload = prerendered.preload.map(
    ({ href, integrity: hash }) =>
      `<link rel="modulepreload" href="${escapeHtml(new URL(href, cdnBase).href)}" integrity="${escapeHtml(hash)}" crossorigin="anonymous">`,
  );
  // After the element, so its content's bytes come first on a slow connection.
  return [element, ...preload, scriptTag(cdnBase, prerendered.entry, integrity, prerendered.async)].join('\n');
}

/**
 * A build's prerendered snippet (prerendered/<widget>.<lang>.json): the element, the script it loads (the widget's
 * entry, or the film player's facade) and the chunks to preload with it.
 */
export interface PrerenderedSnippet {
  html: string;
  /** The CSP source that lets a `style-src` without `'unsafe-inline'` apply the snippet's `<style>`. */
  styleHash: string;
  entry: string;
  /** The script runs as soon as it has come (a facade, which follows the element it works on). */
  async?: boolean;
  preload: { href: string; integrity: string }[];
}

/** The snippet file's content, when it has that shape (the script a file of the CDN folder's own). */
function asSnippet(data: unknown): PrerenderedSnippet | undefined {
  const { html, styleHash, entry, async, preload } = (data ?? {}) as Partial<PrerenderedSnippet>;
  const listed =
    Array.isArray(preload) &&
    preload.every((file) => typeof file?.href === 'string' && typeof file.integrity === 'string');
  return typeof html === 'string' &&
    typeof styleHash === 'string' &&
    /^'sha256-[\w+/]+=*'$/.test(styleHash) &&
    typeof entry === 'string' &&
    /^[a-z-]+(\.facade)?\.js$/.test(entry) &&
    (async === undefined || typeof async === 'boolean') &&
    listed
    ? { html, styleHash, entry, async: async === true, preload }
    : undefined;
}

/** A shell word: as it is when it is plain, else in single quotes. */
const shellWord = (value: string): string =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

/** The CLI command that prerenders the chosen options (the builder carries the built-in feed's HTML only). */
export function renderCommand(options: EmbedOptions, cdnBase: URL): string {
  const words = ['npx', 'compassionate-leadership-widgets', 'render', options.widget.name, '--lang', options.language];
  for (const [name, value] of options.attributes) {
    if (name === 'src') words.push('--feed', shellWord(value));
    else words.push('--attr', shellWord(`${name}=${value}`));
  }
  if (options.colors.size > 0)
    words.push(
      '--attr',
      shellWord(`style=${[...options.colors].map(([name, value]) => `${name}: ${value}`).join('; ')}`),
    );
  words.push('--cdn', shellWord(cdnBase.href));
  return words.join(' ');
}

export interface BuilderOptions {
  /** The folder the widgets, embed.html and embed-resize.js are served from. */
  cdnBase: URL;
  language: Language;
}

/**
 * Renders the builder into `root`: the options form, the live widget and
 * both snippets. Options pass through the embed page's own validation, so
 * the preview, the script snippet and the iframe all show the same thing.
 */
export function mountBuilder(root: HTMLElement, data: EmbedData, builder: BuilderOptions): void {
  const widgets = data.widgets.filter((w) => customElements.get(w.tag));
  let ui = builder.language;
  const first = widgets[0];
  if (!first) {
    root.replaceChildren(h('p', {}, translator(builderStrings, ui)('noWidgets')));
    return;
  }
  const state: BuilderState = { widget: first, language: ui, raw: new Map() };
  const refs = {
    preview: h('div', { class: 'builder-preview' }),
    script: h('code'),
    iframe: h('code'),
    html: h('code'),
    htmlHint: h('p'),
    status: h('p', { role: 'status', class: 'builder-status' }),
    attributes: h('div'),
  };
  const invalidMessages = new Map<string, HTMLElement>();
  /** The build's prerendered snippets, fetched once each. */
  const prerendered = new Map<string, Promise<PrerenderedSnippet>>();
  const fetchPrerendered = (key: string): Promise<PrerenderedSnippet> => {
    let text = prerendered.get(key);
    if (!text) {
      text = requestJson(new URL(`prerendered/${key}.json`, builder.cdnBase).href).then((result) => {
        const snippet = result.ok ? asSnippet(result.data) : undefined;
        if (!snippet) throw new Error(`prerendered/${key}.json`);
        return snippet;
      });
      // A failure is not kept: the next change of option asks again.
      text.catch(() => prerendered.delete(key));
      prerendered.set(key, text);
    }
    return text;
  };

  const options = (): EmbedOptions => {
    const params = new URLSearchParams({ [WIDGET_PARAM]: state.widget.name, lang: state.language });
    for (const [name, value] of state.raw) params.set(name, value);
    return parseEmbedQuery(params, widgets, location.origin)!;
  };

  const update = (): void => {
    const current = options();
    refs.preview.replaceChildren(createWidget(document, current));
    refs.script.textContent = scriptSnippet(current, builder.cdnBase, data.integrity);
    // The frame's title is read on the partner's page: in the widget's language, not the builder's.
    refs.iframe.textContent = iframeSnippet(
      current,
      builder.cdnBase,
      data.integrity,
      frameTitle(current.widget.name, current.language),
    );
    updateHtml(current);
    for (const [name, message] of invalidMessages) {
      const raw = state.raw.get(name) ?? '';
      const accepted = current.attributes.has(name) || current.colors.has(name);
      const invalid = raw !== '' && !accepted;
      message.hidden = !invalid;
      root.querySelector(`[name="${CSS.escape(name)}"]`)?.setAttribute('aria-invalid', String(invalid));
    }
  };

  /** The prerendered snippet for the built-in feed with no attributes; for other options, the command that renders it. */
  const updateHtml = (current: EmbedOptions): void => {
    const t = translator(builderStrings, ui);
    const command = renderCommand(current, builder.cdnBase);
    // A layered widget waits for both feeds before it shows anything, so it cannot take over HTML rendered from one.
    if (current.attributes.has('local')) {
      refs.htmlHint.textContent = t('htmlLocalHint');
      refs.html.textContent = 'npx compassionate-leadership-widgets merge --help';
      return;
    }
    if (current.attributes.size > 0) {
      refs.htmlHint.textContent = t('htmlCommandHint');
      refs.html.textContent = command;
      return;
    }
    refs.htmlHint.textContent = t('htmlHint');
    refs.html.textContent = t('htmlLoading');
    const key = `${current.widget.name}.${current.language}`;
    fetchPrerendered(key).then(
      (text) => {
        // Only the latest choice fills the snippet.
        if (!sameOptions(options(), current)) return;
        refs.html.textContent = htmlSnippet(text, current, builder.cdnBase, data.integrity);
        refs.htmlHint.textContent = `${t('htmlHint')} ${t('htmlCspHint')(text.styleHash)}`;
      },
      () => {
        if (!sameOptions(options(), current)) return;
        refs.htmlHint.textContent = t('htmlFailed');
        refs.html.textContent = command;
      },
    );
  };

  /** The class's English description, marked as English on the Welsh page. */
  const described = (description: string): Node => h('span', { lang: ui === 'en' ? undefined : 'en' }, description);

  const describedControl = (name: string, control: HTMLElement, label: string, ...hints: (Node | string)[]) => {
    const id = uniqueId('builder-field');
    control.id = id;
    control.setAttribute('name', name);
    const hint = h('p', { id: `${id}-hint`, class: 'builder-hint' }, ...hints);
    const error = h(
      'p',
      { id: `${id}-error`, class: 'builder-error', hidden: true },
      translator(builderStrings, ui)('invalid'),
    );
    invalidMessages.set(name, error);
    control.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
    const labelElement = h('label', { for: id }, h('code', {}, name), label ? `: ${label}` : '');
    return control instanceof HTMLInputElement && control.type === 'checkbox'
      ? h('div', { class: 'builder-field builder-check' }, control, labelElement, hint, error)
      : h('div', { class: 'builder-field' }, labelElement, control, hint, error);
  };

  const attributeField = (attribute: WidgetAttribute): HTMLElement => {
    const t = translator(builderStrings, ui);
    const raw = state.raw.get(attribute.name) ?? '';
    const kind = attributeKind(attribute);
    let control: HTMLInputElement | HTMLSelectElement;
    if (kind === 'boolean') {
      control = h('input', { type: 'checkbox' });
      control.addEventListener('change', () => {
        if ((control as HTMLInputElement).checked) state.raw.set(attribute.name, '');
        else state.raw.delete(attribute.name);
        update();
      });
      if (state.raw.has(attribute.name)) (control as HTMLInputElement).checked = true;
    } else {
      if (kind === 'enum') {
        control = h(
          'select',
          {},
          h('option', { value: '' }, t('defaultValue')),
          ...(attribute.values ?? []).map((value) => h('option', { value }, value)),
        );
      } else {
        control = h('input', {
          type: kind === 'number' ? 'number' : kind === 'url' ? 'url' : 'text',
          min: attribute.min === undefined ? undefined : String(attribute.min),
          max: attribute.max === undefined ? undefined : String(attribute.max),
          placeholder: attribute.default || undefined,
        });
      }
      control.value = raw;
      // An address is taken when it is complete, not at every key: each one would be a feed request.
      control.addEventListener(kind === 'url' ? 'change' : 'input', () => {
        if (control.value === '') state.raw.delete(attribute.name);
        else state.raw.set(attribute.name, control.value);
        update();
      });
    }
    // The local layer is named in the builder's words: it is the one address a partner writes themselves.
    return attribute.name === 'local'
      ? describedControl(attribute.name, control, t('localLabel'), t('localHint'))
      : describedControl(attribute.name, control, '', described(attribute.description));
  };

  const colourField = (name: string, description: string): HTMLElement => {
    const t = translator(builderStrings, ui);
    const control = h('input', { type: 'text', placeholder: '#005eb8', spellcheck: 'false', autocomplete: 'off' });
    control.value = state.raw.get(name) ?? '';
    control.addEventListener('input', () => {
      if (control.value === '') state.raw.delete(name);
      else state.raw.set(name, control.value);
      update();
    });
    return describedControl(name, control, '', described(description), ' ', t('colourHint'));
  };

  const renderAttributes = (): void => {
    const t = translator(builderStrings, ui);
    invalidMessages.clear();
    const attributes = state.widget.attributes.filter((a) => a.name !== 'lang');
    refs.attributes.replaceChildren(
      h('fieldset', {}, h('legend', {}, t('attributes')), ...attributes.map(attributeField)),
      ...(state.widget.colors.length > 0
        ? [
            h(
              'fieldset',
              {},
              h('legend', {}, t('colours')),
              ...state.widget.colors.map((c) => colourField(c.name, c.description)),
            ),
          ]
        : []),
    );
  };

  const copyButton = (label: string, code: HTMLElement): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: 'builder-button' }, label);
    button.addEventListener('click', async () => {
      const t = translator(builderStrings, ui);
      let message: string;
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        message = t('copied');
      } catch {
        // No clipboard permission (an iframe, an old browser): select the text for the reader to copy.
        getSelection()?.selectAllChildren(code);
        message = t('copyFailed');
      }
      refs.status.textContent = '';
      // Emptied first so the same message, copied twice, is announced twice.
      setTimeout(() => (refs.status.textContent = message), 50);
    });
    return button;
  };

  const render = (): void => {
    const t = translator(builderStrings, ui);
    document.documentElement.lang = ui;
    document.title = t('title');
    const other: Language = ui === 'en' ? 'cy' : 'en';
    const switchButton = h(
      'button',
      { type: 'button', class: 'builder-button builder-secondary', lang: other },
      other === 'cy' ? 'Cymraeg' : 'English',
    );
    switchButton.addEventListener('click', () => {
      ui = other;
      render();
      root.querySelector<HTMLElement>('.builder-language button')?.focus();
    });
    const widgetSelect = h(
      'select',
      { id: 'builder-widget' },
      ...widgets.map((w) => h('option', { value: w.name }, widgetLabel(w.name, ui))),
    );
    widgetSelect.value = state.widget.name;
    widgetSelect.addEventListener('change', () => {
      state.widget = widgets.find((w) => w.name === widgetSelect.value) ?? state.widget;
      state.raw.clear();
      renderAttributes();
      update();
    });
    const languageSelect = h(
      'select',
      { id: 'builder-language' },
      h('option', { value: 'en' }, t('english')),
      h('option', { value: 'cy' }, t('welsh')),
    );
    languageSelect.value = state.language;
    languageSelect.addEventListener('change', () => {
      state.language = languageSelect.value === 'cy' ? 'cy' : 'en';
      update();
    });
    const form = h(
      'form',
      { class: 'builder-form', 'aria-labelledby': 'builder-options' },
      h('h2', { id: 'builder-options' }, t('options')),
      h('div', { class: 'builder-field' }, h('label', { for: 'builder-widget' }, t('widget')), widgetSelect),
      h('div', { class: 'builder-field' }, h('label', { for: 'builder-language' }, t('language')), languageSelect),
      refs.attributes,
    );
    // Every change applies at once; Enter in a field must not reload the page.
    form.addEventListener('submit', (event) => event.preventDefault());
    const scriptId = uniqueId('builder-snippet');
    const iframeId = uniqueId('builder-snippet');
    const htmlId = uniqueId('builder-snippet');
    renderAttributes();
    root.replaceChildren(
      h('div', { class: 'builder-language' }, switchButton),
      h('h1', {}, t('title')),
      h('p', {}, t('intro')),
      h(
        'div',
        { class: 'builder-layout' },
        form,
        h(
          'section',
          { class: 'builder-preview-section', 'aria-labelledby': 'builder-preview' },
          h('h2', { id: 'builder-preview' }, t('preview')),
          refs.preview,
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'builder-snippets' },
        h('h2', { id: 'builder-snippets' }, t('snippets')),
        h('h3', { id: scriptId }, t('scriptSnippet')),
        h('p', {}, t('scriptHint')),
        h('pre', { class: 'builder-snippet', tabindex: '0', 'aria-labelledby': scriptId }, refs.script),
        copyButton(t('copyScript'), refs.script),
        h('h3', { id: iframeId }, t('iframeSnippet')),
        h('p', {}, t('iframeHint')),
        h('pre', { class: 'builder-snippet', tabindex: '0', 'aria-labelledby': iframeId }, refs.iframe),
        copyButton(t('copyIframe'), refs.iframe),
        h('h3', { id: htmlId }, t('htmlSnippet')),
        refs.htmlHint,
        h('pre', { class: 'builder-snippet', tabindex: '0', 'aria-labelledby': htmlId }, refs.html),
        copyButton(t('copyHtml'), refs.html),
      ),
      refs.status,
    );
    refs.status.textContent = '';
    update();
  };

  render();
}
