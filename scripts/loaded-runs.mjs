#!/usr/bin/env node
/**
 * Proves the browser suite steady on a busy machine: runs it N times in a row
 * (default 5, `--runs N`) with two CPU-bound processes beside it, and stops
 * at the first failing run. Needs a build (`npm run build`) first.
 *   node scripts/loaded-runs.mjs [--runs N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a whole number, 1 or more');
  process.exit(2);
}

// Two busy loops, each holding a core for as long as the runs take.
const load = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoad = () => load.forEach((child) => child.kill());
process.on('exit', stopLoad);

let failedRun = 0;
for (let run = 1; run <= runs && !failedRun; run += 1) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['scripts/run-wtr.mjs'], { encoding: 'utf8', maxBuffer: 1 << 28 });
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
  failedRun ? `run ${failedRun} failed: its output names the failing tests` : `${runs} loaded runs in a row passed`,
);
process.exit(failedRun ? 1 : 0);
