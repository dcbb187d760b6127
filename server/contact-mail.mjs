/**
 * The outbox: emails each stored contact message once, in the background.
 * The widget's answer never waits for mail: a message is acknowledged once
 * it is stored, then sent here. A failure (the SMTP server down, a 4xx, a
 * timeout) is retried with growing pauses; what is not marked delivered in
 * the store when the receiver stops is sent after it starts again.
 * Emails are plain text built from the stored fields, never HTML.
 */
import { createTransport } from 'nodemailer';

/** Pauses before each retry; the last one repeats. */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];

const LANGUAGE_NAMES = { en: 'English / Saesneg', cy: 'Welsh / Cymraeg' };
const REPLY_LINES = {
  en: 'Reply in English. / Atebwch yn Saesneg.',
  cy: 'Reply in Welsh. / Atebwch yn Gymraeg.',
};

/** A header value from a person's input: one line, no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const oneLine = (text) => text.replace(/[\0-\x1f\x7f]+/g, ' ').trim();

/** The email for one stored record (nodemailer's message object). */
export function composeMail(record, { from, to }) {
  const { submission: s, reference, receivedAt } = record;
  const fromDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const lines = [
    REPLY_LINES[s.replyLanguage] ?? REPLY_LINES.en,
    '',
    `Reference / Cyfeirnod: ${reference}`,
    `Received / Derbyniwyd: ${receivedAt}`,
    `Name / Enw: ${s.name}`,
    `Email / E-bost: ${s.email}`,
    ...(s.organisation ? [`Organisation / Sefydliad: ${s.organisation}`] : []),
    ...(s.topic ? [`Topic / Pwnc: ${s.topic}`] : []),
    `Form language / Iaith y ffurflen: ${LANGUAGE_NAMES[s.language] ?? s.language}`,
    ...(s.consent !== undefined ? [`Consent / Caniatâd: ${s.consent ? 'yes / ydy' : 'no / nac ydy'}`] : []),
    ...(s.suspect ? [`Possible spam / Sbam posibl: ${s.suspectReason} (check before replying)`] : []),
    '',
    'Message / Neges:',
    '',
    s.message,
    '',
  ];
  return {
    from,
    to,
    replyTo: { name: oneLine(s.name), address: s.email },
    subject: `[${reference}] Contact form${s.topic ? `: ${s.topic}` : ''}${s.suspect ? ' (possible spam)' : ''}`,
    // One Message-ID per message: should a send be repeated (a crash after sending, before marking), mail systems can spot it.
    messageId: `<${reference}@${fromDomain}>`,
    text: lines.join('\n'),
  };
}

/**
 * @param {object} options
 * @param {ReturnType<typeof import('./contact-store.mjs').openStore> extends Promise<infer S> ? S : never} options.store
 * @param {{ url?: string, transport?: object, from: string, to: string }} options.mail
 *   url: smtp:// or smtps:// (user:pass@ optional); STARTTLS is used whenever the server offers it
 * @param {(line: string) => void} options.log
 * @param {number[]} [options.retryDelaysMs]
 */
export function createOutbox({ store, mail, log, retryDelaysMs = RETRY_DELAYS_MS }) {
  const transport =
    mail.transport ??
    createTransport(mail.url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  /** reference -> { attempts, timer } for each message waiting to be sent. */
  const waiting = new Map();
  let sending = Promise.resolve();
  let closed = false;

  async function attempt(reference) {
    const entry = waiting.get(reference);
    if (!entry || closed) return;
    const record = store.undelivered().find((r) => r.reference === reference);
    if (!record) {
      waiting.delete(reference);
      return;
    }
    entry.attempts += 1;
    try {
      await transport.sendMail(composeMail(record, mail));
    } catch (error) {
      const delay = retryDelaysMs[Math.min(entry.attempts - 1, retryDelaysMs.length - 1)];
      // The code and SMTP status only: a server's error text may quote an address.
      log(
        `mail ${reference} not sent (${error.responseCode ?? error.code ?? 'error'}); retry in ${Math.round(delay / 1000)} s`,
      );
      if (!closed) entry.timer = setTimeout(() => queue(reference), delay).unref();
      return;
    }
    waiting.delete(reference);
    await store.markDelivered(reference);
    log(`mail ${reference} sent`);
  }

  /** One send at a time: the SMTP server sees a steady trickle, and close() has one thing to wait for. */
  function queue(reference) {
    sending = sending.then(() => attempt(reference));
  }

  return {
    /** Sends a newly stored message (once, however often it is called). */
    enqueue(reference) {
      if (closed || waiting.has(reference)) return;
      waiting.set(reference, { attempts: 0, timer: undefined });
      queue(reference);
    },
    /** Sends every stored message not yet delivered (on start). */
    resume() {
      for (const record of store.undelivered()) this.enqueue(record.reference);
    },
    /** Stops retrying and waits for a send under way; what is unsent stays in the store for the next start. */
    async close() {
      closed = true;
      for (const entry of waiting.values()) clearTimeout(entry.timer);
      await sending;
      transport.close?.();
    },
  };
}
