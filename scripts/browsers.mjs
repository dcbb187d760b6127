/**
 * Finds the system browsers (no test tool downloads its own here): Chromium
 * from CHROME_PATH or Debian's package, Firefox ESR when installed.
 */
import { existsSync } from 'node:fs';

/** Flags headless Chromium needs on a closed network (no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Test pages run side by side in tabs: keep background tabs' timers and frames running.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  // Each new window (a test file's or a bench load's context) otherwise loads the address bar's WebUI popups in the
  // background: on 2 cores that slowed both sides of a bench load by about 40% and made it twice as noisy.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
];

export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const path = candidates.find((p) => p && existsSync(p));
  if (!path) {
    console.error('No Chromium found: install it with `apt-get install -y chromium`, or set CHROME_PATH.');
    process.exit(1);
  }
  return path;
}

export function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p) => p && existsSync(p));
}
