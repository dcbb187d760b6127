/**
 * The translator's round trip (strings:export, strings:import) and strings:review, run as real processes on a
 * temporary copy of the strings modules and the built-in feed (`--root`), so the real tree is never touched.
 * The tests read whatever the feed holds today: they pick their feed texts from the export.
 */
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = (name) => join(root, 'scripts', `${name}.mjs`);
const FEED = 'feed/built-in.json';
const SIDECAR = 'feed/built-in.cy-review.json';
const LIMIT_HINT = 'src/components/contact-form/contact-form.strings.ts#limitHint';
const SEND = 'src/components/contact-form/contact-form.strings.ts#send';

let copy;

/** Every file of the copy (strings modules, feed, sidecar) with its text, to compare before and after. */
function snapshot() {
  const files = readdirSync(copy, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [relative(copy, path), readFileSync(path, 'utf8')];
    }),
  );
}

/** Runs a script on the copy (or on `projectRoot`) and resolves with its exit code and output, whatever the code. */
function run(name, args, projectRoot = copy) {
  return new Promise((resolve) => {
    const argv = [script(name), '--root', projectRoot, ...args];
    execFile(process.execPath, argv, { timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

async function exportTo(name, ...args) {
  const out = join(copy, '..', name);
  const { code, stderr } = await run('strings-export', ['--out', out, ...args]);
  assert.equal(code, 0, stderr);
  return { out, text: readFileSync(out, 'utf8') };
}

/** The trans-unit of `id` in an XLIFF text, as written by the export. */
function unitXml(xliff, id) {
  const start = xliff.indexOf(`<trans-unit id="${id}"`);
  assert.ok(start >= 0, `${id} is in the export`);
  return xliff.slice(start, xliff.indexOf('</trans-unit>', start));
}

/** A copy of `xliff` whose unit `id` has `target` (inner XML) and `state`. */
function withTarget(xliff, id, target, state = 'needs-review-translation') {
  const unit = unitXml(xliff, id);
  const edited = unit.replace(/<target state="[^"]*">.*<\/target>/, `<target state="${state}">${target}</target>`);
  return xliff.replace(unit, edited);
}

const unitIds = (xliff) => [...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((match) => match[1]);

/** A feed unit whose Welsh occurs once in the feed file, so its expected edit is one exact replacement. */
function uniqueFeedText(xliff, feedText) {
  for (const id of unitIds(xliff).filter((unit) => unit.startsWith(`${FEED}#`))) {
    const pointer = id
      .slice(FEED.length + 1)
      .split('/')
      .slice(1);
    const cy = pointer.reduce((node, key) => node[key], JSON.parse(feedText)).cy;
    if (feedText.split(JSON.stringify(cy)).length === 2) return { id, pointer: `/${pointer.join('/')}`, cy };
  }
  assert.fail('the feed has a Welsh text that occurs once');
}

function assertOnlyChanged(before, after, changes) {
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
  for (const [file, text] of before) {
    if (file in changes) {
      if (changes[file]) assert.equal(after.get(file), changes[file](text), file);
    } else assert.equal(after.get(file), text, `${file} is untouched`);
  }
}

beforeEach(() => {
  copy = join(mkdtempSync(join(tmpdir(), 'cl-strings-')), 'project');
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.strings.ts')) continue;
    const target = join(copy, relative(root, join(entry.parentPath, entry.name)));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(entry.parentPath, entry.name), target);
  }
  mkdirSync(join(copy, 'feed'));
  cpSync(join(root, FEED), join(copy, FEED));
  writeFileSync(join(copy, SIDECAR), JSON.stringify({ reviewed: {} }, null, 2) + '\n');
});

afterEach(() => rmSync(dirname(copy), { recursive: true, force: true }));

test('XLIFF round trip: two edited units (a placeholder string and a feed text) change and are marked reviewed; nothing else', async () => {
  const before = snapshot();
  const { out, text } = await exportTo('welsh.xlf');
  assert.match(
    text,
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1\.2">/,
  );
  assert.match(
    unitXml(text, LIMIT_HINT),
    /<target state="needs-review-translation">Gallwch ddefnyddio hyd at <x id="limit"\/> nod<\/target>/,
  );
  assert.match(unitXml(text, LIMIT_HINT), /<note>[^<]*Keep the placeholder \{limit\}/);
  const feedText = uniqueFeedText(text, before.get(FEED));

  let edited = withTarget(text, LIMIT_HINT, 'Cewch ddefnyddio hyd at <x id="limit"/> o nodau &amp; dim mwy');
  edited = withTarget(edited, feedText.id, 'Testun &amp; wedi’i adolygu &quot;yma&quot;');
  writeFileSync(out, edited);
  const { code, stdout, stderr } = await run('strings-import', [out]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^2 Welsh texts imported and marked reviewed/m);

  const newCy = 'Testun & wedi’i adolygu "yma"';
  assertOnlyChanged(before, snapshot(), {
    'src/components/contact-form/contact-form.strings.ts': (source) =>
      source.replace(
        'cy: (limit: string) => `Gallwch ddefnyddio hyd at ${limit} nod`,\n    cyReviewed: false,',
        'cy: (limit: string) => `Cewch ddefnyddio hyd at ${limit} o nodau & dim mwy`,\n    cyReviewed: true,',
      ),
    [FEED]: (feed) => feed.replace(JSON.stringify(feedText.cy), JSON.stringify(newCy)),
    [SIDECAR]: null, // checked below
  });
  const sidecar = JSON.parse(readFileSync(join(copy, SIDECAR), 'utf8')).reviewed;
  assert.deepEqual(Object.keys(sidecar), [feedText.pointer]);
  assert.equal(sidecar[feedText.pointer].cy, newCy);

  const again = await exportTo('again.xlf');
  assert.deepEqual(
    unitIds(again.text),
    unitIds(text).filter((id) => id !== LIMIT_HINT && id !== feedText.id),
  );
});

test('CSV round trip: a confirmed unchanged row and an edited row are imported; the others left alone', async () => {
  const before = snapshot();
  const { out, text } = await exportTo('welsh.csv', '--format', 'csv');
  assert.ok(text.startsWith('\uFEFF"id","english","welsh","reviewed","note"\r\n'));
  const row = (id) => text.split('\r\n').find((line) => line.startsWith(`"${id}",`));
  const optional = 'src/components/contact-form/contact-form.strings.ts#optional';
  assert.equal(row(SEND).split('","').slice(1, 4).join('|'), 'Send message|Anfon neges|no');
  const edited = text
    .replace(row(SEND), row(SEND).replace('"Anfon neges","no"', '"Anfon y neges, ""nawr""","no"'))
    .replace(row(optional), row(optional).replace('"(dewisol)","no"', '"(dewisol)","yes"'));
  writeFileSync(out, edited);
  const { code, stdout, stderr } = await run('strings-import', [out]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^2 Welsh texts imported/m);
  assertOnlyChanged(before, snapshot(), {
    'src/components/contact-form/contact-form.strings.ts': (source) =>
      source
        .replace(
          "send: { en: 'Send message', cy: 'Anfon neges', cyReviewed: false }",
          "send: { en: 'Send message', cy: 'Anfon y neges, \"nawr\"', cyReviewed: true }",
        )
        .replace("cy: '(dewisol)', cyReviewed: false", "cy: '(dewisol)', cyReviewed: true"),
  });
});

test('a changed placeholder is refused, naming the unit, and nothing is written', async () => {
  const before = snapshot();
  const { out, text } = await exportTo('welsh.xlf');
  let edited = withTarget(text, SEND, 'Anfon', 'translated');
  edited = withTarget(edited, LIMIT_HINT, 'Gallwch ddefnyddio hyd at <x id="count"/> nod', 'translated');
  writeFileSync(out, edited);
  const { code, stderr } = await run('strings-import', [out]);
  assert.equal(code, 1);
  assert.match(
    stderr,
    new RegExp(
      `^Refused ${LIMIT_HINT}: placeholders changed: the Welsh must keep \\{limit\\}, it has \\{count\\}`,
      'm',
    ),
  );
  assert.match(stderr, /Nothing was written: 1 unit refused/);
  assertOnlyChanged(before, snapshot(), {});
});

test('a unit whose English changed since the export is refused', async () => {
  const { out, text } = await exportTo('welsh.xlf');
  writeFileSync(
    out,
    withTarget(text, SEND, 'Anfon y neges').replace('<source>Send message</source>', '<source>Send</source>'),
  );
  const { code, stderr } = await run('strings-import', [out]);
  assert.equal(code, 1);
  assert.match(stderr, new RegExp(`^Refused ${SEND}: its English has changed since the export`, 'm'));
});

test('a file that is not well-formed XLIFF is refused with its line', async () => {
  const { out, text } = await exportTo('welsh.xlf');
  writeFileSync(out, text.replace('</source>', '</sauce>'));
  const { code, stderr } = await run('strings-import', [out]);
  assert.equal(code, 1);
  assert.match(stderr, /could not be read: XML line \d+: <\/sauce> does not close <source>/);
});

test('a plural entry: one form per unit; reviewed only once every Welsh form has come back', async () => {
  const file = 'src/components/resource-list/resource-list.strings.ts';
  const { out, text } = await exportTo('welsh.xlf');
  const forms = unitIds(text).filter((id) => id.startsWith(`${file}#count/`));
  assert.deepEqual(
    forms.map((id) => id.split('/').at(-1)),
    ['zero', 'one', 'two', 'few', 'many', 'other'],
  );
  assert.match(unitXml(text, `${file}#count/few`), /<source><x id="n"\/> resources<\/source>/);
  assert.match(unitXml(text, `${file}#count/few`), /Plural form “few”: Welsh uses it for 3\./);

  writeFileSync(out, withTarget(text, `${file}#count/few`, '<x id="n"/> adnodd (tri)'));
  const first = await run('strings-import', [out]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, new RegExp(`so ${file}#count stays unreviewed`));
  const afterFew = readFileSync(join(copy, file), 'utf8');
  assert.match(
    afterFew,
    /few: '\{n\} adnodd \(tri\)',\n {6}many: '\{n\} adnodd',\n {6}other: '\{n\} o adnoddau',\n {4}\},\n {4}cyReviewed: false,/,
  );

  const all = forms.reduce(
    (xliff, id) =>
      xliff.replace(unitXml(xliff, id), unitXml(xliff, id).replace('needs-review-translation', 'signed-off')),
    (await exportTo('again.xlf')).text,
  );
  writeFileSync(out, all);
  const second = await run('strings-import', [out]);
  assert.equal(second.code, 0, second.stderr);
  assert.match(readFileSync(join(copy, file), 'utf8'), /other: '\{n\} o adnoddau',\n {4}\},\n {4}cyReviewed: true,/);
});

test('strings:review counts the feed’s unreviewed Welsh, and a text whose English changes after review counts again', async () => {
  const { out, text } = await exportTo('welsh.xlf');
  const feedUnits = unitIds(text).filter((id) => id.startsWith(`${FEED}#`)).length;
  const count = async () => {
    const { code, stdout } = await run('strings-review', []);
    assert.equal(code, 0);
    return Number(stdout.match(/(\d+) Welsh feed texts? awaiting review \(feed\/built-in\.json\)/)[1]);
  };
  assert.ok(feedUnits > 0);
  assert.equal(await count(), feedUnits);

  const feedText = uniqueFeedText(text, readFileSync(join(copy, FEED), 'utf8'));
  writeFileSync(out, withTarget(text, feedText.id, 'Testun newydd'));
  assert.equal((await run('strings-import', [out])).code, 0);
  assert.equal(await count(), feedUnits - 1);

  const feed = JSON.parse(readFileSync(join(copy, FEED), 'utf8'));
  const node = feedText.pointer
    .split('/')
    .slice(1)
    .reduce((parent, key) => parent[key], feed);
  node.en = `${node.en} (changed)`;
  writeFileSync(join(copy, FEED), JSON.stringify(feed, null, 2));
  assert.equal(await count(), feedUnits);
});

test('the real tree: "A i Z" goes to the translator with its note; the official practice toggle is not exported', async () => {
  const { code, stdout, stderr } = await run('strings-export', [], root);
  assert.equal(code, 0, stderr);
  assert.match(
    unitXml(stdout, 'src/components/resource-list/resource-list.strings.ts#title'),
    /<note>[^<]*the Welsh alphabet has no Z[^<]*“A i Y”/,
  );
  assert.ok(!stdout.includes('principle-cards.strings.ts#practice"'));
  assert.match(
    stderr,
    /^Not exported: src\/components\/resource-list\/resource-list\.strings\.ts#month: the Welsh is code/m,
  );
});
