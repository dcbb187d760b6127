/**
 * The CLI run as a real process (as `npx compassionate-leadership-widgets`
 * would run it), the built-in and demo feeds, and the same feeds checked
 * against the published JSON Schema. Needs dist/ (npm run build).
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin/cli.mjs');
const fixture = (name) => join(root, 'test/fixtures/feeds', name);
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

before(() => {
  assert.ok(
    existsSync(join(root, 'dist/feed/validate.js')) && existsSync(join(root, 'dist/feed.schema.json')),
    'dist/ is missing: run npm run build first',
  );
});

/** Runs a node script and resolves with its exit code and output, whatever the code. */
function run(script, args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

const runCli = (...args) => run(cli, args);

/** The "path" of each "path: message" line the CLI printed. */
const problemPaths = (stdout) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => line.slice(0, line.indexOf(': ')));

test('a good feed: exit 0 and a summary with items and Welsh coverage per section', async () => {
  const { code, stdout } = await runCli('validate', fixture('good.json'));
  assert.equal(code, 0);
  assert.match(stdout, /valid feed, version 1, updated 2026-11/);
  assert.match(stdout, /^topics\s+2\s+1\/2\s+1\/2$/m);
  assert.match(stdout, /^principles\s+2\s+1\/2\s+2\/2$/m);
  assert.match(stdout, /^behaviours\s+1\s+0\/1\s+0\/1$/m);
  assert.match(stdout, /^films\s+1\s+1\/1\s+1\/1$/m);
  assert.match(stdout, /^resources\s+2\s+1\/2\s+1\/2$/m);
});

test('a javascript: URL in mixed case is refused with its path', async () => {
  const { code, stdout, stderr } = await runCli('validate', fixture('javascript-url.json'));
  assert.equal(code, 1);
  assert.equal(stdout.trim(), 'resources[1].url: not a safe address (https, http, mailto, tel)');
  assert.match(stderr, /1 problem;/);
});

test('a file that is not JSON: exit 1 with a clear message', async () => {
  const { code, stdout, stderr } = await runCli('validate', fixture('not-json.json'));
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /not-json\.json is not valid JSON: /);
});

test('an unknown version is fatal: exit 1 with its message', async () => {
  const { code, stderr } = await runCli('validate', fixture('version-2.json'));
  assert.equal(code, 1);
  assert.match(stderr, /version is 2; this library reads version 1/);
});

test('a feed that is not an object is fatal', async () => {
  const { code, stderr } = await runCli('validate', fixture('not-object.json'));
  assert.equal(code, 1);
  assert.match(stderr, /The feed is not a JSON object\./);
});

test('every bad item is reported with its exact path', async () => {
  const { code, stdout, stderr } = await runCli('validate', fixture('several-bad.json'));
  assert.equal(code, 1);
  assert.deepEqual(problemPaths(stdout), [
    'updated',
    'topics[1].id',
    'topics[2].label.cy',
    'principles[0].number',
    'behaviours',
    'films[0].source.id',
    'films[1].poster',
    'resources[0].type',
    'resources[1].languages',
    'resources[2].published',
    'contact.email',
  ]);
  assert.match(stdout, /^films\[1\]\.poster: not a media address \(https, http or relative\)$/m);
  assert.match(stderr, /11 problems;/);
});

