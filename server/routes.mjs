/**
 * The routes beyond static files, shared by `npm start`, the tests and the
 * benchmarks. A receiver (the contact endpoint) adds itself here.
 */
import { resolve } from 'node:path';
import { contactReceiver } from './contact.mjs';

/**
 * @param {{ root: string, dataDir?: string, faults?: boolean }} options
 *   dataDir is resolved against root; `faults` turns on the receiver's test-only fault behaviour.
 */
export async function routes({ root, dataDir = '.data', faults = false }) {
  return [await contactReceiver({ dataDir: resolve(root, dataDir), faults })];
}
