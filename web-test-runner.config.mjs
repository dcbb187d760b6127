import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium, findFirefox } from './scripts/browsers.mjs';
import { webkitLauncher } from './scripts/webkit-launcher.mjs';
import { startServer } from './server/server.mjs';
import { routes } from './server/routes.mjs';
import { DEMO_PUBLIC_PATHS } from './server/config.mjs';

const root = dirname(fileURLToPath(import.meta.url));
// A free port unless one is asked for, so several test runs can share a machine.
const TEST_SERVER_PORT = Number(process.env.CL_TEST_SERVER_PORT ?? 0);
// CL_BROWSERS=chromium, =firefox,webkit and so on runs those browsers (while iterating); by default every one installed.
const wanted = new Set((process.env.CL_BROWSERS ?? 'chromium,firefox,webkit').split(','));

/*
 * The project's own server runs beside the test runner's on another port,
 * so tests fetch feeds and post contact forms across origins, as on a
 * partner's page with the feed on a CDN.
 */
let testServer;
const projectServer = {
  name: 'project-server',
  async serverStart() {
    testServer = await startServer({
      root,
      port: TEST_SERVER_PORT,
      // What the demo serves, plus what the tests load: their fixtures, the README and the host pages' CSS and scripts.
      publicPaths: {
        ...DEMO_PUBLIC_PATHS,
        '/test/fixtures/': 'test/fixtures',
        '/README.md': 'README.md',
        '/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css':
          'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css',
        '/node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css':
          'node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css',
        '/node_modules/bootstrap/dist/css/bootstrap.min.css': 'node_modules/bootstrap/dist/css/bootstrap.min.css',
        // The host pages' scripts (test/hardening/legacy-scripts.test.ts).
        ...Object.fromEntries(
          [
            'zone.js/bundles/zone.umd.js',
            '@webcomponents/webcomponentsjs/custom-elements-es5-adapter.js',
            '@webcomponents/webcomponentsjs/webcomponents-bundle.js',
            'document-register-element/build/document-register-element.js',
            '@ungap/custom-elements/min.js',
          ].map((file) => [`/node_modules/${file}`, `node_modules/${file}`]),
        ),
      },
      privateDirs: ['.data'],
      // The test pages come from the runner's own origin, on a port chosen at start; the tests post many messages.
      handlers: await routes({
        root,
        dataDir: '.data/test',
        faults: true,
        allowedOrigins: ['*'],
        rateLimit: 0,
        log: () => undefined,
      }),
      testRoutes: true,
    });
  },
  async serverStop() {
    await testServer?.close();
  },
};

/**
 * `clipboard-access` (a server command, `executeServerCommand`): `{ allow: true }`
 * grants the test page's origin reading and writing the clipboard, `{ allow: false }`
 * denies both, so a copy test drives one outcome. Chromium only (CDP permissions):
 * Firefox has no clipboard permission to set, and the command answers false there.
 */
const clipboardAccess = {
  name: 'clipboard-access',
  async executeCommand({ command, payload, session }) {
    if (command !== 'clipboard-access') return undefined;
    if (session.browser.name !== 'Chromium') return false;
    const page = session.browser.getPage(session.id);
    const granted = payload?.allow ? ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] : [];
    // The permissions not listed are denied.
    await page.browserContext().overridePermissions(new URL(page.url()).origin, granted);
    return true;
  },
};

/**
 * `forced-colors` (a server command): `{ active: true }` turns Chromium's forced colours on (Windows' contrast themes,
 * as DevTools emulates them), `{ active: false }` off. The runner's `emulateMedia` passes `forcedColors` on only to
 * Playwright, and drops it for Chromium here (Puppeteer). Firefox and WebKit cannot emulate the mode: false there.
 */
const forcedColorSessions = new WeakMap();
const forcedColors = {
  name: 'forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'forced-colors') return undefined;
    if (session.browser.name !== 'Chromium') return false;
    const page = session.browser.getPage(session.id);
    // Puppeteer's emulateMediaFeatures refuses this feature; DevTools' own command takes it (the emulation lasts while
    // the session that set it is attached, so one session per page is kept).
    if (!forcedColorSessions.has(page)) forcedColorSessions.set(page, await page.createCDPSession());
    const value = payload?.active ? 'active' : 'none';
    await forcedColorSessions
      .get(page)
      .send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value }] });
    return true;
  },
};

/**
 * The CDN folder's scripts as built. The runner's esbuild plugin rewrites every script it serves (its target, an
 * inline source map): the prerendered pages' `modulepreload` integrity hashes then refuse the chunks, and a page on
 * this origin (a test's same-origin copy of an embed page) could not load its widget's code.
 */
const CDN_DIR = join(root, 'dist', 'cdn');
async function cdnScriptsAsBuilt(context, next) {
  const file = normalize(join(root, decodeURIComponent(context.path)));
  if (!context.path.startsWith('/dist/cdn/') || !file.startsWith(`${CDN_DIR}/`) || !file.endsWith('.js')) return next();
  const body = await readFile(file).catch(() => undefined);
  if (!body) return next();
  context.type = 'text/javascript; charset=utf-8';
  context.body = body;
}

const firefox = findFirefox();
/**
 * The runner keys browsers by name (both launchers would otherwise be called
 * "Chrome"). It also reuses a finished test file's page for the next file:
 * close it instead, with its context, so no storage, focus or media state
 * crosses files (in Firefox a reused page stopped taking key presses).
 */
function named(name, launcher) {
  launcher.name = name;
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const result = await stopSession(sessionId);
    const page = launcher.inactivePages.pop();
    await page?.puppeteerPage
      .browserContext()
      .close()
      .catch(() => undefined);
    return result;
  };
  return launcher;
}
const browsers = [];
if (wanted.has('chromium'))
  browsers.push(
    named(
      'Chromium',
      chromeLauncher({
        // One file at a time, as in Firefox: two windows at once fought over focus, and a key press into a
        // cross-origin iframe went astray now and then. The browsers still run side by side.
        concurrency: 1,
        launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
        // Each test file in a context (a window) of its own: a background tab gets no animation frames.
        createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      }),
    ),
  );
if (firefox && wanted.has('firefox')) {
  // One page at a time: Firefox sends key presses to the focused window only.
  browsers.push(
    named(
      'Firefox',
      chromeLauncher({
        concurrency: 1,
        launchOptions: { browser: 'firefox', executablePath: firefox, headless: true },
        createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      }),
    ),
  );
}
// Safari's engine: WebKitGTK, when its WebDriver is installed (scripts/webkit-launcher.mjs).
const webkit = wanted.has('webkit') && webkitLauncher();
if (webkit) browsers.push(webkit);

// FUZZ_SEED=<n> replays a fuzz run (test/hardening/fuzz.test.ts prints its seed); the page cannot read env itself.
const fuzzSeed = /^\d+$/.test(process.env.FUZZ_SEED ?? '') ? Number(process.env.FUZZ_SEED) : 'undefined';

export default {
  rootDir: root,
  files: process.env.CL_TEST_FILES ?? 'test/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  concurrentBrowsers: 2,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  browsers,
  middleware: [cdnScriptsAsBuilt],
  plugins: [
    projectServer,
    clipboardAccess,
    forcedColors,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}/tsconfig.json` }),
  ],
  testFramework: { config: { timeout: 15_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Test</title></head>
  <body>
    <script>window.CL_TEST_SERVER = '${testServer.url}'; window.CL_FUZZ_SEED = ${fuzzSeed};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
