/**
 * What both halves of <cl-contact-form> share: the form's data, its events'
 * details, and `ContactFormHost`, the narrow view of the widget that the
 * lazily loaded `ContactSender` (contact-form.lazy.ts) works through. Types
 * only: neither half imports the other's module through this file.
 */
import type { nothing, TemplateResult } from 'lit/html.js';
import type { ReactiveControllerHost } from '../../internal/base-element.js';
import type { Language } from '../../i18n/language.js';
import type { ClEventDetail, ClEventName } from '../../internal/events.js';

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
  interface GlobalEventHandlersEventMap {
    /** Cancelable: a host that calls preventDefault delivers the message itself through `respondWith`. */
    'cl-contact-submit': CustomEvent<ContactSubmitDetail>;
    /** The message was stored; `reference` is the receiver's (or the host's). */
    'cl-contact-sent': CustomEvent<ContactSentDetail>;
    /** Sending failed in a way the person now sees (after the automatic retry). */
    'cl-contact-error': CustomEvent<ContactErrorDetail>;
  }
}

/** The answers as typed: each control's name is its field. */
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

/** What the tab keeps of a form: its answers and the send not yet confirmed. */
export interface SavedDraft {
  fields: Fields;
  pending?: PendingSend;
}

/**
 * Where a send is: `editing` (nothing under way), `sending`, `retrying` (the
 * one automatic retry is due), `waiting` (the receiver asked for a pause:
 * 429), `failed`, `sent`.
 */
export type SendPhase = 'editing' | 'sending' | 'retrying' | 'waiting' | 'failed' | 'sent';

/**
 * The widget as the sending code sees it: the element itself (the sender is
 * added to it as a reactive controller), narrowed to its language, settings,
 * render root. Its events and what of the form's own state it reaches come
 * separately, in `ContactFormAccess`.
 */
export interface ContactFormHost extends ReactiveControllerHost {
  readonly language: Language;
  /** The form asks for explicit consent. */
  readonly consent: boolean;
  /** The `heading-level` attribute, as given. */
  readonly headingLevel: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isUpdatePending: boolean;
}

/** What the sender may read and change of the form's own state, and what the form knew before the sender loaded. */
export interface ContactFormAccess {
  /** The answers as typed now. */
  fields(): Readonly<Fields>;
  /** The address to post to now (http or https), or undefined when the form cannot send. */
  sendTo(): string | undefined;
  /** The topic ids the form offers now (none: the topic is not asked). */
  topicIds(): readonly string[];
  /** Dispatches a typed `cl-*` event from the element; false when a listener called preventDefault. */
  emit<K extends ClEventName>(name: K, detail: ClEventDetail<K>, options?: { cancelable?: boolean }): boolean;
  /** Keeps the draft for the tab's life, with the unconfirmed send when there is one. */
  saveDraft(pending: PendingSend | undefined): void;
  /** The message was stored: forgets the draft and empties the answers for another message (the preset topic stays). */
  clear(): void;
  /** The feed's other ways to get in touch (email with the message, phone, address, page), or nothing. */
  renderOtherWays(intro: string): TemplateResult | typeof nothing;
  /** A restored draft's unconfirmed send. */
  pending: PendingSend | undefined;
  /** The answers came from a saved draft: no fill-time check. */
  restored: boolean;
  /** `performance.now()` when the form was first shown. */
  shownAt: number;
}
