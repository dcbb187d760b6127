import { toLanguage, type Language } from '../i18n/language.js';
import { safeUrl } from '../internal/safe-url.js';
import type { AttributeKind, WidgetAttribute, WidgetInfo } from './catalog.js';

/** A widget with only validated attribute values and colours: what the embed page renders and the builder copies. */
export interface EmbedOptions {
  widget: WidgetInfo;
  language: Language;
  /** Attribute name -> value; a boolean attribute that is on has the value ''. */
  attributes: Map<string, string>;
  /** `--cl-color-*` property -> `#rrggbb`. */
  colors: Map<string, string>;
}

export const WIDGET_PARAM = 'widget';
export const MAX_TEXT_LENGTH = 200;
const MAX_NUMBER = 10_000;
/** Tabs, new lines and other control characters have no place in an attribute value. */
function hasControlCharacter(value: string): boolean {
  return [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/**
 * The feed and its local layer are addresses the widget fetches: they are
 * checked as addresses even when the catalogue (which names address
 * attributes by pattern) calls one text.
 */
const FEED_ADDRESSES = new Set(['src', 'local']);

/** How `attribute`'s value is checked and edited. */
export function attributeKind(attribute: WidgetAttribute): AttributeKind {
  return FEED_ADDRESSES.has(attribute.name) ? 'url' : attribute.kind;
}

/**
 * The value to set for `attribute`, or undefined to leave it unset (absent,
 * off, or not valid). Addresses must be https, or on the embed page's own
 * origin, so a link to the embed page cannot make a widget post to, or
 * read from, an arbitrary plain-http host.
 */
export function validAttributeValue(attribute: WidgetAttribute, raw: string, pageOrigin: string): string | undefined {
  const value = raw.trim();
  switch (attributeKind(attribute)) {
    case 'boolean':
      return ['', 'true', '1', attribute.name].includes(value.toLowerCase()) ? '' : undefined;
    case 'number': {
      if (!/^-?\d{1,6}$/.test(value)) return undefined;
      const n = Number(value);
      return n >= (attribute.min ?? 0) && n <= (attribute.max ?? MAX_NUMBER) ? String(n) : undefined;
    }
    case 'enum':
      return attribute.values?.includes(value) ? value : undefined;
    case 'url': {
      const href = safeUrl(value, `${pageOrigin}/`);
      if (!href) return undefined;
      const url = new URL(href);
      return url.protocol === 'https:' || url.origin === pageOrigin ? href : undefined;
    }
    case 'text':
      return value !== '' && value.length <= MAX_TEXT_LENGTH && !hasControlCharacter(value) ? value : undefined;
  }
}

/** A `#rgb` or `#rrggbb` colour, lower-cased; anything else is refused (no url(), no expressions). */
export function validColor(raw: string): string | undefined {
  const value = raw.trim();
  return HEX_COLOR.test(value) ? value.toLowerCase() : undefined;
}

/**
 * Reads `?widget=<name>&lang=cy&<attribute>=<value>&--cl-color-…=#hex`.
 * Unknown parameters, unknown widgets and invalid values are ignored.
 */
export function parseEmbedQuery(
  params: URLSearchParams,
  widgets: readonly WidgetInfo[],
  pageOrigin: string,
): EmbedOptions | undefined {
  const widget = widgets.find((w) => w.name === params.get(WIDGET_PARAM));
  if (!widget) return undefined;
  const attributes = new Map<string, string>();
  for (const attribute of widget.attributes) {
    if (attribute.name === 'lang') continue;
    const raw = params.get(attribute.name);
    if (raw === null) continue;
    const value = validAttributeValue(attribute, raw, pageOrigin);
    if (value !== undefined) attributes.set(attribute.name, value);
  }
  const colors = new Map<string, string>();
  for (const color of widget.colors) {
    const value = validColor(params.get(color.name) ?? '');
    if (value) colors.set(color.name, value);
  }
  return { widget, language: toLanguage(params.get('lang')), attributes, colors };
}

/** The query string that gives `options` back through parseEmbedQuery: the iframe snippet's address. */
export function embedQuery(options: EmbedOptions): URLSearchParams {
  const params = new URLSearchParams({ [WIDGET_PARAM]: options.widget.name, lang: options.language });
  for (const [name, value] of options.attributes) params.set(name, value);
  for (const [name, value] of options.colors) params.set(name, value);
  return params;
}

/** The widget element for `options`, not yet in a document. */
export function createWidget(doc: Document, options: EmbedOptions): HTMLElement {
  const element = doc.createElement(options.widget.tag);
  element.setAttribute('lang', options.language);
  for (const [name, value] of options.attributes) element.setAttribute(name, value);
  for (const [name, value] of options.colors) element.style.setProperty(name, value);
  return element;
}
