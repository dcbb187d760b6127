/**
 * The built CDN bundle (dist/cdn, written by `npm run build`) served from a
 * fresh mock folder on the project's server, as a CDN would serve it: without
 * one of its chunks (the browser's own import() of that chunk then fails, as
 * it would on a CDN missing the file or refusing it), or with
 * some files held back until the test lets them go (a slow network).
 */
import { expect } from '@open-wc/testing';
import { mock, server, uniqueName } from './harness.js';

interface CopyOptions {
  /** Files whose name starts with this are left out, with what only they import. */
  leaveOut?: string;
  /** Files whose name starts with this answer only once the mock `gate` is set. */
  hold?: { prefix: string; gate: string };
}

/**
 * Copies `entry` (e.g. `contact-form.js`) and every chunk it may import (the
 * widget's chunk and what that imports, which the entry, a loader, imports at
 * once, and the chunks loaded later) into a fresh mock folder. Returns the
 * folder's address and the text of each file copied, by name.
 */
async function copyBuilt(
  entry: string,
  options: CopyOptions,
): Promise<{ folder: string; copied: Map<string, string> }> {
  const built = `${server}/dist/cdn/`;
  const mocks = `${server}/__test__/mock/`;
  const folder = `${mocks}${uniqueName('cdn-copy')}/`;
  const copied = new Map<string, string>();
  const fileName = (path: string) => path.split('/').pop()!;
  const copy = async (path: string): Promise<void> => {
    if (copied.has(path)) return;
    const response = await fetch(built + path);
    expect(response.ok, `dist/cdn/${path} (run npm run build)`).to.equal(true);
    const text = await response.text();
    copied.set(path, text);
    for (const [, dependency] of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      const file = new URL(dependency!, built + path).href.slice(built.length);
      if (!options.leaveOut || !fileName(file).startsWith(`${options.leaveOut}-`)) await copy(file);
    }
    const held = options.hold && fileName(path).startsWith(options.hold.prefix);
    await mock((folder + path).slice(mocks.length), {
      body: text,
      headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
      ...(held && { holdUntil: options.hold!.gate }),
    });
  };
  await copy(entry);
  return { folder, copied };
}

/**
 * The built `entry` without a chunk it loads with import() whose name starts
 * with `chunk` (the contact form's lazy half, `contact-form.lazy`; the `core`
 * a widget's loader imports), nor what only that chunk imports. Returns the
 * entry's address and the missing chunk's.
 */
export async function builtEntryWithoutChunk(
  entry: string,
  chunk: string,
): Promise<{ entry: string; missing: string }> {
  const { folder, copied } = await copyBuilt(entry, { leaveOut: chunk });
  const chunkImport = new RegExp(`import\\(\\s*["']([^"']*${chunk.replace(/\./g, '\\.')}-[^"']+)["']\\s*\\)`);
  let missing = '';
  for (const [path, text] of copied) {
    const found = chunkImport.exec(text);
    if (found) missing = new URL(found[1]!, folder + path).href;
  }
  expect(missing, `the built ${entry} loads ${chunk} with import()`).to.not.equal('');
  expect((await fetch(missing)).status, `the ${chunk} chunk is missing`).to.equal(404);
  return { entry: `${folder}${entry}`, missing };
}

/**
 * The built `entry` with every file whose name starts with `held` (e.g.
 * `core-`) answering only once the mock `gate` is set. Returns the entry's
 * address.
 */
export async function builtEntryHolding(entry: string, held: string, gate: string): Promise<string> {
  const { folder } = await copyBuilt(entry, { hold: { prefix: held, gate } });
  return `${folder}${entry}`;
}
