#!/usr/bin/env node
/**
 * Reads the output of `npm test` and prints one plain line, `N passed, N failed`,
 * summed over web-test-runner (each browser's last count), node:test and vitest.
 * With --step-failed, a run whose failure was not a test (lint, build) still reports one failure.
 */
import { readFileSync } from 'node:fs';

// eslint-disable-next-line no-control-regex -- strips terminal colour and cursor codes
const text = readFileSync(process.argv[2], 'utf8').replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
let passed = 0;
let failed = 0;

const perBrowser = new Map();
for (const m of text.matchAll(/^(\w+):\s*\|[^|]*\|\s*\d+\/\d+ test files \| (\d+) passed, (\d+) failed/gm)) {
  perBrowser.set(m[1], [Number(m[2]), Number(m[3])]);
}
for (const [p, f] of perBrowser.values()) {
  passed += p;
  failed += f;
}
for (const m of text.matchAll(/^# pass (\d+)$/gm)) passed += Number(m[1]);
for (const m of text.matchAll(/^# fail (\d+)$/gm)) failed += Number(m[1]);
for (const m of text.matchAll(/^\s*Tests\s+(?:(\d+) failed \| )?(\d+) passed/gm)) {
  failed += Number(m[1] ?? 0);
  passed += Number(m[2]);
}
const onlyFailed = /^\s*Tests\s+(\d+) failed\s*\(/m.exec(text);
if (onlyFailed) failed += Number(onlyFailed[1]);
// A step that failed without a failing test (a lint error, a build error) still counts as a failure.
if (process.argv.includes('--step-failed') && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
