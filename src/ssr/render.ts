/**
 * Prerendering, in Node: a widget rendered from a feed to HTML with its shadow root in it (declarative shadow DOM),
 * so its content paints with the page, before any script and without one. In the browser the widget hydrates that
 * HTML in place (src/internal/hydrate.ts) from the copy of the feed the snippet carries.
 *
 * Used by the CLI's `render`, the build's embed pages and the builder's "HTML with script" snippets. Built to
 * dist/ssr/render.js with the same template minifying as the browser builds: hydration needs the same templates.
 */
import './dom.js';
import { createHash } from 'node:crypto';
import { ElementRenderer, render, type RenderInfo } from '@lit-labs/ssr';
import { renderValue } from '@lit-labs/ssr/lib/render-value.js';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { ClContactForm } from '../components/contact-form/contact-form.js';
import { ClFilmPlayer } from '../components/film-player/film-player.js';
import { ClPrincipleCards } from '../components/principle-cards/principle-cards.js';
import { ClResourceList } from '../components/resource-list/resource-list.js';
import { serverFeed } from '../feed/feed-controller.js';
import type { FeedProblem } from '../feed/validate.js';
import { FEED_COPY_ATTRIBUTE, readCopy, readFeed, type CutCopy } from '../feed/store.js';
import { HEADER_KEYS } from '../feed/schema-common.js';
import { validate } from '../feed/schema-kit.js';
import { useSections, type SectionRules } from '../feed/validate-sections.js';
import { toLanguage } from '../i18n/language.js';
import { BaseElement } from '../internal/base-element.js';
import { RENDERED_WITH_ATTRIBUTE, renderedWith } from '../internal/rendered-with.js';

/** @internal For the build's prerendered embed pages (scripts/build-prerendered.mjs): each page's title. */
export { frameTitle } from '../embed/catalog.js';

export const PRERENDERED_WIDGETS = {
  'principle-cards': ClPrincipleCards,
  'film-player': ClFilmPlayer,
  'resource-list': ClResourceList,
  'contact-form': ClContactForm,
} as const;

export type PrerenderedWidget = keyof typeof PRERENDERED_WIDGETS;

export interface RenderOptions {
  widget: string;
  /** The feed, parsed. */
  feed: unknown;
  /** The feed's absolute address, as the widget will fetch it: its `src`, and the base of the feed's own addresses. */
  src: string;
  /** `cy` for Welsh, else English. The snippet says it with `lang`, so the page's language cannot change it. */
  lang?: string;
  /** The widget's other attributes. */
  attributes?: Record<string, string>;
}

export interface Rendered {
  /** The element with its declarative shadow root and the feed copy it hydrates from. */
  html: string;
  /** What the feed's checks skipped, as the widget would on the page. */
  problems: FeedProblem[];
  /**
   * The Content-Security-Policy source (`'sha256-…'`) that lets a page whose `style-src` has no `'unsafe-inline'`
   * apply the snippet's `<style>` before the script runs (once it has, the widget styles itself either way).
   */
  styleHash: string;
}

/** The attribute names `attributes` may use (the CLI checks its options with it). */
export const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** An attribute's value in double quotes (the CLI writes its script tag with it). */
export const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A chunk a widget's entry loads, as dist/cdn/preload.json lists it. */
export interface PreloadFile {
  href: string;
  integrity: string;
}

/**
 * The `<link rel="modulepreload">` tags (one per line) for a widget's chunks, their addresses under `base`: the CLI's
 * snippet, the prerendered embed pages and the bench's prerendered pages write them with this.
 */
export const preloadTags = (files: PreloadFile[], base: string): string =>
  files
    .map(
      ({ href, integrity }) =>
        `<link rel="modulepreload" href="${escapeAttribute(base + href)}" integrity="${escapeAttribute(integrity)}" crossorigin="anonymous">\n`,
    )
    .join('');

/** JSON inside <script>: nothing in it can end the element or open a comment. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Renders the library's elements (what @lit-labs/ssr's LitElementRenderer does for LitElement): their attributes
 * set as the browser would set them, then their styles and template into a declarative shadow root.
 */
class BaseElementRenderer extends ElementRenderer {
  static override matchesClass(ctor: typeof HTMLElement): boolean {
    return ctor.prototype instanceof BaseElement;
  }

