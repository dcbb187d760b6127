/**
 * The checking and sending half of <cl-contact-form>, loaded with
 * `import('./contact-form.lazy.js')` as soon as a person starts to fill in the
 * form (the first focus or input in it; a send waits for it). `ContactSender`
 * is a reactive controller that reaches the widget only through
 * `ContactFormHost` and `ContactFormAccess`: it owns the send's phase, its errors, its timers and its
 * Idempotency-Key, and renders the error summary, the inline errors, the
 * status panels and the confirmation. docs/widgets/contact-form.md says what
 * it weighs.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveController } from '../../internal/base-element.js';
import { formatCount, plural, translator } from '../../i18n/strings.js';
import { requestJson } from '../../internal/http.js';
import { toJson } from '../../internal/json.js';
import { heading, headingLevel } from '../../internal/heading.js';
import { EMAIL_PATTERN, FIELD_LIMITS, MIN_FILL_MS, textLength } from '../../internal/contact-rules.js';
import { senderStrings } from './contact-form.lazy.strings.js';
import type {
  ContactField,
  ContactFormAccess,
  ContactFormHost,
  ContactPayload,
  FieldError,
  FieldErrorCode,
  Fields,
  PendingSend,
  SendPhase,
} from './contact-form.types.js';

export { senderStyles } from './contact-form.lazy.styles.js';

const SEND_TIMEOUT_MS = 15_000;
/** The pause before the one automatic retry. */
const RETRY_DELAY_MS = 2000;
/** The pause after a 429 whose Retry-After is missing or unreadable (not exposed to the page by CORS). */
const DEFAULT_RATE_LIMIT_WAIT_S = 60;
/** A longer Retry-After is shortened to this: the draft is kept anyway, and a page is rarely open for longer. */
const MAX_RATE_LIMIT_WAIT_S = 3600;
/** The error summary's and the confirmation's heading level without (or with an unusable) `heading-level`. */
const DEFAULT_HEADING_LEVEL = 2;

const FIELD_ORDER: readonly ContactField[] = [
  'name',
  'email',
  'organisation',
  'topic',
  'message',
  'replyLanguage',
  'consent',
];
const ERROR_CODES: readonly FieldErrorCode[] = ['required', 'too-long', 'invalid'];
const inFormOrder = (errors: FieldError[]): FieldError[] =>
  errors.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));

/** The client-side rules (src/internal/contact-rules.js); errors come in the form's order. */
function validateFields(fields: Readonly<Fields>, topics: readonly string[], consent: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: ContactField, code: FieldErrorCode) => errors.push({ field, code });
  for (const field of ['name', 'email', 'organisation', 'message'] as const) {
    const text = fields[field].trim();
    if (!text) {
      if (field !== 'organisation') add(field, 'required');
    } else if (textLength(text) > FIELD_LIMITS[field]) add(field, 'too-long');
    else if (field === 'email' && !EMAIL_PATTERN.test(text)) add(field, 'invalid');
  }
  if (topics.length > 0 && !topics.includes(fields.topic)) add('topic', fields.topic ? 'invalid' : 'required');
  if (consent && !fields.consent) add('consent', 'required');
  return inFormOrder(errors);
}

/**
 * A random UUID (version 4) from getRandomValues: `crypto.randomUUID` exists only in secure contexts, and plain-http
 * intranets are not. Each 0 and 1 of the pattern becomes a random hex digit, each 8 one of 8 to b (the variant).
 */
const newIdempotencyKey = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+digit / 4)))).toString(16),
  );

/** A 429's wait in whole seconds: `Retry-After` as seconds or as an HTTP date, else the default. */
function retryAfterSeconds(header: string | null | undefined): number {
  const value = header?.trim() ?? '';
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  if (!Number.isFinite(seconds)) return DEFAULT_RATE_LIMIT_WAIT_S;
  return Math.min(Math.max(seconds, 1), MAX_RATE_LIMIT_WAIT_S);
}

/** The selector of a field's control (the reply language: its checked radio). */
const controlOf = (field: ContactField): string =>
  field === 'replyLanguage' ? '[name=replyLanguage]:checked' : `#${field}`;

