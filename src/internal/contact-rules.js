/**
 * The contact rules in one place: the form (src/components/contact-form), its
 * strings ("up to {limit} characters"), the receiver (server/contact.mjs) and
 * the table in docs/contact-endpoint.md (checked by a node test) all read
 * them from here. Plain JavaScript so the receiver runs it in Node without a
 * build; contact-rules.d.ts types it for the widget.
 * Lengths count characters (code points) after trimming.
 */

/** The most characters each field may hold. */
export const FIELD_LIMITS = Object.freeze({ name: 200, email: 254, organisation: 200, topic: 60, message: 2000 });

/** An address with a local part, an @ and a dotted domain (what the receiver can reply to). */
export const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** A feed topic id. */
export const TOPIC_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The `Idempotency-Key` header: 16 to 100 URL-safe characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;

/** The languages a reply can be asked for in. */
export const REPLY_LANGUAGES = Object.freeze(['en', 'cy']);

/** A form sent sooner than this after it was first shown is flagged `suspect` (too fast for a person). */
export const MIN_FILL_MS = 3000;

/** A text's length as the rules count it: characters (code points), after trimming. */
export function textLength(text) {
  return [...text.trim()].length;
}
