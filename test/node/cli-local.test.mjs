/**
 * The CLI's local-layer commands run as real processes: `validate --local`
 * (a partner's layer checked against the national feed) and `merge` (one
 * static feed). Real files in a temp folder, a real HTTP server for the
 * address cases. Needs dist/ (npm run build).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runCli, tempFolder } from './helpers/cli.mjs';
import Ajv from 'ajv';

const { dir, file, remove } = tempFolder('cl-cli-local-');
after(remove);

before(() => {
  assert.ok(existsSync(join(root, 'dist/feed/layers.js')), 'dist/feed/layers.js is missing: run npm run build first');
});

const resource = (id, title) => ({ id, title, url: `https://example.org/${id}`, type: 'guide', languages: ['en'] });

const national = {
  version: 1,
  updated: '2026-10-01',
  source: { name: { en: 'Social Care Wales', cy: 'Gofal Cymdeithasol Cymru' } },
  topics: [{ id: 'wellbeing', label: 'Wellbeing' }],
  principles: [{ id: 'attending', number: 1, title: 'Attending', summary: 'Listen.' }],
  resources: [resource('kings-fund', 'Caring to change'), resource('old-guide', 'An old guide')],
};

// The guide's worked example (docs/local-feeds.md): two local resources with Welsh titles, one hidden national item.
const council = {
  version: 1,
  updated: '2026-11-20',
  source: { name: { en: 'Cwm Derwen Council', cy: 'Cyngor Cwm Derwen' } },
  hide: ['old-guide'],
  resources: [
    { ...resource('wellbeing-service', 'x'), title: { en: 'Our wellbeing service', cy: 'Ein gwasanaeth llesiant' } },
    {
      ...resource('leadership-programme', 'x'),
      title: { en: 'Our leadership programme', cy: 'Ein rhaglen arwain' },
    },
  ],
};

const nationalFile = file('national.json', national);
const councilFile = file('council.json', council);

test('validate --local: a layer that adds and hides, checked against a given national feed', async () => {
  const { code, stdout, stderr } = await runCli('validate', councilFile, '--local', '--national', nationalFile);
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  const lines = stdout.trim().split('\n');
  assert.equal(lines[0], `${councilFile}: valid local layer, version 1, updated 2026-11-20`);
  assert.ok(lines.some((line) => /^resources\s+2\s+2\/2\s+2\/2$/.test(line)));
  assert.deepEqual(lines.slice(lines.indexOf(`Against ${nationalFile}:`)), [
    `Against ${nationalFile}:`,
    '',
    'The layer adds 2 items (after the national ones), replaces 0 and hides 1.',
  ]);
});

test('validate --local: replacements, a hide id that matches nothing and one the layer replaces, each on its line', async () => {
  const layer = file('replacing.json', {
    version: 1,
    order: 'first',
    hide: ['no-such-item', 'kings-fund'],
    topics: [{ id: 'wellbeing', label: { en: 'Wellbeing at work', cy: 'Llesiant yn y gwaith' } }],
    resources: [resource('kings-fund', 'Caring to change (our copy)'), resource('ours', 'Ours')],
  });
  const { code, stdout } = await runCli('validate', '--local', layer, '--national', nationalFile);
  assert.equal(code, 0);
  const lines = stdout.trim().split('\n');
  assert.deepEqual(lines.slice(lines.indexOf(`Against ${nationalFile}:`)), [
    `Against ${nationalFile}:`,
    "replaces national topics item 'wellbeing'",
    "replaces national resources item 'kings-fund'",
    "hide: 'no-such-item' matches no national item",
    "hide: 'kings-fund' has no effect: the layer replaces that item",
    '',
    'The layer adds 1 item (before the national ones), replaces 2 and hides 0; 1 hide id matches nothing.',
  ]);
});

test('validate --local: without --national the layer is checked against the built-in feed', async () => {
  const builtIn = JSON.parse(readFileSync(join(root, 'feed/built-in.json'), 'utf8'));
  const hidden = builtIn.resources[0].id;
  const layer = file('over-built-in.json', {
    version: 1,
    hide: [hidden],
    resources: [resource('ours', 'Ours')],
  });
  const { code, stdout } = await runCli('validate', layer, '--local');
  assert.equal(code, 0);
  assert.match(
    stdout,
    /\nAgainst the built-in feed:\n\nThe layer adds 1 item \(after the national ones\), replaces 0 and hides 1\.\n$/,
  );
});

test('validate --local: a layer with a bad item lists it, still reports the rest, and exits 1', async () => {
  const layer = file('bad-layer.json', {
    version: 1,
    hide: ['old-guide', 'Not An Id!'],
    resources: [resource('ours', 'Ours'), { ...resource('bad', 'Bad'), url: 'javascript:alert(1)' }],
  });
  const { code, stdout, stderr } = await runCli('validate', layer, '--local', '--national', nationalFile);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n');
  assert.equal(lines[0], 'hide[1]: must be an id: lower-case letters, digits and hyphens');
  assert.equal(lines[1], 'resources[1].url: not a safe address (https, http, mailto, tel)');
  // A bad header field leaves the whole header out (hide with it), so nothing is hidden; the unlinked resource is added.
  assert.equal(lines.at(-1), 'The layer adds 2 items (after the national ones), replaces 0 and hides 0.');
  assert.equal(stderr, `${layer}: 2 problems; the widgets leave out each part named above and keep the rest.\n`);
});

test('validate --local: a national feed with problems is said to have them, and its valid items are compared', async () => {
  const broken = file('broken-national.json', {
    ...national,
    resources: [...national.resources, { ...resource('x', 'X'), type: 'poem' }],
  });
  const { code, stdout } = await runCli('validate', councilFile, '--local', '--national', broken);
  assert.equal(code, 0);
  assert.match(
    stdout,
    new RegExp(
      `\\nAgainst ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\n\\(${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has 1 problem of its own: run validate on it; its valid items are compared\\)\\n`,
    ),
  );
  assert.match(stdout, /hides 1\.\n$/);
});

test('validate --local: usage errors and unreadable feeds exit 2', async () => {
  const nationalWithoutLocal = await runCli('validate', councilFile, '--national', nationalFile);
  assert.equal(nationalWithoutLocal.code, 2);
  assert.match(nationalWithoutLocal.stderr, /^Unknown or incomplete command: validate .* --national .*\n\nUsage:/);
  const nationalWithoutValue = await runCli('validate', councilFile, '--local', '--national');
  assert.equal(nationalWithoutValue.code, 2);
  const unknownOption = await runCli('validate', councilFile, '--locale');
  assert.equal(unknownOption.code, 2);
  const missingNational = await runCli('validate', councilFile, '--local', '--national', join(dir, 'none.json'));
  assert.equal(missingNational.code, 2);
  assert.equal(missingNational.stderr, `Could not read ${join(dir, 'none.json')}: no such file.\n`);
  const notJson = await runCli('validate', file('not-json.json', '{ version: 1'), '--local');
  assert.equal(notJson.code, 1);
  assert.match(notJson.stderr, /not-json\.json is not valid JSON: /);
});

/** Serves `routes` (path -> JSON) on a free port for the length of the test. */
async function serve(t, routes) {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(request.url);
    const body = routes[request.url];
    if (body === undefined) response.writeHead(404).end('not found');
    else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  return { base: `http://127.0.0.1:${server.address().port}`, requests };
}

