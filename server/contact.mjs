/**
 * The contact receiver: `POST /api/contact`, the contract in
 * docs/contact-endpoint.md. It validates with the same rules as the widget,
 * stores each submission once per Idempotency-Key in a JSON Lines file and
 * answers with the submission's reference. A partner can run it as it is.
 */
import { randomBytes, createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readBody, sendJson } from './server.mjs';

export const CONTACT_PATH = '/api/contact';
export const MAX_BODY_BYTES = 32_000;

/*
 * The rules, the server's copy (the widget's is in
 * src/components/contact-form/contact-form.ts; both are documented in
 * docs/contact-endpoint.md). Lengths count characters (code points) after
 * trimming.
 */
export const LIMITS = { name: 200, email: 254, organisation: 200, topic: 60, message: 2000 };
export const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const TOPIC_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;
const LANGUAGES = new Set(['en', 'cy']);
const SUSPECT_REASONS = new Set(['honeypot', 'too-fast']);

const length = (text) => [...text].length;

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
    const trimmed = value.trim();
    if (length(trimmed) > LIMITS[field]) errors.push({ field, code: 'too-long' });
    return trimmed;
  };
  const name = text('name', { required: true });
  const email = text('email', { required: true });
  if (email !== undefined && length(email) <= LIMITS.email && !EMAIL_PATTERN.test(email))
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

function newReference() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `CL-${[...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

const fingerprint = (submission) => createHash('sha256').update(JSON.stringify(submission)).digest('hex');

/**
 * @param {object} options
 * @param {string} options.dataDir folder for the submissions file (made on start)
 * @param {string} [options.fileName]
 * @param {boolean} [options.faults] test-only fault behaviour (see docs/contact-endpoint.md); never in production
 * @returns {Promise<(req, res, url) => Promise<boolean>>}
 */
export async function contactReceiver({ dataDir, fileName = 'contact-submissions.jsonl', faults = false }) {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, fileName);
  await writeFile(file, '', { flag: 'a' });
  /** Idempotency-Key -> { reference, fingerprint }, rebuilt from the file so a restart still deduplicates. */
  const byKey = new Map();
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line);
      byKey.set(record.key, { reference: record.reference, fingerprint: record.fingerprint });
    } catch {
      // A torn last line (a crash mid-write) is skipped, not fatal.
    }
  }
  /** In-flight stores per key, so two concurrent requests with one key store once. */
  const pending = new Map();
  let writes = Promise.resolve();
  const faultState = new Map();

  async function store(key, submission) {
    const print = fingerprint(submission);
    const known = byKey.get(key) ?? (await pending.get(key));
    if (known) return { ...known, created: false, conflict: known.fingerprint !== print };
    const work = (async () => {
      const record = {
        key,
        reference: newReference(),
        receivedAt: new Date().toISOString(),
        fingerprint: print,
        submission,
      };
      writes = writes.then(() => appendFile(file, `${JSON.stringify(record)}\n`));
      await writes;
      const entry = { reference: record.reference, fingerprint: print };
      byKey.set(key, entry);
      return entry;
    })();
    pending.set(key, work);
    try {
      return { ...(await work), created: true, conflict: false };
    } finally {
      pending.delete(key);
    }
  }

  return async function handleContact(req, res, url) {
    if (url.pathname !== CONTACT_PATH) return false;
    const fault = faults ? url.searchParams.get('fault') : null;
    const counters = fault ? (faultState.get(fault) ?? { requests: 0, stored: 0 }) : undefined;
    if (fault) faultState.set(fault, counters);
    if (req.method === 'GET' && counters) {
      // Test-only: what the receiver saw for this fault name.
      sendJson(res, 200, counters);
      return true;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method-not-allowed' }, { Allow: 'POST, OPTIONS' });
      return true;
    }
    if (counters) {
      counters.requests += 1;
      if (counters.requests <= Number(url.searchParams.get('fail') ?? 0)) {
        sendJson(res, 503, { error: 'unavailable' });
        return true;
      }
    }
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      sendJson(res, 400, {
        error: 'idempotency-key',
        message: 'Send an Idempotency-Key header: 16 to 100 letters, digits, - or _.',
      });
      return true;
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { error: 'unsupported-media-type', message: 'Send application/json.' });
      return true;
    }
    let body;
    try {
      body = JSON.parse(await readBody(req, MAX_BODY_BYTES));
    } catch (error) {
      sendJson(res, error.status ?? 400, { error: error.status === 413 ? 'too-large' : 'not-json' });
      return true;
    }
    const { submission, errors } = validateSubmission(body);
    if (errors) {
      sendJson(res, 422, { error: 'invalid', errors });
      return true;
    }
    const result = await store(key, submission);
    if (result.conflict) {
      sendJson(res, 409, {
        error: 'idempotency-key-reused',
        message: 'This Idempotency-Key was used for a different message.',
      });
      return true;
    }
    if (counters && result.created) counters.stored += 1;
    if (counters && counters.requests <= Number(url.searchParams.get('lose-answer') ?? 0)) {
      // Test-only: stored, but the answer never arrives (a dropped connection).
      res.destroy();
      return true;
    }
    sendJson(res, result.created ? 201 : 200, { reference: result.reference });
    return true;
  };
}
