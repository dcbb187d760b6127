#!/usr/bin/env node
/**
 * Assembles the demo pages (dist/demo/index.html and dist/demo/cy.html) from
 * demo/template.html, demo/template.cy.html and each widget's own snippet
 * (src/components/<name>/demo.html, demo.cy.html): adding a widget's folder
 * adds it to the demo. A widget without a snippet in a language is left out
 * of that page. `node scripts/build-demo.mjs` runs it alone.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where each widget's snippet goes in a template. */
export const PLACEHOLDER = '<!-- cl:widgets -->';

export const PAGES = [
  { template: 'template.html', snippet: 'demo.html', output: 'index.html' },
  { template: 'template.cy.html', snippet: 'demo.cy.html', output: 'cy.html' },
];

/** Widget names from their folders (the same rule as the build: a folder with a define.ts). */
export async function discoverWidgets(root) {
  const dirs = await readdir(join(root, 'src/components'), { withFileTypes: true }).catch(() => []);
  return dirs
    .filter((d) => d.isDirectory() && existsSync(join(root, 'src/components', d.name, 'define.ts')))
    .map((d) => d.name)
    .sort();
}

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
    if (!template.includes(PLACEHOLDER)) throw new Error(`demo/${page.template} has no ${PLACEHOLDER} placeholder`);
    const sections = [];
    embedded[page.output] = [];
    for (const name of names) {
      const file = join(root, 'src/components', name, page.snippet);
      if (!existsSync(file)) continue;
      sections.push(section(name, await readFile(file, 'utf8')));
      embedded[page.output].push(name);
    }
    await writeFile(join(out, page.output), template.replace(PLACEHOLDER, () => sections.join('\n')));
  }
  await copyFile(join(root, 'demo/intranet.css'), join(out, 'intranet.css'));
  return embedded;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const embedded = await buildDemo({ root });
  for (const [page, names] of Object.entries(embedded)) console.log(`dist/demo/${page}: ${names.join(', ') || 'no widgets yet'}`);
}
