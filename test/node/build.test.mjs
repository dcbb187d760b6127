// The build's promises about its inputs and its published types: src/index.ts lists every widget folder
// (committed, so the type-check works before any build), the declarations in dist/ carry no `@internal`
// member and compile on their own, and the ./feed entry exports no test settings. Reads the dist/ that
// `npm run build` wrote (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { discoverWidgets, indexSource, staleIndex, writeIndex } from '../../scripts/widgets.mjs';
import { noInternalDeclarations } from '../../rollup.config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');

/** Files under `dir` ending in `suffix`, dot-folders left out (test/node/lint-config.test.mjs writes one in src/). */
function filesUnder(dir, suffix) {
  const walk = (folder) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.name.startsWith('.')
        ? []
        : entry.isDirectory()
          ? walk(join(folder, entry.name))
          : [join(folder, entry.name)],
    );
  return walk(dir).filter((path) => path.endsWith(suffix));
}
const declarations = () => {
  assert.ok(existsSync(join(dist, 'index.d.ts')), 'dist/ has no declarations: run `npm run build` first');
  return filesUnder(dist, '.d.ts').filter((path) => !/\/dist\/(cdn|demo)\//.test(path));
};

/** `Class.member` for every declaration a JSDoc `@internal` marks, by source file. */
function markedInternal(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const marked = [];
  const visit = (node) => {
    if (node.name && ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal')) {
      marked.push(`${node.parent?.name?.text ?? ''}.${node.name.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return marked;
}

/** `Class.member` for every member of every class and interface a declaration file declares. */
function declaredMembers(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  return source.statements
    .filter((node) => ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node))
    .flatMap((node) => node.members.filter((m) => m.name).map((m) => `${node.name?.text}.${m.name.getText(source)}`));
}

test('src/index.ts, committed, lists exactly the widget folders', async () => {
  const widgets = await discoverWidgets(root);
  assert.ok(widgets.length > 0);
  assert.equal(readFileSync(join(root, 'src/index.ts'), 'utf8'), indexSource(widgets));
  assert.equal(await staleIndex(root, widgets), undefined);
});

test('a new widget folder makes src/index.ts stale, with a message saying how to fix it; writeIndex fixes it', async () => {
  const project = mkdtempSync(join(tmpdir(), 'cl-index-'));
  try {
    for (const name of ['alpha', 'beta']) {
      mkdirSync(join(project, 'src/components', name), { recursive: true });
      writeFileSync(join(project, 'src/components', name, 'define.ts'), 'export {};\n');
    }
    mkdirSync(join(project, 'src/components/not-a-widget'));
    writeFileSync(join(project, 'src/index.ts'), indexSource(['alpha']));
    const widgets = await discoverWidgets(project);
    assert.deepEqual(widgets, ['alpha', 'beta']);
    assert.match(await staleIndex(project, widgets), /src\/index\.ts does not list .*\(alpha, beta\).*npm run build/);
    assert.equal(await writeIndex(project, widgets), true);
    assert.match(
      readFileSync(join(project, 'src/index.ts'), 'utf8'),
      /export \* from '\.\/components\/beta\/define\.js';/,
    );
    assert.equal(await staleIndex(project, widgets), undefined);
    assert.equal(await writeIndex(project, widgets), false);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

test('the build stops when a declaration it writes still says @internal', () => {
  const plugin = noInternalDeclarations();
  const asset = (fileName, source) => ({ type: 'asset', fileName, source });
  const context = {
    error: (message) => {
      throw new Error(message);
    },
  };
  const clean = { 'a.d.ts': asset('a.d.ts', 'export declare const a = 1;\n'), 'a.js': asset('a.js', '// @internal\n') };
  assert.doesNotThrow(() => plugin.generateBundle.call(context, {}, clean));
  const leaking = {
    ...clean,
    'b/c.d.ts': asset('b/c.d.ts', 'export declare class C {\n    /** @internal */\n    x: number;\n}\n'),
  };
  assert.throws(
    () => plugin.generateBundle.call(context, {}, leaking),
    /@internal in the published declarations: b\/c\.d\.ts/,
  );
});

test('no published declaration says @internal', () => {
  const leaks = declarations().filter((file) => readFileSync(file, 'utf8').includes('@internal'));
  assert.deepEqual(
    leaks.map((file) => relative(root, file)),
    [],
  );
});

test('no member marked @internal in src/ is declared in its published .d.ts', () => {
  const leaks = [];
  for (const file of filesUnder(join(root, 'src'), '.ts')) {
    const published = join(dist, relative(join(root, 'src'), file)).replace(/\.ts$/, '.d.ts');
    if (!existsSync(published)) continue;
    const declared = new Set(declaredMembers(published));
    leaks.push(...markedInternal(file).filter((member) => declared.has(member)));
  }
  assert.deepEqual(leaks, []);
});

test('the published declarations compile on their own, library checks included', () => {
  const program = ts.createProgram(declarations(), {
    noEmit: true,
    strict: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${relative(root, d.file.fileName)})` : ''),
    );
  assert.deepEqual(problems, []);
});

test('no shipped script carries the strings review flags (cyReviewed): npm build, CDN, embed pages', () => {
  assert.ok(existsSync(join(dist, 'cdn', 'embed.js')), 'dist/cdn has no embed.js: run `npm run build` first');
  const flagged = filesUnder(dist, '.js').filter((path) => readFileSync(path, 'utf8').includes('cyReviewed'));
  assert.deepEqual(
    flagged.map((path) => relative(root, path)),
    [],
  );
});

test('the CDN copy of the feed folder leaves out the editors’ Welsh review record', () => {
  assert.ok(existsSync(join(dist, 'cdn', 'feed', 'built-in.json')), 'dist/cdn/feed: run `npm run build` first');
  assert.ok(existsSync(join(root, 'feed', 'built-in.cy-review.json')));
  assert.equal(existsSync(join(dist, 'cdn', 'feed', 'built-in.cy-review.json')), false);
});

test('the ./feed entry exports the feed API, not the store test settings', () => {
  const entry = join(dist, 'feed/index.d.ts');
  const program = ts.createProgram([entry], {
    noEmit: true,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ES2022,
    types: [],
  });
  const checker = program.getTypeChecker();
  const exported = checker
    .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)))
    .map((s) => s.name);
  assert.ok(exported.includes('feedEntry') && exported.includes('ClFeed'), exported.join(', '));
  assert.equal(exported.includes('feedStoreOptions'), false);
});

test('every page a reader opens names its icon, so no browser asks a server for /favicon.ico, which none serves', () => {
  const pages = [...filesUnder(join(dist, 'cdn'), '.html'), ...filesUnder(join(dist, 'demo'), '.html')].filter(
    // The embed pages open only in an iframe, which has no icon of its own.
    (path) => !/\/embed(-[a-z-]+\.(en|cy))?\.html$/.test(path),
  );
  assert.deepEqual(
    pages.map((path) => relative(dist, path)),
    [
      'cdn/builder.html',
      'cdn/preview.html',
      'demo/cy.html',
      'demo/index.html',
      'demo/privacy.cy.html',
      'demo/privacy.html',
    ],
  );
  const without = pages.filter((path) => !readFileSync(path, 'utf8').includes('<link rel="icon" href="data:," />'));
  assert.deepEqual(
    without.map((path) => relative(dist, path)),
    [],
  );
});
