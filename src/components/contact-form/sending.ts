/**
 * The sending half of <cl-contact-form>, loaded with `import('./sending.js')`
 * when the person first sends a valid form: the Idempotency-Key, the post,
 * the host's delivery, the one automatic retry, the outcomes and the
 * confirmation. docs/widgets/contact-form.md says what it weighs.
 */
import { html } from 'lit';
import { emit } from '../../internal/events.js';
import { requestJson } from '../../internal/http.js';
import { translator } from '../../i18n/strings.js';
import { sendingStrings } from './sending.strings.js';
// Types only: a value imported from the widget's module would split it out of contact-form.js.
import type { ClContactForm, ContactPayload, PendingSend } from './contact-form.js';

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
  const content = JSON.stringify([payload.name, payload.email, organisation, f.topic, payload.message, payload.replyLanguage, f.consent]);
  if (form.pending?.content === content) return form.pending;
  const suspectReason = f.website ? 'honeypot' : !form.restored && performance.now() - form.startedAt < MIN_FILL_MS ? 'too-fast' : undefined;
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
      if (status !== 422 || !Array.isArray(listed) || !form.showErrors(listed)) return fail(status, result.message);
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
  return form.focusOn('.confirmation');
}

/** The focused panel shown once the message is stored, with the way to write another. */
export function confirmation(form: ClContactForm) {
  const t = translator(sendingStrings, form.language);
  return html`<div class="cl-panel confirmation" data-tone="success" tabindex="-1" part="confirmation">
    <h2 class="confirmation-title">${t('sentTitle')}</h2>
    ${form.reference ? html`<p>${t('reference')} <strong class="reference">${form.reference}</strong></p>` : ''}
    <p>${t('sentBody')}</p>
    <button type="button" class="cl-button" data-variant="secondary" @click=${() => form.reset()}>${t('sendAnother')}</button>
  </div>`;
}

/** While retrying, the notice; once failed, why, the retry button and the other ways to get in touch. */
export function status(form: ClContactForm) {
  const { t, failure } = form;
  const said = translator(sendingStrings, form.language);
  return form.phase === 'retrying'
    ? html`<div class="cl-panel" data-tone="notice" role="alert" part="status"><p>${t('retrying')}</p></div>`
    : html`<div class="cl-panel" data-tone="error" role="alert" part="status">
        <p><strong>${said('failedTitle')}</strong></p>
        <p>${failure ? (failure > 0 ? said('refused')(failure) : said('hostFailed')) : t('failed')}</p>
        <button type="submit" class="cl-button" data-variant="secondary">${said('retry')}</button>
        ${form.otherWays(t('otherWays'))}
      </div>`;
}
