/**
 * `npx compassionate-leadership-widgets receive`: the receiver alone, as a
 * partner starts it (the real command, in its own process).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RECEIVER_ENV } from '../../server/config.mjs';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/cli.mjs');
const run = (args, env) =>
  promisify(execFile)(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH, ...env } }).then(
    (result) => ({ code: 0, ...result }),
    (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
const dirs = [];
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'cl-receive-cli-'));
  dirs.push(dir);
  return dir;
}

describe('compassionate-leadership-widgets receive', () => {
  it('starts the receiver, which stores a message, and stops cleanly on SIGTERM', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, [cli, 'receive'], {
      env: { PATH: process.env.PATH, PORT: '0', CONTACT_DATA_DIR: dir },
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (output += chunk));
    while (!/POST (http:\S+)/.test(output)) await once(child.stdout, 'data');
    assert.match(output, /no mail settings .* no one is emailed/);
    const endpoint = /POST (http:\S+)/.exec(output)[1];
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'cli-test-key-0123456789' },
      body: JSON.stringify({ name: 'A', email: 'a@example.org', message: 'Hi', replyLanguage: 'en' }),
    });
    assert.equal(response.status, 201);
    const { reference } = await response.json();
    assert.match(await readFile(join(dir, 'contact-submissions.jsonl'), 'utf8'), new RegExp(reference));
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });

  it('--purge deletes the messages past CONTACT_RETENTION_DAYS and exits', async () => {
    const dir = await tempDir();
    const record = (reference, daysAgo) =>
      JSON.stringify({
        key: `key-${reference}-0123456789`,
        reference,
        receivedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        submission: {},
      });
    await writeFile(join(dir, 'contact-submissions.jsonl'), `${record('CL-OLD', 8)}\n${record('CL-NEW', 6)}\n`);
    const result = await run(['receive', '--purge'], { CONTACT_DATA_DIR: dir, CONTACT_RETENTION_DAYS: '7' });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Deleted 1 message past the retention period/);
    const left = await readFile(join(dir, 'contact-submissions.jsonl'), 'utf8');
    assert.match(left, /CL-NEW/);
    assert.doesNotMatch(left, /CL-OLD/);
  });

  it('--help lists every environment variable the receiver reads', async () => {
    const result = await run(['receive', '--help'], {});
    assert.equal(result.code, 0);
    for (const [name] of RECEIVER_ENV) assert.match(result.stdout, new RegExp(`^  ${name} `, 'm'));
    const names = ['PORT', 'HOST', 'CONTACT_DATA_DIR', 'CONTACT_ALLOWED_ORIGINS', 'CONTACT_RETENTION_DAYS'];
    names.push('CONTACT_RATE_LIMIT', 'CONTACT_SMTP_URL', 'CONTACT_MAIL_TO', 'CONTACT_MAIL_FROM');
    assert.deepEqual(
      RECEIVER_ENV.map(([name]) => name),
      names,
    );
  });

  it('refuses unusable settings with exit code 2 and says which', async () => {
    const cases = [
      [{ CONTACT_RATE_LIMIT: 'lots' }, /CONTACT_RATE_LIMIT must be a whole number/],
      [{ CONTACT_SMTP_URL: 'smtp://mail.example' }, /missing: CONTACT_MAIL_TO, CONTACT_MAIL_FROM/],
      [
        { CONTACT_SMTP_URL: 'http://mail.example', CONTACT_MAIL_TO: 'a@b.example', CONTACT_MAIL_FROM: 'c@b.example' },
        /must start with smtp:\/\/ or smtps:\/\//,
      ],
    ];
    for (const [env, message] of cases) {
      const result = await run(['receive'], { CONTACT_DATA_DIR: await tempDir(), PORT: '0', ...env });
      assert.equal(result.code, 2, JSON.stringify(env));
      assert.match(result.stderr, message);
    }
    const unknown = await run(['receive', '--everything'], {});
    assert.equal(unknown.code, 2);
  });
});
