#!/usr/bin/env node
/**
 * The embed pages: bundles src/embed/ (the iframe page, the host resize
 * script, the embed builder, the feed preview) into dist/cdn/ beside the
 * widgets, and writes the pages with the widget catalogue built into them.
 *
 * The catalogue comes from custom-elements.json (the classes' `@property`
 * attributes and `@cssprop` custom properties), so a new widget folder shows
 * up in the embed page, the builder and the preview without a change here.
 * The pages load the widgets from ./compassionate-leadership.js, so Lit loads once.
 *
 * CLI, after a normal build: `node scripts/build-embed.mjs`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverWidgets } from './widgets.mjs';
import { stripCyReviewed } from '../rollup.config.mjs';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ENTRIES = {
  embed: 'src/embed/embed-page.ts',
  'embed-resize': 'src/embed/embed-resize.ts',
  builder: 'src/embed/builder-page.ts',
  preview: 'src/embed/preview-page.ts',
};
const PAGES = ['embed.html', 'builder.html', 'preview.html'];
/** Where each page's catalogue goes: a JSON data block, never executed. */
const DATA_MARKER = '<!-- cl-embed-data -->';
/** Attributes that take an address by name, whatever their declared type. */
const URL_ATTRIBUTES = /^(?:src|local|endpoint|privacy|href)$|-(?:url|src|href)$/;

