#!/usr/bin/env node
/**
 * `npm run strings:review`: what a Welsh speaker still has to check. Lists every UI string flagged
 * `cyReviewed: false` in the sources (src/**\/*.strings.ts; the builds strip the flags), every Welsh text of the
 * built-in feed not recorded as reviewed in feed/built-in.cy-review.json, and every feed note that says Welsh
 * text awaits review. A report: it exits 0 however long the list is. `npm run strings:export` writes the same
 * texts as a file for a translator. Options: `--root DIR`, `--feed FILE` (as strings:export).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countUnreviewed, defaultFeeds, projectRoot, readProject } from './strings-lib.mjs';

const { values } = parseArgs({ options: { root: { type: 'string' }, feed: { type: 'string', multiple: true } } });
const root = resolve(values.root ?? projectRoot);

/** A message as a reviewer reads it: placeholders as {name}, plural forms one per line, code as written. */
function show(message) {
  if (message.kind === 'plural')
    return Object.entries(message.forms)
      .map(([form, { text }]) => `\n      ${form}: ${text}`)
      .join('');
  return message.kind === 'code' ? message.code : message.text;
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

const project = await readProject({ root, feeds: values.feed ?? defaultFeeds });
for (const { file, entries } of project.modules) {
  const waiting = entries.filter((entry) => !entry.reviewed);
  if (waiting.length === 0) continue;
  console.log(`\n${file}`);
  for (const entry of waiting) console.log(`  ${entry.key}\n    en: ${show(entry.en)}\n    cy: ${show(entry.cy)}`);
}
for (const { file, texts } of project.feeds) {
  const waiting = texts.filter((text) => !text.reviewed);
  if (waiting.length === 0) continue;
  console.log(`\n${file}`);
  for (const text of waiting) console.log(`  ${text.pointer}\n    en: ${text.en}\n    cy: ${text.cy}`);
}

const notes = await feedNotes();
if (notes.length > 0) console.log(`\nFeed notes:\n${notes.map((note) => `  ${note}`).join('\n')}`);

const { ui, feed } = countUnreviewed(project);
const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
console.log(
  `\n${plural(ui, 'Welsh UI string', 'Welsh UI strings')} awaiting review; ${plural(feed, 'Welsh feed text', 'Welsh feed texts')} awaiting review (${project.feeds.map((f) => f.file).join(', ') || 'no feed'}); ${plural(notes.length, 'feed note', 'feed notes')} about Welsh awaiting review.`,
);
