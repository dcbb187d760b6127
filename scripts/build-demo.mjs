#!/usr/bin/env node
/**
 * Assembles the demo pages (dist/demo/index.html and dist/demo/cy.html) from
 * demo/template.html, demo/template.cy.html and each widget's own snippet
 * (src/components/<name>/demo.html, demo.cy.html): adding a widget's folder
 * adds it to the demo. A widget without a snippet in a language is left out
 * of that page. The stylesheet and the privacy notice (privacy.html,
 * privacy.cy.html) are copied as they are. `node scripts/build-demo.mjs` runs it alone.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverWidgets } from './widgets.mjs';

export { discoverWidgets };

/**
 * Where the widgets' snippets go in a template: `<!-- cl:widgets -->`, or
 * `<!-- cl:widgets order="principle-cards film-player" -->` to place the named
 * ones first, in that order (the page's own layout); the rest follow.
 */
export const PLACEHOLDER = '<!-- cl:widgets -->';
const PLACEHOLDER_PATTERN = /<!-- cl:widgets(?: order="([^"]*)")? -->/;

export const PAGES = [
  { template: 'template.html', snippet: 'demo.html', output: 'index.html' },
  { template: 'template.cy.html', snippet: 'demo.cy.html', output: 'cy.html' },
];

/** Demo files copied as they are. */
export const STATIC_FILES = ['intranet.css', 'privacy.html', 'privacy.cy.html'];

function section(name, snippet) {
  return `<section class="cl-demo" data-widget="${name}">\n${snippet.trim()}\n</section>`;
}

/**
 * @param {{ root: string, widgets?: string[] }} options widgets defaults to the discovered ones
 * @returns {Promise<Record<string, string[]>>} for each page written, the widgets it embeds
 */
export async function buildDemo({ root, widgets }) {
  const names = widgets ?? (await discoverWidgets(root));
  const out = join(root, 'dist/demo');
  await mkdir(out, { recursive: true });
  const embedded = {};
  for (const page of PAGES) {
    const template = await readFile(join(root, 'demo', page.template), 'utf8');
    const placeholder = PLACEHOLDER_PATTERN.exec(template);
    if (!placeholder) throw new Error(`demo/${page.template} has no ${PLACEHOLDER} placeholder`);
    const preferred = (placeholder[1] ?? '').split(/\s+/).filter((name) => names.includes(name));
    const sections = [];
    embedded[page.output] = [];
    for (const name of [...preferred, ...names.filter((n) => !preferred.includes(n))]) {
      const file = join(root, 'src/components', name, page.snippet);
      if (!existsSync(file)) continue;
      sections.push(section(name, await readFile(file, 'utf8')));
      embedded[page.output].push(name);
    }
    await writeFile(
      join(out, page.output),
      template.replace(PLACEHOLDER_PATTERN, () => sections.join('\n')),
    );
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
