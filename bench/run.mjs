#!/usr/bin/env node
/**
 * `npm run bench [case ...]`: runs every bench/<case>.bench.mjs (or the named
 * ones) against the project's server over the built repository and one
 * headless Chromium, prints one table and writes bench/results.json.
 * `--markdown` prints the table as Markdown, for docs/performance.md.
 */
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RUNS, launchBrowser, startBenchServer } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const wanted = args.filter((a) => !a.startsWith('--'));

if (!existsSync(join(root, 'dist/cdn'))) {
  console.error('dist/cdn is missing: run npm run build first.');
  process.exit(1);
}

const available = (await readdir(benchDir))
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.slice(0, -'.bench.mjs'.length))
  .sort();
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench case(s): ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(1);
}
const cases = wanted.length > 0 ? available.filter((name) => wanted.includes(name)) : available;

/** Three significant figures are more than the run-to-run noise allows. */
function format(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
}

function tableCells(row) {
  return [
    row.case,
    row.metric,
    format(row.median),
    format(row.min),
    format(row.max),
    row.unit,
    row.peer ? `${format(row.peer.median)} (${row.peer.name})` : '',
    row.ratio === undefined ? '' : `${format(row.ratio)}x`,
  ];
}

const HEAD = ['case', 'metric', 'median', 'min', 'max', 'unit', 'peer median', 'ratio'];
const NUMERIC = new Set([2, 3, 4, 7]);

function printTable(rows, asMarkdown = false) {
  const body = rows.map(tableCells);
  if (asMarkdown) {
    const escape = (cell) => cell.replaceAll('|', '\\|');
    console.log(`| ${HEAD.join(' | ')} |`);
    console.log(`|${HEAD.map((_, i) => (NUMERIC.has(i) ? '---:' : '---')).join('|')}|`);
    for (const cells of body) console.log(`| ${cells.map(escape).join(' | ')} |`);
    return;
  }
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (NUMERIC.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(HEAD));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of body) console.log(line(cells));
}

const server = await startBenchServer(root);
const browser = await launchBrowser();
const browserVersion = browser.version();
const rows = [];
const failures = [];
try {
  for (const name of cases) {
    const module = await import(pathToFileURL(join(benchDir, `${name}.bench.mjs`)).href);
    const started = Date.now();
    process.stderr.write(`${name}: ${module.title ?? ''} ... `);
    try {
      const caseRows = await module.run({ browser, baseUrl: server.url });
      rows.push(...caseRows);
      process.stderr.write(`${caseRows.length} row(s) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      failures.push({ case: name, error: error.stack ?? String(error) });
      process.stderr.write(`FAILED\n${error.stack ?? error}\n`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

printTable(rows, markdown);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  machine: `${cpus().length} cores`,
  cpu: cpus()[0]?.model,
  browser: `headless Chromium ${browserVersion}`,
  runs: RUNS,
  cases,
  rows,
  failures,
};
await writeFile(join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(
  `\n${results.date.slice(0, 10)}, Node ${results.node}, ${results.machine}, ${results.browser}; medians of ${RUNS} runs. Written to bench/results.json.`,
);
if (failures.length > 0) {
  console.error(`${failures.length} case(s) failed: ${failures.map((f) => f.case).join(', ')}.`);
  process.exit(1);
}
