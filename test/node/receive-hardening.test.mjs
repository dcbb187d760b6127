/**
 * The receiver as a partner runs it: CORS only for its origins, a rate limit
 * per client address, bodies over 64 KB refused before they are read,
 * malformed JSON refused, API headers, logs without personal data, files
 * only its user can read, and old messages deleted. Real server, real files.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReceiver } from '../../server/receive.mjs';

const person = { name: 'Siân Parry', email: 'sian.parry@example.org', message: 'A private question about my team' };
const valid = { ...person, replyLanguage: 'cy', language: 'cy' };
let counter = 0;
const key = () => `hardening-${Date.now()}-${(counter += 1)}-abcdefgh`;

async function post(base, body, headers = {}) {
  const response = await fetch(`${base}/api/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const preflight = (base, origin) =>
  fetch(`${base}/api/contact`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,idempotency-key',
    },
  });

async function stored(dataDir) {
  const text = await readFile(join(dataDir, 'contact-submissions.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** Sends `size` bytes of body (chunked when `chunked`), and resolves with the answer's status once it arrives. */
function sendLarge(base, size, { chunked = false } = {}) {
  const { hostname, port } = new URL(base);
  const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': key() };
  if (!chunked) headers['Content-Length'] = String(size);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path: '/api/contact', method: 'POST', headers }, (res) => {
      res.resume();
      done(res.statusCode);
    });
    // The server closes the connection once it has answered: the unsent rest fails to write, as it should.
    req.on('error', (error) => (['EPIPE', 'ECONNRESET'].includes(error.code) ? undefined : fail(error)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    req.write('{"message":"');
    let sent = 12;
    const pump = () => {
      while (sent < size - 2) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end('"}');
    };
    pump();
  });
}

describe('receive: the receiver alone, configured by the environment', () => {
  let dir;
  let receiver;
  const lines = [];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cl-receive-'));
    receiver = await startReceiver(
      {
        PORT: '0',
        CONTACT_DATA_DIR: 'messages',
        CONTACT_ALLOWED_ORIGINS: 'https://intranet.example, https://www.council.example/',
        CONTACT_RATE_LIMIT: '1000',
      },
      { cwd: dir, log: (line) => lines.push(line) },
    );
  });
  after(async () => {
    await receiver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes its data folder 0700 and the messages file 0600', async () => {
    assert.equal((await stat(join(dir, 'messages'))).mode & 0o777, 0o700);
    assert.equal((await stat(join(dir, 'messages/contact-submissions.jsonl'))).mode & 0o777, 0o600);
  });

  it('answers CORS for the configured origins only, and exposes Retry-After', async () => {
    for (const origin of ['https://intranet.example', 'https://www.council.example']) {
      const allowed = await preflight(receiver.url, origin);
      assert.equal(allowed.status, 204, origin);
      assert.equal(allowed.headers.get('access-control-allow-origin'), origin);
      assert.match(allowed.headers.get('access-control-allow-headers'), /Idempotency-Key/);
      const sent = await post(receiver.url, valid, { Origin: origin });
      assert.equal(sent.status, 201);
      assert.equal(sent.headers.get('access-control-allow-origin'), origin);
      assert.equal(sent.headers.get('access-control-expose-headers'), 'Retry-After');
    }
  });

  it('gives a preflight from any other origin no allow headers, and refuses its POST', async () => {
    const before = (await stored(join(dir, 'messages'))).length;
    for (const origin of ['https://any.site', 'https://intranet.example.evil.site', 'null']) {
      const denied = await preflight(receiver.url, origin);
      assert.equal(denied.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(denied.headers.get('access-control-allow-methods'), null, origin);
      const posted = await post(receiver.url, valid, { Origin: origin });
      assert.equal(posted.status, 403, origin);
      assert.equal(posted.headers.get('access-control-allow-origin'), null, origin);
    }
    assert.equal((await stored(join(dir, 'messages'))).length, before);
  });

  it('allows its own origin (the demo page posting to its own server)', async () => {
    const sent = await post(receiver.url, valid, { Origin: receiver.url });
    assert.equal(sent.status, 201);
    assert.equal(sent.headers.get('access-control-allow-origin'), receiver.url);
  });

  it('sets nosniff, no-referrer and no-store on every API answer', async () => {
    for (const response of [await post(receiver.url, valid), await post(receiver.url, { ...valid, email: 'x' })]) {
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
  });

  it('refuses a 3 MB body with 413, by its Content-Length or once a chunked body passes 64 KB, and stores nothing', async () => {
    const before = (await stored(join(dir, 'messages'))).length;
    assert.equal(await sendLarge(receiver.url, 3_000_000), 413);
    assert.equal(await sendLarge(receiver.url, 3_000_000, { chunked: true }), 413);
    assert.equal((await stored(join(dir, 'messages'))).length, before);
    assert.equal((await post(receiver.url, valid)).status, 201, 'the receiver still answers afterwards');
  });

  it('answers malformed JSON with 400 and stores nothing', async () => {
    const before = (await stored(join(dir, 'messages'))).length;
    for (const body of ['{"name": "Siân', '', 'null,', "{'name': 'x'}"]) {
      const response = await post(receiver.url, body);
      assert.equal(response.status, 400, body);
      assert.equal(response.body.error, 'not-json');
    }
    assert.equal((await stored(join(dir, 'messages'))).length, before);
  });

  it('serves nothing but the API', async () => {
    for (const path of ['/', '/messages/contact-submissions.jsonl', '/contact-submissions.jsonl']) {
      const response = await fetch(receiver.url + path);
      assert.equal(response.status, 404, path);
      await response.body?.cancel();
    }
  });

  it('logs references and status codes, never a name, an email or a message', async () => {
    const sent = await post(receiver.url, valid);
    assert.ok(lines.some((line) => line.includes(sent.body.reference) && line.includes('201')));
    const log = lines.join('\n');
    for (const text of [person.name, person.email, person.message, 'Siân', 'sian.parry'])
      assert.ok(!log.includes(text), `the log holds "${text}"`);
  });
});

