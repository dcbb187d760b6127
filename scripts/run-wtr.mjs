#!/usr/bin/env node
/** Runs the browser tests (web-test-runner) in headless Chromium and, when installed, Firefox ESR and WebKitGTK. */
import { spawnSync } from 'node:child_process';
import { findChromium, findFirefox } from './browsers.mjs';
import { findWebKit } from './webkit-launcher.mjs';

findChromium();
if (!findFirefox())
  console.warn('Firefox ESR not found: browser tests run without it (`apt-get install -y firefox-esr` adds it).');
if (!findWebKit())
  console.warn(
    'WebKitGTK not found: browser tests run without Safari’s engine (`apt-get install -y webkit2gtk-driver xvfb` adds it).',
  );
const result = spawnSync(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
