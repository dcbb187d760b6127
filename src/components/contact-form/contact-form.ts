import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import type { Contact, Feed, Topic } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { langIf, pick } from '../../i18n/local-text.js';
import { plural, translator } from '../../i18n/strings.js';
import { requestJson } from '../../internal/http.js';
import { safeUrl } from '../../internal/safe-url.js';
import { sessionStore } from '../../internal/storage.js';
import { styles } from './contact-form.styles.js';
import { contactFormStrings } from './contact-form.strings.js';

/*
 * The rules, the widget's copy (the receiver's is in server/contact.mjs; both
 * are documented in docs/contact-endpoint.md). Lengths count characters
 * (code points) after trimming.
 */
export const LIMITS = { name: 200, email: 254, organisation: 200, message: 2000 } as const;
export const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
/** A person who sends the form faster than this is probably a script; the message is still sent, flagged. */
export const MIN_FILL_MS = 3000;
export const SEND_TIMEOUT_MS = 15_000;
/** The pause before the one automatic retry. */
export const RETRY_DELAY_MS = 2000;
const DRAFT_SAVE_MS = 400;
const ANNOUNCE_MS = 1000;

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

interface Fields {
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
interface PendingSend {
  content: string;
  key: string;
  payload: ContactPayload;
}

interface SavedDraft {
  fields: Fields;
  pending?: PendingSend;
}

type Phase = 'editing' | 'sending' | 'retrying' | 'failed' | 'sent';
type Failure = { kind: 'network' } | { kind: 'refused'; status: number } | { kind: 'host' };
type Outcome =
  | { kind: 'sent'; reference: string }
  | { kind: 'retryable'; status: number; message: string }
  | { kind: 'fields'; errors: FieldError[]; status: number }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'host'; message: string };

const EMPTY: Fields = { name: '', email: '', organisation: '', topic: '', message: '', replyLanguage: '', consent: false, website: '' };
const FIELD_ORDER: ContactField[] = ['name', 'email', 'organisation', 'topic', 'message', 'replyLanguage', 'consent'];

const length = (text: string): number => [...text].length;

