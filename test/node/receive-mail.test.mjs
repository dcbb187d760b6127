/**
 * Delivery by email against a real SMTP server in this process
 * (smtp-server): each stored message is emailed exactly once, in plain text,
 * after the widget has its answer; a down or refusing server is retried; a
 * restart sends what was not yet delivered; refused requests send nothing.
 * "Exactly once" is checked without waiting on time: the outbox sends in
 * order, so once a later message has arrived, a repeat of an earlier one
 * would have arrived before it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { startReceiver } from '../../server/receive.mjs';

const valid = {
  name: 'Siân Parry',
  email: 'sian.parry@example.org',
  topic: 'principles',
  message: 'Sut ydyn ni’n dechrau?\n<b>not html</b>',
  replyLanguage: 'cy',
  language: 'cy',
};
let counter = 0;
const newKey = () => `mail-${Date.now()}-${(counter += 1)}-abcdefgh`;
const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Polls `condition` (every 20 ms, up to 10 s): a wait on a state, not on time. */
async function until(condition, what) {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Headers and the decoded text of a raw message (quoted-printable or 8bit, as nodemailer writes plain text). */
function parseMail(raw) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = rest.join('\r\n\r\n');
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? ''))
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return { headers, text: body.replace(/\r\n/g, '\n') };
}

/** A real SMTP server on loopback; `refuse` answers 451 to the first N messages. */
async function startSmtp({ port = 0, refuse = 0 } = {}) {
  const mails = [];
  let refused = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        if (refused < refuse) {
          refused += 1;
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        mails.push({ ...parseMail(Buffer.concat(chunks).toString('utf8')), to: session.envelope.rcptTo });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const smtp = { port: server.server.address().port, mails, close: () => new Promise((r) => server.close(r)) };
  cleanups.push(smtp.close);
  return smtp;
}

async function receiver(dataDir, smtpPort, extra = {}) {
  const log = [];
  const started = await startReceiver(
    {
      PORT: '0',
      CONTACT_DATA_DIR: dataDir,
      CONTACT_RATE_LIMIT: '3',
      CONTACT_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      CONTACT_MAIL_TO: 'contact@socialcare.example',
      CONTACT_MAIL_FROM: 'Contact form <no-reply@socialcare.example>',
    },
    { log: (line) => log.push(line), retryDelaysMs: [50], ...extra },
  );
  cleanups.push(started.close);
  return { ...started, log };
}

async function post(base, body = valid, key = newKey()) {
  const response = await fetch(`${base}/api/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'cl-mail-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Sends one more message and waits for its email: every earlier send has then happened. */
async function flush(running, smtp) {
  const { reference } = (await post(running.url, { ...valid, message: `marker ${newKey()}` })).body;
  await until(() => smtp.mails.some((m) => m.headers.subject.includes(reference)), 'the marker email');
  // Logged once the delivery is marked in the store.
  await until(() => running.log.includes(`mail ${reference} sent`), 'the marker marked delivered');
  return reference;
}

const withReference = (smtp, reference) => smtp.mails.filter((m) => m.headers.subject.includes(reference));

describe('receive: delivery by email', () => {
  it('emails a stored message once, in plain text, with the reference, topic, Reply-To and reply language', async () => {
    const smtp = await startSmtp();
    const dir = await tempDir();
    const running = await receiver(dir, smtp.port);
    const key = newKey();
    const sent = await post(running.url, valid, key);
    assert.equal(sent.status, 201);
    assert.equal((await post(running.url, valid, key)).status, 200, 'a duplicate POST');
    await flush(running, smtp);
    const [mail, ...others] = withReference(smtp, sent.body.reference);
    assert.equal(others.length, 0, 'one email, however often the message was posted');
    assert.match(mail.headers.subject, new RegExp(`\\[${sent.body.reference}\\] .*principles`));
    assert.match(mail.headers['reply-to'], /<sian\.parry@example\.org>/);
    assert.match(mail.headers['content-type'], /^text\/plain/);
    assert.deepEqual(mail.to, [{ address: 'contact@socialcare.example', args: false }]);
    assert.equal(mail.text.split('\n')[0], 'Reply in Welsh. / Atebwch yn Gymraeg.');
    assert.ok(mail.text.includes('Sut ydyn ni’n dechrau?\n<b>not html</b>'), 'the message as it was written');
    assert.ok(running.log.some((line) => line === `mail ${sent.body.reference} sent`));
  });

  it('retries while the SMTP server is down, then sends exactly one email once it is up', async () => {
    const port = await freePort();
    const dir = await tempDir();
    const running = await receiver(dir, port);
    const sent = await post(running.url);
    assert.equal(sent.status, 201, 'acknowledged once stored, with no mail server');
    await until(() => running.log.filter((line) => line.includes('not sent')).length >= 2, 'two failed attempts');
    const smtp = await startSmtp({ port });
    await until(() => withReference(smtp, sent.body.reference).length > 0, 'the email');
    await flush(running, smtp);
    assert.equal(withReference(smtp, sent.body.reference).length, 1);
  });

  it('retries after a 451 (try later) answer and sends exactly one email', async () => {
    const smtp = await startSmtp({ refuse: 2 });
    const dir = await tempDir();
    const running = await receiver(dir, smtp.port);
    const sent = await post(running.url);
    await until(() => withReference(smtp, sent.body.reference).length > 0, 'the email');
    await flush(running, smtp);
    assert.equal(withReference(smtp, sent.body.reference).length, 1);
    assert.equal(running.log.filter((line) => line.includes('(451)')).length, 2);
  });

  it('sends after a restart what was stored but not delivered, exactly once', async () => {
    const port = await freePort();
    const dir = await tempDir();
    const first = await receiver(dir, port, { retryDelaysMs: [600_000] });
    const sent = await post(first.url);
    assert.equal(sent.status, 201);
    await until(() => first.log.some((line) => line.includes('not sent')), 'the first failed attempt');
    await first.close();
    const smtp = await startSmtp({ port });
    const second = await receiver(dir, port);
    await until(() => withReference(smtp, sent.body.reference).length > 0, 'the email after the restart');
    await flush(second, smtp);
    assert.equal(withReference(smtp, sent.body.reference).length, 1);
  });

  it('sends nothing for a 3 MB body, malformed JSON or a rate-limited client', async () => {
    const smtp = await startSmtp();
    const dir = await tempDir();
    const running = await receiver(dir, smtp.port);
    assert.equal((await post(running.url, '{"message": "' + 'x'.repeat(3_000_000) + '"}')).status, 413);
    assert.equal((await post(running.url, '{"name": ')).status, 400);
    const marker = await flush(running, smtp);
    // The rate limit is 3 an hour: the 413, the 400 and the marker used it up.
    assert.equal((await post(running.url)).status, 429);
    assert.deepEqual(
      smtp.mails.map((m) => m.headers.subject),
      [`[${marker}] Contact form: principles`],
    );
    const stored = (await readFile(join(dir, 'contact-submissions.jsonl'), 'utf8')).split('\n').filter(Boolean);
    assert.deepEqual(
      stored.map((line) => JSON.parse(line).reference ?? 'delivery mark'),
      [marker, 'delivery mark'],
    );
  });

  it('without mail settings, stores only and says so on start', async () => {
    const dir = await tempDir();
    const log = [];
    const running = await startReceiver({ PORT: '0', CONTACT_DATA_DIR: dir }, { log: (line) => log.push(line) });
    cleanups.push(running.close);
    assert.match(log.join('\n'), /no mail settings .* no one is emailed/);
    assert.equal((await post(running.url)).status, 201);
  });
});
