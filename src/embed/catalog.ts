/**
 * The widget catalogue the embed pages work from. scripts/build-embed.mjs
 * derives it from custom-elements.json (each class's `@property` attributes
 * and `@cssprop` colours) and writes it into each page as a JSON data block,
 * so a new widget needs no change in src/embed (until it is listed below and
 * in catalog.strings.ts, its name for people is its folder name and its
 * iframe 600 px high).
 */
import type { Language } from '../i18n/language.js';
import { catalogStrings } from './catalog.strings.js';

/** How a value is checked and edited: `url` attributes take an address, `enum` one of `values`. */
export type AttributeKind = 'boolean' | 'number' | 'enum' | 'text' | 'url';

export interface WidgetAttribute {
  name: string;
  kind: AttributeKind;
  /** From the class's JSDoc, in English. */
  description: string;
  default?: string;
  values?: string[];
  min?: number;
  max?: number;
}

export interface WidgetColor {
  /** A `--cl-color-*` custom property. */
  name: string;
  description: string;
}

export interface WidgetInfo {
  /** The folder name, used in `?widget=`. */
  name: string;
  tag: string;
  summary: string;
  attributes: WidgetAttribute[];
  colors: WidgetColor[];
}

export interface EmbedData {
  widgets: WidgetInfo[];
  /** File name -> `sha384-…`, from integrity.json. */
  integrity: Record<string, string>;
}

export const EMBED_DATA_ID = 'cl-embed-data';

/** The catalogue written into the page by the build; empty when the block is missing or unreadable. */
export function readEmbedData(doc: Document): EmbedData {
  const text = doc.getElementById(EMBED_DATA_ID)?.textContent ?? '';
  try {
    const data = JSON.parse(text) as Partial<EmbedData>;
    return { widgets: Array.isArray(data.widgets) ? data.widgets : [], integrity: data.integrity ?? {} };
  } catch {
    return { widgets: [], integrity: {} };
  }
}

/** The catalogue's widgets whose tag is registered on this page. */
export function registeredWidgets(widgets: readonly WidgetInfo[]): WidgetInfo[] {
  return widgets.filter((widget) => customElements.get(widget.tag) !== undefined);
}

/** A widget's name for people, in `language`: from catalog.strings.ts, else its folder name with spaces. */
export function widgetName(name: string, language: Language): string {
  const names: Partial<Record<string, { en: unknown; cy: unknown }>> = catalogStrings;
  const listed = Object.hasOwn(catalogStrings, name) ? names[name]?.[language] : undefined;
  return typeof listed === 'string' ? listed : name.replaceAll('-', ' ');
}

/** The name as a label that starts a line (a choice in a list, a heading): "Principle cards". */
export function widgetLabel(name: string, language: Language): string {
  const words = widgetName(name, language);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The title of a page or frame that shows the widget `name`, in `language`. */
export const frameTitle = (name: string, language: Language): string =>
  catalogStrings.frameTitle[language](widgetName(name, language));

/**
 * Each widget's iframe height (px) for the builder's snippet: its embed page's height 700 px wide (a page's main
 * column), the tallest in English and Welsh, Chromium and Firefox, with some room. What a page without the resize
 * script keeps (so the widget fits, with no scrollbar of its own), and what one with it starts from (the less it then
 * moves the page below). test/embed/embed-page.test.ts keeps these within a fifth of the pages' real heights.
 */
const FRAME_HEIGHTS: Readonly<Record<string, number>> = {
  'principle-cards': 1450,
  'film-player': 720,
  'resource-list': 2250,
  'contact-form': 1100,
};

/** A widget not listed above: a height that shows a good part of most widgets. */
const DEFAULT_FRAME_HEIGHT = 600;

/** The iframe height (px) the builder's snippet gives the widget `name`. */
export const frameHeight = (name: string): number =>
  Object.hasOwn(FRAME_HEIGHTS, name) ? FRAME_HEIGHTS[name]! : DEFAULT_FRAME_HEIGHT;

/**
 * What a widget's frame may do beyond its sandbox (its `allow`), none unless listed. A frame passes on only what it is
 * given: the film player's frame lets the player in it start the film pressed there, with sound and no second press,
 * and show it full screen.
 */
const FRAME_PERMISSIONS: Readonly<Record<string, string>> = {
  'film-player': 'autoplay; fullscreen; picture-in-picture',
};

/** The `allow` the builder's snippet gives the frame of the widget `name`, if any. */
export const framePermissions = (name: string): string | undefined =>
  Object.hasOwn(FRAME_PERMISSIONS, name) ? FRAME_PERMISSIONS[name] : undefined;