  declare element: BaseElement;

  constructor(tagName: string) {
    super(tagName);
    this.element = new (customElements.get(tagName) as unknown as new () => BaseElement)();
  }

  override get shadowRootOptions(): ShadowRootInit {
    return (this.element.constructor as typeof BaseElement).shadowRootOptions;
  }

  /** The attribute sets its property, and nothing more: a widget's own callback may reach for the DOM. */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    BaseElement.prototype.attributeChangedCallback.call(this.element, name, old, value);
  }

  override renderShadow(renderInfo: RenderInfo) {
    return [
      '<style>',
      styleText(this.element.constructor as typeof BaseElement),
      '</style>',
      () => renderValue(this.element.prerender(), renderInfo),
    ];
  }
}

/**
 * Lit's prerenderer writes a property binding as its attribute with the value as text: `.checked=${false}` becomes
 * `checked="false"`, which HTML reads as checked (as `selected="false"` is selected). Until the script runs, or for
 * good if it fails, the last radio of a group and the last option of a select would be chosen: the Welsh reply on an
 * English contact form, the last type, topic and order in the resource list's filters. Each is made a boolean
 * attribute, present only when true. (Values Lit writes are escaped: no `<`, `>` or `"` inside a tag's attributes.)
 */
const booleanStates = (markup: string): string =>
  markup.replace(/<(?:input|option)\s[^<>]*>/g, (tag) =>
    tag.replace(/ (checked|selected)="(true|false)"/g, (_, name: string, value: string) =>
      value === 'true' ? ` ${name}` : '',
    ),
  );

/**
 * Prerendered HTML whose script has not come `--cl-script-timeout` (8 s) after it (blocked, failed, or left out of
 * the snippet) shows what it shows with scripting off: links in place of the controls that cannot work, every
 * practice point, the contact routes. The widget's styles turn that view on with one switch on its root
 * (`--_cl-no-script`) when scripting is off; here an animation turns it once the wait is over, so a widget whose script
 * comes in time never shows it, and one whose script comes later goes back to its controls. A control that has focus
 * stays, and so does the contact form: what a person wrote there stays in view. Only in prerendered HTML: a widget
 * rendered by its script has no HTML waiting for one.
 */
const SCRIPT_LATE_CSS =
  ':host(:not(:defined)) .cl-root{animation:cl-script-late 0s var(--cl-script-timeout,8s) forwards}' +
  ':host(:not(:defined)) .cl-needs-script:not(:focus-within,[part=form])' +
  '{animation:cl-script-gone 0s var(--cl-script-timeout,8s) forwards}' +
  '@keyframes cl-script-late{to{--_cl-no-script:block}}' +
  // Not display (an animation cannot change it in every browser): out of the flow, unseen and unread. Not width:
  // WebKit kept what the box held laid out as at a width of 0 once the animation ended (the list's filters in one column).
  '@keyframes cl-script-gone{to{position:absolute;visibility:hidden;height:0;overflow:hidden}}';

/** The text of a widget's `<style>` in its prerendered shadow root. */
const styleText = (ctor: typeof BaseElement): string =>
  ctor.elementStyles.map((style) => style.cssText).join('') + SCRIPT_LATE_CSS;

