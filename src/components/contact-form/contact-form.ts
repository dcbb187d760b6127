import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import type { Contact, Feed } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { langIf, pick } from '../../i18n/local-text.js';
import { plural, translator } from '../../i18n/strings.js';
import { safeUrl } from '../../internal/safe-url.js';
import { sessionStore } from '../../internal/storage.js';
import { styles } from './contact-form.styles.js';
import { contactFormStrings } from './contact-form.strings.js';

/** The message's limit, for the count; the rules themselves (LIMITS, EMAIL_PATTERN, validateFields) are in sending.ts. */
const MESSAGE_LIMIT = 2000;

export type ContactField = 'name' | 'email' | 'organisation' | 'topic' | 'message' | 'replyLanguage' | 'consent';
export type FieldErrorCode = 'required' | 'too-long' | 'invalid';
export interface FieldError {
  field: ContactField;
  code: FieldErrorCode;
}

/** What the form sends: the request body in docs/contact-endpoint.md. */
export interface ContactPayload {
  name: string;
  email: string;
  organisation?: string;
  topic?: string;
  message: string;
  replyLanguage: Language;
  /** The language the form was filled in. */
  language: Language;
  consent?: boolean;
  consentRequired?: boolean;
  suspect?: boolean;
  suspectReason?: 'honeypot' | 'too-fast';
}

export interface ContactSubmitDetail {
  payload: ContactPayload;
  idempotencyKey: string;
  /** After preventDefault: the host delivers the message and settles this promise with `{ reference }` or an error. */
  respondWith(result: Promise<{ reference: string }>): void;
}

export interface ContactSentDetail {
  reference: string;
}

export interface ContactErrorDetail {
  /** The HTTP status, or 0 when no answer arrived (network, timeout) or the host's delivery failed. */
  status: number;
  message: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'cl-contact-form': ClContactForm;
  }
  interface GlobalEventHandlersEventMap {
    /** Cancelable: a host that calls preventDefault delivers the message itself through `respondWith`. */
    'cl-contact-submit': CustomEvent<ContactSubmitDetail>;
    /** The message was stored; `reference` is the receiver's (or the host's). */
    'cl-contact-sent': CustomEvent<ContactSentDetail>;
    /** Sending failed in a way the person now sees (after the automatic retry). */
    'cl-contact-error': CustomEvent<ContactErrorDetail>;
  }
}

export interface Fields {
  name: string;
  email: string;
  organisation: string;
  topic: string;
  message: string;
  replyLanguage: Language | '';
  consent: boolean;
  /** The honeypot: people never see it. */
  website: string;
}

/** A send that has not been confirmed: its key belongs to this exact content, so retries store once. */
export interface PendingSend {
  content: string;
  key: string;
  payload: ContactPayload;
}

interface SavedDraft {
  fields: Fields;
  pending?: PendingSend;
}

type Phase = 'editing' | 'sending' | 'retrying' | 'failed' | 'sent';
/** Why the last send failed: no answer (status 0), the receiver refused it (its status), or the host's delivery failed (-1). */
type Failure = number;

