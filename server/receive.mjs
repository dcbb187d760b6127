/**
 * `compassionate-leadership-widgets receive`: the contact receiver alone,
 * configured by environment variables (server/config.mjs). It serves
 * `POST /api/contact` and nothing else.
 */
import { receiverOptionsFromEnv } from './config.mjs';
import { contactReceiver } from './contact.mjs';
import { openStore } from './contact-store.mjs';
import { startServer } from './server.mjs';

/**
 * @param {Record<string, string | undefined>} env
 * @param {{ log?: (line: string) => void, cwd?: string, retryDelaysMs?: number[], now?: () => number }} [extra]
 */
export async function startReceiver(env, { cwd = process.cwd(), ...extra } = {}) {
  const { port, host, ...options } = receiverOptionsFromEnv(env, cwd);
  const contact = await contactReceiver({ ...options, ...extra });
  const server = await startServer({ root: cwd, port, host, publicPaths: {}, handlers: [contact] });
  return { ...server, contact };
}

/** `receive --purge`: deletes the messages older than CONTACT_RETENTION_DAYS and returns how many. */
export async function purgeOnce(env, { cwd = process.cwd() } = {}) {
  const { dataDir, retentionDays } = receiverOptionsFromEnv(env, cwd);
  const store = await openStore({ dataDir });
  return retentionDays ? store.purge(retentionDays) : 0;
}
