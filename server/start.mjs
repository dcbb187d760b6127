#!/usr/bin/env node
/**
 * `npm start`: the demo at http://localhost:8000/demo/ (PORT and HOST
 * override), the CDN build, the feeds, the builder and feed preview, and the
 * contact receiver (set up by the same CONTACT_* variables as `receive`).
 * Only the public folders are served (DEMO_PUBLIC_PATHS), never the
 * repository: not its sources, dotfiles or the stored messages.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PUBLIC_PATHS, DEMO_REDIRECTS, receiverOptionsFromEnv } from './config.mjs';
import { contactReceiver } from './contact.mjs';
import { startServer } from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The `npm start` server.
 * @param {{ port?: number, host?: string, receiver?: Partial<Parameters<typeof contactReceiver>[0]> }} [options]
 *   receiver: the contact receiver's options (default: from the environment, data in .data/ under the repository)
 */
export async function startDemo({ port = 8000, host = 'localhost', receiver } = {}) {
  // PORT and HOST are the demo's own (given above); the rest configures its receiver.
  const { allowedOrigins, retentionDays, rateLimit, mail, dataDir } = receiverOptionsFromEnv(process.env, root);
  const options = { allowedOrigins, retentionDays, rateLimit, mail, dataDir, ...receiver };
  const contact = await contactReceiver(options);
  return startServer({
    root,
    port,
    host,
    publicPaths: DEMO_PUBLIC_PATHS,
    privateDirs: [options.dataDir],
    redirects: DEMO_REDIRECTS,
    handlers: [contact],
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startDemo({ port: Number(process.env.PORT ?? 8000), host: process.env.HOST ?? 'localhost' });
  console.log(`Demo: ${url}/demo/  (Welsh: ${url}/demo/cy.html)`);
  console.log(`Embed builder: ${url}/builder  Feed preview: ${url}/preview`);
}
