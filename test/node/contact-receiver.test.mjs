import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/server.mjs';
import { contactReceiver } from '../../server/contact.mjs';
import { routes } from '../../server/routes.mjs';

const valid = { name: 'Aled Jones', email: 'aled@example.org', message: 'Helo', replyLanguage: 'cy', language: 'cy' };
let counter = 0;
const log = () => undefined;
const key = () => `test-key-${Date.now()}-${(counter += 1)}-abcdef`;

async function post(base, body, headers = {}, query = '') {
  const response = await fetch(`${base}/api/contact${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function storedLines(dir) {
  const text = await readFile(join(dir, 'contact-submissions.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('contact receiver', () => {
  let dir;
  let server;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cl-contact-'));
    server = await startServer({
      root: dir,
      publicPaths: {},
      handlers: [
        await contactReceiver({
          dataDir: join(dir, 'data'),
          allowedOrigins: ['https://partner.example'],
          rateLimit: 0,
          log,
        }),
      ],
    });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes the data folder and file on start', async () => {
    assert.deepEqual(await storedLines(join(dir, 'data')), []);
  });

  it('stores a valid submission once and answers 201 with a reference', async () => {
    const k = key();
    const first = await post(
      server.url,
      { ...valid, name: '  Aled Jones  ' },
      { 'Idempotency-Key': k, Origin: 'https://partner.example' },
    );
    assert.equal(first.status, 201);
    assert.match(first.body.reference, /^CL-[A-Z2-9]{8}$/);
    assert.equal(first.headers.get('access-control-allow-origin'), 'https://partner.example');
    const again = await post(server.url, valid, { 'Idempotency-Key': k });
    assert.equal(again.status, 200);
    assert.equal(again.body.reference, first.body.reference);
    const records = (await storedLines(join(dir, 'data'))).filter((r) => r.key === k);
    assert.equal(records.length, 1);
    assert.equal(records[0].submission.name, 'Aled Jones');
  });

  it('stores once when the same key arrives twice at the same time', async () => {
    const k = key();
    const [a, b] = await Promise.all([
      post(server.url, valid, { 'Idempotency-Key': k }),
      post(server.url, valid, { 'Idempotency-Key': k }),
    ]);
    assert.equal(a.body.reference, b.body.reference);
    assert.equal((await storedLines(join(dir, 'data'))).filter((r) => r.key === k).length, 1);
  });

  it('refuses a key reused for different content with 409', async () => {
    const k = key();
    await post(server.url, valid, { 'Idempotency-Key': k });
    const other = await post(server.url, { ...valid, message: 'Different' }, { 'Idempotency-Key': k });
    assert.equal(other.status, 409);
    assert.equal(other.body.error, 'idempotency-key-reused');
  });

  it('answers 400 without an Idempotency-Key and 415 for a body that is not JSON', async () => {
    assert.equal((await post(server.url, valid)).status, 400);
    const response = await fetch(`${server.url}/api/contact`, {
      method: 'POST',
      headers: { 'Idempotency-Key': key() },
      body: 'x',
    });
    assert.equal(response.status, 415);
    assert.equal((await post(server.url, '{not json', { 'Idempotency-Key': key() })).status, 400);
  });

  it('answers 422 with field error codes', async () => {
    const response = await post(
      server.url,
      {
        name: '  ',
        email: 'not an email',
        message: 'x'.repeat(2001),
        replyLanguage: 'fr',
        topic: 'Bad Topic',
        organisation: 'o'.repeat(201),
      },
      { 'Idempotency-Key': key() },
    );
    assert.equal(response.status, 422);
    assert.deepEqual(
      response.body.errors.sort((a, b) => a.field.localeCompare(b.field)),
      [
        { field: 'email', code: 'invalid' },
        { field: 'message', code: 'too-long' },
        { field: 'name', code: 'required' },
        { field: 'organisation', code: 'too-long' },
        { field: 'replyLanguage', code: 'invalid' },
        { field: 'topic', code: 'invalid' },
      ],
    );
  });

  it('checks emails for real: a dot in the domain, no spaces, one @', async () => {
    for (const email of ['a@b', 'a b@example.org', 'a@@example.org', 'a@example..org', 'a@-example.org']) {
      const response = await post(server.url, { ...valid, email }, { 'Idempotency-Key': key() });
      assert.equal(response.status, 422, email);
    }
    assert.equal(
      (await post(server.url, { ...valid, email: "o'neil+cl@gofal.cymru" }, { 'Idempotency-Key': key() })).status,
      201,
    );
  });

  it('counts 2,000 characters as code points, not UTF-16 units', async () => {
    const response = await post(server.url, { ...valid, message: '🙂'.repeat(2000) }, { 'Idempotency-Key': key() });
    assert.equal(response.status, 201);
  });

  it('requires consent when the form asked for it', async () => {
    const response = await post(server.url, { ...valid, consentRequired: true }, { 'Idempotency-Key': key() });
    assert.deepEqual(response.body.errors, [{ field: 'consent', code: 'required' }]);
  });

  it('stores a suspect submission, flagged, and answers as usual', async () => {
    const k = key();
    const response = await post(
      server.url,
      { ...valid, suspect: true, suspectReason: 'honeypot' },
      { 'Idempotency-Key': k },
    );
    assert.equal(response.status, 201);
    const [record] = (await storedLines(join(dir, 'data'))).filter((r) => r.key === k);
    assert.equal(record.submission.suspect, true);
    assert.equal(record.submission.suspectReason, 'honeypot');
  });

  it('remembers keys across a restart', async () => {
    const k = key();
    const first = await post(server.url, valid, { 'Idempotency-Key': k });
    const second = await startServer({
      root: dir,
      publicPaths: {},
      handlers: [await contactReceiver({ dataDir: join(dir, 'data'), rateLimit: 0, log })],
    });
    try {
      const again = await post(second.url, valid, { 'Idempotency-Key': k });
      assert.equal(again.status, 200);
      assert.equal(again.body.reference, first.body.reference);
    } finally {
      await second.close();
    }
  });

  it('ignores fault flags unless faults are on', async () => {
    const response = await post(server.url, valid, { 'Idempotency-Key': key() }, '?fault=x&fail=3');
    assert.equal(response.status, 201);
  });
});

describe('contact receiver with test faults (routes({ faults: true }))', () => {
  let dir;
  let server;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cl-contact-faults-'));
    server = await startServer({
      root: dir,
      publicPaths: {},
      handlers: await routes({ root: dir, dataDir: 'data', faults: true, rateLimit: 0, log }),
    });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const send = (query, k) =>
    fetch(`${server.url}/api/contact?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': k },
      body: JSON.stringify(valid),
    });

  it('fails the first N requests with 503', async () => {
    const k = key();
    assert.equal((await send('fault=f1&fail=2', k)).status, 503);
    assert.equal((await send('fault=f1&fail=2', k)).status, 503);
    assert.equal((await send('fault=f1&fail=2', k)).status, 201);
    const counts = await (await fetch(`${server.url}/api/contact?fault=f1`)).json();
    assert.deepEqual(counts, { requests: 3, stored: 1 });
  });

  it('stores but loses the answer, then answers the retry with the same reference', async () => {
    const k = key();
    await assert.rejects(send('fault=f2&lose-answer=1', k));
    const retry = await send('fault=f2&lose-answer=1', k);
    assert.equal(retry.status, 200);
    assert.equal((await storedLines(join(dir, 'data'))).filter((r) => r.key === k).length, 1);
    assert.deepEqual(await (await fetch(`${server.url}/api/contact?fault=f2`)).json(), { requests: 2, stored: 1 });
  });
});
