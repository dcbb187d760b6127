// The CI summary on captured `npm test` output (test/node/fixtures/ci/: a real run, and the same run with
// failures and with a failed build written into it), and scripts/test.mjs's step lines that it reads,
// produced by the real runner with a stand-in `npm` whose scripts pass or fail on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFailures, parseRunners, parseSteps, summarize } from '../../scripts/ci-summary.mjs';

const sample = (name) => readFileSync(new URL(`fixtures/ci/${name}`, import.meta.url), 'utf8');
const summary = (log, extra = []) => summarize(parseRunners(log), new Map([...parseSteps(log), ...extra]));

test('a green run: per-runner counts, and each browser test counted once', () => {
  assert.deepEqual(summary(sample('all-passed.txt'), [['storybook', 'passed']]), [
    'node 72, Chromium 248, Firefox 248, stories 41',
    'steps: build, lint, typecheck, node, browser, stories, storybook passed',
    '361 passed, 0 failed',
  ]);
});

test('failing tests in every runner and a lint error: a browser failure counts once, lint as one failure', () => {
  assert.deepEqual(summary(sample('tests-failed.txt')), [
    'node 72 (2 failed), Chromium 248 (2 failed), Firefox 248 (1 failed), stories 41 (1 failed)',
    'steps failed: lint, node, browser, stories',
    // node 70 + browsers 248 - max(2, 1) + stories 40 passed; 2 + 2 + 1 failed tests, and the lint step.
    '356 passed, 6 failed',
  ]);
});

test('the failing tests are named, with the first line of their error, once each', () => {
  // As web-test-runner and node:test (TAP, as in CI) print them.
  const log = [
    'test/contact-form.test.ts:',
    '',
    ' 🚧 Browser logs:',
    '      a warning',
    '',
    ' ❌ <cl-contact-form> > keeps the draft (failed on Firefox)',
    "      AssertionError: expected '' to equal 'Ann'",
    '        at n.<anonymous> (test/contact-form.test.ts:88:12)',
    '',
    'test/feed-store.test.ts:',
    '',
    ' ❌ store > serves the saved copy',
    '      Error: Timed out',
    'not ok 3 - the receiver refuses 3 MB',
    '  ---',
    'not ok 3 - the receiver refuses 3 MB',
  ].join('\n');
  assert.deepEqual(parseFailures(log), [
    "failed: test/contact-form.test.ts > <cl-contact-form> > keeps the draft (failed on Firefox): AssertionError: expected '' to equal 'Ann'",
    'failed: test/feed-store.test.ts > store > serves the saved copy: Error: Timed out',
    'failed: node > the receiver refuses 3 MB',
  ]);
  assert.deepEqual(parseFailures(sample('all-passed.txt')), []);
});

test('a failed build: the steps that needed it are named as not run and count as failures', () => {
  assert.deepEqual(summary(sample('build-failed.txt'), [['storybook', 'failed']]), [
    'stories 41',
    'steps failed: build, storybook; did not run: node, browser',
    '41 passed, 4 failed',
  ]);
});

test('the CLI prints the same three lines, and counts npm test failing only when no step explains it', () => {
  const cli = (file, ...args) =>
    spawnSync(process.execPath, ['scripts/ci-summary.mjs', file, ...args], { encoding: 'utf8' }).stdout;
  const fixtures = 'test/node/fixtures/ci';
  assert.equal(
    cli(`${fixtures}/build-failed.txt`, '--step', 'npm-test=failed', '--step', 'storybook=passed'),
    'stories 41\nsteps failed: build; did not run: node, browser\n41 passed, 3 failed\n',
  );
  const empty = join(mkdtempSync(join(tmpdir(), 'ci-summary-')), 'crashed.txt');
  writeFileSync(empty, 'npm error code ENOENT\n');
  assert.equal(
    cli(empty, '--step', 'npm-test=failed'),
    'no test runner reported\nsteps failed: npm-test\n0 passed, 1 failed\n',
  );
  rmSync(join(empty, '..'), { recursive: true });
});

test('scripts/test.mjs runs every step after a failure, skips what needs a failed build, and exits 1', () => {
  const bin = mkdtempSync(join(tmpdir(), 'fake-npm-'));
  // A stand-in npm: `npm run --silent <script>` fails when <script> is listed in FAIL, and says what it ran.
  writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho "ran $3"\ncase " $FAIL " in *" $3 "*) exit 1;; esac\nexit 0\n');
  chmodSync(join(bin, 'npm'), 0o755);
  const run = (fail) =>
    spawnSync(process.execPath, ['scripts/test.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FAIL: fail },
    });

  const buildFailed = run('build test:stories');
  assert.equal(buildFailed.status, 1);
  assert.deepEqual(buildFailed.stdout.match(/^ran .*/gm), [
    'ran build',
    'ran lint',
    'ran typecheck',
    'ran test:stories',
  ]);
  assert.deepEqual(Object.fromEntries(parseSteps(buildFailed.stdout)), {
    build: 'failed',
    lint: 'passed',
    typecheck: 'passed',
    node: 'not run',
    browser: 'not run',
    stories: 'failed',
  });
  assert.match(buildFailed.stdout, /^\[npm test\] did not pass: build, node, browser, stories$/m);

  const lintFailed = run('lint');
  assert.equal(lintFailed.status, 1);
  assert.equal(lintFailed.stdout.match(/^ran .*/gm).length, 6);
  assert.match(lintFailed.stdout, /^\[npm test\] did not pass: lint$/m);

  const green = run('');
  assert.equal(green.status, 0);
  assert.match(green.stdout, /^\[npm test\] every step passed$/m);
  rmSync(bin, { recursive: true });
});
