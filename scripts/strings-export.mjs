#!/usr/bin/env node
/**
 * `npm run strings:export -- --out welsh.xlf`: every Welsh text not yet reviewed, UI strings and the built-in
 * feed's texts, as an XLIFF 1.2 file for a translation memory tool (or `--format csv`, or an `--out` ending in
 * .csv, for a spreadsheet). Source English, target the Welsh draft, a note with where the text appears and the
 * placeholders to keep. `npm run strings:import` reads the file back.
 *
 * Options: `--root DIR` (the project folder; default this one), `--feed FILE` (relative to the root; repeatable;
 * default feed/built-in.json). Without `--out` the file goes to standard output.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsv, writeXliff } from './strings-formats.mjs';
import { defaultFeeds, projectRoot, readProject, unitsOf } from './strings-lib.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    format: { type: 'string' },
    root: { type: 'string' },
    feed: { type: 'string', multiple: true },
  },
});
const format = values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xliff');
if (format !== 'xliff' && format !== 'csv') {
  console.error(`--format is xliff or csv, not "${format}".`);
  process.exit(2);
}

const project = await readProject({ root: resolve(values.root ?? projectRoot), feeds: values.feed ?? defaultFeeds });
const { units, unexportable } = unitsOf(project);
const waiting = units.filter((unit) => !unit.reviewed);
const text = format === 'csv' ? writeCsv(waiting) : writeXliff(waiting);
if (values.out) await writeFile(values.out, text);
else process.stdout.write(text);

for (const { id, reason } of unexportable.filter((entry) => !entry.reviewed))
  console.error(`Not exported: ${id}: ${reason}.`);
console.error(
  `${waiting.length} Welsh text${waiting.length === 1 ? '' : 's'} awaiting review written to ${values.out ?? 'standard output'} (${format === 'csv' ? 'CSV' : 'XLIFF 1.2'}).`,
);
