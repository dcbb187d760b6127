#!/usr/bin/env node
/**
 * Proves the browser suite steady on a busy machine: runs it N times in a row
 * (default 5, `--runs N`) with two CPU-bound processes beside it, and stops
 * at the first failing run. Needs a build (`npm run build`) first.
 * CL_TEST_FILES (a glob) narrows the runs, as for scripts/run-wtr.mjs.
 *   node scripts/loaded-runs.mjs [--runs N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a whole number, 1 or more');
  process.exit(2);
}

// The tests load the built CDN files: without a build every run would fail, for that reason alone.
if (!existsSync(join(root, 'dist/cdn/embed-widgets.json'))) {
  console.error('No build in dist/: run `npm run build` first');
  process.exit(2);
}

/*
 * Two busy loops, each holding a core for as long as the runs take. Each
 * also stops once this script is gone (its parent changes), so a script
 * killed mid-run (a signal waits while a run blocks it) leaves no loop behind.
 */
const BUSY_LOOP =
  'const parent = process.ppid; for (;;) { for (let i = 0; i < 1e7; i++); if (process.ppid !== parent) break; }';
const load = [0, 1].map(() => spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }));
const stopLoad = () => load.forEach((child) => child.kill());
process.on('exit', stopLoad);

let failedRun = 0;
for (let run = 1; run <= runs && !failedRun; run += 1) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['scripts/run-wtr.mjs'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const log = join(tmpdir(), `cl-loaded-run-${run}.log`);
  writeFileSync(log, result.stdout + result.stderr);
  console.log(
    `loaded run ${run} of ${runs}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s (output: ${log})`,
  );
  if (result.status !== 0) failedRun = run;
}
stopLoad();
console.log(
  failedRun
    ? `run ${failedRun} failed: its output names the failing tests`
    : `${runs} loaded run${runs === 1 ? '' : 's'} in a row passed`,
);
process.exit(failedRun ? 1 : 0);
