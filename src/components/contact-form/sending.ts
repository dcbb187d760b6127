/**
 * The checking and sending half of <cl-contact-form>, loaded with
 * `import('./sending.js')` as soon as a person starts to fill in the form
 * (the first focus or input in it; a send waits for it): the client-side
 * rules, the error summary and the inline errors, the Idempotency-Key, the
 * post, the host's delivery, the one automatic retry, the outcomes and the
 * confirmation. docs/widgets/contact-form.md says what it weighs.
 */
import { html, nothing } from 'lit';
import { emit } from '../../internal/events.js';
import { requestJson } from '../../internal/http.js';
import { translator } from '../../i18n/strings.js';
import { sendingStrings } from './sending.strings.js';
// Types only: a value imported from the widget's module would split it out of contact-form.js.
import type {
  ClContactForm,
  ContactField,
  ContactPayload,
  FieldError,
  FieldErrorCode,
  Fields,
  PendingSend,
} from './contact-form.js';

/*
 * The rules, the widget's copy (the receiver's is in server/contact.mjs; both
 * are documented in docs/contact-endpoint.md). Lengths count characters
 * (code points) after trimming. The message's limit is also the count's in
 * contact-form.ts (MESSAGE_LIMIT).
 */
export const LIMITS = { name: 200, email: 254, organisation: 200, message: 2000 } as const;
export const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

const FIELD_ORDER: ContactField[] = ['name', 'email', 'organisation', 'topic', 'message', 'replyLanguage', 'consent'];
const inFormOrder = (errors: FieldError[]): FieldError[] =>
  errors.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));

/** The client-side rules; `topics` are the ids offered (none: the topic is not asked). Errors come in the form's order. */
export function validateFields(fields: Fields, options: { topics: string[]; consent: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: ContactField, code: FieldErrorCode) => errors.push({ field, code });
  for (const field of ['name', 'email', 'organisation', 'message'] as const) {
    const text = fields[field].trim();
    if (!text) {
      if (field !== 'organisation') add(field, 'required');
    } else if ([...text].length > LIMITS[field]) add(field, 'too-long');
    else if (field === 'email' && !EMAIL_PATTERN.test(text)) add(field, 'invalid');
  }
  const { topics } = options;
  if (topics.length > 0 && !topics.includes(fields.topic)) add('topic', fields.topic ? 'invalid' : 'required');
  if (options.consent && !fields.consent) add('consent', 'required');
  return inFormOrder(errors);
}

