#!/usr/bin/env node
/**
 * The widget guides' API tables come from custom-elements.json, so the JSDoc
 * on the classes is their one source: in docs/widgets/<name>.md, the text
 * between `<!-- api:events -->` and `<!-- /api:events -->` (likewise `parts`
 * and `css-properties`) is rewritten from the manifest entry of `<cl-name>`.
 * The build runs it after writing the manifest; test/node/docs.test.mjs checks
 * the guides are up to date. `node scripts/docs-tables.mjs` rewrites them.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

export const TABLES = ['events', 'parts', 'css-properties'];

const cell = (text) => (text ?? '').replace(/\s+/g, ' ').replaceAll('|', '\\|').trim();

/** A custom property's description without its `Default: …` clause, and that clause. */
export function splitDefault(description = '') {
  const match = /^(.*?)\s*\bDefault: (.+)\.$/.exec(description);
  return match ? { what: match[1], stated: match[2] } : { what: description, stated: '' };
}

const RENDER = {
  events: (element) => [
    '| event | what it tells you |',
    '| --- | --- |',
    ...(element.events ?? []).map((e) => `| \`${e.name}\` | ${cell(e.description)} |`),
  ],
  parts: (element) => [
    '| part | what it is |',
    '| --- | --- |',
    ...(element.cssParts ?? []).map((p) => `| \`${p.name}\` | ${cell(p.description)} |`),
  ],
  'css-properties': (element) => [
    '| property | default | what it sets |',
    '| --- | --- | --- |',
    ...(element.cssProperties ?? []).map((p) => {
      const { what, stated } = splitDefault(p.description);
      return `| \`${p.name}\` | ${cell(stated)} | ${cell(what)} |`;
    }),
  ],
};

/** Every custom element in the manifest with a tag, by tag. */
export function elementsByTag(manifest) {
  const elements = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) elements.set(declaration.tagName, declaration);
    }
  }
  return elements;
}

/** The guide's text with each generated table rewritten; throws when a guide lacks a table's markers. */
export async function guideWithTables(file, text, element) {
  let result = text;
  for (const table of TABLES) {
    const block = new RegExp(`(<!-- api:${table} -->\\n)[\\s\\S]*?(<!-- /api:${table} -->)`);
    if (!block.test(result)) throw new Error(`${file}: no <!-- api:${table} --> … <!-- /api:${table} --> block`);
    result = result.replace(block, (_, start, end) => `${start}\n${RENDER[table](element).join('\n')}\n\n${end}`);
  }
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(result, { ...options, filepath: file });
}

/** Each guide's path, its text on disk and the text it should have. */
export async function guides(root) {
  const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
  const elements = elementsByTag(manifest);
  const folder = join(root, 'docs/widgets');
  const results = [];
  for (const name of (await readdir(folder)).filter((f) => f.endsWith('.md')).sort()) {
    const file = join(folder, name);
    const tag = `cl-${name.replace(/\.md$/, '')}`;
    const element = elements.get(tag);
    if (!element) throw new Error(`${file}: custom-elements.json has no <${tag}>`);
    const text = await readFile(file, 'utf8');
    results.push({ file, tag, element, text, expected: await guideWithTables(file, text, element) });
  }
  return results;
}

/** Rewrites the guides whose tables differ from the manifest; returns the files written. */
export async function writeDocsTables(root) {
  const written = [];
  for (const guide of await guides(root)) {
    if (guide.text === guide.expected) continue;
    await writeFile(guide.file, guide.expected);
    written.push(guide.file);
  }
  if (written.length > 0) console.log(`Guide tables rewritten from custom-elements.json: ${written.join(', ')}`);
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeDocsTables(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
}