describe('receive: rate limit per client address', () => {
  let dir;
  let receiver;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cl-receive-rate-'));
    receiver = await startReceiver({ PORT: '0', CONTACT_DATA_DIR: dir, CONTACT_RATE_LIMIT: '2' }, { log: () => {} });
  });
  after(async () => {
    await receiver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 429 with Retry-After over the limit, and stores nothing', async () => {
    assert.equal((await post(receiver.url, valid)).status, 201);
    assert.equal((await post(receiver.url, valid)).status, 201);
    const limited = await post(receiver.url, { ...valid, message: 'A third one' });
    assert.equal(limited.status, 429);
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait > 3500 && wait <= 3600, `Retry-After ${wait}`);
    assert.equal(limited.body.error, 'rate-limited');
    const records = await stored(dir);
    assert.equal(records.length, 2);
    assert.ok(!records.some((r) => r.submission.message === 'A third one'));
  });
});

describe('receive: retention', () => {
  it('deletes messages older than CONTACT_RETENTION_DAYS on start and keeps newer ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cl-receive-retention-'));
    const day = 86_400_000;
    const record = (reference, daysAgo) => ({
      key: `key-${reference}-0123456789`,
      reference,
      receivedAt: new Date(Date.now() - daysAgo * day).toISOString(),
      fingerprint: 'x',
      submission: { ...valid },
    });
    const lines = [record('CL-OLD00001', 40), record('CL-NEW00001', 5), { delivered: 'CL-OLD00001', at: 'x' }];
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'contact-submissions.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const log = [];
    const receiver = await startReceiver(
      { PORT: '0', CONTACT_DATA_DIR: dir, CONTACT_RETENTION_DAYS: '30' },
      { log: (line) => log.push(line) },
    );
    try {
      const left = await stored(dir);
      assert.deepEqual(
        left.map((l) => l.reference ?? l.delivered),
        ['CL-NEW00001'],
      );
      assert.ok(log.some((line) => /deleted 1 message/.test(line)));
      // The deleted message's key is forgotten too: the same key now stores a new message.
      const again = await post(receiver.url, valid, { 'Idempotency-Key': 'key-CL-OLD00001-0123456789' });
      assert.equal(again.status, 201);
    } finally {
      await receiver.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
