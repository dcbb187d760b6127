import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { LanguageController, type Language } from '../i18n/language.js';
import { emit, type ClEventDetail, type ClEventName } from './events.js';
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
 * switch, and typed `cl-*` events.
 */
export class ClElement extends LitElement {
  static override styles = [baseStyles];
  static override properties: PropertyDeclarations = {
    languageSwitch: { type: Boolean, attribute: 'language-switch', reflect: true },
  };

  /** Shows a "Cymraeg / English" switch so a reader can change the widget's language (the active offer). */
  languageSwitch = false;

  protected readonly languageController = new LanguageController(this);

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.languageController.refresh();
  }

  /** The widget's resolved language. */
  get language(): Language {
    return this.languageController.language;
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
        @click=${() => this.switchLanguage(other)}
      >
        ${other === 'cy' ? 'Cymraeg' : 'English'}
      </button>
    </div>`;
  }

  private switchLanguage(language: Language): void {
    this.lang = language;
    this.languageController.refresh();
    this.emit('cl-language-change', { language });
  }
}
