import { html, nothing, type TemplateResult } from 'lit/html.js';
import { adoptStyles, type PropertyDeclarations, type PropertyValues } from '../../internal/base-element.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import { contactSections } from '../../feed/sections/contact.js';
import type { Contact, Feed } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { langIf, pick } from '../../i18n/local-text.js';
import { formatCount, plural, translator } from '../../i18n/strings.js';
import { FIELD_LIMITS, textLength } from '../../internal/contact-rules.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { safeUrl } from '../../internal/safe-url.js';
import { sessionStore } from '../../internal/storage.js';
import { styles } from './contact-form.styles.js';
import { contactFormStrings } from './contact-form.strings.js';
import type { ContactSender } from './contact-form.lazy.js';
import type { ContactField, Fields, PendingSend, SavedDraft } from './contact-form.types.js';

export type {
  ContactErrorDetail,
  ContactField,
  ContactPayload,
  ContactSentDetail,
  ContactSubmitDetail,
  FieldError,
  FieldErrorCode,
} from './contact-form.types.js';

declare global {
  interface HTMLElementTagNameMap {
    'cl-contact-form': ClContactForm;
  }
}

const EMPTY_FIELDS: Readonly<Fields> = {
  name: '',
  email: '',
  organisation: '',
  topic: '',
  message: '',
  replyLanguage: '',
  consent: false,
  website: '',
};

const DRAFT_SAVE_MS = 400;
const ANNOUNCE_MS = 1000;

type SenderModule = typeof import('./contact-form.lazy.js');
/** The checks, their errors, the sending and the confirmation (contact-form.lazy.ts), once loaded. */
let senderModule: SenderModule | undefined;
/**
 * Starts loading contact-form.lazy.ts, once: on the first sign that a person
 * means to write (focus or input in the form), so it is there when they send.
 * Undefined when it cannot be fetched; the next call tries again.
 */
const loadSender = lazyModule(
  () => import('./contact-form.lazy.js'),
  (module) => (senderModule = module),
);

/** An http(s) address, or undefined. */
function httpUrl(value: string | undefined): string | undefined {
  // An empty value is no address (resolved, it would be the page's own).
  const url = value?.trim() && safeUrl(value);
  return url && /^https?:/.test(url) ? url : undefined;
}

/**
 * The page's "Contact us" form, in English or Welsh: native fields with
 * labels and hints, GOV.UK-style validation (error summary, inline errors),
 * a draft kept for the tab's life, and a send that never loses a message
 * (one automatic retry, then a retry button; the receiver's requested wait
 * after a `429`; an Idempotency-Key per content so the receiver stores each
 * message once). It always says who receives the message: the partner's
 * privacy notice, the feed's, else the endpoint's host. Without an endpoint
 * it offers the feed's other contact routes. The checking and sending code
 * loads when the person starts to fill in the form.
 *
 * @tag cl-contact-form
 * @fires cl-contact-submit - Cancelable, before every send: `{ payload, idempotencyKey, respondWith(promise) }`.
 * @fires cl-contact-sent - The message was stored: `{ reference }`.
 * @fires cl-contact-error - Sending failed and the person is told so: `{ status, message }`.
 * @slot - Shown when the feed cannot be loaded and there is no saved copy (e.g. your own contact details).
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown after a send with errors.
 * @csspart error-summary-title - The error summary's heading ("There is a problem").
 * @csspart field - Each question (label, hint, error, input).
 * @csspart input - Each text input, select and text area.
 * @csspart send - The send button.
 * @csspart status - The retrying, waiting (429), failure and no-endpoint panels.
 * @csspart no-script - Prerendered HTML read with scripting off: the form needs JavaScript, and the other ways to get in touch.
 * @csspart privacy - The privacy line under the send button.
 * @csspart confirmation - The panel shown once the message is stored.
 * @csspart confirmation-title - The confirmation's heading ("Message sent").
 * @cssprop --cl-color-error - Error text, error borders and the error summary (4.5:1 or more on white and on light page greys); as text it has a dark-page form. Default: `#b3261e`, `light-dark(#b3261e, #ffb4ab)` as text.
 * @cssprop --cl-color-success - The confirmation panel's border. Default: `#00703c`.
 * @cssprop --cl-color-border - Input borders, and the borders of panels. Default: `#0b0c0c` for inputs, `#b1b4b6` for panels.
 * @cssprop --cl-color-secondary-text - Hints under the labels and the character count. Default: `light-dark(#505a5f, #b1b4b6)`.
 */
