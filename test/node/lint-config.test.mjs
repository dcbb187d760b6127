// The lint rules that keep the module graph clean, proved on small fixtures with the project's own
// configuration: a cycle (value, dynamic or type-only), a widget importing another widget and an import of Lit's
// element base are errors, an unformatted file fails the format check, and a clean file passes both.
// Cycle fixtures must exist on disk (the rules read the other module): they are written to a dot-folder
// under src/ (outside tsc's and lit-analyzer's globs, git-ignored) and removed when the tests end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(root, `src/.lint-fixtures-${process.pid}`);
const eslint = new ESLint({ cwd: root });

const modules = {
  // Value cycle: value-a -> value-b -> value-a.
  'value-a.ts': "import { b } from './value-b.js';\n\nexport const a = (): number => b + 1;\n",
  'value-b.ts': "import { a } from './value-a.js';\n\nexport const b = 2;\nexport const c = (): number => a();\n",
  // Loaded on intent, still a cycle: dynamic-a -(import())-> dynamic-b -> dynamic-a.
  'dynamic-a.ts': "export const a = 1;\nexport const load = () => import('./dynamic-b.js');\n",
  'dynamic-b.ts': "import { a } from './dynamic-a.js';\n\nexport const b = a + 1;\n",
  // Type cycle: type-a -(import type)-> type-b -> type-a.
  'type-a.ts': "import type { B } from './type-b.js';\n\nexport const a = 1;\nexport type A = { b?: B };\n",
  'type-b.ts': "import { a } from './type-a.js';\n\nexport const b = a + 1;\nexport type B = { b: number };\n",
  // Types only on both sides, written inline and as `typeof import()`.
  'types-a.ts': "import { type B } from './types-b.js';\n\nexport type A = { b?: B };\n",
  'types-b.ts': "export type B = { a?: typeof import('./types-a.js') };\n",
  // No cycle: one way only.
  'one-way-a.ts': "import { b } from './one-way-b.js';\n\nexport const a = b + 1;\n",
  'one-way-b.ts': 'export const b = 2;\n',
};

before(() => {
  mkdirSync(fixtures, { recursive: true });
  for (const [name, text] of Object.entries(modules)) writeFileSync(join(fixtures, name), text);
});
after(() => rmSync(fixtures, { recursive: true, force: true }));

async function errors(file) {
  const [result] = await eslint.lintFiles([join(fixtures, file)]);
  return result.messages.filter((message) => message.severity === 2).map((message) => message.ruleId);
}

/** Lints text as if it were a file at `path` (relative to the project) without writing it. */
async function errorsAt(path, text) {
  const [result] = await eslint.lintText(text, { filePath: join(root, path) });
  return result.messages.filter((message) => message.severity === 2).map((message) => message.ruleId);
}

async function formatted(path, text) {
  const options = await prettier.resolveConfig(join(root, path));
  return prettier.check(text, { ...options, filepath: join(root, path) });
}

test('the fixtures are linted with the project configuration, not ignored', async () => {
  assert.equal(await eslint.isPathIgnored(join(fixtures, 'value-a.ts')), false);
  assert.equal(relative(root, fixtures).startsWith('src/'), true);
});

test('a cycle of value imports is an error on both sides', async () => {
  assert.deepEqual(await errors('value-a.ts'), ['import-x/no-cycle']);
  assert.deepEqual(await errors('value-b.ts'), ['import-x/no-cycle']);
});

test('a cycle through a dynamic import() is an error', async () => {
  assert.deepEqual(await errors('dynamic-a.ts'), ['import-x/no-cycle']);
});

test('a cycle through a type-only import is an error', async () => {
  assert.deepEqual(await errors('type-a.ts'), ['cl/no-type-import-cycle']);
});

test('a cycle of type-only imports (inline `type` and `typeof import()`) is an error on both sides', async () => {
  assert.deepEqual(await errors('types-a.ts'), ['cl/no-type-import-cycle']);
  assert.deepEqual(await errors('types-b.ts'), ['cl/no-type-import-cycle']);
});

test('imports one way only are no cycle', async () => {
  assert.deepEqual(await errors('one-way-a.ts'), []);
  assert.deepEqual(await errors('one-way-b.ts'), []);
});

test("a widget importing another widget's folder is an error (values and types)", async () => {
  const path = 'src/components/principle-cards/lint-fixture.ts';
  const value =
    "import { ClFilmPlayer } from '../film-player/film-player.js';\n\nexport const player = ClFilmPlayer;\n";
  const type =
    "import type { ClFilmPlayer } from '../film-player/film-player.js';\n\nexport type Player = ClFilmPlayer;\n";
  assert.deepEqual(await errorsAt(path, value), ['import-x/no-restricted-paths']);
  assert.deepEqual(await errorsAt(path, type), ['import-x/no-restricted-paths']);
});

