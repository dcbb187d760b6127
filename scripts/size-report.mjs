/**
 * Sizes of the CDN folder: each file raw, gzip (-9) and brotli, and each
 * entry together with every chunk it loads (static imports, followed).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, dirname, relative, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const BUDGETS = { allInOneGzip: 30 * 1024, widgetGzip: 18 * 1024 };
export const ALL_IN_ONE = 'compassionate-leadership.js';

function sizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

async function jsFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsFiles(path)));
    else if (entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g;

export async function sizeReport(cdnDir) {
  const files = {};
  const imports = {};
  for (const path of await jsFiles(cdnDir)) {
    const name = relative(cdnDir, path);
    const buffer = await readFile(path);
    files[name] = sizes(buffer);
    imports[name] = [...buffer.toString('utf8').matchAll(IMPORT)].map((m) =>
      relative(cdnDir, resolve(dirname(path), m[1])),
    );
  }
  const entries = {};
  for (const name of Object.keys(files).filter((n) => !n.includes('/'))) {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file) || !files[file]) return;
      seen.add(file);
      imports[file].forEach(visit);
    };
    visit(name);
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of seen) for (const key of Object.keys(total)) total[key] += files[file][key];
    entries[name] = { own: files[name], withChunks: total, loads: [...seen].sort() };
  }
  return { files, entries };
}

export function checkBudgets(report) {
  const failures = [];
  for (const [name, entry] of Object.entries(report.entries)) {
    const limit = name === ALL_IN_ONE ? BUDGETS.allInOneGzip : BUDGETS.widgetGzip;
    if (entry.withChunks.gzip > limit) {
      failures.push(
        `${name} with its chunks is ${(entry.withChunks.gzip / 1024).toFixed(1)} KB gzipped; the budget is ${limit / 1024} KB.`,
      );
    }
  }
  return failures;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function printSizeTable(report) {
  const rows = Object.entries(report.entries).map(([name, e]) => [
    name,
    kb(e.own.gzip),
    kb(e.withChunks.raw),
    kb(e.withChunks.gzip),
    kb(e.withChunks.brotli),
    kb(name === ALL_IN_ONE ? BUDGETS.allInOneGzip : BUDGETS.widgetGzip),
  ]);
  const head = ['entry (dist/cdn)', 'own gzip', 'with chunks raw', 'gzip', 'brotli', 'budget (gzip)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
}