/** Renders `widget` from `feed`. Throws (with a message for a person) on an unknown widget or a feed it cannot show. */
export function renderWidget({ widget, feed, src, lang, attributes = {} }: RenderOptions): Rendered {
  if (!Object.hasOwn(PRERENDERED_WIDGETS, widget)) {
    throw new Error(`Unknown widget "${widget}". Widgets: ${Object.keys(PRERENDERED_WIDGETS).join(', ')}.`);
  }
  const ctor = PRERENDERED_WIDGETS[widget as PrerenderedWidget];
  const tag = `cl-${widget}`;
  if (!customElements.get(tag)) customElements.define(tag, ctor);
  const sections = (ctor as unknown as { feedSections: SectionRules }).feedSections;
  useSections(sections);
  // The header and topics (every page reads them) and the widget's sections, nothing else.
  const shown =
    typeof feed === 'object' && feed !== null && !Array.isArray(feed)
      ? Object.fromEntries(
          [...HEADER_KEYS, 'topics', ...Object.keys(sections)]
            .filter((key) => key in feed)
            .map((key) => [key, (feed as Record<string, unknown>)[key]]),
        )
      : feed;
  // Checked whole, as the widget checks it once the page is idle: what it skips is reported.
  const whole = readFeed(shown, src);
  if (whole.status !== 'ready') throw new Error(`The feed cannot be shown: ${whole.message}`);

  const named = { ...attributes, src, lang: toLanguage(lang) };
  for (const name of Object.keys(named)) {
    if (!ATTRIBUTE_NAME.test(name)) throw new Error(`"${name}" is not an attribute name.`);
  }
  // What the element is rendered with, as the browser will read it (attribute names in lower case): its script
  // renders afresh what the page changed before it ran.
  const given = new Map(Object.entries(named).map(([name, value]) => [name.toLowerCase(), value]));
  const digest = renderedWith((name) => given.get(name), (ctor as unknown as typeof BaseElement).observedAttributes);
  const text = Object.entries(named)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
  /** The element rendered from `state`, with `copy` in it. */
  const renderFrom = (state: typeof whole, copy: unknown): string => {
    serverFeed.state = state;
    let rendered: string;
    try {
      rendered = collectResultSync(
        render(html`${unsafeStatic(`<${tag} ${text}></${tag}>`)}`, { elementRenderers: [BaseElementRenderer] }),
      );
    } finally {
      serverFeed.state = undefined;
    }
    // Only the element: the outer template's markers around it are for a client render of that template, which never
    // happens (the element's own shadow root carries the markers it hydrates with).
    const start = rendered.indexOf(`<${tag} `);
    const end = rendered.lastIndexOf(`</${tag}>`);
    return `${booleanStates(rendered.slice(start, end))}<script type="application/json" ${FEED_COPY_ATTRIBUTE}="${escapeAttribute(src)}" ${RENDERED_WITH_ATTRIBUTE}="${digest}">${scriptJson(copy)}</script></${tag}>`;
  };
  // Rendered as the widget will read it in the browser: the copy the snippet carries, nothing more.
  const cut = cutLongLists(shown as Record<string, unknown>, sections);
  const state = readCopy(cut, src);
  if (state.status !== 'ready') throw new Error(`The feed cannot be shown: ${state.message}`);
  let element = renderFrom(state, cut);
  // A start view the first part cannot make (a filter, another order, a later page) is its loading state, from a cut
  // copy: with scripting off that is all it would show. Such a snippet carries the list whole, rendered whole, as
  // before lists were cut (the widget renders it afresh from its first part, then whole).
  if (cut !== shown && element.includes('class="cl-skeleton')) element = renderFrom(whole, shown);
  const styleHash = `'sha256-${createHash('sha256')
    .update(styleText(ctor as unknown as typeof BaseElement))
    .digest('base64')}'`;
  return { html: element, problems: whole.problems, styleHash };
}

/**
 * The copy a snippet carries of a long list (`SectionRule.first`: the resource list's) is only what its first render
 * shows, with the whole list's length and the time of rendering (`CutCopy`): the rest comes from the feed. A list of
 * 10,000 resources would otherwise make a snippet of megabytes. `shown` itself when no list is long.
 */
function cutLongLists(shown: Record<string, unknown>, sections: SectionRules): Record<string, unknown> {
  const copy = { ...shown };
  const lengths: NonNullable<CutCopy['wholeLengths']> = {};
  for (const [section, rule] of Object.entries(sections)) {
    const list = shown[section];
    if (!rule.first || !Array.isArray(list)) continue;
    // The items the widget would read first, as the feed gives them: it checks them again in the browser.
    const first = rule.first(list, (item) => {
      const result = validate(rule.schema, item);
      return result.success || rule.rescue?.(item, result.problems) !== undefined ? item : undefined;
    });
    if (!first) continue;
    copy[section] = first;
    lengths[section as keyof typeof lengths] = list.length;
  }
  if (Object.keys(lengths).length === 0) return shown;
  const cut: CutCopy = { wholeLengths: lengths, renderedAt: new Date().toISOString() };
  return { ...copy, ...cut };
}