export class ClContactForm extends FeedWidget {
  static override styles = [...FeedWidget.styles, styles];
  protected static override feedSections = contactSections;
  static override shadowRootOptions: ShadowRootInit = { ...FeedWidget.shadowRootOptions, delegatesFocus: true };
  static override properties: PropertyDeclarations = {
    endpoint: { reflect: true, useDefault: true },
    privacy: { reflect: true, useDefault: true },
    topic: { reflect: true, useDefault: true },
    consent: { type: Boolean, reflect: true },
    headingLevel: { attribute: 'heading-level', reflect: true, useDefault: true },
  };

  /** Where the form posts; overrides the feed's `contact.endpoint`. */
  endpoint = '';
  /** Your privacy notice's address (https or http); overrides the feed's `contact.privacy`. */
  privacy = '';
  /** A topic id to preselect (one of the feed's contact topics); changing it later selects it. */
  topic = '';
  /** Asks for explicit consent with a required checkbox (a public body normally relies on its public task instead). */
  consent = false;
  /** The heading level of the error summary's and the confirmation's headings (2 to 6), to fit the page's outline. */
  headingLevel = '2';

  #fields: Fields = { ...EMPTY_FIELDS };
  /** The sending code's controller, once loaded and created. */
  #sender: ContactSender | undefined;
  /** The sending code could not be loaded for a send: the form says so and offers the other ways. */
  #loadFailed = false;
  /** A restored draft's unconfirmed send, handed to the sender when it is created. */
  #restoredPending: PendingSend | undefined;
  #restored = false;
  #shownAt = 0;
  #draftRead = false;
  #privacyWarned = false;
  /** The count as announced once typing pauses. */
  #said = '';
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #sayTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Once: a form moved in the page keeps its answers, its fill time and its send under way.
    if (this.#draftRead) return;
    this.#draftRead = true;
    this.#shownAt = performance.now();
    // A prerendered form hydrates as it was rendered (empty); the draft and what was typed follow (hydrated()).
    if (this.hydrating) this.#typedBeforeScript = this.#typedIntoHtml();
    else this.#readDraft();
  }

  /** What the reader typed or chose in the prerendered form before the script ran (Lit empties the fields as it hydrates). */
  #typedBeforeScript: Partial<Fields> | undefined;

