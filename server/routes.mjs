/**
 * The routes beyond static files, shared by `npm start`, the tests and the
 * benchmarks: the contact receiver.
 */
import { resolve } from 'node:path';
import { contactReceiver } from './contact.mjs';

/**
 * @param {{ root: string, dataDir?: string, faults?: boolean } & Omit<Parameters<typeof contactReceiver>[0], 'dataDir'>} options
 *   dataDir is resolved against root; `faults` turns on the receiver's test-only fault behaviour;
 *   the rest goes to the receiver (allowedOrigins, rateLimit, retentionDays, mail, log)
 */
export async function routes({ root, dataDir = '.data', ...receiverOptions }) {
  return [await contactReceiver({ ...receiverOptions, dataDir: resolve(root, dataDir) })];
}
