import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PropertyDeclarations } from '../../internal/base-element.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import { principleSections } from '../../feed/sections/principles.js';
import type { Behaviour, Feed, Principle } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { langIf, pick } from '../../i18n/local-text.js';
import { plural, translator } from '../../i18n/strings.js';
import { heading, headingLevel } from '../../internal/heading.js';
import { safeUrl } from '../../internal/safe-url.js';
import { principleCardsStrings } from './principle-cards.strings.js';
import { styles } from './principle-cards.styles.js';

export interface PrincipleToggleDetail {
  /** The principle's id in the feed. */
  id: string;
  /** True when its practice points were opened. */
  open: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A reader opened or closed a principle's practice points. */
    'cl-principle-toggle': CustomEvent<PrincipleToggleDetail>;
  }
  interface HTMLElementTagNameMap {
    'cl-principle-cards': ClPrincipleCards;
  }
}

export type CardsLayout = 'grid' | 'list';

type Translate = ReturnType<typeof translator<typeof principleCardsStrings>>;

const DEFAULT_HEADING_LEVEL = 3;

/** The ids or numbers in a `principles` attribute: separated by commas and/or spaces. */
function tokens(value: string): string[] {
  return value.split(/[\s,]+/).filter((token) => token !== '');
}

/**
 * The seven Compassionate Leadership Principles for Health and Social Care in
 * Wales as cards, with the four core behaviours if asked. Each card shows the
 * principle's number, title and summary, its practice points behind a
 * disclosure button, and a link to its source page when the feed has one.
 *
 * @tag cl-principle-cards
 * @fires cl-principle-toggle - A reader opened or closed a card's practice points. `detail: { id, open }`.
 * @slot - Shown when there is nothing better to show: before the element upgrades, when the feed fails with no saved copy, or when no principle matches.
 * @slot heading - A section heading of the partner's own, instead of the `heading` attribute.
 * @csspart heading - The section heading made from the `heading` attribute.
 * @csspart behaviours - The core behaviours section.
 * @csspart behaviours-heading - The heading of the core behaviours.
 * @csspart behaviour - One core behaviour.
 * @csspart cards - The list of cards.
 * @csspart card - One principle's card.
 * @csspart number - "Principle 3 of 7".
 * @csspart title - The principle's title.
 * @csspart summary - The principle's summary.
 * @csspart practice - The practice points: the disclosure button and its panel.
 * @csspart practice-toggle - The disclosure button.
 * @csspart practice-panel - The list of practice points.
 * @csspart link - The link to the principle's source page.
 * @csspart empty - The panel shown when no principle matches `principles`.
 * @cssprop --cl-color-accent - Each card's top edge and buttons; as text (the numbers, secondary buttons) it has a dark-page form. Default: `#005eb8`, `light-dark(#005eb8, #8cc4ff)` as text.
 * @cssprop --cl-gap - Space between cards. Default: `1em`.
 * @cssprop --cl-card-min-width - The narrowest a grid column gets before the grid uses fewer columns. Default: `16em`.
 * @cssprop --cl-card-padding - Space inside a card. Default: `1em`.
 */
export class ClPrincipleCards extends FeedWidget {
  static override styles = [...FeedWidget.styles, styles];
  protected static override feedSections = principleSections;
  static override properties: PropertyDeclarations = {
    principles: { reflect: true, useDefault: true },
    headingLevel: { attribute: 'heading-level', reflect: true, useDefault: true },
    heading: { reflect: true, useDefault: true },
    layout: { reflect: true, useDefault: true },
    behaviours: { type: Boolean, reflect: true },
  };

  /** Ids or numbers of the principles to show, in order (`"1,4"`, `"p2 p7"`). All when empty. */
  principles = '';

  /** The heading level of the card titles (2 to 6); the section heading is one level above. */
  headingLevel = String(DEFAULT_HEADING_LEVEL);

  /** A section heading above the cards (or use the `heading` slot). */
  heading = '';

  /** `grid` (columns; one column when narrower than about 480 px) or `list`. */
  layout: CardsLayout = 'grid';

  /** Shows the four core behaviours above the cards. */
  behaviours = false;

  /** Ids of the cards whose practice points are open. */
  readonly #open = new Set<string>();

  /** The unknown tokens last warned about, so one value warns once however often it renders. */
  #warnedAbout = '';

