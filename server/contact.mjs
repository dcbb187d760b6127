/**
 * The contact receiver: `POST /api/contact`, the contract in
 * docs/contact-endpoint.md. It validates with the widget's own rules
 * (src/internal/contact-rules.js), stores each submission once per
 * Idempotency-Key (server/contact-store.mjs), answers with the submission's
 * reference and, when mail is set up, emails it in the background
 * (server/contact-mail.mjs). It answers CORS only for the origins it is
 * given, limits each client address, deletes old messages and logs no
 * personal data: references and status codes only.
 */
import {
  EMAIL_PATTERN,
  FIELD_LIMITS,
  IDEMPOTENCY_KEY_PATTERN,
  REPLY_LANGUAGES,
  TOPIC_PATTERN,
  textLength,
} from '../src/internal/contact-rules.js';
import { createOutbox } from './contact-mail.mjs';
import { openStore } from './contact-store.mjs';
import { sendJson } from './server.mjs';

export const CONTACT_PATH = '/api/contact';
export const MAX_BODY_BYTES = 64 * 1024;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SUSPECT_REASONS = new Set(['honeypot', 'too-fast']);
const LANGUAGES = new Set(REPLY_LANGUAGES);

/** Returns { submission } with trimmed fields, or { errors: [{ field, code }] }. */
export function validateSubmission(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { errors: [{ field: 'body', code: 'invalid' }] };
  const errors = [];
  const text = (field, { required }) => {
    const value = body[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) errors.push({ field, code: 'required' });
      return undefined;
    }
    if (typeof value !== 'string') {
      errors.push({ field, code: 'invalid' });
      return undefined;
    }
    if (textLength(value) > FIELD_LIMITS[field]) errors.push({ field, code: 'too-long' });
    return value.trim();
  };
  const name = text('name', { required: true });
  const email = text('email', { required: true });
  if (email !== undefined && textLength(email) <= FIELD_LIMITS.email && !EMAIL_PATTERN.test(email))
    errors.push({ field: 'email', code: 'invalid' });
  const organisation = text('organisation', { required: false });
  const topic = text('topic', { required: false });
  if (topic !== undefined && !TOPIC_PATTERN.test(topic)) errors.push({ field: 'topic', code: 'invalid' });
  const message = text('message', { required: true });
  if (!LANGUAGES.has(body.replyLanguage))
    errors.push({ field: 'replyLanguage', code: body.replyLanguage === undefined ? 'required' : 'invalid' });
  if (body.language !== undefined && !LANGUAGES.has(body.language)) errors.push({ field: 'language', code: 'invalid' });
  if (body.consent !== undefined && typeof body.consent !== 'boolean')
    errors.push({ field: 'consent', code: 'invalid' });
  if (body.consentRequired === true && body.consent !== true) errors.push({ field: 'consent', code: 'required' });
  if (body.suspect !== undefined && typeof body.suspect !== 'boolean')
    errors.push({ field: 'suspect', code: 'invalid' });
  if (body.suspectReason !== undefined && !SUSPECT_REASONS.has(body.suspectReason))
    errors.push({ field: 'suspectReason', code: 'invalid' });
  if (errors.length > 0) return { errors };
  return {
    submission: {
      name,
      email,
      ...(organisation !== undefined && { organisation }),
      ...(topic !== undefined && { topic }),
      message,
      replyLanguage: body.replyLanguage,
      language: body.language ?? body.replyLanguage,
      ...(body.consent !== undefined && { consent: body.consent }),
      // Suspect messages are kept, flagged, for a person to triage: a false positive must never lose a real message.
      ...(body.suspect === true && { suspect: true, suspectReason: body.suspectReason ?? 'unknown' }),
    },
  };
}

/**
 * Reads at most `limit` bytes. Over it (by Content-Length, or once a chunked
 * body passes it) it stops reading and resolves undefined: the caller answers
 * 413 and the connection closes, so nothing more is read.
 */