test('usage errors exit 2; --help exits 0; a missing file exits 2', async () => {
  const none = await runCli();
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^No command given\.\n\nUsage:/);
  const incomplete = await runCli('validate');
  assert.equal(incomplete.code, 2);
  assert.match(incomplete.stderr, /^Unknown or incomplete command: validate\n\nUsage:/);
  const unknown = await runCli('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^Unknown or incomplete command: frobnicate\n\nUsage:/);
  const help = await runCli('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /validate <file\|url>/);
  // The exit codes the tests here hold the CLI to.
  assert.match(
    help.stdout,
    /Exit codes: 0 valid, 1 the feed is not valid, 2 usage error or the file or\naddress could not be read\./,
  );
  const missing = await runCli('validate', fixture('no-such-feed.json'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Could not read .*no such file/);
});

test('validate fetches http(s) addresses; a server error exits 2', async (t) => {
  const server = createServer((request, response) => {
    if (request.url === '/good.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(fixture('good.json')));
    } else if (request.url === '/bad.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(fixture('javascript-url.json')));
    } else {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;
  assert.equal((await runCli('validate', `${base}/good.json`)).code, 0);
  const bad = await runCli('validate', `${base}/bad.json`);
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout.trim(), 'resources[1].url: not a safe address (https, http, mailto, tel)');
  const missing = await runCli('validate', `${base}/missing.json`);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /answered 404/);
});

test('a feed over 2 MB: exit 1, said in words', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const big = join(dir, 'big.json');
  writeFileSync(big, JSON.stringify({ version: 1, notes: ['x'.repeat(2_000_001)] }));
  const { code, stdout, stderr } = await runCli('validate', big);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(stderr, `${big}: the feed is over 2 MB; the widgets will not load it.\n`);
});

test('a refused connection: exit 2 with the reason', async () => {
  // A port that was free a moment ago and that nothing listens on now.
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const address = `http://127.0.0.1:${port}/feed.json`;
  const { code, stdout, stderr } = await runCli('validate', address);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(stderr, `Could not fetch ${address}: connect ECONNREFUSED 127.0.0.1:${port}.\n`);
});

test('a server that never answers: exit 2 after the CLI’s 10 s timeout', async (t) => {
  const requests = [];
  const server = createServer((request) => requests.push(request.url));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  // The CLI has no timeout option: this waits out its fixed 10 s.
  t.after(() => server.closeAllConnections());
  const address = `http://127.0.0.1:${server.address().port}/slow.json`;
  const { code, stdout, stderr } = await runCli('validate', address);
  assert.deepEqual(requests, ['/slow.json']);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(stderr, `Could not fetch ${address}: no answer within 10 s.\n`);
});

test('a missing build: exit 2, naming the missing file and the command that makes it', async (t) => {
  // The CLI as installed without dist/ beside it.
  const dir = mkdtempSync(join(tmpdir(), 'cl-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(cli, join(dir, 'bin', 'cli.mjs'));
  const { code, stdout, stderr } = await run(join(dir, 'bin', 'cli.mjs'), ['validate', fixture('good.json')]);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(stderr, 'feed/validate.js is missing from dist/: run npm run build first.\n');
});

test('the built-in and demo feeds validate with no problem', async () => {
  for (const feed of ['feed/built-in.json', 'feed/demo.json']) {
    const { code, stdout, stderr } = await runCli('validate', join(root, feed));
    assert.equal(code, 0, `${feed}: ${stdout}${stderr}`);
    assert.match(stdout, /^principles\s+7\s/m);
    assert.match(stdout, /^behaviours\s+4\s/m);
  }
});

test('schema prints the JSON Schema with its $id', async () => {
  const { code, stdout } = await runCli('schema');
  assert.equal(code, 0);
  const schema = JSON.parse(stdout);
  assert.match(schema.$id, /feed\.schema\.json$/);
});

test('the JSON Schema (ajv, draft-07) accepts the built-in, demo and good feeds and refuses the bad ones', () => {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(readJson('dist/feed.schema.json'));
  for (const feed of ['feed/built-in.json', 'feed/demo.json', 'test/fixtures/feeds/good.json']) {
    assert.ok(validate(readJson(feed)), `${feed}: ${ajv.errorsText(validate.errors)}`);
  }
  for (const feed of ['javascript-url.json', 'version-2.json', 'several-bad.json']) {
    assert.equal(validate(readJson(`test/fixtures/feeds/${feed}`)), false, feed);
  }
  validate(readJson('test/fixtures/feeds/javascript-url.json'));
  assert.ok(validate.errors.some((error) => error.instancePath === '/resources/1/url'));
});

test('the demo feed is the built-in feed plus the sample film, the contact receiver and their notes', () => {
  const builtIn = readJson('feed/built-in.json');
  const demo = readJson('feed/demo.json');
  const sample = demo.films.find((film) => film.id === 'sample-film');
  assert.ok(sample);
  const { endpoint, topics, ...contact } = demo.contact;
  assert.equal(endpoint, '/api/contact');
  assert.ok(topics.length > 0);
  assert.deepEqual(
    {
      ...demo,
      films: demo.films.filter((film) => film !== sample),
      contact,
      notes: demo.notes.slice(0, builtIn.notes.length),
    },
    builtIn,
  );
});

test('the built-in feed carries no invented film source, no e-mail and no endpoint', () => {
  const builtIn = readJson('feed/built-in.json');
  assert.ok(builtIn.films.every((film) => film.source === undefined && film.url !== undefined));
  assert.equal(builtIn.contact.email, undefined);
  assert.equal(builtIn.contact.endpoint, undefined);
  assert.ok(builtIn.notes.some((note) => /awaiting review by a Welsh speaker/.test(note)));
});

test('the sample film, poster and captions exist beside the demo feed and are small', () => {
  const sample = readJson('feed/demo.json').films.find((film) => film.id === 'sample-film');
  const local = [
    sample.poster,
    ...sample.source.files.map((file) => file.src),
    ...sample.captions.map((track) => track.src),
  ];
  for (const path of local) assert.ok(existsSync(join(root, 'feed', path)), path);
  assert.ok(statSync(join(root, 'feed', sample.source.files[0].src)).size < 100_000);
  const cues = (path) => readFileSync(join(root, 'feed', path), 'utf8').match(/^\d\d:\d\d:\d\d\.\d{3} --> .*$/gm);
  for (const track of sample.captions) assert.match(readFileSync(join(root, 'feed', track.src), 'utf8'), /^WEBVTT\n/);
  assert.deepEqual(cues(sample.captions[0].src), cues(sample.captions[1].src));
  assert.ok(sample.transcript.every((line) => line.speaker));
});

test('strings:review reports and exits 0', async () => {
  const { code, stdout } = await run(join(root, 'scripts/strings-review.mjs'), []);
  assert.equal(code, 0);
  assert.match(stdout, /^\d+ Welsh UI strings? awaiting review/m);
  assert.match(stdout, /feed\/built-in\.json: Welsh text written by the project, awaiting review/);
});
