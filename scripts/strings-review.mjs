#!/usr/bin/env node
/**
 * `npm run strings:review`: what a Welsh speaker still has to check. Lists
 * every UI string flagged `cyReviewed: false` in the sources
 * (src/**\/*.strings.ts; the builds strip the flags) and every feed note
 * that says Welsh text awaits review. A report: it exits 0 however long the
 * list is. No build needed: each strings module, and what it imports, is
 * transpiled with TypeScript into a temporary folder and imported from there.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

async function stringModules() {
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.strings.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Writes `file` (src/…/x.ts) as `out`/…/x.js, and the relative modules it imports, once each. */
async function transpile(file, out, done = new Set()) {
  if (done.has(file)) return;
  done.add(file);
  const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const target = join(out, relative(src, file)).replace(/\.ts$/, '.js');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, outputText);
  for (const [, path] of outputText.matchAll(/\bfrom\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
    const source = resolve(dirname(file), `${path}.ts`);
    if (existsSync(source)) await transpile(source, out, done);
  }
}

const isEntry = (value) =>
  typeof value === 'object' && value !== null && 'en' in value && 'cy' in value && 'cyReviewed' in value;

/** A message as a reviewer reads it: functions filled with {1}, {2}…; plural forms one per line. */
function show(message) {
  if (typeof message === 'function') return message(...Array.from({ length: message.length }, (_, i) => `{${i + 1}}`));
  if (typeof message === 'object')
    return Object.entries(message)
      .map(([form, text]) => `\n      ${form}: ${text}`)
      .join('');
  return message;
}

function unreviewedStrings(module) {
  const found = [];
  for (const table of Object.values(module)) {
    if (typeof table !== 'object' || table === null) continue;
    for (const [key, entry] of Object.entries(table))
      if (isEntry(entry) && entry.cyReviewed === false) found.push([key, entry]);
  }
  return found;
}

async function feedNotes() {
  const folder = join(root, 'feed');
  const files = existsSync(folder) ? (await readdir(folder)).filter((name) => name.endsWith('.json')).sort() : [];
  const notes = [];
  for (const name of files) {
    let feed;
    try {
      feed = JSON.parse(await readFile(join(folder, name), 'utf8'));
    } catch {
      notes.push(`feed/${name}: not valid JSON, could not be read`);
      continue;
    }
    for (const note of Array.isArray(feed?.notes) ? feed.notes : []) {
      if (typeof note === 'string' && /welsh/i.test(note) && /review/i.test(note)) notes.push(`feed/${name}: ${note}`);
    }
  }
  return notes;
}

let count = 0;
const out = await mkdtemp(join(tmpdir(), 'strings-review-'));
try {
  for (const file of await stringModules()) {
    await transpile(file, out);
    const built = join(out, relative(src, file)).replace(/\.ts$/, '.js');
    const strings = unreviewedStrings(await import(pathToFileURL(built).href));
    if (strings.length === 0) continue;
    console.log(`\n${relative(root, file)}`);
    for (const [key, entry] of strings) {
      console.log(`  ${key}\n    en: ${show(entry.en)}\n    cy: ${show(entry.cy)}`);
    }
    count += strings.length;
  }
} finally {
  await rm(out, { recursive: true, force: true });
}

const notes = await feedNotes();
if (notes.length > 0) console.log(`\nFeed notes:\n${notes.map((note) => `  ${note}`).join('\n')}`);

console.log(
  `\n${count} Welsh UI string${count === 1 ? '' : 's'} awaiting review; ${notes.length} feed note${notes.length === 1 ? '' : 's'} about Welsh awaiting review.`,
);
