#!/usr/bin/env node
/**
 * Where an entry's bytes go: `node scripts/size-sources.mjs contact-form.js [--everything]` lists each file of
 * dist/cdn/ the entry loads before use (with --everything, all it may load: scripts/size-report.mjs's two figures),
 * and in each file its sources, read from the build's source maps, largest first. A source's gzip figure is its bytes
 * compressed on their own, so a file's sources add up to more than the file (gzip shares what repeats across them):
 * a guide to what a change could save, not a sum.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { sizeReport } from './size-report.mjs';

/** `node_modules/lit-html/lit-html.js` and `src/feed/store.ts`, from a source map's paths. */
const shortName = (source) => source.replace(/^.*node_modules\//, 'node_modules/').replace(/^.*?\/?src\//, 'src/');

/** The sources of one built file: `{ source, raw, gzip }`, largest first; `unmapped` holds the bytes no source owns. */
export function sourcesOf(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const mappings = [];
  map.eachMapping((mapping) => mappings.push(mapping));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  // Each mapping owns the text from its column to the next mapping's.
  const text = new Map();
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const line = lines[mapping.generatedLine - 1] ?? '';
    const end = next?.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
    const name = mapping.source ? shortName(mapping.source) : 'unmapped';
    text.set(name, (text.get(name) ?? '') + line.slice(mapping.generatedColumn, end));
  });
  return [...text]
    .map(([source, code]) => ({ source, raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length }))
    .sort((a, b) => b.raw - a.raw);
}

/** The files `entry` loads before use (or may load, with `everything`), each with its sources. */
export async function entrySources(cdnDir, entry, { everything = false } = {}) {
  const report = await sizeReport(cdnDir);
  const sizes = report.entries[entry];
  if (!sizes) throw new Error(`No entry ${entry} in ${cdnDir}. Entries: ${Object.keys(report.entries).join(', ')}`);
  return (everything ? sizes.mayLoad : sizes.loads).map((file) => ({
    file,
    gzip: report.files[file].gzip,
    sources: sourcesOf(join(cdnDir, file)),
  }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, ...flags] = process.argv.slice(2);
  if (!entry || entry === '--help') {
    console.log(
      'Usage: node scripts/size-sources.mjs <entry, e.g. contact-form.js> [--everything]  (after npm run build)',
    );
    process.exit(entry ? 0 : 1);
  }
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const files = await entrySources(join(root, 'dist/cdn'), entry, { everything: flags.includes('--everything') });
  for (const { file, gzip, sources } of files) {
    console.log(`${file}: ${gzip} B gzip`);
    // The widgets' loaders are written by the build itself (rollup.config.mjs's widgetLoaders), with an empty map.
    if (sources.length === 0) console.log('  (no sources in its map: written by rollup.config.mjs)');
    for (const source of sources)
      console.log(
        `  ${String(source.gzip).padStart(6)} B gzip alone  ${String(source.raw).padStart(6)} B  ${source.source}`,
      );
  }
  const total = files.reduce((sum, { gzip }) => sum + gzip, 0);
  console.log(
    `${entry} ${flags.includes('--everything') ? 'with everything it may load' : 'before use'}: ${total} B gzip`,
  );
}
