#!/usr/bin/env node
/**
 * `npm run strings:review`: what a Welsh speaker still has to check. Lists
 * every UI string flagged `cyReviewed: false` in the built npm output
 * (dist/**\/*.strings.js, so it sees exactly what ships) and every feed note
 * that says Welsh text awaits review. A report: it exits 0 however long the
 * list is (2 only when dist/ has not been built).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

async function stringModules() {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return (
    entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.strings.js'))
      .map((entry) => join(entry.parentPath, entry.name))
      // The CDN folder is bundled: its strings are the same as the npm modules'.
      .filter((file) => !relative(dist, file).startsWith('cdn'))
      .sort()
  );
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

if (!existsSync(dist)) {
  console.error('dist/ is missing: run npm run build first.');
  process.exit(2);
}

let count = 0;
for (const file of await stringModules()) {
  const strings = unreviewedStrings(await import(pathToFileURL(file).href));
  if (strings.length === 0) continue;
  console.log(`\n${relative(root, file)}`);
  for (const [key, entry] of strings) {
    console.log(`  ${key}\n    en: ${show(entry.en)}\n    cy: ${show(entry.cy)}`);
  }
  count += strings.length;
}

const notes = await feedNotes();
if (notes.length > 0) console.log(`\nFeed notes:\n${notes.map((note) => `  ${note}`).join('\n')}`);

console.log(
  `\n${count} Welsh UI string${count === 1 ? '' : 's'} awaiting review; ${notes.length} feed note${notes.length === 1 ? '' : 's'} about Welsh awaiting review.`,
);