function readLimited(req, limit) {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((done, fail) => {
    const chunks = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', fail);
      req.pause();
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        done(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      done(Buffer.concat(chunks).toString('utf8'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', fail);
  });
}

/** Per client address: at most `limit` POSTs in any hour. Returns the seconds to wait, or 0. */
function rateLimiter(limit, now) {
  const seen = new Map();
  return function wait(address) {
    if (!limit) return 0;
    const since = now() - HOUR_MS;
    if (seen.size > 10_000) for (const [key, times] of seen) if (times.at(-1) <= since) seen.delete(key);
    const times = (seen.get(address) ?? []).filter((time) => time > since);
    seen.set(address, times);
    if (times.length >= limit) return Math.max(1, Math.ceil((times[0] + HOUR_MS - now()) / 1000));
    times.push(now());
    return 0;
  };
}

/**
 * CORS for the contact API: the configured origins (`*` only when the
 * operator writes it) and the page's own origin (the demo). Returns the
 * Access-Control-Allow-Origin value, or undefined.
 */
function corsOrigin(req, allowedOrigins) {
  const origin = req.headers.origin;
  if (allowedOrigins.has('*')) return '*';
  if (!origin) return undefined;
  if (allowedOrigins.has(origin)) return origin;
  try {
    return new URL(origin).host === req.headers.host ? origin : undefined;
  } catch {
    return undefined;
  }
}

const API_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  Vary: 'Origin',
};

/** Where mail goes, for the start line: the host only, never the credentials. */
const mailHost = (mail) => (mail.url ? new URL(mail.url).host : 'the given transport');

/**
 * @param {object} options
 * @param {string} options.dataDir folder for the submissions file (made on start, mode 0700)
 * @param {string[]} [options.allowedOrigins] origins the API answers CORS for (`*` allows any); the page's own origin always
 * @param {number} [options.retentionDays] messages older than this are deleted on start and daily (0 keeps them)
 * @param {number} [options.rateLimit] POSTs per client address per hour (0: no limit)
 * @param {{ url?: string, transport?: object, from: string, to: string }} [options.mail] email each message; without it, store only
 * @param {(line: string) => void} [options.log]
 * @param {number[]} [options.retryDelaysMs] pauses between mail attempts
 * @param {() => number} [options.now]
 * @param {boolean} [options.faults] test-only fault behaviour (see docs/contact-endpoint.md); never in production
 * @returns {Promise<((req, res, url) => Promise<boolean>) & { store, purge: () => Promise<number>, close: () => Promise<void> }>}
 */
export async function contactReceiver({
  dataDir,
  allowedOrigins = [],
  retentionDays = 90,
  rateLimit = 20,
  mail,
  log = (line) => console.log(line),
  retryDelaysMs,
  now = Date.now,
  faults = false,
}) {
  const store = await openStore({ dataDir, now });
  const purge = async () => {
    if (!retentionDays) return 0;
    const deleted = await store.purge(retentionDays);
    if (deleted > 0) log(`contact: deleted ${deleted} message(s) older than ${retentionDays} days`);
    return deleted;
  };
  await purge();
  const purgeTimer = setInterval(
    () => void purge().catch((error) => log(`contact: purge failed (${error.code})`)),
    DAY_MS,
  ).unref();
  const outbox = mail ? createOutbox({ store, mail, log, retryDelaysMs }) : undefined;
  log(
    outbox
      ? `contact: storing in ${store.file}; emailing each message to ${mail.to} through ${mailHost(mail)}`
      : `contact: storing in ${store.file}; no mail settings (CONTACT_SMTP_URL, CONTACT_MAIL_TO, CONTACT_MAIL_FROM), so no one is emailed`,
  );
  outbox?.resume();
  const context = {
    store,
    outbox,
    log,
    faults,
    origins: new Set(allowedOrigins),
    waitFor: rateLimiter(rateLimit, now),
    faultState: new Map(),
  };
  const handleContact = (req, res, url) => handle(context, req, res, url);

  return Object.assign(handleContact, {
    store,
    purge,
    async close() {
      clearInterval(purgeTimer);
      await outbox?.close();
    },
  });
}

/** One request to the API: CORS, the test faults, the method, origin and rate checks; then `receive`. */
async function handle(context, req, res, url) {
  const { origins, log, faults, faultState, waitFor } = context;
  if (url.pathname !== CONTACT_PATH) return false;
  const allowed = corsOrigin(req, origins);
  const headers = {
    ...API_HEADERS,
    ...(allowed && { 'Access-Control-Allow-Origin': allowed, 'Access-Control-Expose-Headers': 'Retry-After' }),
  };
  const answer = (status, body, extra = {}) => {
    sendJson(res, status, body, { ...headers, ...extra });
    log(`contact ${req.method} ${status}${body?.reference ? ` ${body.reference}` : ''}`);
    return true;
  };
  if (req.method === 'OPTIONS') {
    if (!allowed && req.headers.origin) return answer(403, { error: 'origin-not-allowed' });
    res.writeHead(204, {
      ...headers,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Accept, Content-Type, Idempotency-Key',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return true;
  }
  const fault = faults ? url.searchParams.get('fault') : null;
  const counters = fault ? (faultState.get(fault) ?? { requests: 0, stored: 0 }) : undefined;
  if (fault) faultState.set(fault, counters);
  // Test-only: what the receiver saw for this fault name.
  if (req.method === 'GET' && counters) return answer(200, counters);
  if (req.method !== 'POST') return answer(405, { error: 'method-not-allowed' }, { Allow: 'POST, OPTIONS' });
  if (!allowed && req.headers.origin) return answer(403, { error: 'origin-not-allowed' });
  if (counters) {
    counters.requests += 1;
    if (counters.requests <= Number(url.searchParams.get('fail') ?? 0)) return answer(503, { error: 'unavailable' });
  }
  const wait = waitFor(req.socket.remoteAddress ?? 'unknown');
  if (wait > 0) return answer(429, { error: 'rate-limited', retryAfter: wait }, { 'Retry-After': String(wait) });
  return receive(context, req, res, url, answer, counters);
}

/** The rest of a POST: key, type, size, JSON, fields; then store, answer and queue the email. */
async function receive({ store, outbox }, req, res, url, answer, counters) {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key))
    return answer(400, {
      error: 'idempotency-key',
      message: 'Send an Idempotency-Key header: 16 to 100 letters, digits, - or _.',
    });
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return answer(415, { error: 'unsupported-media-type', message: 'Send application/json.' });
  const text = await readLimited(req, MAX_BODY_BYTES);
  // The rest of an oversized body is never read: the connection closes after the answer.
  if (text === undefined) return answer(413, { error: 'too-large' }, { Connection: 'close' });
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return answer(400, { error: 'not-json' });
  }
  const { submission, errors } = validateSubmission(body);
  if (errors) return answer(422, { error: 'invalid', errors });
  const result = await store.add(key, submission);
  if (result.conflict)
    return answer(409, {
      error: 'idempotency-key-reused',
      message: 'This Idempotency-Key was used for a different message.',
    });
  if (result.created) outbox?.enqueue(result.record.reference);
  if (counters && result.created) counters.stored += 1;
  if (counters && counters.requests <= Number(url.searchParams.get('lose-answer') ?? 0)) {
    // Test-only: stored, but the answer never arrives (a dropped connection).
    res.destroy();
    return true;
  }
  return answer(result.created ? 201 : 200, { reference: result.record.reference });
}