/**
 * A send of the contact form: the checks, the Idempotency-Key per content,
 * the post (or the host's delivery through `respondWith`), the one automatic
 * retry, the receiver's requested wait, and what the person sees of each.
 */
export class ContactSender implements ReactiveController {
  phase: SendPhase = 'editing';

  readonly #host: ContactFormHost;
  readonly #form: ContactFormAccess;
  #errors: FieldError[] = [];
  /** Why the last send failed: the receiver's status, 0 for no answer, -1 for the host's delivery. */
  #failure: number | undefined;
  #reference = '';
  /** The wait the receiver asked for (429), in seconds. */
  #waitSeconds = 0;
  #pending: PendingSend | undefined;
  #restored: boolean;
  #shownAt: number;
  /** The retry that is due: kept while the element is out of the document, so a moved form still sends. */
  #due: { at: number; send: () => void } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ContactFormHost, form: ContactFormAccess) {
    this.#host = host;
    this.#form = form;
    this.#pending = form.pending;
    this.#restored = form.restored;
    this.#shownAt = form.shownAt;
  }

  hostConnected(): void {
    this.#startTimer();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** The unconfirmed send, kept with the draft. */
  get pending(): PendingSend | undefined {
    return this.#pending;
  }

  /** A send is under way (sending, or a retry or a wait is due): the send button does nothing. */
  get busy(): boolean {
    const { phase } = this;
    return phase === 'sending' || phase === 'retrying' || phase === 'waiting';
  }

  /** The send button's status line: "Sending your message…" while sending. */
  sendingText(): string {
    return this.phase === 'sending' ? this.#t()('sending') : '';
  }

  errorFor(field: ContactField): FieldError | undefined {
    return this.#errors.find((e) => e.field === field);
  }

  /** A send of the form (its submit, or the retry button): the checks, then the post unless one is under way. */
  submit(): void {
    const form = this.#form;
    if (
      !this.busy &&
      form.sendTo() &&
      !this.#showErrors(validateFields(form.fields(), form.topicIds(), this.#host.consent))
    )
      void this.#send(true);
  }

  #show(phase: SendPhase, failure?: number): void {
    this.phase = phase;
    this.#failure = failure;
    this.#host.requestUpdate();
  }

  /** (Re)starts the timer of the due retry or wait, for the time it has left. */
  #startTimer(): void {
    const due = this.#due;
    clearTimeout(this.#timer);
    if (due)
      this.#timer = setTimeout(() => {
        this.#due = undefined;
        due.send();
      }, due.at - performance.now());
  }

  #schedule(ms: number, send: () => void): void {
    this.#due = { at: performance.now() + ms, send };
    this.#startTimer();
  }

  /**
   * Shows field errors, the form's own or a 422's (of which only known fields
   * and codes count), in the order of the questions, in a focused summary.
   * False when there are none.
   */
  #showErrors(list: unknown[]): boolean {
    const known = (this.#errors = inFormOrder(
      (list as FieldError[]).filter((e) => FIELD_ORDER.includes(e?.field) && ERROR_CODES.includes(e.code)),
    ));
    if (!known.length) return false;
    this.#show('editing');
    void this.#focus('.error-summary');
    return true;
  }

  /** The payload and key for the current content: the same content reuses its key, new content takes a new one. */
  #pendingSend(): PendingSend {
    const { language, consent: consentRequired } = this.#host;
    const f = this.#form.fields();
    const topicIds = this.#form.topicIds();
    const topic = topicIds.length ? f.topic : '';
    const organisation = f.organisation.trim();
    const payload: ContactPayload = {
      name: f.name.trim(),
      email: f.email.trim(),
      ...(organisation && { organisation }),
      ...(topic && { topic }),
      message: f.message.trim(),
      replyLanguage: f.replyLanguage || language,
      language,
      ...(consentRequired && { consent: f.consent, consentRequired: true }),
    };
    // The content the key belongs to: what the receiver stores, not the spam flags or the form's language.
    const content = toJson([
      payload.name,
      payload.email,
      organisation,
      f.topic,
      payload.message,
      payload.replyLanguage,
      f.consent,
    ]);
    if (this.#pending?.content === content) return this.#pending;
    const suspectReason = f.website
      ? 'honeypot'
      : !this.#restored && performance.now() - this.#shownAt < MIN_FILL_MS
        ? 'too-fast'
        : undefined;
    if (suspectReason) Object.assign(payload, { suspect: true, suspectReason });
    return (this.#pending = { content, key: newIdempotencyKey(), payload });
  }

  /**
   * Sends the valid form (to the endpoint, or through the host's `respondWith`) and shows the outcome: stored;
   * a 429's wait, then the same send; no answer or a server fault, one automatic retry (the key makes it safe);
   * a 422's field errors at their fields; else a failure.
   */
  async #send(mayRetry: boolean): Promise<void> {
    const form = this.#form;
    const endpoint = form.sendTo();
    if (!endpoint) return;
    const { payload, key } = this.#pendingSend();
    form.saveDraft(this.#pending);
    this.#show('sending');
    let hostResult: Promise<{ reference: string }> | undefined;
    const delivered = form.emit(
      'cl-contact-submit',
      { payload, idempotencyKey: key, respondWith: (result) => (hostResult = result) },
      { cancelable: true },
    );
    if (!delivered) return this.#hostDelivery(hostResult);
    const result = await requestJson<{ reference?: unknown }>(endpoint, {
      method: 'POST',
      json: payload,
      headers: { 'Idempotency-Key': key },
      timeoutMs: SEND_TIMEOUT_MS,
      maxBytes: 100_000,
    });
    if (result.ok) return this.#stored(result.data?.reference);
    const status = result.status ?? 0;
    const { kind, message } = result;
    if (kind === 'http' && status === 429) {
      // The receiver's "not now": wait as asked, then send again; the automatic retry is still unused.
      this.#waitSeconds = retryAfterSeconds(result.headers?.get('Retry-After'));
      this.#show('waiting');
      return this.#schedule(this.#waitSeconds * 1000, () => void this.#send(mayRetry));
    }
    if (kind !== 'http' || status >= 500 || status === 408) {
      if (!mayRetry) return this.#fail(status, message, 0);
      this.#show('retrying', 0);
      return this.#schedule(RETRY_DELAY_MS, () => void this.#send(false));
    }
    const listed = (result.data as { errors?: unknown } | undefined)?.errors;
    if (status !== 422 || !Array.isArray(listed) || !this.#showErrors(listed)) return this.#fail(status, message);
    form.emit('cl-contact-error', { status, message: 'The server found problems in the answers.' });
  }

  async #hostDelivery(result: Promise<{ reference: string }> | undefined): Promise<void> {
    try {
      if (!result) throw new Error('cl-contact-submit was cancelled without respondWith().');
      this.#stored((await result).reference);
    } catch (error) {
      this.#fail(0, error instanceof Error ? error.message : String(error), -1);
    }
  }

  /** What the person sees of a failure: `shown` is the status, 0 for no answer or -1 for the host's delivery. */
  #fail(status: number, message: string, shown = status): void {
    this.#show('failed', shown);
    this.#form.emit('cl-contact-error', { status, message });
  }

  #stored(reference: unknown): void {
    this.#form.clear();
    this.#pending = undefined;
    this.#reference = typeof reference === 'string' ? reference : '';
    this.#show('sent');
    this.#form.emit('cl-contact-sent', { reference: this.#reference });
    void this.#focus('.confirmation');
  }

  /** Moves focus to the first element matching `selector` in the widget: at once, or once a pending render is done. */
  async #focus(selector: string): Promise<void> {
    // At once when nothing is waiting to render (a summary link's click), else once rendered.
    const host = this.#host;
    if (host.isUpdatePending) await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** An empty form for another message, timed afresh. */
  #onSendAnother(): void {
    this.#restored = false;
    this.#shownAt = performance.now();
    this.#errors = [];
    this.#show('editing');
    void this.#focus(controlOf('name'));
  }

  #t() {
    return translator(senderStrings, this.#host.language);
  }

  /** A field error's message in the form's language (its string is named after the field and code); a too-long one names the field's limit. */
  #errorText({ field, code }: FieldError): string {
    const { language } = this.#host;
    const key = field + (code === 'too-long' ? 'TooLong' : code === 'required' ? 'Required' : 'Invalid');
    const text = (senderStrings as Record<string, { en: unknown; cy: unknown } | undefined>)[key]?.[language];
    if (typeof text === 'function') return text(formatCount(FIELD_LIMITS[field as keyof typeof FIELD_LIMITS]));
    return typeof text === 'string' ? text : this.#t()('fieldInvalid');
  }

  /** The 429 wait in words: seconds under a minute, else whole minutes (rounded up). */
  #waitText(): string {
    const seconds = this.#waitSeconds;
    const inSeconds = seconds < 60;
    return plural(
      this.#t()(inSeconds ? 'seconds' : 'minutes'),
      inSeconds ? seconds : Math.ceil(seconds / 60),
      this.#host.language,
    );
  }

  #heading(name: string, content: string): TemplateResult {
    return heading(headingLevel(this.#host.headingLevel, DEFAULT_HEADING_LEVEL), name, content);
  }

  /** The focused "There is a problem" summary, whose links move focus to each field; nothing without errors. */
  renderSummary(): TemplateResult | typeof nothing {
    if (this.#errors.length === 0) return nothing;
    return html`<div class="error-summary" tabindex="-1" part="error-summary">
      <div role="alert">
        ${this.#heading('error-summary-title', this.#t()('errorSummary'))}
        <ul>
          ${this.#errors.map(
            (error) =>
              html`<li>
                <a
                  href="#${error.field}"
                  @click=${(event: Event) => {
                    // A fragment link cannot reach into the shadow root and would change the host page's URL.
                    event.preventDefault();
                    void this.#focus(controlOf(error.field));
                  }}
                  >${this.#errorText(error)}</a
                >
              </li>`,
          )}
        </ul>
      </div>
    </div>`;
  }

  /** A field's inline error (its id is in the control's aria-describedby), with the hidden "Error:" prefix. */
  renderError(field: ContactField): TemplateResult | typeof nothing {
    const found = this.errorFor(field);
    return found
      ? html`<p class="error-message" id="${field}-error">
          <span class="cl-visually-hidden">${this.#t()('errorPrefix')}</span> ${this.#errorText(found)}
        </p>`
      : nothing;
  }

  /** While retrying or waiting, the notice; once failed, why, the retry button and the other ways to get in touch. */
  renderStatus(): TemplateResult | typeof nothing {
    const t = this.#t();
    const { phase } = this;
    const failure = this.#failure;
    if (phase === 'retrying' || phase === 'waiting')
      return html`<div
        class="cl-panel ${phase === 'waiting' ? 'rate-limited' : ''}"
        data-tone="notice"
        role="alert"
        part="status"
      >
        <p>${phase === 'waiting' ? t('rateLimited')(this.#waitText()) : t('retrying')}</p>
      </div>`;
    if (phase !== 'failed') return nothing;
    return html`<div class="cl-panel" data-tone="error" role="alert" part="status">
      <p><strong>${t('failedTitle')}</strong></p>
      <p>${failure ? (failure > 0 ? t('refused')(failure) : t('hostFailed')) : t('noAnswer')}</p>
      <button type="submit" class="cl-button" data-variant="secondary">${t('retry')}</button>
      ${this.#form.renderOtherWays(t('otherWays'))}
    </div>`;
  }

  /** The focused panel shown once the message is stored, with the way to write another. */
  renderConfirmation(): TemplateResult {
    const t = this.#t();
    const reference = this.#reference;
    return html`<div class="cl-panel confirmation" data-tone="success" tabindex="-1" part="confirmation">
      ${this.#heading('confirmation-title', t('sentTitle'))}
      ${reference ? html`<p>${t('reference')} <strong class="reference">${reference}</strong></p>` : nothing}
      <p>${t('sentBody')}</p>
      <button type="button" class="cl-button" data-variant="secondary" @click=${() => this.#onSendAnother()}>
        ${t('sendAnother')}
      </button>
    </div>`;
  }
}