test('a clean widget file passes lint and the format check', async () => {
  const path = 'src/components/principle-cards/lint-fixture.ts';
  const text =
    "import { defineElement } from '../../internal/define.js';\nimport { ClPrincipleCards } from './principle-cards.js';\n\n" +
    "export const define = (): void => defineElement('cl-lint-fixture', ClPrincipleCards);\n";
  assert.deepEqual(await errorsAt(path, text), []);
  assert.equal(await formatted(path, text), true);
});

test('an unformatted file fails the format check', async () => {
  const path = 'src/components/principle-cards/lint-fixture.ts';
  assert.equal(await formatted(path, 'export const a = {b:1}\n'), false);
  assert.equal(await formatted(path, 'export const a = { b: 1 };\n'), true);
  assert.equal(
    (await prettier.getFileInfo(join(root, path), { ignorePath: join(root, '.prettierignore') })).ignored,
    false,
  );
});

test('widget styles that size by the host page (rem, viewport units) are errors; em, % and container units pass', async () => {
  const path = 'src/components/principle-cards/lint-fixture.ts';
  const styles = (body) =>
    `import { css } from '../../internal/base-element.js';\n\nexport const styles = css\`\n  ${body}\n\`;\n`;
  const report = async (body) => {
    const [result] = await eslint.lintText(styles(body), { filePath: join(root, path) });
    return result.messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`);
  };
  assert.deepEqual(await report('.a { gap: 1rem; }'), ['cl/no-root-relative-units 4:13']);
  assert.deepEqual(await report('.a { width: 50vw; height: 100dvh; min-height: .5svh; }'), [
    'cl/no-root-relative-units 4:15',
    'cl/no-root-relative-units 4:29',
    'cl/no-root-relative-units 4:49',
  ]);
  assert.deepEqual(await report('.a { inline-size: min(100%, 12vmin); font-size: 1.2REM; }'), [
    'cl/no-root-relative-units 4:31',
    'cl/no-root-relative-units 4:51',
  ]);
  const clean =
    '/* 1rem here is only a comment */ .a { gap: 1em; width: 50%; inline-size: 10cqi; margin: 2cqw; --lorem: 3px; }';
  assert.deepEqual(await report(clean), []);
});

test("importing 'lit' itself or Lit's element modules in src/ is an error; lit/html.js, directives and types pass", async () => {
  const path = 'src/components/principle-cards/lint-fixture.ts';
  const rule = '@typescript-eslint/no-restricted-imports';
  assert.deepEqual(await errorsAt(path, "import { html } from 'lit';\n\nexport const a = html`<p></p>`;\n"), [rule]);
  assert.deepEqual(
    await errorsAt(path, "import { LitElement } from 'lit-element';\n\nexport const A = LitElement;\n"),
    [rule],
  );
  assert.deepEqual(
    await errorsAt(path, "import { css } from '@lit/reactive-element/css-tag.js';\n\nexport const a = css`p{}`;\n"),
    [rule],
  );
  const clean =
    "import { html } from 'lit/html.js';\nimport { ifDefined } from 'lit/directives/if-defined.js';\n" +
    "import type { TemplateResult } from 'lit';\n\nexport const a = (x?: string): TemplateResult => html`<p lang=${ifDefined(x)}></p>`;\n";
  assert.deepEqual(await errorsAt(path, clean), []);
});

test('built-ins that old libraries on partner pages replace are errors in the browser code, not in src/ssr/', async () => {
  const path = 'src/components/principle-cards/lint-fixture.ts';
  assert.deepEqual(await errorsAt(path, 'export const a = Array.from({ length: 2 }, (_, i) => i);\n'), [
    'no-restricted-properties',
  ]);
  assert.deepEqual(await errorsAt(path, 'export const a = JSON.stringify([1]);\n'), ['no-restricted-properties']);
  assert.deepEqual(await errorsAt(path, "export const a = new Event('x');\n"), ['no-restricted-syntax']);
  const clean =
    "import { toJson } from '../../internal/json.js';\n\n" +
    "export const a = [...Array(2).keys()];\nexport const b = toJson([1]);\nexport const c = new CustomEvent('x');\n";
  assert.deepEqual(await errorsAt(path, clean), []);
  // Server-side rendering runs in Node, where no host page's script is.
  assert.deepEqual(
    await errorsAt('src/ssr/lint-fixture.ts', 'export const a = JSON.stringify(Array.from([1]));\n'),
    [],
  );
});