const EMPTY: Fields = {
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

const length = (text: string): number => [...text].length;

type Lazy = typeof import('./sending.js');
/** The checks, their errors, the sending and the confirmation (sending.ts), once loaded. */
let lazy: Lazy | undefined;
let loading: Promise<Lazy | undefined> | undefined;
/**
 * Starts loading sending.ts, once: on the first sign that a person means to
 * write (focus or input in the form), so it is there when they send. Settles
 * with undefined, never rejects, when it cannot be fetched; the next call tries again.
 */
const load = (): Promise<Lazy | undefined> =>
  (loading ??= import('./sending.js').then(
    (module) => (lazy = module),
    () => (loading = undefined),
  ));

/**
 * The page's "Contact us" form, in English or Welsh: native fields with
 * labels and hints, GOV.UK-style validation (error summary, inline errors),
 * a draft kept for the tab's life, and a send that never loses a message
 * (one automatic retry, then a retry button; an Idempotency-Key per content
 * so the receiver stores each message once). Without an endpoint it offers
 * the feed's other contact routes. The checking and sending code loads
 * when the person starts to fill in the form.
 *
 * @tag cl-contact-form
 * @fires cl-contact-submit - Cancelable, before every send: `{ payload, idempotencyKey, respondWith(promise) }`.
 * @fires cl-contact-sent - The message was stored: `{ reference }`.
 * @fires cl-contact-error - Sending failed and the person is told so: `{ status, message }`.
 * @fires cl-language-change - The reader used the language switch.
 * @slot - Shown when the feed cannot be loaded and there is no saved copy (e.g. your own contact details).
 * @csspart base - The wrapper.
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown after a send with errors.
 * @csspart field - Each question (label, hint, error, input).
 * @csspart input - Each text input, select and text area.
 * @csspart send - The send button.
 * @csspart status - The failure and no-endpoint panels.
 * @csspart confirmation - The panel shown once the message is stored.
 * @csspart language-switch - The "Cymraeg / English" switch.
 * @cssprop --cl-color-error - Error text and borders (default #b3261e, the shared error colour: 4.5:1 or more on white and on light page greys).
 * @cssprop --cl-color-success - The confirmation panel's border (default #00703c).
 * @cssprop --cl-color-border - Input borders (default #0b0c0c).
 * @cssprop --cl-color-accent - Button colour.
 * @cssprop --cl-font-family - Font family (default: inherited from the page).
 */
export class ClContactForm extends FeedWidget {
  static override styles = [...FeedWidget.styles, styles];
  static override properties: PropertyDeclarations = {
    endpoint: { reflect: true },
    topic: { reflect: true },
    consent: { type: Boolean, reflect: true },
    fields: { state: true },
    errors: { state: true },
    phase: { state: true },
    failure: { state: true },
    reference: { state: true },
    said: { state: true },
  };

  /** Where the form posts; overrides the feed's `contact.endpoint`. */
  endpoint = '';
  /** A topic id to preselect (one of the feed's contact topics). */
  topic = '';
  /** Asks for explicit consent with a required checkbox (a public body normally relies on its public task instead). */
  consent = false;

  // Shared with sending.ts, so not `private`; @internal keeps them out of the element's documented API.
  /** @internal */
  fields: Fields = { ...EMPTY };
  /** @internal */
  errors: FieldError[] = [];
  /** @internal */
  phase: Phase = 'editing';
  /** @internal */
  failure: Failure | undefined;
  /** @internal */
  reference = '';
  /** The count as announced once typing pauses. */
  private said = '';

  /** @internal The unconfirmed send, kept with the draft. */
  pending: PendingSend | undefined;
  /** @internal The fields came from a saved draft (no fill-time check). */
  restored = false;
  /** @internal */
  startedAt = 0;
  /** @internal */
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private sayTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.startedAt = performance.now();
    const saved = sessionStore.get<SavedDraft>(this.draftKey);
    if (saved?.fields && this.phase === 'editing') {
      this.fields = { ...EMPTY, ...saved.fields };
      this.pending = saved.pending;
      this.restored = true;
    }
    if (!this.fields.topic && this.topic) this.fields = { ...this.fields, topic: this.topic };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.saveTimer !== undefined) this.saveDraft();
    clearTimeout(this.sayTimer);
    clearTimeout(this.retryTimer);
  }

  /** @internal One draft per page and form, so two forms on a page keep their own. */
  get draftKey(): string {
    return `contact-draft:${location.pathname}#${this.id}`;
  }

  /** @internal Saves the draft now; `keep` false removes it (the message was stored). */
  saveDraft(keep = true): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const draft: SavedDraft = { fields: this.fields, ...(this.pending && { pending: this.pending }) };
    if (keep) sessionStore.set(this.draftKey, draft);
    else sessionStore.remove(this.draftKey);
  }

  /** @internal */
  get t() {
    return translator(contactFormStrings, this.language);
  }

  /** @internal The feed's contact details, once loaded. */
  get contact(): Contact | undefined {
    return this.feed.state.status === 'ready' ? this.feed.state.feed.contact : undefined;
  }

  /** @internal The endpoint attribute, else the feed's; only http(s) addresses are posted to. */
  get url(): string | undefined {
    const url = safeUrl(this.endpoint || this.contact?.endpoint);
    return url && /^https?:/.test(url) ? url : undefined;
  }

  /** @internal */
  get replyLanguage(): Language {
    return this.fields.replyLanguage || this.language;
  }

  /** Every control's input or change: the control's name is its field. */
  private onInput({ target }: Event): void {
    void load();
    const { name, type, value, checked } = target as HTMLInputElement;
    const field = name as keyof Fields;
    this.fields = { ...this.fields, [field]: type === 'checkbox' ? checked : value };
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveDraft(), DRAFT_SAVE_MS);
    if (name === 'message') {
      clearTimeout(this.sayTimer);
      // Announced once typing pauses, not on every key.
      this.sayTimer = setTimeout(() => (this.said = this.count()), ANNOUNCE_MS);
    }
  }

  private count(): string {
    const left = MESSAGE_LIMIT - length(this.fields.message.trim());
    return plural(this.t(left < 0 ? 'over' : 'remaining'), Math.abs(left), this.language);
  }

  private errorFor(field: ContactField): FieldError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    // Usually loaded already, since the first focus in the form.
    const loaded = lazy ?? (await load());
    if (loaded) return loaded.submit(this);
    // Offline before the checking and sending code arrived: the same failure as an unreachable server; the draft is kept.
    this.failure = 0;
    this.phase = 'failed';
    this.emit('cl-contact-error', { status: 0, message: 'The sending code could not be loaded.' });
  }

  /** @internal */
  focusField(field: ContactField): void {
    this.renderRoot
      .querySelector<HTMLElement>(field === 'replyLanguage' ? '[name=replyLanguage]:checked' : `#${field}`)
      ?.focus();
  }

  protected override renderSkeleton(): TemplateResult {
    // Sized by the styles (label, input, text area): no inline styles for a strict CSP to refuse.
    return html`<div class="skeleton">
      ${[1, 2, 3, 4].map(() => html`<span class="cl-skeleton title"></span><span class="cl-skeleton"></span>`)}
      <span class="cl-skeleton area"></span>
    </div>`;
  }

  protected override renderContent(feed: Feed): TemplateResult {
    if (this.phase === 'sent') return lazy!.confirmation(this);
    const { t, phase, fields } = this;
    const topics = feed.contact?.topics ?? [];
    const privacy = feed.contact?.privacy && pick(feed.contact.privacy, this.language);
    const privacyUrl = privacy && safeUrl(privacy.text);
    return html`<form novalidate part="form" @submit=${this.onSubmit} @focusin=${load}>
      ${lazy?.summary(this)}
      <p class="intro">${t('intro')}</p>
      ${this.field('name', this.text('name'))} ${this.field('email', this.text('email', 'email-hint'), t('emailHint'))}
      ${this.field('organisation', this.text('organisation'))}
      ${
        topics.length > 0
          ? this.field(
              'topic',
              html`<select
                part="input"
                id="topic"
                name="topic"
                aria-invalid=${!!this.errorFor('topic')}
                aria-describedby=${this.describedBy('topic')}
                @change=${this.onInput}
              >
                <option value="" ?selected=${!fields.topic}>${t('topicChoose')}</option>
                ${topics.map((topic) => {
                  const label = pick(topic.label, this.language);
                  return html`<option
                    value=${topic.id}
                    lang=${ifDefined(langIf(label, this.language))}
                    ?selected=${topic.id === fields.topic}
                  >
                    ${label.text}
                  </option>`;
                })}
              </select>`,
            )
          : nothing
      }
      ${this.field(
        'message',
        html`<textarea
            part="input"
            id="message"
            name="message"
            rows="8"
            aria-invalid=${!!this.errorFor('message')}
            aria-describedby=${this.describedBy('message', 'message-hint message-limit')}
            .value=${fields.message}
            @input=${this.onInput}
          ></textarea>
          <span class="cl-visually-hidden" id="message-limit">${t('limitHint')}</span>
          <p class="count" ?data-over=${length(fields.message.trim()) > MESSAGE_LIMIT} aria-hidden="true">
            ${this.count()}
          </p>
          <p class="cl-visually-hidden" aria-live="polite">${this.said}</p>`,
        t('messageHint'),
      )}
      <fieldset class="field" part="field">
        <legend class="label">${t('replyLanguage')}</legend>
        ${this.error('replyLanguage')}
        <div class="choices">
          ${(['en', 'cy'] as const).map(
            (language) =>
              html`<label class="choice" lang=${ifDefined(language === this.language ? undefined : language)}>
                <input
                  type="radio"
                  name="replyLanguage"
                  value=${language}
                  .checked=${this.replyLanguage === language}
                  @change=${this.onInput}
                />
                ${language === 'cy' ? 'Cymraeg' : 'English'}
              </label>`,
          )}
        </div>
      </fieldset>
      ${
        this.consent
          ? html`<div class="field" part="field" ?data-invalid=${!!this.errorFor('consent')}>
              ${this.error('consent')}
              <label class="choice">
                <input
                  type="checkbox"
                  id="consent"
                  name="consent"
                  aria-invalid=${!!this.errorFor('consent')}
                  aria-describedby=${this.describedBy('consent')}
                  .checked=${fields.consent}
                  @change=${this.onInput}
                />
                ${t('consent')}
              </label>
            </div>`
          : nothing
      }
      <div class="honeypot" aria-hidden="true">
        <label for="website">${t('honeypot')}</label>
        <input
          id="website"
          name="website"
          type="text"
          tabindex="-1"
          autocomplete="off"
          .value=${fields.website}
          @input=${this.onInput}
        />
      </div>
      <div class="actions">
        ${
          this.url
            ? html`${
                  phase === 'retrying' || phase === 'failed'
                    ? // Shown by the sending code; if it could not be loaded, the other ways to get in touch.
                      (lazy?.status(this) ?? this.otherWays(t('failed'), true))
                    : nothing
                }
                <button
                  type="submit"
                  class="cl-button send"
                  part="send"
                  aria-disabled=${phase === 'sending' || phase === 'retrying'}
                >
                  ${t('send')}
                </button>
                <p class="sending" role="status">${phase === 'sending' ? t('sending') : ''}</p>`
            : this.otherWays(t('noEndpoint'), true)
        }
        <p class="privacy">
          ${t('privacy')}
          ${privacyUrl ? html`<a href=${privacyUrl} hreflang=${privacy.lang}>${t('privacyLink')}</a>` : nothing}
        </p>
      </div>
    </form>`;
  }

  /** A question: its label (each label's string is named after its field), hint, inline error and control. */
  private field(id: 'name' | 'email' | 'organisation' | 'topic' | 'message', control: TemplateResult, hint?: string) {
    const t = this.t;
    return html`<div class="field" part="field" ?data-invalid=${!!this.errorFor(id)}>
      <label class="label" for=${id}>${id === 'organisation' ? `${t(id)} ${t('optional')}` : t(id)}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${this.error(id)} ${control}
    </div>`;
  }

  private text(id: 'name' | 'email' | 'organisation', describedBy?: string) {
    return html`<input
      part="input"
      id=${id}
      name=${id}
      type=${id === 'email' ? 'email' : 'text'}
      autocomplete=${id === 'organisation' ? 'organization' : id}
      spellcheck=${id !== 'email'}
      aria-invalid=${!!this.errorFor(id)}
      aria-describedby=${this.describedBy(id, describedBy)}
      .value=${this.fields[id]}
      @input=${this.onInput}
    />`;
  }

  /** The inline error, shown by the checking code (there are errors only once it is loaded). */
  private error(field: ContactField) {
    return lazy?.error(this, field);
  }

  /** The hint ids given, then the inline error's. */
  private describedBy(field: ContactField, ids?: string) {
    return [ids, this.errorFor(field) && `${field}-error`].filter(Boolean).join(' ') || nothing;
  }

  /** The feed's phone, address, contact page and (when it has an email) a mailto link with the message filled in. */
  /** @internal */
  otherWays(intro: string, panel?: boolean) {
    const { t, contact, language, fields } = this;
    const address = contact?.address && pick(contact.address, language);
    const page = contact?.url && pick(contact.url, language);
    const pageUrl = page && safeUrl(page.text);
    const phone = contact?.phone;
    const phoneUrl = phone && safeUrl(`tel:${phone.replace(/[^\d+]/g, '')}`);
    const signature = [fields.name, fields.organisation, fields.email]
      .map((text) => text.trim())
      .filter(Boolean)
      .join('\n');
    const body = [fields.message.trim(), signature].filter(Boolean).join('\n\n');
    const mailUrl =
      contact?.email &&
      safeUrl(
        `mailto:${contact.email}?subject=${encodeURIComponent(t('mailSubject'))}&body=${encodeURIComponent(body)}`,
      );
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
    return panel
      ? html`<div class="cl-panel" data-tone="notice" part="status">${content}</div>`
      : mailUrl || phone || address || pageUrl
        ? content
        : nothing;
  }
}
