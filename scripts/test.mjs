#!/usr/bin/env node
/**
 * `npm test`: build, lint, type-check, node tests, browser tests, story tests. Every step runs even after
 * one fails, unless it needs a step that failed: the node and browser tests load dist/, so they need the
 * build; the story tests read src/ only. Ends with one status line per step (scripts/ci-summary.mjs reads
 * them) and exits non-zero when any step failed or did not run.
 *
 * `node scripts/test.mjs lint typecheck` runs only the steps named.
 */
import { spawnSync } from 'node:child_process';

const STEPS = [
  { name: 'build', script: 'build', needs: [] },
  { name: 'lint', script: 'lint', needs: [] },
  { name: 'typecheck', script: 'typecheck', needs: [] },
  { name: 'node', script: 'test:node', needs: ['build'] },
  { name: 'browser', script: 'test:browser', needs: ['build'] },
  { name: 'stories', script: 'test:stories', needs: [] },
];
const PREFIX = '[npm test]';

function runStep({ name, script }) {
  console.log(`\n${PREFIX} step ${name}: npm run ${script}`);
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) return { status: 'passed', detail: `${seconds} s` };
  const how = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit ${result.status}`;
  return { status: 'failed', detail: `${how}, ${seconds} s` };
}

function main(names) {
  const unknown = names.filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown step(s): ${unknown.join(', ')}. Steps: ${STEPS.map((step) => step.name).join(', ')}.`);
    return 2;
  }
  const results = new Map();
  for (const step of STEPS.filter((s) => names.length === 0 || names.includes(s.name))) {
    const failedNeed = step.needs.find((need) => results.get(need) && results.get(need).status !== 'passed');
    results.set(
      step.name,
      failedNeed ? { status: 'not run', detail: `needs ${failedNeed}, which did not pass` } : runStep(step),
    );
  }
  console.log('');
  for (const [name, { status, detail }] of results) console.log(`${PREFIX} step ${name}: ${status} (${detail})`);
  const bad = [...results].filter(([, result]) => result.status !== 'passed').map(([name]) => name);
  console.log(`${PREFIX} ${bad.length === 0 ? 'every step passed' : `did not pass: ${bad.join(', ')}`}`);
  return bad.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
