#!/usr/bin/env node
/**
 * Reads the output of `npm test` (scripts/test.mjs) and prints the failing tests it names, then the run's closing lines:
 *
 *   node 72, Chromium 248, Firefox 248, stories 41
 *   steps: build, lint, typecheck, node, browser, stories, storybook passed
 *   361 passed, 0 failed
 *
 * The first line counts each runner's tests (passed + failed, then its failures). The last line counts
 * distinct tests: the browser runners run the same test files, so a browser test counts once. The
 * runner's reporter names failing tests only, so a browser test is taken as failed as many times as the
 * browser with the most failures says (`max`, not the sum): node + max(browsers) + stories. A step that
 * failed or did not run without a failing test of its own (build, lint, type-check, a runner that crashed
 * or was skipped) adds one failure, so the last line is never all green on a red run.
 *
 * CLI: `node scripts/ci-summary.mjs <log> [--step <name>=passed|failed]...` adds steps run outside npm test
 * (.ci/run: `storybook`, and `npm-test` for npm test's exit code, counted only when no step explains it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

// eslint-disable-next-line no-control-regex -- terminal colour and cursor codes
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
const count = (pattern, text) => Number(pattern.exec(text)?.[1] ?? 0);

/** Each runner's counts, in the order node, browsers (by name), stories; a runner missing from the log is left out. */
export function parseRunners(log) {
  const text = stripAnsi(log);
  const runners = [];
  const nodeTotals = [...text.matchAll(/^(?:# |ℹ )(pass|fail) (\d+)$/gm)];
  if (nodeTotals.length > 0) {
    const sum = (kind) => nodeTotals.filter((m) => m[1] === kind).reduce((total, m) => total + Number(m[2]), 0);
    runners.push({ name: 'node', kind: 'node', passed: sum('pass'), failed: sum('fail') });
  }
  // web-test-runner redraws a progress line per browser; the last one holds the totals.
  const browsers = new Map();
  for (const m of text.matchAll(/^(\w+):\s*\|[^|\n]*\|\s*\d+\/\d+ test files \| (\d+) passed, (\d+) failed/gm)) {
    browsers.set(m[1], { name: m[1], kind: 'browser', passed: Number(m[2]), failed: Number(m[3]) });
  }
  runners.push(...browsers.values());
  const vitest = /^\s*Tests\s+(.*\(\d+\))\s*$/m.exec(text)?.[1];
  if (vitest) {
    runners.push({
      name: 'stories',
      kind: 'stories',
      passed: count(/(\d+) passed/, vitest),
      failed: count(/(\d+) failed/, vitest),
    });
  }
  return runners;
}

/**
 * The failing tests the log names, one line each, so the end of a CI log says which test failed even
 * when the middle is cut: web-test-runner's ` ❌ name (failed on Firefox)` under its `test/….test.ts:`
 * heading, with the error's first line; node:test's `not ok N - name`.
 */
export function parseFailures(log) {
  const lines = stripAnsi(log).split('\n');
  const failures = [];
  let file = '';
  lines.forEach((line, i) => {
    const heading = /^(\S+\.test\.[mt]s):$/.exec(line);
    if (heading) file = heading[1];
    const browser = /^\s*❌ (.+)$/.exec(line);
    const node = /^\s*not ok \d+ - (.+)$/.exec(line);
    if (!browser && !node) return;
    const error = lines.slice(i + 1, i + 4).find((next) => next.trim() !== '' && !/^\s*---$/.test(next));
    const name = browser ? `${file ? `${file} > ` : ''}${browser[1].trim()}` : `node > ${node[1].trim()}`;
    failures.push(`failed: ${name}${browser && error ? `: ${error.trim()}` : ''}`);
  });
  return [...new Set(failures)];
}

/** The steps scripts/test.mjs reports, in order: name -> passed | failed | not run. */
export function parseSteps(log) {
  const steps = new Map();
  for (const m of stripAnsi(log).matchAll(/^\[npm test\] step (\S+): (passed|failed|not run) \(/gm)) {
    steps.set(m[1], m[2]);
  }
  return steps;
}

/** Which runner's tests a step ran: its failures are counted as tests, not as one step failure. */
const RUNNER_OF_STEP = { node: 'node', browser: 'browser', stories: 'stories' };

export function summarize(runners, steps) {
  const browsers = runners.filter((r) => r.kind === 'browser');
  const others = runners.filter((r) => r.kind !== 'browser');
  const browserFailed = Math.max(0, ...browsers.map((r) => r.failed));
  const browserTotal = Math.max(0, ...browsers.map((r) => r.passed + r.failed));
  let passed = others.reduce((sum, r) => sum + r.passed, 0) + browserTotal - browserFailed;
  let failed = others.reduce((sum, r) => sum + r.failed, 0) + browserFailed;
  const failedTestsOf = (kind) => runners.filter((r) => r.kind === kind).some((r) => r.failed > 0);
  for (const [name, status] of steps) {
    if (status !== 'passed' && !(RUNNER_OF_STEP[name] && failedTestsOf(RUNNER_OF_STEP[name]))) failed += 1;
  }
  passed = Math.max(0, passed);

  const perRunner = runners.map(
    (r) => `${r.name} ${r.passed + r.failed}${r.failed > 0 ? ` (${r.failed} failed)` : ''}`,
  );
  const named = (status) => [...steps].filter(([, s]) => s === status).map(([name]) => name);
  const stepLine =
    named('failed').length + named('not run').length === 0
      ? steps.size > 0
        ? `steps: ${[...steps.keys()].join(', ')} passed`
        : 'steps: none reported'
      : [
          named('failed').length > 0 ? `steps failed: ${named('failed').join(', ')}` : '',
          named('not run').length > 0 ? `did not run: ${named('not run').join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
  return [perRunner.join(', ') || 'no test runner reported', stepLine, `${passed} passed, ${failed} failed`];
}

function main(argv) {
  const log = readFileSync(argv[0], 'utf8');
  const steps = parseSteps(log);
  const explained = [...steps.values()].some((status) => status !== 'passed');
  for (let i = 1; i < argv.length; i++) {
    const m = argv[i] === '--step' ? /^([\w-]+)=(passed|failed|not run)$/.exec(argv[++i] ?? '') : null;
    if (!m) throw new Error(`Usage: ci-summary.mjs <log> [--step <name>=passed|failed]... (got ${argv[i]})`);
    // `npm-test` (npm test's own exit code) counts only when no step in the log explains a failure.
    if (m[1] !== 'npm-test' || (m[2] !== 'passed' && !explained)) steps.set(m[1], m[2]);
  }
  for (const line of [...parseFailures(log).slice(0, 20), ...summarize(parseRunners(log), steps)]) console.log(line);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