test('validate --local reads both feeds from addresses', async (t) => {
  const { base, requests } = await serve(t, { '/national.json': national, '/ours.json': council });
  const { code, stdout } = await runCli(
    'validate',
    `${base}/ours.json`,
    '--local',
    '--national',
    `${base}/national.json`,
  );
  assert.equal(code, 0);
  assert.deepEqual(requests.sort(), ['/national.json', '/ours.json']);
  assert.match(stdout, /^http:\/\/127\.0\.0\.1:\d+\/ours\.json: valid local layer, version 1/);
  assert.match(stdout, /replaces 0 and hides 1\.\n$/);
  const missing = await runCli('validate', `${base}/gone.json`, '--local', '--national', `${base}/national.json`);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, `Could not fetch ${base}/gone.json: the server answered 404.\n`);
});

test('merge prints the merged feed: added, replaced in place, hidden, the later date, no layer marks', async () => {
  const layer = file('merge-layer.json', {
    ...council,
    resources: [...council.resources, resource('kings-fund', 'Caring to change (Welsh edition)')],
  });
  const { code, stdout, stderr } = await runCli('merge', nationalFile, layer);
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  assert.deepEqual(JSON.parse(stdout), {
    version: 1,
    updated: '2026-11-20',
    source: national.source,
    topics: national.topics,
    principles: national.principles,
    behaviours: [],
    films: [],
    resources: [resource('kings-fund', 'Caring to change (Welsh edition)'), ...council.resources],
  });
});