/** `'grid' | 'list'` -> ['grid', 'list']; anything else -> undefined. */
function stringUnion(text) {
  const parts = text.split('|').map((part) => part.trim());
  if (parts.length < 2 || !parts.every((part) => /^(['"])[^'"]*\1$/.test(part))) return undefined;
  return parts.map((part) => part.slice(1, -1));
}

/**
 * Resolves a named type (`CardsLayout`, `SortOrder`) to its string values by
 * reading the widget folder's sources: `type X = 'a' | 'b'` or
 * `type X = (typeof LIST)[number]` with `LIST = ['a', 'b'] as const`.
 */
function resolveNamedType(name, sources) {
  for (const source of sources) {
    const alias = new RegExp(`type\\s+${name}\\s*=\\s*([^;]+);`).exec(source);
    if (!alias) continue;
    const union = stringUnion(alias[1]);
    if (union) return union;
    const list = /^\(typeof\s+(\w+)\)\[number\]$/.exec(alias[1].trim());
    if (!list) return undefined;
    for (const other of sources) {
      const values = new RegExp(`${list[1]}\\s*=\\s*\\[([^\\]]*)\\]\\s*as\\s+const`).exec(other);
      if (values)
        return stringUnion(
          values[1]
            .split(',')
            .filter((v) => v.trim())
            .join('|'),
        );
    }
  }
  return undefined;
}

/** What the embed page accepts for one attribute, and how the builder edits it. */
function describeAttribute(attribute, sources) {
  const { name } = attribute;
  const typeText = attribute.type?.text?.trim() ?? '';
  const description = attribute.description ?? '';
  const info = { name, description };
  if (attribute.default !== undefined) info.default = String(attribute.default).replace(/^(['"])(.*)\1$/, '$2');
  if (name === 'lang') return { ...info, kind: 'enum', values: ['en', 'cy'] };
  if (typeText === 'boolean') return { ...info, kind: 'boolean' };
  if (URL_ATTRIBUTES.test(name)) return { ...info, kind: 'url' };
  const values =
    stringUnion(typeText) ?? (/^[A-Z]\w*$/.test(typeText) ? resolveNamedType(typeText, sources) : undefined);
  if (values) return { ...info, kind: 'enum', values };
  // "(2 to 6)" in the description: a bounded number kept as text by the class.
  const range = /\((\d+) to (\d+)\)/.exec(description);
  if (typeText === 'number' || range)
    return { ...info, kind: 'number', ...(range && { min: Number(range[1]), max: Number(range[2]) }) };
  return { ...info, kind: 'text' };
}

async function widgetSources(root, modulePath) {
  const folder = join(root, dirname(modulePath));
  const files = (await readdir(folder)).filter((file) => file.endsWith('.ts'));
  return Promise.all(files.map((file) => readFile(join(folder, file), 'utf8')));
}

/** The catalogue: each widget's tag, attributes and colour custom properties, from custom-elements.json. */
export async function widgetCatalog({ root, widgets }) {
  const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
  const catalog = [];
  for (const name of widgets) {
    const tag = `cl-${name}`;
    const module = manifest.modules.find((m) => (m.declarations ?? []).some((d) => d.tagName === tag));
    if (!module) throw new Error(`custom-elements.json has no <${tag}>: build the manifest first.`);
    const declaration = module.declarations.find((d) => d.tagName === tag);
    const sources = await widgetSources(root, module.path);
    catalog.push({
      name,
      tag,
      summary: (declaration.description ?? '').split('\n\n')[0].replace(/\s+/g, ' ').trim(),
      attributes: (declaration.attributes ?? []).map((attribute) => describeAttribute(attribute, sources)),
      colors: (declaration.cssProperties ?? [])
        .filter((property) => /^--cl-color-/.test(property.name))
        .map((property) => ({ name: property.name, description: property.description ?? '' })),
    });
  }
  return catalog;
}

/** JSON inside a <script type="application/json">: `<` escaped so no text can close the element. */
function dataBlock(data) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="cl-embed-data">${json}</script>`;
}

function failOnWarning(warning) {
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
  throw new Error(`rollup: ${warning.message}`);
}

/** Adds the embed files' hashes to integrity.json (the host script is loaded by a script tag). */
async function addIntegrity(cdn) {
  const file = join(cdn, 'integrity.json');
  const integrity = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : {};
  for (const name of Object.keys(ENTRIES)) {
    integrity[`${name}.js`] = `sha384-${createHash('sha384')
      .update(await readFile(join(cdn, `${name}.js`)))
      .digest('base64')}`;
  }
  const sorted = Object.fromEntries(Object.entries(integrity).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(file, JSON.stringify(sorted, null, 2) + '\n');
  return sorted;
}

/**
 * @param {{ root: string, cdn: string, widgets: string[] }} options
 *   root: the repository; cdn: dist/cdn; widgets: the widget folder names.
 */
export async function buildEmbed({ root, cdn, widgets }) {
  await mkdir(cdn, { recursive: true });
  const bundle = await rollup({
    input: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(root, path)])),
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescript({
        tsconfig: join(root, 'tsconfig.build.json'),
        include: [join(root, 'src/**/*.ts')],
        declaration: false,
        declarationMap: false,
        outDir: cdn,
        sourceMap: true,
      }),
      stripCyReviewed(),
    ],
    onwarn: failOnWarning,
  });
  await bundle.write({
    dir: cdn,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/embed-[name]-[hash].js',
    sourcemap: true,
    plugins: [terser({ format: { comments: false }, compress: { passes: 2 }, module: true })],
  });
  await bundle.close();
  const integrity = await addIntegrity(cdn);
  const catalog = await widgetCatalog({ root, widgets });
  const data = { widgets: catalog, integrity };
  await writeFile(join(cdn, 'embed-widgets.json'), JSON.stringify(data, null, 2) + '\n');
  for (const page of PAGES) {
    const source = await readFile(join(root, 'embed', page), 'utf8');
    if (!source.includes(DATA_MARKER)) throw new Error(`embed/${page} has no ${DATA_MARKER}`);
    await writeFile(join(cdn, page), source.replace(DATA_MARKER, dataBlock(data)));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const cdn = join(root, 'dist/cdn');
  if (!existsSync(join(cdn, 'compassionate-leadership.js')))
    throw new Error('Run the build first (npm run build): dist/cdn has no widgets.');
  const widgets = await discoverWidgets(root);
  await buildEmbed({ root, cdn, widgets });
  console.log(`Built the embed pages for ${widgets.length} widget(s) into dist/cdn.`);
}