  #typedIntoHtml(): Partial<Fields> {
    const typed: Partial<Fields> = {};
    const controls = this.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      'input[name], textarea, select',
    );
    for (const control of controls) {
      // Only what the reader changed: the prerendered defaults (the topic attribute's choice) are not theirs.
      const changed =
        control instanceof HTMLSelectElement
          ? control.selectedOptions[0]?.defaultSelected === false
          : control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')
            ? control.checked !== control.defaultChecked && control.checked
            : control.value !== control.defaultValue;
      if (changed)
        Object.assign(typed, {
          [control.name]:
            control instanceof HTMLInputElement && control.type === 'checkbox' ? control.checked : control.value,
        });
    }
    return typed;
  }

  protected override hydrated(): void {
    const { topic } = this.#fields;
    this.#readDraft();
    // Typed into the page just now, so newer than the tab's draft; the topic attribute preselects, unless either chose.
    this.#fields = { ...this.#fields, ...(!this.#fields.topic && { topic }), ...this.#typedBeforeScript };
    if (Object.keys(this.#typedBeforeScript ?? {}).length > 0) this.#saveDraft();
    this.#typedBeforeScript = undefined;
  }

  #readDraft(): void {
    const saved = sessionStore.get<SavedDraft>(this.#draftKey);
    if (saved?.fields) {
      this.#fields = { ...EMPTY_FIELDS, ...saved.fields };
      this.#restoredPending = saved.pending;
      this.#restored = true;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#saveTimer !== undefined) this.#saveDraft();
    clearTimeout(this.#sayTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The attribute preselects its topic, unless a restored draft already chose one; set later, it always does.
    if (changed.has('topic') && this.topic && (this.hasUpdated || !this.#fields.topic))
      this.#fields = { ...this.#fields, topic: this.topic };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const host = this.#privacyMissing && this.#sendTo && new URL(this.#sendTo).host;
    if (host && !this.#privacyWarned) {
      this.#privacyWarned = true;
      console.warn(
        `<cl-contact-form>: no privacy notice (privacy attribute or feed's contact.privacy); messages go to ${host}.`,
      );
    }
  }

  /** One draft per page and form, so two forms on a page keep their own. */
  get #draftKey(): string {
    return `contact-draft:${location.pathname}#${this.id}`;
  }

  /** Saves the draft now, with the unconfirmed send. */
  #saveDraft(pending = this.#sender ? this.#sender.pending : this.#restoredPending): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const draft: SavedDraft = { fields: this.#fields, ...(pending && { pending }) };
    sessionStore.set(this.#draftKey, draft);
  }

  get #t() {
    return translator(contactFormStrings, this.language);
  }

  /** The feed's contact details, once loaded. */
  get #contact(): Contact | undefined {
    return this.feed.state.status === 'ready' ? this.feed.state.feed.contact : undefined;
  }

  /** The endpoint attribute, else the feed's; only http(s) addresses are posted to. */
  get #sendTo(): string | undefined {
    return httpUrl(this.endpoint || this.#contact?.endpoint);
  }

  /** The privacy notice to link to: the attribute's, else the feed's in the form's language. */
  get #privacyLink(): { href: string; lang?: Language } | undefined {
    const own = httpUrl(this.privacy);
    if (own) return { href: own };
    const fromFeed = this.#contact?.privacy && pick(this.#contact.privacy, this.language);
    const href = fromFeed && safeUrl(fromFeed.text);
    return href ? { href, lang: fromFeed.lang } : undefined;
  }

  get #privacyMissing(): boolean {
    return this.feed.state.status === 'ready' && !this.#privacyLink;
  }

  /** Creates the sender once its code is loaded; undefined when it cannot be loaded. */
  async #loadSender(): Promise<ContactSender | undefined> {
    const module = senderModule ?? (await loadSender());
    if (module && !this.#sender) {
      // The form's own state that the sender reads and changes: functions, so it always reads the current state.
      this.#sender = new module.ContactSender(this, {
        fields: () => this.#fields,
        sendTo: () => this.#sendTo,
        topicIds: () => (this.#contact?.topics ?? []).map((topic) => topic.id),
        emit: this.emit.bind(this),
        saveDraft: (pending) => this.#saveDraft(pending),
        clear: () => {
          clearTimeout(this.#saveTimer);
          this.#saveTimer = undefined;
          sessionStore.remove(this.#draftKey);
          this.#fields = { ...EMPTY_FIELDS, topic: this.topic };
        },
        renderOtherWays: (intro) => this.#renderOtherWays(intro),
        pending: this.#restoredPending,
        restored: this.#restored,
        shownAt: this.#shownAt,
      });
      // The error, busy and confirmation styles come with the code that shows them.
      const { elementStyles } = this.constructor as typeof ClContactForm;
      adoptStyles(this.renderRoot as ShadowRoot, [...elementStyles, module.senderStyles]);
      this.addController(this.#sender);
      this.requestUpdate();
    }
    return this.#sender;
  }

  #count(): string {
    const left = FIELD_LIMITS.message - textLength(this.#fields.message);
    return plural(this.#t(left < 0 ? 'over' : 'remaining'), Math.abs(left), this.language);
  }

  /** Every control's input or change: the control's name is its field. */
  #onInput({ target }: Event): void {
    void this.#loadSender();
    const { name, type, value, checked } = target as HTMLInputElement;
    this.#fields = { ...this.#fields, [name as keyof Fields]: type === 'checkbox' ? checked : value };
    this.requestUpdate();
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#saveDraft(), DRAFT_SAVE_MS);
    if (name === 'message') {
      clearTimeout(this.#sayTimer);
      // Announced once typing pauses, not on every key.
      this.#sayTimer = setTimeout(() => {
        this.#said = this.#count();
        this.requestUpdate();
      }, ANNOUNCE_MS);
    }
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    // Usually loaded already, since the first focus in the form.
    const sender = await this.#loadSender();
    this.#loadFailed = !sender;
    if (sender) return sender.submit();
    // Offline before the sending code arrived: the same failure as an unreachable server; the draft is kept.
    this.requestUpdate();
    this.emit('cl-contact-error', { status: 0, message: 'The sending code could not be loaded.' });
  }

  protected override renderSkeleton(): TemplateResult {
    // Sized by the styles (label, input, text area): no inline styles for a strict CSP to refuse.
    return html`<div class="skeleton">
      ${[1, 2, 3, 4].map(() => html`<span class="cl-skeleton title"></span><span class="cl-skeleton"></span>`)}
      <span class="cl-skeleton area"></span>
    </div>`;
  }

  protected override renderContent(feed: Feed): TemplateResult {
    const sender = this.#sender;
    if (sender?.phase === 'sent') return sender.renderConfirmation();
    // `method="dialog"`: a form outside a <dialog> never submits itself. Prerendered, before its script (or if it never
    // comes), Send or Enter would otherwise put the name, address and message in the page's address as a query.
    return html`<div class="cl-no-script cl-panel" data-tone="notice" part="no-script">
        ${this.#renderOtherWays(this.#t('needsScript'))}
      </div>
      <form
        class="cl-needs-script"
        method="dialog"
        novalidate
        part="form"
        @submit=${this.#onSubmit}
        @focusin=${loadSender}
      >
        ${sender?.renderSummary()}
        <p class="intro">${this.#t('intro')}</p>
        ${this.#renderField('name', this.#renderText('name'))}
        ${this.#renderField('email', this.#renderText('email', 'email-hint'), this.#t('emailHint'))}
        ${this.#renderField('organisation', this.#renderText('organisation'))} ${this.#renderTopic(feed)}
        ${this.#renderField('message', this.#renderMessage(), this.#t('messageHint'))} ${this.#renderReplyLanguage()}
        ${this.#renderConsent()} ${this.#renderHoneypot()}
        <div class="actions">${this.#renderSend()} ${this.#renderPrivacy()}</div>
      </form>`;
  }

  /** A question: its label (each label's string is named after its field), hint, inline error and control. */
  #renderField(id: 'name' | 'email' | 'organisation' | 'topic' | 'message', control: TemplateResult, hint?: string) {
    const t = this.#t;
    return html`<div class="field" part="field" ?data-invalid=${!!this.#sender?.errorFor(id)}>
      <label class="label" for=${id}>${id === 'organisation' ? `${t(id)} ${t('optional')}` : t(id)}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${this.#sender?.renderError(id)} ${control}
    </div>`;
  }

  #renderText(id: 'name' | 'email' | 'organisation', describedBy?: string) {
    return html`<input
      part="input"
      id=${id}
      name=${id}
      type=${id === 'email' ? 'email' : 'text'}
      autocomplete=${id === 'organisation' ? 'organization' : id}
      spellcheck=${id !== 'email'}
      aria-invalid=${!!this.#sender?.errorFor(id)}
      aria-describedby=${this.#describedBy(id, describedBy)}
      .value=${this.#fields[id]}
      @input=${this.#onInput}
    />`;
  }

  #renderTopic(feed: Feed) {
    const topics = feed.contact?.topics ?? [];
    if (topics.length === 0) return nothing;
    const { language } = this;
    return this.#renderField(
      'topic',
      html`<select
        part="input"
        id="topic"
        name="topic"
        aria-invalid=${!!this.#sender?.errorFor('topic')}
        aria-describedby=${this.#describedBy('topic')}
        @change=${this.#onInput}
      >
        <option value="" ?selected=${!this.#fields.topic}>${this.#t('topicChoose')}</option>
        ${topics.map((topic) => {
          const label = pick(topic.label, language);
          return html`<option
            value=${topic.id}
            lang=${ifDefined(langIf(label, language))}
            ?selected=${topic.id === this.#fields.topic}
          >
            ${label.text}
          </option>`;
        })}
      </select>`,
    );
  }

  #renderMessage() {
    const limit = formatCount(FIELD_LIMITS.message);
    const over = textLength(this.#fields.message) > FIELD_LIMITS.message;
    return html`<textarea
        part="input"
        id="message"
        name="message"
        rows="8"
        aria-invalid=${!!this.#sender?.errorFor('message')}
        aria-describedby=${this.#describedBy('message', 'message-hint message-limit')}
        .value=${this.#fields.message}
        @input=${this.#onInput}
      ></textarea>
      <span class="cl-visually-hidden" id="message-limit">${this.#t('limitHint')(limit)}</span>
      <p class="count" ?data-over=${over} aria-hidden="true">${this.#count()}</p>
      <p class="cl-visually-hidden" aria-live="polite">${this.#said}</p>`;
  }

  #renderReplyLanguage() {
    return html`<fieldset class="field" part="field">
      <legend class="label">${this.#t('replyLanguage')}</legend>
      ${this.#sender?.renderError('replyLanguage')}
      <div class="choices">
        ${(['en', 'cy'] as const).map(
          (language) =>
            html`<label class="choice" lang=${ifDefined(language === this.language ? undefined : language)}>
              <input
                type="radio"
                name="replyLanguage"
                value=${language}
                .checked=${(this.#fields.replyLanguage || this.language) === language}
                @change=${this.#onInput}
              />
              ${language === 'cy' ? 'Cymraeg' : 'English'}
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderConsent() {
    if (!this.consent) return nothing;
    const invalid = !!this.#sender?.errorFor('consent');
    return html`<div class="field" part="field" ?data-invalid=${invalid}>
      ${this.#sender?.renderError('consent')}
      <label class="choice">
        <input
          type="checkbox"
          id="consent"
          name="consent"
          aria-invalid=${invalid}
          aria-describedby=${this.#describedBy('consent')}
          .checked=${this.#fields.consent}
          @change=${this.#onInput}
        />
        ${this.#t('consent')}
      </label>
    </div>`;
  }

  #renderHoneypot() {
    return html`<div class="honeypot" aria-hidden="true">
      <label for="website">${this.#t('honeypot')}</label>
      <input
        id="website"
        name="website"
        type="text"
        tabindex="-1"
        autocomplete="off"
        .value=${this.#fields.website}
        @input=${this.#onInput}
      />
    </div>`;
  }

  /** The status (retrying, waiting, failed), the send button and the sending status; without an endpoint, the other ways. */
  #renderSend() {
    if (!this.#sendTo) return this.#renderOtherWays(this.#t('noEndpoint'), 'notice');
    const sender = this.#sender;
    return html`${
        sender ? sender.renderStatus() : this.#loadFailed ? this.#renderOtherWays(this.#t('failed'), 'alert') : nothing
      }
      <button type="submit" class="cl-button send" part="send" aria-disabled=${!!sender?.busy}>
        ${this.#t('send')}
      </button>
      <p class="sending" role="status">${sender?.sendingText()}</p>`;
  }

  /** Who receives the message: the privacy notice, else (when the form can send) the endpoint's host. */
  #renderPrivacy() {
    const link = this.#privacyLink;
    const sendTo = this.#sendTo;
    const t = this.#t;
    return html`<p class="privacy" part="privacy">
      ${
        !link && sendTo
          ? t('privacyFallback')(new URL(sendTo).host)
          : html`${t('privacy')}
            ${link ? html`<a href=${link.href} hreflang=${ifDefined(link.lang)}>${t('privacyLink')}</a>` : nothing}`
      }
    </p>`;
  }

  /** The inline error's id after the hint ids given. */
  #describedBy(field: ContactField, ids?: string) {
    return [ids, this.#sender?.errorFor(field) && `${field}-error`].filter(Boolean).join(' ') || nothing;
  }

  /**
   * The feed's phone, address, contact page and (when it has an email) a mailto link with the message filled in;
   * in a panel when asked, announced when it answers a send (`alert`).
   */
  #renderOtherWays(intro: string, panel?: 'notice' | 'alert') {
    const { language } = this;
    const contact = this.#contact;
    const t = this.#t;
    const address = contact?.address && pick(contact.address, language);
    const page = contact?.url && pick(contact.url, language);
    const pageUrl = page && safeUrl(page.text);
    const phone = contact?.phone;
    const phoneUrl = phone && safeUrl(`tel:${phone.replace(/[^\d+]/g, '')}`);
    const mailUrl = contact?.email && safeUrl(`mailto:${contact.email}?${this.#mailQuery()}`);
    const content = html`<p>${intro}</p>
      <ul class="other-ways">
        ${mailUrl ? html`<li><a href=${mailUrl}>${t('emailUs')}</a></li>` : nothing}
        ${phone ? html`<li>${t('phone')}: ${phoneUrl ? html`<a href=${phoneUrl}>${phone}</a>` : phone}</li>` : nothing}
        ${
          address
            ? html`<li>
                ${t('address')}:
                <span class="address" lang=${ifDefined(langIf(address, language))}>${address.text}</span>
              </li>`
            : nothing
        }
        ${pageUrl ? html`<li><a href=${pageUrl} hreflang=${page.lang}>${t('contactPage')}</a></li>` : nothing}
      </ul>`;
    if (panel)
      return html`<div
        class="cl-panel"
        data-tone="notice"
        role=${ifDefined(panel === 'alert' ? panel : undefined)}
        part="status"
      >
        ${content}
      </div>`;
    return mailUrl || phone || address || pageUrl ? content : nothing;
  }

  /** A mailto query with the subject and the message, signed with the sender's details. */
  #mailQuery(): string {
    const { name, organisation, email, message } = this.#fields;
    const signature = [name, organisation, email]
      .map((text) => text.trim())
      .filter(Boolean)
      .join('\n');
    const body = [message.trim(), signature].filter(Boolean).join('\n\n');
    return `subject=${encodeURIComponent(this.#t('mailSubject'))}&body=${encodeURIComponent(body)}`;
  }
}
