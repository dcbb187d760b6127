// The documentation has one source: the JSDoc on the classes, through the custom-elements.json that
// `npm run build` writes (npm test builds first). Each custom property a widget's CSS uses is documented
// for that widget with the code's own `var()` fallback as its default; the widget guides' generated
// tables match the manifest and their attribute tables name the manifest's attributes; the Storybook
// embedding guide's defaults match the shared styles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementsByTag, guides, splitDefault } from '../../scripts/docs-tables.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const manifestFile = join(root, 'custom-elements.json');
const read = (path) => readFileSync(join(root, path), 'utf8');

/** Global HTML attributes a guide may explain although the element does not declare them. */
const GLOBAL_ATTRIBUTES = new Set(['id']);

function manifestElements() {
  assert.ok(existsSync(manifestFile), 'custom-elements.json is missing: run `npm run build` first');
  return elementsByTag(JSON.parse(readFileSync(manifestFile, 'utf8')));
}

/** The widget folders: src/components/<name>/ with the tag cl-<name>. */
const widgets = () =>
  readdirSync(join(root, 'src/components'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** Each `var(--cl-…, fallback)` in `source`: custom property name -> the set of its fallbacks (parentheses balanced). */
export function fallbacks(source, into = new Map()) {
  for (const match of source.matchAll(/var\(\s*(--cl-[\w-]+)\s*(,?)/g)) {
    let value = null;
    if (match[2] === ',') {
      let depth = 0;
      let end = match.index + match[0].length;
      for (; end < source.length; end++) {
        if (source[end] === '(') depth++;
        else if (source[end] === ')' && depth-- === 0) break;
      }
      value = source.slice(match.index + match[0].length, end).trim();
    }
    if (!into.has(match[1])) into.set(match[1], new Set());
    into.get(match[1]).add(value);
  }
  return into;
}

/** The CSS a widget draws with: the shared styles, its own *.styles.ts, and what its prerendered HTML adds. */
function widgetFallbacks(name) {
  const found = fallbacks(read('src/internal/styles.ts'));
  fallbacks(read('src/ssr/render.ts'), found);
  const folder = join('src/components', name);
  for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith('.styles.ts'))) {
    fallbacks(read(join(folder, file)), found);
  }
  return found;
}

/** The code values (in backticks) of a description's `Default: …` clause. */
const statedDefaults = (description) => [...splitDefault(description).stated.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

const sorted = (values) => [...values].sort();

test('the fallback parser reads nested parentheses and properties without a fallback', () => {
  const found = fallbacks('a { b: var(--cl-x, linear-gradient(1deg, #000, #fff)); c: var(--cl-y) var(--cl-x, 1em); }');
  assert.deepEqual(sorted(found.get('--cl-x')), ['1em', 'linear-gradient(1deg, #000, #fff)']);
  assert.deepEqual([...found.get('--cl-y')], [null]);
});

test('the shared tags (parts, custom properties, events) reach every widget in the manifest', () => {
  const elements = manifestElements();
  for (const name of widgets()) {
    const element = elements.get(`cl-${name}`);
    assert.ok(element, `custom-elements.json has no <cl-${name}>`);
    const parts = (element.cssParts ?? []).map((p) => p.name);
    for (const part of ['base', 'loading', 'error', 'stale', 'language-switch']) {
      assert.ok(parts.includes(part), `<cl-${name}> does not document the part ${part}`);
    }
    assert.ok(
      (element.events ?? []).some((e) => e.name === 'cl-language-change'),
      `<cl-${name}> does not document cl-language-change`,
    );
    assert.ok(
      (element.attributes ?? []).some((a) => a.name === 'language-switch'),
      `<cl-${name}> does not document language-switch`,
    );
  }
});

test("every custom property a widget's CSS uses is documented for it, with the code's fallback as its default", () => {
  const elements = manifestElements();
  const problems = [];
  for (const name of widgets()) {
    const element = elements.get(`cl-${name}`);
    const documented = new Map((element.cssProperties ?? []).map((p) => [p.name, p.description]));
    const used = widgetFallbacks(name);
    for (const property of documented.keys()) {
      if (!used.has(property)) problems.push(`<cl-${name}>: ${property} is documented but its CSS does not use it`);
    }
    for (const [property, values] of used) {
      const stated = sorted(statedDefaults(documented.get(property) ?? ''));
      if (!documented.has(property)) problems.push(`<cl-${name}>: ${property} is used but not documented`);
      else if (values.has(null)) problems.push(`<cl-${name}>: ${property} is used without a fallback`);
      else if (JSON.stringify(stated) !== JSON.stringify(sorted(values))) {
        problems.push(
          `<cl-${name}>: ${property} is documented as ${stated.join(', ')}; the code says ${sorted(values).join(', ')}`,
        );
      }
    }
  }
  assert.deepEqual(problems, []);
});

test("every part a widget's templates name is documented for it", () => {
  const elements = manifestElements();
  const sharedSources = [read('src/feed/feed-widget.ts'), read('src/internal/cl-element.ts')];
  for (const name of widgets()) {
    const folder = join('src/components', name);
    const sources = readdirSync(join(root, folder))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.styles.ts'))
      .map((f) => read(join(folder, f)));
    const named = new Set(
      [...sharedSources, ...sources].flatMap((s) =>
        [...s.matchAll(/\bpart="([\w\s-]+)"/g)].flatMap((m) => m[1].split(/\s+/)),
      ),
    );
    const documented = new Set((elements.get(`cl-${name}`).cssParts ?? []).map((p) => p.name));
    const undocumented = [...named].filter((part) => !documented.has(part));
    assert.deepEqual(undocumented, [], `<cl-${name}>: parts in the templates but not in the JSDoc`);
  }
});

test("each widget guide's events, parts and custom-properties tables are the manifest's (npm run build rewrites them)", async () => {
  manifestElements();
  for (const guide of await guides(root)) {
    assert.equal(guide.text, guide.expected, `${guide.file} is out of date: run \`node scripts/docs-tables.mjs\``);
  }
});

test("each widget guide's attribute table names the manifest's attributes", async () => {
  manifestElements();
  for (const guide of await guides(root)) {
    const table = /## Attributes\n\n((?:\|.*\n)+)/.exec(guide.text);
    assert.ok(table, `${guide.file} has no attribute table`);
    const named = [...table[1].matchAll(/^\| `([\w-]+)`/gm)].map((m) => m[1]).filter((a) => !GLOBAL_ATTRIBUTES.has(a));
    const declared = (guide.element.attributes ?? []).map((a) => a.name);
    assert.deepEqual(sorted(named), sorted(declared), `${guide.file}: attributes in the guide vs the manifest`);
  }
});

test("the Storybook embedding guide's custom properties and defaults are the shared styles'", () => {
  const page = read('stories/guide-embedding.mdx');
  const rows = [...page.matchAll(/<td><code>(--cl-[\w-]+)<\/code><\/td>\s*<td>(.*?)<\/td>/g)];
  const stated = new Map(rows.map((m) => [m[1], [...m[2].matchAll(/<code>(.*?)<\/code>/g)].map((c) => c[1])]));
  const shared = fallbacks(read('src/internal/styles.ts'));
  assert.deepEqual(sorted(stated.keys()), sorted(shared.keys()), 'the guide lists the shared custom properties');
  for (const [property, values] of shared) {
    assert.deepEqual(sorted(stated.get(property)), sorted(values), `the guide's default of ${property}`);
  }
});
