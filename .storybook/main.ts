import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type Plugin } from 'vite';
import { contactReceiver } from '../server/contact.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'stories/fixtures');

/** How long `/fixtures/slow/<file>` waits by default: long enough to see the loading state, under the store's 10 s timeout. */
const SLOW_DEFAULT_MS = 8_000;
const SLOW_MAX_MS = 120_000;

/**
 * Serves `/fixtures/slow/<file>` (a file of stories/fixtures/) after a delay,
 * so widget stories can show their loading state without any network:
 * `?delay=<ms>` changes the wait (up to 2 min); other query parameters are
 * ignored, so a story can add one (`&story=loading`) to get its own store
 * entry, since the store loads each URL once per page.
 * Only the dev server (`storybook dev`, the story tests) has this route: the
 * static build has no server, so there these addresses answer 404 and the
 * story shows its error state instead.
 */
function slowFixtures(): Plugin {
  return {
    name: 'cl-slow-fixtures',
    configureServer(server) {
      server.middlewares.use('/fixtures/slow/', (request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const name = decodeURIComponent(url.pathname.slice(1));
        // Only plain file names: nothing outside stories/fixtures/ is ever served.
        if (!/^[\w-][\w.-]*$/.test(name)) {
          next();
          return;
        }
        const asked = Number(url.searchParams.get('delay') ?? SLOW_DEFAULT_MS);
        const delay = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), SLOW_MAX_MS) : SLOW_DEFAULT_MS;
        const timer = setTimeout(() => {
          readFile(join(fixtures, name)).then(
            (body) => {
              response.writeHead(200, {
                'Content-Type': name.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8',
                'Cache-Control': 'no-store',
              });
              response.end(body);
            },
            () => {
              response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
              response.end('Not found');
            },
          );
        }, delay);
        // A story left before the answer came: stop waiting for it.
        response.on('close', () => clearTimeout(timer));
      });
    },
  };
}

/**
 * The project's real contact receiver (server/contact.mjs, as `npm start`
 * serves it) at `POST /api/contact`, so a story can send a message and show
 * the receiver's own reference. It stores outside the repository, in the
 * system's temporary folder: the dev server serves files from the project's
 * folder, and messages must never sit where it could hand them out. No rate
 * limit (the story tests send often). Like the slow fixtures, only the dev
 * server and the story tests have it: in the static build the post fails.
 */
function realContactReceiver(): Plugin {
  return {
    name: 'cl-contact-receiver',
    async configureServer(server) {
      const receive = await contactReceiver({
        dataDir: join(tmpdir(), 'compassionate-leadership-storybook'),
        rateLimit: 0,
        log: () => undefined,
      });
      server.httpServer?.once('close', () => void receive.close());
      server.middlewares.use((request, response, next) => {
        receive(request, response, new URL(request.url ?? '/', 'http://localhost')).then(
          (answered) => answered || next(),
          next,
        );
      });
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Globs, not a list: every stories/<widget>.stories.ts added later is picked up.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Stories read feeds from Storybook itself, never from the network.
  staticDirs: [
    { from: '../feed', to: '/feed' },
    { from: '../stories/fixtures', to: '/fixtures' },
  ],
  // The machines have no internet but the npm registry: no telemetry, no "what's new" fetch.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      plugins: [slowFixtures(), realContactReceiver()],
      // Builds, test runs and the bench rewrite these while Storybook runs; none is a story's source.
      server: {
        watch: { ignored: ['**/dist/**', '**/.data/**', '**/bench/**', '**/storybook-static/**'] },
        // Vite's defaults, and the receivers' data folders (`npm start` keeps messages in .data/): never served.
        fs: { deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/.data/**'] },
      },
      // Storybook's own preview bundle (with axe) is large by nature; the library's size budget is checked by the build.
      build: { chunkSizeWarningLimit: 1500 },
      optimizeDeps: {
        /*
         * The web-components renderer imports lit/directive-helpers.js, which
         * Vite would otherwise serve unbundled, loading a second lit-html
         * ("Multiple versions of Lit loaded"). Naming what the widgets import
         * also spares the story tests a mid-run re-optimisation and reload.
         */
        include: [
          'lit',
          'lit/directive-helpers.js',
          'lit/decorators.js',
          'lit/directives/*.js',
          'lit/static-html.js',
          '@lit/context',
        ],
      },
    });
  },
};

export default config;
