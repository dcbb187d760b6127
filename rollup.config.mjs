/**
 * The npm and CDN builds, entries discovered from src/components/<name>/define.ts.
 *
 * `npx rollup -c` writes dist/ (the npm build: one module per source file, with declarations) and dist/cdn/
 * (minified: the all-in-one, and per-widget entries that share a hashed core chunk; both load the widgets' lazy
 * halves on intent).
 * `npm run build` (scripts/build.mjs) runs these same configurations, into a folder swapped in at the end,
 * and adds the steps around them: src/index.ts, integrity hashes, JSON Schema, manifest, embed pages, budgets.
 */
import { existsSync } from 'node:fs';
import { readFile, cp } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import ts from 'typescript';
import { discoverWidgets, staleIndex } from './scripts/widgets.mjs';

const root = dirname(fileURLToPath(import.meta.url));

const external = (id) => /^(lit|lit\/.*|@lit\/.*|@lit-labs\/ssr-client(\/.*)?|tslib)$/.test(id);

function failOnWarning(warning) {
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
  throw new Error(`rollup: ${warning.message}`);
}

/** The embed pages ship only in the CDN folder (scripts/build-embed.mjs): the program's declarations for them are not part of the package. */
function dropEmbedDeclarations() {
  return {
    name: 'drop-embed-declarations',
    generateBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) if (fileName.startsWith('embed/')) delete bundle[fileName];
    },
  };
}

/** stripInternal drops what a JSDoc `@internal` marks; a mark it could not act on (not JSDoc, not on a declaration) fails the build. */
export function noInternalDeclarations() {
  return {
    name: 'no-internal-declarations',
    generateBundle(_options, bundle) {
      const leaks = Object.values(bundle).filter(
        (file) => file.fileName.endsWith('.d.ts') && String(file.source).includes('@internal'),
      );
      if (leaks.length > 0) {
        this.error(`@internal in the published declarations: ${leaks.map((file) => file.fileName).join(', ')}`);
      }
    },
  };
}

/**
 * `cyReviewed` flags (src/i18n/strings.ts) are for `npm run strings:review`, which reads the sources; no reader
 * needs them. Blanked, not cut, after TypeScript, so every column stays where the source map says.
 */
export function stripCyReviewed() {
  return {
    name: 'strip-cy-reviewed',
    transform(code, id) {
      if (!id.endsWith('.strings.ts')) return null;
      return { code: code.replace(/\bcyReviewed:\s*(?:true|false),?/g, (flag) => ' '.repeat(flag.length)), map: null };
    },
  };
}

