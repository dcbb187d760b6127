import { html, nothing } from 'lit/html.js';
import { BaseElement, isServer, type PropertyDeclarations, type PropertyValues } from './base-element.js';
import { LanguageController, toLanguage, type Language } from '../i18n/language.js';
import { emit, type ClEventDetail, type ClEventName } from './events.js';
import { KEY_EVENTS, keepKeysInside } from './keys-inside.js';
import { baseStyles } from './styles.js';

export interface LanguageChangeDetail {
  language: Language;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** The reader switched the widget's language with its "Cymraeg / English" switch. */
    'cl-language-change': CustomEvent<LanguageChangeDetail>;
  }
}

/**
 * What every widget shares: its resolved language (own `lang`, nearest
 * ancestor's, the document's; kept up to date), the optional language
 * switch, typed `cl-*` events, and its keys kept from the page's scripts
 * (keys-inside.ts).
 *
 * The tags below reach every widget's entry in custom-elements.json.
 * Each custom property's default is the `var()` fallback in src/internal/styles.ts.
 *
 * @attr lang - `cy` (or `cy-GB`) for Welsh, anything else English. Default: the nearest ancestor's `lang`, else the document's.
 * @fires cl-language-change - The reader used the language switch. `detail: { language }`.
 * @csspart language-switch - The "Cymraeg / English" switch.
 * @cssprop --cl-font-family - Font family; the page's unless set. Default: `inherit`.
 * @cssprop --cl-font-size - Base text size; by default the reader's chosen size, not the page's `html { font-size }`. Default: `medium`.
 * @cssprop --cl-line-height - Line height. Default: `1.5`.
 * @cssprop --cl-color-text - Text colour. Default: `CanvasText`.
 * @cssprop --cl-color-link - Link colour. Default: `LinkText`.
 * @cssprop --cl-script-timeout - Prerendered HTML only: how long it waits for its script (blocked, failed or left out) before showing what it shows with scripting off, links in place of the controls that cannot work. A time. Default: `8s`.
 * @cssprop --cl-color-accent - Buttons, highlights and the current item; as text (secondary buttons) it has a dark-page form. Default: `#005eb8`, `light-dark(#005eb8, #8cc4ff)` as text.
 * @cssprop --cl-color-on-accent - Text on the accent colour. Default: `#fff`.
 * @cssprop --cl-color-surface - Background of panels, cards and secondary buttons. Default: `Canvas`.
 * @cssprop --cl-color-border - Borders of panels and cards. Default: `#b1b4b6`.
 * @cssprop --cl-color-error - The error panel's border, error text. Default: `#b3261e`.
 * @cssprop --cl-color-notice - The saved-copy notice's border. Default: `#b35900`.
 * @cssprop --cl-color-skeleton - Loading placeholders. Default: `#e8e8e8`.
 * @cssprop --cl-color-focus - Focus outline colour. Default: `#1d70b8`.
 * @cssprop --cl-focus-width - Focus outline width. Default: `3px`.
 * @cssprop --cl-radius - Corner radius. Default: `4px`.
 */
export class ClElement extends BaseElement {
  static override styles = [baseStyles];
  static override properties: PropertyDeclarations = {
    languageSwitch: { type: Boolean, attribute: 'language-switch', reflect: true, useDefault: true },
  };

  /** Shows a "Cymraeg / English" switch so a reader can change the widget's language (the active offer). */
  languageSwitch = false;

  protected readonly languageController = new LanguageController(this);

  /** The shadow root came with the HTML (prerendered, declarative shadow DOM): the first render hydrates it. */
  readonly #prerendered = this.shadowRoot !== null;

  /**
   * True during the first render of a prerendered widget. That render must be the prerendered one, so it leaves out
   * what only this reader's browser knows (a remembered choice, a saved draft); the render after it adds them.
   */
  protected get hydrating(): boolean {
    return this.#prerendered && !this.hasUpdated;
  }

  constructor() {
    super();
    for (const type of KEY_EVENTS) this.addEventListener(type, keepKeysInside);
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    if (!this.#prerendered) return;
    this.hydrated();
    this.requestUpdate();
  }

  /**
   * Called once a prerendered widget has hydrated, before the render that adds what only this browser knows: a widget
   * takes in here what the reader did to the prerendered HTML before the script ran (text typed, choices made).
   */
  protected hydrated(): void {}

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.languageController.refresh();
  }

  /** The widget's resolved language. */
  get language(): Language {
    // Prerendering calls neither the controllers nor attributeChangedCallback: the widget's own `lang` is the page's.
    return isServer ? toLanguage(this.getAttribute('lang')) : this.languageController.language;
  }

  protected emit<K extends ClEventName>(
    name: K,
    detail: ClEventDetail<K>,
    options?: { cancelable?: boolean },
  ): boolean {
    return emit(this, name, detail, options);
  }

  /** The switch names the other language in that language, so it is marked with its own `lang`. */
  protected renderLanguageSwitch() {
    if (!this.languageSwitch) return nothing;
    const other: Language = this.language === 'cy' ? 'en' : 'cy';
    return html`<div class="cl-language-switch">
      <button
        type="button"
        class="cl-button"
        data-variant="secondary"
        part="language-switch"
        lang=${other}
        @click=${() => this.#switchLanguage(other)}
      >
        ${other === 'cy' ? 'Cymraeg' : 'English'}
      </button>
    </div>`;
  }

  /** The choice lives in the widget's state: the host's `lang` attribute is the partner's. */
  #switchLanguage(language: Language): void {
    this.languageController.choose(language);
    this.emit('cl-language-change', { language });
  }
}
