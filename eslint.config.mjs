import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

const root = dirname(fileURLToPath(import.meta.url));

/** Every widget folder may import only itself and the shared code: one zone per src/components/<name>/. */
const widgetZones = readdirSync(join(root, 'src/components'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => ({
    target: `./src/components/${name}`,
    from: './src/components',
    except: [`./${name}`],
    message: 'A widget folder imports only its own files and the shared code (src/feed, src/internal, src/i18n).',
  }));

/** A project module's relative imports of every kind (value, type, dynamic, re-export), resolved to files. */
const importsCache = new Map();
function projectImports(file) {
  const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (modified === undefined) return [];
  const cached = importsCache.get(file);
  if (cached?.modified === modified) return cached.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = importedFiles.map(({ fileName }) => resolveRelative(file, fileName)).filter(Boolean);
  importsCache.set(file, { modified, imports });
  return imports;
}

/** `./x.js` is `./x.ts` in the sources; only relative specifiers can lead back into the project. */
function resolveRelative(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`];
  return candidates.find((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

/** The import chain from `start` back to `target`, or undefined when there is none. */
function chainBack(start, target) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length > 0) {
    const chain = queue.shift();
    for (const next of projectImports(chain.at(-1))) {
      if (next === target) return chain;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...chain, next]);
      }
    }
  }
  return undefined;
}

const typeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.type === 'ImportDeclaration' &&
    node.specifiers.length > 0 &&
    node.specifiers.every((specifier) => specifier.importKind === 'type'));

/**
 * import-x/no-cycle skips type-only imports by design. A cycle through a type import still ties two modules
 * together (and is one refactor away from a runtime cycle), so this rule reports every cycle that has a
 * type-only import in it, at that import; import-x/no-cycle reports the all-value ones.
 */
const noTypeImportCycle = {
  meta: {
    type: 'problem',
    messages: { cycle: 'Import cycle through a type import: {{chain}}.' },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename;
    const check = (node, source) => {
      const imported = source && resolveRelative(file, source.value);
      if (!imported) return;
      const chain = imported === file ? [] : chainBack(imported, file);
      if (!chain) return;
      const names = [file, ...chain, file].map((path) => path.slice(root.length + 1));
      context.report({ node, messageId: 'cycle', data: { chain: names.join(' -> ') } });
    };
    const declaration = (node) => typeOnly(node) && check(node, node.source);
    return {
      ImportDeclaration: declaration,
      ExportNamedDeclaration: declaration,
      ExportAllDeclaration: declaration,
      TSImportType: (node) => check(node, node.argument?.literal ?? node.source),
    };
  },
};

/** Lengths the host page sets (its root font size, its viewport), which a widget's styles must not size by. */
const ROOT_RELATIVE_UNIT = /(?<![\w.-])(?:\d+\.?\d*|\.\d+)(rem|[dsl]?v(?:w|h|i|b|min|max))(?![\w-])/gi;

/**
 * Sizes come from the widget (`em`, `%`, container units), never the host: in `css` tagged templates, `rem`
 * follows the page's `html { font-size }` and the viewport units its window, so the widget would change shape.
 */
const noRootRelativeUnits = {
  meta: {
    type: 'problem',
    messages: { unit: '`{{value}}` sizes by the host page: use em, % or container units (cqi, cqw).' },
    schema: [],
  },
  create(context) {
    return {
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'css') return;
        for (const quasi of node.quasi.quasis) {
          const text = quasi.value.raw.replace(/\/\*[\s\S]*?\*\//g, (comment) => ' '.repeat(comment.length));
          for (const match of text.matchAll(ROOT_RELATIVE_UNIT)) {
            const start = quasi.range[0] + 1 + match.index;
            context.report({
              node: quasi,
              loc: {
                start: context.sourceCode.getLocFromIndex(start),
                end: context.sourceCode.getLocFromIndex(start + match[0].length),
              },
              messageId: 'unit',
              data: { value: match[0] },
            });
          }
        }
      },
    };
  },
};

export default tseslint.config(
  {
    // test/fixtures/host-scripts/: other projects' scripts, as partners' pages carry them.
    ignores: [
      'dist/',
      '.dist-build-*/',
      'storybook-static/',
      'node_modules/',
      'coverage/',
      '.data/',
      'test/fixtures/host-scripts/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strict, litConfigs['flat/recommended'], wcConfigs['flat/recommended']],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'lit/no-template-arrow': 'off',
      'wc/guard-super-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // A base class's hooks name the argument their overrides take.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='fetch']",
          message: 'Talk to the network only through src/internal/http.ts.',
        },
        {
          selector: 'MemberExpression[object.name=/^(localStorage|sessionStorage)$/]',
          message: 'Use the storage adapter in src/internal/storage.ts.',
        },
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Feed text is data: render it through Lit templates.',
        },
        { selector: "CallExpression[callee.name='unsafeHTML']", message: 'Feed text is data, never HTML.' },
        {
          selector: "NewExpression[callee.name='Event']",
          message: 'Use CustomEvent: MooTools 1.x replaces the global Event on the pages that still carry it.',
        },
      ],
    },
  },
  {
    // Built-ins that old libraries on partners' pages (Prototype, MooTools) replace before the widgets load.
    files: ['src/**/*.ts'],
    ignores: ['src/ssr/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Array',
          property: 'from',
          message: 'Prototype and MooTools replace Array.from (no map function, no iterables): spread instead.',
        },
        {
          object: 'JSON',
          property: 'stringify',
          message: "Use toJson from src/internal/json.ts: Prototype 1.6's Array#toJSON writes lists as strings.",
        },
      ],
    },
  },
  {
    // The library's module graph: no cycles (value, type or dynamic imports), no widget importing another;
    // widget styles sized by the widget, not the host page (no rem or viewport units).
    files: ['src/**/*.ts'],
    plugins: {
      'import-x': importX,
      cl: { rules: { 'no-type-import-cycle': noTypeImportCycle, 'no-root-relative-units': noRootRelativeUnits } },
    },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js', '.mjs'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }],
      'cl/no-type-import-cycle': 'error',
      'cl/no-root-relative-units': 'error',
      // The elements extend src/internal/base-element.ts: 'lit' itself (and Lit's element modules) would bring
      // ReactiveElement back into every entry, 1.4 KB gzip that nothing uses. Templates come from 'lit/html.js'.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['lit', 'lit-element', '@lit/reactive-element'].map((name) => ({
            name,
            allowTypeImports: true,
            message: "Use 'lit/html.js' for templates and src/internal/base-element.ts for the element base and css.",
          })),
          patterns: [
            {
              group: ['lit-element/*', '@lit/reactive-element/*'],
              allowTypeImports: true,
              message: "Use 'lit/html.js' for templates and src/internal/base-element.ts for the element base and css.",
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': ['error', { zones: widgetZones }],
    },
  },
  {
    files: ['src/internal/http.ts', 'src/internal/storage.ts', 'test/**/*.ts', 'stories/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'bin/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
