/**
 * The built-in feed's content: the official addresses per language, Welsh
 * that names HEIW by its Welsh name, provenance on every item, links whose
 * language follows the reader, and the CLI reporting sources. Needs dist/
 * (npm run build) for the CLI tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const feed = JSON.parse(readFileSync(join(root, 'feed/built-in.json'), 'utf8'));

const PRINCIPLES_PAGE = {
  en: 'https://socialcare.wales/resources-guidance/improving-care-and-support/compassionate-leadership/principles-and-how-to-use-them',
  cy: 'https://gofalcymdeithasol.cymru/adnoddau-canllawiau/gwella-gofal-a-chymorth/arweinyddiaeth-dosturiol/egwyddorion-arweinyddiaeth-dosturiol-a-sut-iw-defnyddio',
};

/** Every Welsh text in a value, with its path: the `cy` of each `{ en, cy }`. */
function welshTexts(value, path = '', out = []) {
  if (Array.isArray(value)) value.forEach((item, index) => welshTexts(item, `${path}[${index}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'cy' && typeof inner === 'string') out.push([`${path}.cy`, inner]);
      else welshTexts(inner, path ? `${path}.${key}` : key, out);
    }
  }
  return out;
}

/** Runs the CLI and resolves with its exit code and output, whatever the code. */
function runCli(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/cli.mjs'), ...args], { cwd: root, timeout: 20_000 }, (error, stdout) =>
      resolve({ code: error ? error.code : 0, stdout }),
    );
  });
}

test('each principle links to the official principles page in each language', () => {
  assert.equal(feed.principles.length, 7);
  for (const principle of feed.principles) assert.deepEqual(principle.url, PRINCIPLES_PAGE, principle.id);
});

test('the official Welsh names keep the official typography (’), and names not found stay English', () => {
  const welshNames = feed.principles.map((principle) => principle.title.cy);
  assert.deepEqual(welshNames, [
    'Cytuno ar gyfeiriad, sicrhau aliniad ac ymrwymiad ar gyfer cydweithio',
    'Creu amgylcheddau lle mae arweinyddiaeth ar y cyd yn ffynnu',
    'Sefydlu’r amodau i’n gweithlu adlewyrchu, dysgu, gwella ac arloesi’n barhaus',
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  const page = feed.resources.find((resource) => resource.id === 'principles-and-how-to-use-them');
  assert.deepEqual(page.title, {
    en: 'Compassionate leadership principles and how to use them',
    cy: 'Egwyddorion arweinyddiaeth dosturiol a sut i’w defnyddio',
  });
});

test('no Welsh text says "HEIW": it is "AaGIC" in Welsh', () => {
  const welsh = welshTexts(feed);
  assert.ok(welsh.length > 50, 'the walk finds the feed’s Welsh');
  assert.deepEqual(
    welsh.filter(([, text]) => /HEIW/.test(text)),
    [],
  );
  assert.ok(welsh.some(([, text]) => text.includes('Addysg a Gwella Iechyd Cymru (AaGIC)')));
});

test('every practice item carries the official page it was taken from', () => {
  const points = feed.principles.flatMap((principle) => principle.practice ?? []);
  assert.ok(points.length > 0);
  for (const point of points) {
    assert.equal(typeof point.text.en, 'string');
    assert.deepEqual(point.source, PRINCIPLES_PAGE, point.text.en);
  }
});

test('every principle, behaviour, film and resource has a source, or the notes name it as without one', () => {
  const notes = feed.notes.join('\n');
  const items = [
    ...feed.principles.map((item) => ['principles', item.id, item.source]),
    ...feed.behaviours.map((item) => ['behaviours', item.id, item.source]),
    ...feed.films.map((item) => ['films', item.id, item.sourcePage]),
    ...feed.resources.map((item) => ['resources', item.id, item.source]),
  ];
  for (const [section, id, source] of items) {
    if (source === undefined) assert.match(notes, new RegExp(`\\(${section} ${id}\\)`), `${section} ${id}`);
    else
      for (const address of typeof source === 'string' ? [source] : Object.values(source))
        assert.match(address, /^https:\/\/[^\s]+$/, `${section} ${id}`);
  }
});

test('a link’s language follows the reader: a Welsh page where one exists, "In English" only when true', () => {
  for (const resource of feed.resources) {
    const welshPage = typeof resource.url === 'object' && resource.url.cy !== undefined;
    // The resource list says "In English" exactly when languages lacks "cy": then no Welsh page may be linked.
    assert.equal(resource.languages.includes('cy'), welshPage, resource.id);
  }
  const positive = feed.resources.find((resource) => resource.id === 'positive-cultures');
  assert.match(positive.url.cy, /^https:\/\/grwpgwybodaeth\.gofalcymdeithasol\.cymru\//);
  for (const resource of feed.resources.filter((r) => r.publisher === "The King's Fund"))
    assert.match(resource.url, /^https:\/\/www\.kingsfund\.org\.uk\//, resource.id);
});

test('validate reports the sources: none missing in the built-in feed', async () => {
  const { code, stdout } = await runCli('validate', join(root, 'feed/built-in.json'));
  assert.equal(code, 0, stdout);
  assert.match(
    stdout,
    /^0 items without a source \(principles 0, practice items 0, behaviours 0, films 0, resources 0\)\.$/m,
  );
});

test('validate counts the items without a source, per section; plain-text practice points count as unsourced', async () => {
  const changed = structuredClone(feed);
  delete changed.films[0].sourcePage;
  delete changed.resources[2].source;
  changed.principles[1].practice.push('A partner feed’s own point, as plain text.');
  const dir = mkdtempSync(join(tmpdir(), 'cl-sources-'));
  try {
    const file = join(dir, 'feed.json');
    writeFileSync(file, JSON.stringify(changed));
    const { code, stdout } = await runCli('validate', file);
    assert.equal(code, 0, stdout);
    assert.match(
      stdout,
      /^3 items without a source \(principles 0, practice items 1, behaviours 0, films 1, resources 1\)\.$/m,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