/** Moves focus to the error summary or the confirmation once it is shown. */
async function focusOn(form: ClContactForm, selector: string): Promise<void> {
  await form.updateComplete;
  form.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * Shows field errors, the form's own or a 422's (of which only known fields
 * and codes count), in the order of the questions, in a focused summary.
 * False when there are none.
 */
function showErrors(form: ClContactForm, list: unknown[]): boolean {
  const known = (list as Partial<FieldError>[]).filter(
    (e) =>
      FIELD_ORDER.includes(e?.field as ContactField) && ['required', 'too-long', 'invalid'].includes(e.code as string),
  ) as FieldError[];
  form.errors = inFormOrder(known);
  if (!known.length) return false;
  form.failure = undefined;
  form.phase = 'editing';
  void focusOn(form, '.error-summary');
  return true;
}

/** A send of the form (its submit, or the retry button): the checks, then the post unless one is under way. */
export function submit(form: ClContactForm): Promise<void> | undefined {
  if (form.phase === 'sending' || form.phase === 'retrying' || !form.url) return;
  clearTimeout(form.retryTimer);
  const topics = (form.contact?.topics ?? []).map((t) => t.id);
  return showErrors(form, validateFields(form.fields, { topics, consent: form.consent }))
    ? undefined
    : send(form, true);
}

/** A field error's message in the form's language: named after its field and code, else the general one. */
function errorText(form: ClContactForm, { field, code }: FieldError): string {
  const key = field + (code === 'too-long' ? 'TooLong' : code === 'required' ? 'Required' : 'Invalid');
  const text = (sendingStrings as Record<string, { en: unknown; cy: unknown }>)[key]?.[form.language];
  return typeof text === 'string' ? text : translator(sendingStrings, form.language)('fieldInvalid');
}

/** The focused "There is a problem" summary, whose links move focus to each field; nothing without errors. */
export function summary(form: ClContactForm) {
  return form.errors.length > 0
    ? html`<div class="error-summary" tabindex="-1" part="error-summary">
        <div role="alert">
          <h2 class="error-summary-title">${translator(sendingStrings, form.language)('errorSummary')}</h2>
          <ul>
            ${form.errors.map(
              (error) =>
                html`<li>
                  <a
                    href="#${error.field}"
                    @click=${(event: Event) => {
                      // A fragment link cannot reach into the shadow root and would change the host page's URL.
                      event.preventDefault();
                      form.focusField(error.field);
                    }}
                    >${errorText(form, error)}</a
                  >
                </li>`,
            )}
          </ul>
        </div>
      </div>`
    : nothing;
}

/** A field's inline error (its id is in the control's aria-describedby), with the hidden "Error:" prefix. */
export function error(form: ClContactForm, field: ContactField) {
  const found = form.errors.find((e) => e.field === field);
  return found
    ? html`<p class="error-message" id="${field}-error">
        <span class="cl-visually-hidden">${translator(sendingStrings, form.language)('errorPrefix')}</span>
        ${errorText(form, found)}
      </p>`
    : nothing;
}

/** A person who sends the form faster than this is probably a script; the message is still sent, flagged. */
export const MIN_FILL_MS = 3000;

export const SEND_TIMEOUT_MS = 15_000;
/** The pause before the one automatic retry. */
export const RETRY_DELAY_MS = 2000;

/** A random UUID: `crypto.randomUUID` exists only in secure contexts, so plain-http intranets build one from getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The payload and key for the current content: the same content reuses its key, new content takes a new one. */
function pendingSend(form: ClContactForm): PendingSend {
  const f = form.fields;
  const topic = form.contact?.topics?.length ? f.topic : '';
  const organisation = f.organisation.trim();
  const payload: ContactPayload = {
    name: f.name.trim(),
    email: f.email.trim(),
    ...(organisation && { organisation }),
    ...(topic && { topic }),
    message: f.message.trim(),
    replyLanguage: form.replyLanguage,
    language: form.language,
    ...(form.consent && { consent: f.consent, consentRequired: true }),
  };
  // The content the key belongs to: what the receiver stores, not the spam flags or the form's language.
  const content = JSON.stringify([
    payload.name,
    payload.email,
    organisation,
    f.topic,
    payload.message,
    payload.replyLanguage,
    f.consent,
  ]);
  if (form.pending?.content === content) return form.pending;
  const suspectReason = f.website
    ? 'honeypot'
    : !form.restored && performance.now() - form.startedAt < MIN_FILL_MS
      ? 'too-fast'
      : undefined;
  if (suspectReason) Object.assign(payload, { suspect: true, suspectReason });
  return (form.pending = { content, key: newIdempotencyKey(), payload });
}

/** Sends the valid form (to the endpoint, or through the host's `respondWith`) and shows the outcome. */
export async function send(form: ClContactForm, mayRetry: boolean): Promise<void> {
  const endpoint = form.url;
  if (!endpoint) return;
  const { payload, key } = pendingSend(form);
  form.saveDraft();
  form.phase = 'sending';
  let hostResult: Promise<{ reference: string }> | undefined;
  const delivered = emit(
    form,
    'cl-contact-submit',
    { payload, idempotencyKey: key, respondWith: (result) => (hostResult = result) },
    { cancelable: true },
  );
  /** What the person sees: a failure is the status (0: no answer, -1: the host's delivery) and the event's message. */
  const fail = (status: number, message: string, shown = status): void => {
    form.failure = shown;
    form.phase = 'failed';
    emit(form, 'cl-contact-error', { status, message });
  };
  let reference: unknown;
  if (delivered) {
    const result = await requestJson<{ reference?: unknown }>(endpoint, {
      method: 'POST',
      json: payload,
      headers: { 'Idempotency-Key': key },
      timeoutMs: SEND_TIMEOUT_MS,
      maxBytes: 100_000,
    });
    if (!result.ok) {
      const status = result.status ?? 0;
      // No answer, a server fault or "try later": the key makes a retry safe.
      if (result.kind !== 'http' || status >= 500 || status === 408 || status === 429) {
        if (!mayRetry) return fail(status, result.message, 0);
        form.failure = 0;
        form.phase = 'retrying';
        form.retryTimer = setTimeout(() => void send(form, false), RETRY_DELAY_MS);
        return;
      }
      const listed = (result.data as { errors?: unknown } | undefined)?.errors;
      if (status !== 422 || !Array.isArray(listed) || !showErrors(form, listed)) return fail(status, result.message);
      emit(form, 'cl-contact-error', { status, message: 'The server found problems in the answers.' });
      return;
    }
    reference = result.data?.reference;
  } else {
    if (!hostResult) return fail(0, 'cl-contact-submit was cancelled without respondWith().', -1);
    try {
      ({ reference } = await hostResult);
    } catch (error) {
      return fail(0, error instanceof Error ? error.message : String(error), -1);
    }
  }
  form.saveDraft(false);
  form.pending = undefined;
  form.reference = typeof reference === 'string' ? reference : '';
  form.failure = undefined;
  form.phase = 'sent';
  emit(form, 'cl-contact-sent', { reference: form.reference });
  return focusOn(form, '.confirmation');
}

/** An empty form for another message. */
async function reset(form: ClContactForm): Promise<void> {
  form.fields = {
    name: '',
    email: '',
    organisation: '',
    topic: form.topic,
    message: '',
    replyLanguage: '',
    consent: false,
    website: '',
  };
  form.errors = [];
  form.reference = '';
  form.phase = 'editing';
  form.restored = false;
  form.startedAt = performance.now();
  await form.updateComplete;
  form.focusField('name');
}

/** The focused panel shown once the message is stored, with the way to write another. */
export function confirmation(form: ClContactForm) {
  const t = translator(sendingStrings, form.language);
  return html`<div class="cl-panel confirmation" data-tone="success" tabindex="-1" part="confirmation">
    <h2 class="confirmation-title">${t('sentTitle')}</h2>
    ${form.reference ? html`<p>${t('reference')} <strong class="reference">${form.reference}</strong></p>` : ''}
    <p>${t('sentBody')}</p>
    <button type="button" class="cl-button" data-variant="secondary" @click=${() => reset(form)}>
      ${t('sendAnother')}
    </button>
  </div>`;
}

/** While retrying, the notice; once failed, why, the retry button and the other ways to get in touch. */
export function status(form: ClContactForm) {
  const { failure } = form;
  const said = translator(sendingStrings, form.language);
  return form.phase === 'retrying'
    ? html`<div class="cl-panel" data-tone="notice" role="alert" part="status"><p>${said('retrying')}</p></div>`
    : html`<div class="cl-panel" data-tone="error" role="alert" part="status">
        <p><strong>${said('failedTitle')}</strong></p>
        <p>${failure ? (failure > 0 ? said('refused')(failure) : said('hostFailed')) : form.t('failed')}</p>
        <button type="submit" class="cl-button" data-variant="secondary">${said('retry')}</button>
        ${form.otherWays(said('otherWays'))}
      </div>`;
}