/** The client-side rules; `topics` are the ids offered (none: the topic is not asked). */
export function validateFields(fields: Fields, options: { topics: string[]; consent: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  const name = fields.name.trim();
  const email = fields.email.trim();
  const message = fields.message.trim();
  if (!name) errors.push({ field: 'name', code: 'required' });
  else if (length(name) > LIMITS.name) errors.push({ field: 'name', code: 'too-long' });
  if (!email) errors.push({ field: 'email', code: 'required' });
  else if (length(email) > LIMITS.email) errors.push({ field: 'email', code: 'too-long' });
  else if (!EMAIL_PATTERN.test(email)) errors.push({ field: 'email', code: 'invalid' });
  if (length(fields.organisation.trim()) > LIMITS.organisation) errors.push({ field: 'organisation', code: 'too-long' });
  if (options.topics.length > 0) {
    if (!fields.topic) errors.push({ field: 'topic', code: 'required' });
    else if (!options.topics.includes(fields.topic)) errors.push({ field: 'topic', code: 'invalid' });
  }
  if (!message) errors.push({ field: 'message', code: 'required' });
  else if (length(message) > LIMITS.message) errors.push({ field: 'message', code: 'too-long' });
  if (options.consent && !fields.consent) errors.push({ field: 'consent', code: 'required' });
  return errors;
}

/** A random UUID: `crypto.randomUUID` exists only in secure contexts, so plain-http intranets build one from getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, code } = value as Record<string, unknown>;
  return FIELD_ORDER.includes(field as ContactField) && (code === 'required' || code === 'too-long' || code === 'invalid');
}

/**
 * The page's "Contact us" form, in English or Welsh: native fields with
 * labels and hints, GOV.UK-style validation (error summary, inline errors),
 * a draft kept for the tab's life, and a send that never loses a message
 * (one automatic retry, then a retry button; an Idempotency-Key per content
 * so the receiver stores each message once). Without an endpoint it offers
 * the feed's other contact routes.
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
 * @cssprop --cl-color-error - Error text and borders (default #d4351c).
 * @cssprop --cl-color-success - The confirmation panel's border (default #00703c).
 * @cssprop --cl-color-border - Input borders (default #0b0c0c).
 * @cssprop --cl-color-accent - Button colour.
 * @cssprop --cl-font-family - Font family (default: inherited from the page).
 */
export class ClContactForm extends FeedWidget {
  static override styles = [...FeedWidget.styles, styles];

  /** Where the form posts; overrides the feed's `contact.endpoint`. */
  @property({ reflect: true }) endpoint = '';
  /** A topic id to preselect (one of the feed's contact topics). */
  @property({ reflect: true }) topic = '';
  /** Asks for explicit consent with a required checkbox (a public body normally relies on its public task instead). */
  @property({ type: Boolean, reflect: true }) consent = false;

  @state() private fields: Fields = { ...EMPTY };
  @state() private errors: FieldError[] = [];
  @state() private phase: Phase = 'editing';
  @state() private failure: Failure | undefined;
  @state() private reference = '';
  @state() private countAnnouncement = '';

  private pending: PendingSend | undefined;
  private restored = false;
  private startedAt = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

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
    clearTimeout(this.announceTimer);
    clearTimeout(this.retryTimer);
  }

  /** One draft per page and form, so two forms on a page keep their own. */
  private get draftKey(): string {
    return `contact-draft:${location.pathname}#${this.id}`;
  }

  private saveDraft(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const draft: SavedDraft = { fields: this.fields, ...(this.pending && { pending: this.pending }) };
    sessionStore.set(this.draftKey, draft);
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveDraft(), DRAFT_SAVE_MS);
  }

  private get t() {
    return translator(contactFormStrings, this.language);
  }

  private contact(): Contact | undefined {
    return this.feed.state.status === 'ready' ? this.feed.state.feed.contact : undefined;
  }

  private topics(): Topic[] {
    return this.contact()?.topics ?? [];
  }

  /** The endpoint attribute, else the feed's; only http(s) addresses are posted to. */
  private resolvedEndpoint(): string | undefined {
    const url = safeUrl(this.endpoint || this.contact()?.endpoint);
    return url && /^https?:/.test(url) ? url : undefined;
  }

  private replyLanguage(): Language {
    return this.fields.replyLanguage || this.language;
  }

  private setField(field: keyof Fields, value: string | boolean): void {
    this.fields = { ...this.fields, [field]: value };
    this.scheduleSave();
    if (field === 'message') {
      clearTimeout(this.announceTimer);
      // Announced once typing pauses, not on every key.
      this.announceTimer = setTimeout(() => (this.countAnnouncement = this.countText()), ANNOUNCE_MS);
    }
  }

  private countText(): string {
    const left = LIMITS.message - length(this.fields.message.trim());
    return left >= 0 ? plural(this.t('remaining'), left, this.language) : plural(this.t('over'), -left, this.language);
  }

  private errorText(error: FieldError): string {
    const key = `${error.field}${error.code === 'too-long' ? 'TooLong' : error.code === 'required' ? 'Required' : 'Invalid'}`;
    const table = contactFormStrings as Record<string, { en: unknown; cy: unknown }>;
    const text = table[key]?.[this.language];
    return typeof text === 'string' ? text : this.t('fieldInvalid');
  }

  private errorFor(field: ContactField): FieldError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  private content(): string {
    const f = this.fields;
    return JSON.stringify([f.name.trim(), f.email.trim(), f.organisation.trim(), f.topic, f.message.trim(), this.replyLanguage(), f.consent]);
  }

  /** The payload and key for the current content: the same content reuses its key, new content takes a new one. */
  private sendFor(): PendingSend {
    const content = this.content();
    if (this.pending?.content === content) return this.pending;
    const f = this.fields;
    const suspectReason = f.website ? 'honeypot' : !this.restored && performance.now() - this.startedAt < MIN_FILL_MS ? 'too-fast' : undefined;
    const topic = this.topics().length > 0 ? f.topic : '';
    const payload: ContactPayload = {
      name: f.name.trim(),
      email: f.email.trim(),
      ...(f.organisation.trim() && { organisation: f.organisation.trim() }),
      ...(topic && { topic }),
      message: f.message.trim(),
      replyLanguage: this.replyLanguage(),
      language: this.language,
      ...(this.consent && { consent: f.consent, consentRequired: true }),
      ...(suspectReason && { suspect: true, suspectReason }),
    };
    this.pending = { content, key: newIdempotencyKey(), payload };
    return this.pending;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.phase === 'sending' || this.phase === 'retrying' || !this.resolvedEndpoint()) return;
    clearTimeout(this.retryTimer);
    this.errors = validateFields(this.fields, { topics: this.topics().map((t) => t.id), consent: this.consent });
    if (this.errors.length > 0) {
      this.failure = undefined;
      this.phase = 'editing';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    await this.send(true);
  }

  private async send(mayRetry: boolean): Promise<void> {
    const endpoint = this.resolvedEndpoint();
    if (!endpoint) return;
    const pending = this.sendFor();
    this.saveDraft();
    this.phase = 'sending';
    let hostResult: Promise<{ reference: string }> | undefined;
    const delivered = this.emit(
      'cl-contact-submit',
      { payload: pending.payload, idempotencyKey: pending.key, respondWith: (result) => (hostResult = result) },
      { cancelable: true },
    );
    const outcome = delivered ? await this.post(endpoint, pending) : await this.hostOutcome(hostResult);
    await this.show(outcome, mayRetry);
  }

  private async post(endpoint: string, pending: PendingSend): Promise<Outcome> {
    const result = await requestJson<{ reference?: unknown }>(endpoint, {
      method: 'POST',
      json: pending.payload,
      headers: { 'Idempotency-Key': pending.key },
      timeoutMs: SEND_TIMEOUT_MS,
      maxBytes: 100_000,
    });
    if (result.ok) {
      const reference = typeof result.data?.reference === 'string' ? result.data.reference : '';
      return { kind: 'sent', reference };
    }
    const status = result.status ?? 0;
    // No answer, a server fault or "try later": the key makes a retry safe.
    if (result.kind !== 'http' || status >= 500 || status === 408 || status === 429) return { kind: 'retryable', status, message: result.message };
    const listed = (result.data as { errors?: unknown } | undefined)?.errors;
    const errors = Array.isArray(listed) ? listed.filter(isFieldError) : [];
    if (status === 422 && errors.length > 0) return { kind: 'fields', errors, status };
    return { kind: 'refused', status, message: result.message };
  }

  private async hostOutcome(result: Promise<{ reference: string }> | undefined): Promise<Outcome> {
    if (!result) return { kind: 'host', message: 'cl-contact-submit was cancelled without respondWith().' };
    try {
      const { reference } = await result;
      return { kind: 'sent', reference: typeof reference === 'string' ? reference : '' };
    } catch (error) {
      return { kind: 'host', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private async show(outcome: Outcome, mayRetry: boolean): Promise<void> {
    switch (outcome.kind) {
      case 'sent':
        sessionStore.remove(this.draftKey);
        clearTimeout(this.saveTimer);
        this.saveTimer = undefined;
        this.pending = undefined;
        this.reference = outcome.reference;
        this.failure = undefined;
        this.phase = 'sent';
        this.emit('cl-contact-sent', { reference: outcome.reference });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
        return;
      case 'retryable':
        this.failure = { kind: 'network' };
        if (mayRetry) {
          this.phase = 'retrying';
          this.retryTimer = setTimeout(() => void this.send(false), RETRY_DELAY_MS);
          return;
        }
        this.phase = 'failed';
        this.emit('cl-contact-error', { status: outcome.status, message: outcome.message });
        return;
      case 'fields':
        this.failure = undefined;
        this.phase = 'editing';
        this.errors = [...outcome.errors].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
        this.emit('cl-contact-error', { status: outcome.status, message: 'The server found problems in the answers.' });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
        return;
      case 'refused':
        this.failure = { kind: 'refused', status: outcome.status };
        this.phase = 'failed';
        this.emit('cl-contact-error', { status: outcome.status, message: outcome.message });
        return;
      case 'host':
        this.failure = { kind: 'host' };
        this.phase = 'failed';
        this.emit('cl-contact-error', { status: 0, message: outcome.message });
        return;
    }
  }

  private focusField(field: ContactField): void {
    const target =
      field === 'replyLanguage'
        ? this.renderRoot.querySelector<HTMLInputElement>('input[name="replyLanguage"]:checked, input[name="replyLanguage"]')
        : this.renderRoot.querySelector<HTMLElement>(`#${field}`);
    target?.focus();
  }

  private async sendAnother(): Promise<void> {
    this.fields = { ...EMPTY, topic: this.topic };
    this.errors = [];
    this.reference = '';
    this.phase = 'editing';
    this.restored = false;
    this.startedAt = performance.now();
    await this.updateComplete;
    this.focusField('name');
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="skeleton">
      ${[1, 2, 3, 4].map(() => html`<span class="cl-skeleton" style="height: 1.2em; width: 40%"></span><span class="cl-skeleton" style="height: 2.75em"></span>`)}
      <span class="cl-skeleton" style="height: 8em"></span>
    </div>`;
  }

  protected override renderContent(feed: Feed): TemplateResult {
    if (this.phase === 'sent') return this.renderConfirmation();
    const t = this.t;
    const endpoint = this.resolvedEndpoint();
    const topics = feed.contact?.topics ?? [];
    return html`<form novalidate part="form" @submit=${this.onSubmit}>
      ${this.renderErrorSummary()}
      <p class="intro">${t('intro')}</p>
      ${this.renderInput('name', t('name'), { autocomplete: 'name' })}
      ${this.renderInput('email', t('email'), { autocomplete: 'email', type: 'email', hint: t('emailHint') })}
      ${this.renderInput('organisation', t('organisation'), { autocomplete: 'organization', optional: true })}
      ${topics.length > 0 ? this.renderTopics(topics) : nothing} ${this.renderMessage()} ${this.renderReplyLanguage()}
      ${this.consent ? this.renderConsent() : nothing} ${this.renderHoneypot()}
      <div class="actions">
        ${endpoint ? this.renderSendArea() : this.renderOtherWays(this.t('noEndpoint'), true)} ${this.renderPrivacy(feed.contact)}
      </div>
    </form>`;
  }

  private renderErrorSummary() {
    if (this.errors.length === 0) return nothing;
    return html`<div class="error-summary" tabindex="-1" part="error-summary">
      <div role="alert">
        <h2 class="error-summary-title">${this.t('errorSummary')}</h2>
        <ul>
          ${this.errors.map(
            (error) =>
              html`<li>
                <a
                  href=${`#${error.field}`}
                  @click=${(event: Event) => {
                    // A fragment link cannot reach into the shadow root and would change the host page's URL.
                    event.preventDefault();
                    this.focusField(error.field);
                  }}
                  >${this.errorText(error)}</a
                >
              </li>`,
          )}
        </ul>
      </div>
    </div>`;
  }

  private renderError(field: ContactField) {
    const error = this.errorFor(field);
    if (!error) return nothing;
    return html`<p class="error-message" id=${`${field}-error`}>
      <span class="cl-visually-hidden">${this.t('errorPrefix')}</span> ${this.errorText(error)}
    </p>`;
  }

  private describedBy(field: ContactField, ...ids: string[]): string | undefined {
    const all = [...ids, ...(this.errorFor(field) ? [`${field}-error`] : [])];
    return all.length > 0 ? all.join(' ') : undefined;
  }

  private renderLabel(field: ContactField, label: string, optional = false) {
    // One text node: a template's leading space would not survive template minification.
    return html`<label class="label" for=${field}>${optional ? `${label} ${this.t('optional')}` : label}</label>`;
  }

  private renderInput(
    field: 'name' | 'email' | 'organisation',
    label: string,
    options: { autocomplete: 'name' | 'email' | 'organization'; type?: 'text' | 'email'; hint?: string; optional?: boolean },
  ) {
    const invalid = this.errorFor(field) !== undefined;
    return html`<div class="field" part="field" ?data-invalid=${invalid}>
      ${this.renderLabel(field, label, options.optional)}
      ${options.hint ? html`<p class="hint" id=${`${field}-hint`}>${options.hint}</p>` : nothing} ${this.renderError(field)}
      <input
        part="input"
        id=${field}
        name=${field}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete}
        spellcheck=${options.type === 'email' ? 'false' : 'true'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy(field, ...(options.hint ? [`${field}-hint`] : [])))}
        .value=${this.fields[field]}
        @input=${(event: Event) => this.setField(field, (event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderTopics(topics: Topic[]) {
    const invalid = this.errorFor('topic') !== undefined;
    return html`<div class="field" part="field" ?data-invalid=${invalid}>
      ${this.renderLabel('topic', this.t('topic'))} ${this.renderError('topic')}
      <select
        part="input"
        id="topic"
        name="topic"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy('topic'))}
        @change=${(event: Event) => this.setField('topic', (event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!this.fields.topic}>${this.t('topicChoose')}</option>
        ${topics.map((topic) => {
          const label = pick(topic.label, this.language);
          return html`<option value=${topic.id} lang=${ifDefined(langIf(label, this.language))} ?selected=${topic.id === this.fields.topic}>
            ${label.text}
          </option>`;
        })}
      </select>
    </div>`;
  }

  private renderMessage() {
    const invalid = this.errorFor('message') !== undefined;
    const over = length(this.fields.message.trim()) > LIMITS.message;
    return html`<div class="field" part="field" ?data-invalid=${invalid}>
      ${this.renderLabel('message', this.t('message'))}
      <p class="hint" id="message-hint">${this.t('messageHint')}</p>
      ${this.renderError('message')}
      <textarea
        part="input"
        id="message"
        name="message"
        rows="8"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy('message', 'message-hint', 'message-limit'))}
        .value=${this.fields.message}
        @input=${(event: Event) => this.setField('message', (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span class="cl-visually-hidden" id="message-limit">${this.t('limitHint')}</span>
      <p class="count" ?data-over=${over} aria-hidden="true">${this.countText()}</p>
      <p class="cl-visually-hidden" aria-live="polite">${this.countAnnouncement}</p>
    </div>`;
  }

  private renderReplyLanguage() {
    const chosen = this.replyLanguage();
    const option = (value: Language, label: string) =>
      html`<label class="choice" lang=${ifDefined(value === this.language ? undefined : value)}>
        <input
          type="radio"
          name="replyLanguage"
          value=${value}
          .checked=${chosen === value}
          @change=${() => this.setField('replyLanguage', value)}
        />
        ${label}
      </label>`;
    return html`<fieldset class="field" part="field">
      <legend class="label">${this.t('replyLanguage')}</legend>
      ${this.renderError('replyLanguage')}
      <div class="choices">${option('en', 'English')} ${option('cy', 'Cymraeg')}</div>
    </fieldset>`;
  }

  private renderConsent() {
    const invalid = this.errorFor('consent') !== undefined;
    return html`<div class="field" part="field" ?data-invalid=${invalid}>
      ${this.renderError('consent')}
      <label class="choice">
        <input
          type="checkbox"
          id="consent"
          name="consent"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy('consent'))}
          .checked=${this.fields.consent}
          @change=${(event: Event) => this.setField('consent', (event.target as HTMLInputElement).checked)}
        />
        ${this.t('consent')}
      </label>
    </div>`;
  }

  /** Hidden from people and assistive technology; scripts that fill every field fill it. */
  private renderHoneypot() {
    return html`<div class="honeypot" aria-hidden="true">
      <label for="website">${this.t('honeypot')}</label>
      <input
        id="website"
        name="website"
        type="text"
        tabindex="-1"
        autocomplete="off"
        .value=${this.fields.website}
        @input=${(event: Event) => this.setField('website', (event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderSendArea() {
    const t = this.t;
    const busy = this.phase === 'sending' || this.phase === 'retrying';
    const failure = this.failure;
    return html`${this.phase === 'retrying'
        ? html`<div class="cl-panel" data-tone="notice" role="alert" part="status"><p>${t('retrying')}</p></div>`
        : nothing}
      ${this.phase === 'failed' && failure ? this.renderFailure(failure) : nothing}
      <button type="submit" class="cl-button send" part="send" aria-disabled=${busy ? 'true' : 'false'}>${t('send')}</button>
      <p class="sending" role="status">${this.phase === 'sending' ? t('sending') : ''}</p>`;
  }

  private renderFailure(failure: Failure) {
    const t = this.t;
    const text = failure.kind === 'network' ? t('failed') : failure.kind === 'refused' ? t('refused')(failure.status) : t('hostFailed');
    return html`<div class="cl-panel" data-tone="error" role="alert" part="status">
      <p><strong>${t('failedTitle')}</strong></p>
      <p>${text}</p>
      <button type="submit" class="cl-button" data-variant="secondary">${t('retry')}</button>
      ${this.renderOtherWays(t('otherWays'), false)}
    </div>`;
  }

  /** The feed's phone, address, contact page and (when it has an email) a mailto link with the message filled in. */
  private renderOtherWays(intro: string, panel: boolean) {
    const t = this.t;
    const contact = this.contact();
    const address = contact?.address ? pick(contact.address, this.language) : undefined;
    const page = contact?.url ? pick(contact.url, this.language) : undefined;
    const pageUrl = page ? safeUrl(page.text) : undefined;
    const phoneUrl = contact?.phone ? safeUrl(`tel:${contact.phone.replace(/[^\d+]/g, '')}`) : undefined;
    const mailUrl = contact?.email ? safeUrl(this.mailto(contact.email)) : undefined;
    const list = html`<ul class="other-ways">
      ${mailUrl ? html`<li><a href=${mailUrl}>${t('emailUs')}</a></li>` : nothing}
      ${contact?.phone
        ? html`<li>${t('phone')}: ${phoneUrl ? html`<a href=${phoneUrl}>${contact.phone}</a>` : contact.phone}</li>`
        : nothing}
      ${address
        ? html`<li>${t('address')}: <span class="address" lang=${ifDefined(langIf(address, this.language))}>${address.text}</span></li>`
        : nothing}
      ${pageUrl && page ? html`<li><a href=${pageUrl} hreflang=${page.lang}>${t('contactPage')}</a></li>` : nothing}
    </ul>`;
    if (!panel) return mailUrl || contact?.phone || address || pageUrl ? html`<p>${intro}</p>${list}` : nothing;
    return html`<div class="cl-panel" data-tone="notice" part="status"><p>${intro}</p>${list}</div>`;
  }

  private mailto(email: string): string {
    const f = this.fields;
    const signature = [f.name.trim(), f.organisation.trim(), f.email.trim()].filter(Boolean).join('\n');
    const body = [f.message.trim(), signature].filter(Boolean).join('\n\n');
    return `mailto:${email}?subject=${encodeURIComponent(this.t('mailSubject'))}&body=${encodeURIComponent(body)}`;
  }

  private renderPrivacy(contact: Contact | undefined) {
    const link = contact?.privacy ? pick(contact.privacy, this.language) : undefined;
    const url = link ? safeUrl(link.text) : undefined;
    return html`<p class="privacy">
      ${this.t('privacy')} ${url && link ? html`<a href=${url} hreflang=${link.lang}>${this.t('privacyLink')}</a>` : nothing}
    </p>`;
  }

  private renderConfirmation() {
    const t = this.t;
    return html`<div class="cl-panel confirmation" data-tone="success" tabindex="-1" part="confirmation">
      <h2 class="confirmation-title">${t('sentTitle')}</h2>
      ${this.reference ? html`<p>${t('reference')} <strong class="reference">${this.reference}</strong></p>` : nothing}
      <p>${t('sentBody')}</p>
      <button type="button" class="cl-button" data-variant="secondary" @click=${this.sendAnother}>${t('sendAnother')}</button>
    </div>`;
  }
}