function npmBuild(dist, widgets) {
  return {
    input: {
      index: 'src/index.ts',
      'feed/index': 'src/feed/index.ts',
      'feed/define': 'src/feed/define.ts',
      ...Object.fromEntries(widgets.map((name) => [`components/${name}/define`, `src/components/${name}/define.ts`])),
    },
    external,
    plugins: [
      // The same templates as the CDN build's: HTML prerendered from one hydrates with any build (src/ssr/).
      minifyTemplates(),
      typescript({
        tsconfig: 'tsconfig.build.json',
        outDir: dist,
        declaration: true,
        declarationDir: dist,
        // Members marked `/** @internal */` are not the public API: they stay out of the published .d.ts.
        stripInternal: true,
        rootDir: 'src',
        sourceMap: true,
        noEmitOnError: true,
      }),
      stripCyReviewed(),
      dropEmbedDeclarations(),
      noInternalDeclarations(),
    ],
    onwarn: failOnWarning,
    output: { dir: dist, format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  };
}

/**
 * Each entry finds the built-in feed with `new URL('…/feed/built-in.json', import.meta.url)`,
 * written for its place in src/. In the CDN folder that code may end up in an entry or a
 * chunk at another depth, so the address is handed to rollup, which writes it relative
 * to whichever file the code lands in.
 */
function cdnBuiltInFeedPath() {
  let reference;
  return {
    name: 'cdn-built-in-feed-path',
    async buildStart() {
      reference = this.emitFile({
        type: 'asset',
        fileName: 'feed/built-in.json',
        source: await readFile(join(root, 'feed/built-in.json')),
      });
    },
    transform(code) {
      const rewritten = code.replace(
        /new URL\((['"])(?:\.\.\/)+feed\/built-in\.json\1, import\.meta\.url\)/g,
        `new URL(import.meta.ROLLUP_FILE_URL_${reference})`,
      );
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}

/** The CDN folder serves the whole feed folder (the demo feed, media, captions) beside the bundles. */
function copyFeedFolder(cdn) {
  return {
    name: 'copy-feed-folder',
    async writeBundle() {
      // The Welsh review record (npm run strings:review) is for editors, not for partners' pages.
      await cp(join(root, 'feed'), join(cdn, 'feed'), {
        recursive: true,
        filter: (source) => !source.endsWith('.cy-review.json'),
      });
    },
  };
}

/**
 * Template whitespace is bytes every partner's readers download: html`` and css`` are minified before TypeScript, in
 * every build, so prerendered HTML (dist/ssr/) matches the templates of whichever build hydrates it.
 */
// src/ssr/ builds its outer element from parts at run time: nothing there to minify.
const minifyTemplates = () => minifyHTML({ include: ['src/**/*.ts'], exclude: ['src/ssr/**'], failOnError: true });

const cdnPlugins = (cdn) => [
  nodeResolve({ exportConditions: ['production'] }),
  minifyTemplates(),
  typescript({
    tsconfig: 'tsconfig.build.json',
    declaration: false,
    declarationMap: false,
    outDir: cdn,
    sourceMap: true,
  }),
  stripCyReviewed(),
  cdnBuiltInFeedPath(),
];

const minify = () =>
  terser({ ecma: 2020, format: { comments: false }, compress: { passes: 3, unsafe_arrows: true }, module: true });

/**
 * The all-in-one: every widget in one file (one request, one gzip stream), except the code a reader needs only after
 * acting (the contact form's checks and sending, the resource list's search), which loads on that intent from its own
 * chunk, as it does from the widget entries.
 */
function cdnAllInOne(cdn) {
  return {
    input: { 'compassionate-leadership': 'src/index.ts' },
    // The shared code stays in the entry file itself (the lazy chunks import it from there): one file before use.
    preserveEntrySignatures: 'allow-extension',
    plugins: cdnPlugins(cdn),
    onwarn: failOnWarning,
    output: {
      dir: cdn,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/all-in-one/[name]-[hash].js',
      sourcemap: true,
      plugins: [minify()],
    },
  };
}

/**
 * Each widget's CDN entry (`<widget>.js`, the plain script tag's) is a loader: src/feed/prefetch.ts asks for the feed
 * of each of its widgets already in the page, then the widget's code (its define.ts, in `chunks/<widget>-<hash>.js`)
 * is imported together with the chunks that code imports, all at once, and its class exported as before. A plain
 * entry made the feed's request wait for the entry, then the core chunk the entry imports, then their run.
 * It also keeps presses on a prerendered widget's buttons until the widget has hydrated (src/internal/kept-presses.ts),
 * and, when the widget's code does not come, shows its prerendered copies' view without scripts at once
 * (src/internal/code-failed.ts). These files are inlined into each loader (transpiled here, their `export`s dropped
 * so what the loader does not use is shaken out): a chunk the loaders shared would be one more request before the
 * feed's. scripts/size-report.mjs counts a loader's imports as before use.
 */
const LOADER = '\0widget-loader:';
function widgetLoaders() {
  const isLoader = (id) => Boolean(id?.startsWith(LOADER));
  return {
    name: 'widget-loaders',
    resolveId: (id) => (isLoader(id) ? id : null),
    async load(id) {
      if (!isLoader(id)) return null;
      const widget = id.slice(LOADER.length);
      const define = join(root, 'src/components', widget, 'define.ts');
      const tag = `cl-${widget}`;
      const source = await readFile(define, 'utf8');
      const exported = /^export \{ (\w+) \};$/m.exec(source)?.[1];
      if (!source.includes(`'${tag}'`) || !exported)
        this.error(`${define} does not define <${tag}> and export its class`);
      const inline = async (file) =>
        ts
          .transpileModule(await readFile(join(root, file), 'utf8'), {
            compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
          })
          .outputText.replace(/^export /gm, '');
      return [
        await inline('src/feed/prefetch.ts'),
        await inline('src/internal/kept-presses.ts'),
        await inline('src/internal/code-failed.ts'),
        `prefetchFeeds(${JSON.stringify(tag)}, new URL('../../../feed/built-in.json', import.meta.url));`,
        'keepPresses();',
        // Awaited, so the entry still exports the widget's class, as it did before it was a loader (undefined when
        // the code did not come: a warning, not an error thrown into the page).
        'let widget = {};',
        `try { widget = await import(${JSON.stringify(define)}); } catch (error) { codeFailed(${JSON.stringify(tag)}, error); }`,
        `export const ${exported} = widget.${exported};`,
      ].join('\n');
    },
    // The widget's chunk and the chunks it imports, asked for together (not one after the other, as each is parsed).
    renderDynamicImport({ chunk, getTargetChunkImports }) {
      if (!isLoader(chunk.facadeModuleId)) return null;
      const beside = (getTargetChunkImports() ?? [])
        .filter(({ type }) => type === 'internal')
        .map(({ resolvedImportPath }) => `import(${resolvedImportPath}),`);
      // Awaited together, so a chunk that fails is the import's failure, not a rejection nobody handles.
      return { left: `Promise.all([${beside.join('')}import(`, right: ')]).then((modules) => modules.pop())' };
    },
  };
}

/** A widget's own code (its define.ts and what only it imports), loaded by its loader and its facade. */
const widgetChunkName = (chunk) => {
  const define = chunk.moduleIds.find((id) => /\/src\/components\/[a-z-]+\/define\.ts$/.test(id));
  const widget = define?.split('/').at(-2);
  return widget ? `chunks/${widget}-[hash].js` : 'chunks/[name]-[hash].js';
};

/** The per-widget entries share a single hashed `core` chunk (Lit, the feed, the base), so two widgets on a page load it once. */
function cdnPerWidget(cdn, widgets) {
  return {
    input: {
      feed: 'src/feed/define.ts',
      ...Object.fromEntries(widgets.map((name) => [name, `${LOADER}${name}`])),
      // A widget's facade (the film player's): the first script of its prerendered HTML, which loads the entry.
      ...Object.fromEntries(
        widgets
          .filter((name) => existsSync(join(root, 'src/components', name, 'facade.ts')))
          .map((name) => [`${name}.facade`, `src/components/${name}/facade.ts`]),
      ),
    },
    // An entry may carry code its lazy half shares (the contact rules), instead of a chunk of its own for it.
    preserveEntrySignatures: 'allow-extension',
    plugins: [...cdnPlugins(cdn), widgetLoaders(), copyFeedFolder(cdn)],
    onwarn: failOnWarning,
    output: {
      dir: cdn,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: widgetChunkName,
      // What every widget needs (Lit's core, the feed, the base) goes in one chunk; anything else (<cl-feed> and its
      // context provider, a directive one widget uses, the headings some widgets render, the contact rules, hydration
      // and the parts of Lit only it uses) goes where rollup puts it: with its only user, or shared.
      manualChunks: (id) =>
        /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/(?!.*(decorators|directives)\/(?!if-defined))(?!(private-ssr-support|directive-helpers)\.js)/.test(
          id,
        ) ||
        (/\/src\/(feed|internal|i18n)\//.test(id) &&
          !/\/src\/(feed\/(feed-element|define|layers(\.strings)?|sections\/.*)|internal\/(heading|contact-rules|hydrate|rendered-with|kept-presses|code-failed))\.[jt]s$/.test(
            id,
          ))
          ? 'core'
          : // <cl-feed> and the local layers: what a page with feeds beyond the built-in one may load, in one file.
            /\/src\/feed\/(feed-element|layers(\.strings)?)\.[jt]s$/.test(id)
            ? 'feed-layers'
            : undefined,
      sourcemap: true,
      plugins: [minify()],
    },
  };
}

/**
 * The prerenderer for Node (src/ssr/render.ts, for the CLI's `render` and the build's embed pages): one file; Lit and
 * @lit-labs/ssr stay imports, which Node resolves to their server builds.
 */
function ssrBuild(dist) {
  return {
    input: { 'ssr/render': 'src/ssr/render.ts' },
    external: (id) => !/^[./]/.test(id) && !id.startsWith('\0'),
    plugins: [
      minifyTemplates(),
      typescript({
        tsconfig: 'tsconfig.build.json',
        declaration: false,
        declarationMap: false,
        sourceMap: false,
        outDir: dist,
      }),
      stripCyReviewed(),
    ],
    onwarn: failOnWarning,
    output: { dir: dist, format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
  };
}

/** The four builds writing into `dist` (the npm build and the prerenderer) and `dist/cdn`, in the order they run. */
export function buildConfigs(dist, widgets) {
  const cdn = join(dist, 'cdn');
  return [npmBuild(dist, widgets), ssrBuild(dist), cdnAllInOne(cdn), cdnPerWidget(cdn, widgets)];
}

export default async function rollupConfig() {
  const widgets = await discoverWidgets(root);
  const stale = await staleIndex(root, widgets);
  if (stale) throw new Error(stale);
  return buildConfigs(join(root, 'dist'), widgets);
}