test('merge: local items first with `order: "first"`; the output is valid for the published JSON Schema', async () => {
  const first = file('first.json', { ...council, order: 'first' });
  const builtIn = join(root, 'feed/built-in.json');
  const { code, stdout } = await runCli('merge', builtIn, first);
  assert.equal(code, 0);
  const merged = JSON.parse(stdout);
  assert.deepEqual(
    merged.resources.slice(0, 2).map((r) => r.id),
    ['wellbeing-service', 'leadership-programme'],
  );
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'dist/feed.schema.json'), 'utf8')));
  assert.ok(validate(merged), ajv.errorsText(validate.errors));
  // And the CLI's own check passes it, so a partner can publish it as it is.
  const check = await runCli('validate', file('merged.json', stdout));
  assert.equal(check.code, 0, check.stdout);
});

test('merge: a problem in either feed is listed on stderr, nothing is printed, exit 1', async () => {
  const bad = file('merge-bad.json', { version: 1, resources: [{ ...resource('bad', 'Bad'), type: 'poem' }] });
  const { code, stdout, stderr } = await runCli('merge', nationalFile, bad);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(
    stderr,
    `${bad}: resources[0].type: must be one of article, blog, video, toolkit, report, guide, podcast, book, course, website\n` +
      '1 problem; nothing merged.\n',
  );
});

test('merge: usage errors exit 2, an unreadable feed exits 2', async () => {
  const oneArgument = await runCli('merge', nationalFile);
  assert.equal(oneArgument.code, 2);
  assert.match(oneArgument.stderr, /^Unknown or incomplete command: merge .*\n\nUsage:/);
  const missing = await runCli('merge', join(dir, 'none.json'), councilFile);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, `Could not read ${join(dir, 'none.json')}: no such file.\n`);
});

test('merge from addresses makes each layer’s relative addresses absolute against its own address', async (t) => {
  const poster = { id: 'our-film', title: 'Our film', url: 'https://example.org/film', poster: 'media/poster.jpg' };
  const { base } = await serve(t, {
    '/national/feed.json': national,
    '/council/ours.json': { version: 1, films: [poster] },
  });
  const { code, stdout, stderr } = await runCli('merge', `${base}/national/feed.json`, `${base}/council/ours.json`);
  assert.equal(code, 0, stderr);
  assert.equal(JSON.parse(stdout).films[0].poster, `${base}/council/media/poster.jpg`);
});

test('--help documents validate --local and merge', async () => {
  const { code, stdout } = await runCli('--help');
  assert.equal(code, 0);
  assert.match(stdout, /validate <file\|url> --local \[--national <file\|url>\]/);
  assert.match(stdout, /merge <national> <local>/);
  assert.match(stdout, /built-in feed feed\/built-in\.json/);
});

test('the guide’s worked example (docs/local-feeds.md) is a valid layer that adds two resources and hides one', async () => {
  const guide = readFileSync(join(root, 'docs/local-feeds.md'), 'utf8');
  const example = file('guide-example.json', /```json\n([\s\S]*?)```/.exec(guide)[1]);
  const { code, stdout } = await runCli('validate', example, '--local');
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^resources\s+2\s+2\/2\s+2\/2$/m);
  assert.match(
    stdout,
    /\nAgainst the built-in feed:\n\nThe layer adds 2 items \(after the national ones\), replaces 0 and hides 1\.\n$/,
  );
});