  #toggle(id: string): void {
    const open = !this.#open.delete(id);
    if (open) this.#open.add(id);
    this.requestUpdate();
    this.emit('cl-principle-toggle', { id, open });
  }

  /** The principles to show: a chosen subset in the given order, else all by number. */
  #selected(all: Principle[]): Principle[] {
    const wanted = tokens(this.principles);
    if (wanted.length === 0) return [...all].sort((a, b) => a.number - b.number);
    const chosen: Principle[] = [];
    const unknown: string[] = [];
    for (const token of wanted) {
      const found = all.find((p) => p.id === token || String(p.number) === token);
      if (!found) unknown.push(token);
      else if (!chosen.includes(found)) chosen.push(found);
    }
    const key = unknown.join(',');
    if (unknown.length > 0 && key !== this.#warnedAbout) {
      this.#warnedAbout = key;
      console.warn(`<cl-principle-cards>: ignored, not in the feed: ${key}`);
    }
    return chosen;
  }

  /** One skeleton card per expected principle, in the same grid, so the content does not shift the page. */
  protected override renderSkeleton(): TemplateResult {
    const count = tokens(this.principles).length || 7;
    // Spread, not Array.from: Prototype and MooTools replace Array.from with one that ignores the map function.
    return html`<div class="cards">
      ${[...Array(count).keys()].map(
        () =>
          html`<div class="card skeleton-card">
            <span class="cl-skeleton"></span><span class="cl-skeleton"></span>
          </div>`,
      )}
    </div>`;
  }

  protected override renderContent(feed: Feed): TemplateResult {
    const language = this.language;
    const t = translator(principleCardsStrings, language);
    const level = headingLevel(this.headingLevel, DEFAULT_HEADING_LEVEL);
    const shown = this.#selected(feed.principles);
    const total = feed.principles.length;
    // The behaviours first: the section heading names the cards, so it sits directly above them.
    return html`${
        this.behaviours && feed.behaviours.length > 0
          ? this.#renderBehaviours(feed.behaviours, level, language, t)
          : nothing
      }<slot name="heading">${this.heading ? heading(level - 1, 'heading', this.heading) : nothing}</slot>${
        shown.length === 0
          ? html`<div class="cl-panel" part="empty"><p>${t('empty')}</p></div>
              <slot></slot>`
          : html`<ul class="cards" role="list" part="cards">
              ${shown.map((p) => this.#renderCard(p, total, level, language, t))}
            </ul>`
      }`;
  }

  #renderBehaviours(behaviours: Behaviour[], level: number, language: Language, t: Translate): TemplateResult {
    return html`<section class="behaviours" part="behaviours" aria-labelledby="behaviours-heading">
      ${heading(
        level,
        'behaviours-heading',
        plural(t('behaviours'), behaviours.length, language),
        'behaviours-heading',
      )}
      <ul class="behaviour-list" role="list">
        ${behaviours.map((b) => {
          const title = pick(b.title, language);
          const summary = b.summary && pick(b.summary, language);
          return html`<li class="behaviour" part="behaviour">
            <strong lang=${ifDefined(langIf(title, language))}>${title.text}</strong>${
              summary ? html` <span lang=${ifDefined(langIf(summary, language))}>${summary.text}</span>` : nothing
            }
          </li>`;
        })}
      </ul>
    </section>`;
  }

  #renderCard(principle: Principle, total: number, level: number, language: Language, t: Translate): TemplateResult {
    const title = pick(principle.title, language);
    const summary = pick(principle.summary, language);
    const titleId = `title-${principle.id}`;
    return html`<li class="card" part="card" data-id=${principle.id}>
      <p class="number" part="number">${t('principleOf')(principle.number, total)}</p>
      ${heading(level, 'title', title.text, titleId, langIf(title, language))}
      <p class="summary" part="summary" lang=${ifDefined(langIf(summary, language))}>${summary.text}</p>
      ${this.#renderPractice(principle, language, t)}${this.#renderLink(principle, titleId, language, t)}
    </li>`;
  }

  #renderPractice(principle: Principle, language: Language, t: Translate) {
    const points = principle.practice ?? [];
    if (points.length === 0) return nothing;
    const open = this.#open.has(principle.id);
    const panelId = `practice-${principle.id}`;
    return html`<div class="practice" part="practice">
      <button
        type="button"
        class="toggle cl-needs-script"
        part="practice-toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${panelId}
        @click=${() => this.#toggle(principle.id)}
      >
        ${t('practice')}
      </button>
      <ul class="practice-panel" part="practice-panel" id=${panelId} ?hidden=${!open}>
        ${points.map((point) => {
          const text = pick(point.text, language);
          return html`<li lang=${ifDefined(langIf(text, language))}>${text.text}</li>`;
        })}
      </ul>
    </div>`;
  }

  #renderLink(principle: Principle, titleId: string, language: Language, t: Translate) {
    if (principle.url === undefined) return nothing;
    const address = pick(principle.url, language);
    const href = safeUrl(address.text);
    if (!href) return nothing;
    const other = langIf(address, language);
    return html`<p class="link-row">
      <a part="link" href=${href} hreflang=${ifDefined(other)} aria-describedby=${titleId}
        >${t('more')}${other ? ` ${t('otherLanguagePage')}` : nothing}</a
      >
    </p>`;
  }
}
