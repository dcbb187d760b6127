#!/usr/bin/env node
/**
 * Assembles the demo pages (dist/demo/index.html and dist/demo/cy.html) from
 * demo/template.html, demo/template.cy.html and each widget's own snippet
 * (src/components/<name>/demo.html, demo.cy.html): adding a widget's folder
 * adds it to the demo. The templates hold the page's own outline: a heading
 * and an introduction for each widget they place (see PLACEHOLDER). The
 * stylesheet and the privacy notice (privacy.html, privacy.cy.html) are copied
 * as they are. `node scripts/build-demo.mjs` runs it alone.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverWidgets } from './widgets.mjs';

export { discoverWidgets };

/**
 * Where the widgets' snippets go in a template:
 * - `<!-- cl:widget principle-cards -->`: that widget, where the page's own
 *   layout puts it (under the page's heading and introduction for it). The
 *   widget must have a snippet in the page's language: the page's text around
 *   it would otherwise introduce nothing.
 * - `<!-- cl:widgets -->` (required): every widget the template does not
 *   place, so a widget added later still appears.
 */
export const PLACEHOLDER = '<!-- cl:widgets -->';
const PLACED_PATTERN = /<!-- cl:widget ([a-z0-9-]+) -->/g;

export const PAGES = [
  { template: 'template.html', snippet: 'demo.html', output: 'index.html' },
  { template: 'template.cy.html', snippet: 'demo.cy.html', output: 'cy.html' },
];

/** Demo files copied as they are. */
export const STATIC_FILES = ['intranet.css', 'privacy.html', 'privacy.cy.html'];

function wrapped(name, snippet) {
  return `<div class="cl-demo" data-widget="${name}">\n${snippet.trim()}\n</div>`;
}

/** The widget's snippet for one page, or undefined when it has none in that language. */
async function snippetOf(root, name, page) {
  const file = join(root, 'src/components', name, page.snippet);
  return existsSync(file) ? readFile(file, 'utf8') : undefined;
}

/** One page: the placed widgets where the template puts them, the rest at the placeholder. */
async function buildPage(root, names, page) {
  const template = await readFile(join(root, 'demo', page.template), 'utf8');
  if (!template.includes(PLACEHOLDER)) throw new Error(`demo/${page.template} has no ${PLACEHOLDER} placeholder`);
  const placed = [...template.matchAll(PLACED_PATTERN)].map((match) => match[1]);
  const snippets = new Map();
  for (const name of placed) {
    if (!names.includes(name)) throw new Error(`demo/${page.template} places ${name}, which is not a widget`);
    const snippet = await snippetOf(root, name, page);
    if (snippet === undefined) throw new Error(`demo/${page.template} places ${name}, which has no ${page.snippet}`);
    snippets.set(name, snippet);
  }
  const rest = [];
  for (const name of names.filter((n) => !placed.includes(n))) {
    const snippet = await snippetOf(root, name, page);
    if (snippet !== undefined) rest.push(wrapped(name, snippet));
  }
  const html = template
    .replace(PLACED_PATTERN, (_, name) => wrapped(name, snippets.get(name)))
    .replace(PLACEHOLDER, () => rest.join('\n'));
  const embedded = [...html.matchAll(/<div class="cl-demo" data-widget="([^"]+)">/g)].map((match) => match[1]);
  return { html, embedded };
}

/**
 * @param {{ root: string, widgets?: string[] }} options widgets defaults to the discovered ones
 * @returns {Promise<Record<string, string[]>>} for each page written, the widgets it embeds in page order
 */
export async function buildDemo({ root, widgets }) {
  const names = widgets ?? (await discoverWidgets(root));
  const out = join(root, 'dist/demo');
  await mkdir(out, { recursive: true });
  const embedded = {};
  for (const page of PAGES) {
    const built = await buildPage(root, names, page);
    await writeFile(join(out, page.output), built.html);
    embedded[page.output] = built.embedded;
  }
  // The stylesheet and the receiver's privacy notice (which the contact form links) go as they are.
  for (const file of STATIC_FILES) await copyFile(join(root, 'demo', file), join(out, file));
  return embedded;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const embedded = await buildDemo({ root });
  for (const [page, names] of Object.entries(embedded))
    console.log(`dist/demo/${page}: ${names.join(', ') || 'no widgets yet'}`);
}
