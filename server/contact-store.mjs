/**
 * The contact receiver's store: one JSON Lines file of submissions, in a
 * folder only the receiver's user can read (0700, the file 0600). A line is
 * a submission `{ key, reference, receivedAt, fingerprint, submission }` or a
 * delivery mark `{ delivered, at }` (the outbox's record that an email went
 * out). Reading the file back on start rebuilds the Idempotency-Key index and
 * the undelivered messages, so a restart neither stores twice nor loses mail.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SUBMISSIONS_FILE = 'contact-submissions.jsonl';
const DAY_MS = 86_400_000;

function newReference() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `CL-${[...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

const fingerprint = (submission) => createHash('sha256').update(JSON.stringify(submission)).digest('hex');

function parseLines(text) {
  const lines = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      lines.push(JSON.parse(line));
    } catch {
      // A torn last line (a crash mid-write) is skipped, not fatal.
    }
  }
  return lines;
}

/** Idempotency-Key -> record, and reference -> record for the messages not yet emailed. */
function indexLines(lines) {
  const byKey = new Map();
  const undelivered = new Map();
  for (const line of lines) {
    if (typeof line.delivered === 'string') undelivered.delete(line.delivered);
    else if (line.key && line.reference) {
      byKey.set(line.key, line);
      undelivered.set(line.reference, line);
    }
  }
  return { byKey, undelivered };
}

/** Rewrites the file without the messages received before `cutoff` (and their marks); returns their references. */
async function rewriteWithout(file, cutoff) {
  const lines = parseLines(await readFile(file, 'utf8'));
  const old = new Set(
    lines.filter((l) => l.reference && !(Date.parse(l.receivedAt) >= cutoff)).map((l) => l.reference),
  );
  if (old.size === 0) return old;
  const kept = lines.filter((l) => !old.has(l.reference) && !old.has(l.delivered));
  // Write aside, then rename: a crash mid-purge leaves the old file whole, never half of it.
  const temporary = `${file}.purge`;
  await writeFile(temporary, kept.map((l) => `${JSON.stringify(l)}\n`).join(''), { mode: 0o600 });
  await rename(temporary, file);
  return old;
}

/**
 * @param {{ dataDir: string, fileName?: string, now?: () => number }} options
 */
export async function openStore({ dataDir, fileName = SUBMISSIONS_FILE, now = Date.now }) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  const file = join(dataDir, fileName);
  await writeFile(file, '', { flag: 'a', mode: 0o600 });
  await chmod(file, 0o600);

  const { byKey, undelivered } = indexLines(parseLines(await readFile(file, 'utf8')));
  /** In-flight stores per key, so two concurrent requests with one key store once. */
  const pending = new Map();
  let writes = Promise.resolve();
  const serially = (work) => {
    const done = writes.then(work);
    writes = done.catch(() => undefined);
    return done;
  };

  async function add(key, submission) {
    const print = fingerprint(submission);
    const known = byKey.get(key) ?? (await pending.get(key));
    if (known) return { record: known, created: false, conflict: known.fingerprint !== print };
    const work = (async () => {
      const record = {
        key,
        reference: newReference(),
        receivedAt: new Date(now()).toISOString(),
        fingerprint: print,
        submission,
      };
      await serially(() => appendFile(file, `${JSON.stringify(record)}\n`, { mode: 0o600 }));
      byKey.set(key, record);
      undelivered.set(record.reference, record);
      return record;
    })();
    pending.set(key, work);
    try {
      return { record: await work, created: true, conflict: false };
    } finally {
      pending.delete(key);
    }
  }

  async function markDelivered(reference) {
    await serially(() =>
      appendFile(file, `${JSON.stringify({ delivered: reference, at: new Date(now()).toISOString() })}\n`),
    );
    undelivered.delete(reference);
  }

  /** Deletes every message received more than `days` days ago (and its delivery mark); returns how many. */
  function purge(days) {
    return serially(async () => {
      const old = await rewriteWithout(file, now() - days * DAY_MS);
      for (const [key, record] of byKey) if (old.has(record.reference)) byKey.delete(key);
      for (const reference of old) undelivered.delete(reference);
      return old.size;
    });
  }

  return {
    file,
    add,
    markDelivered,
    purge,
    /** The stored messages no email has gone out for yet, oldest first. */
    undelivered: () => [...undelivered.values()],
    isUndelivered: (reference) => undelivered.has(reference),
  };
}
