/**
 * The built CDN bundle (dist/cdn, written by `npm run build`) served from a
 * fresh mock folder on the project's server without one of its lazily loaded
 * chunks: the browser's own import() of that chunk then fails, as it would
 * on a CDN missing the file or refusing it.
 */
import { expect } from '@open-wc/testing';
import { mock, server, uniqueName } from './harness.js';

/**
 * Copies `entry` (e.g. `contact-form.js`) and every chunk it imports
 * statically into a fresh mock folder, leaving out the chunk it loads with
 * import() whose name starts with `lazy` (e.g. `contact-form.lazy`). Returns
 * the entry's address and the missing chunk's.
 */
export async function builtEntryWithoutLazyChunk(
  entry: string,
  lazy: string,
): Promise<{ entry: string; missing: string }> {
  const built = `${server}/dist/cdn/`;
  const mocks = `${server}/__test__/mock/`;
  const folder = `${mocks}${uniqueName(`cdn-without-${lazy}`)}/`;
  const lazyImport = new RegExp(`import\\(\\s*["']([^"']*${lazy.replace(/\./g, '\\.')}-[^"']+)["']\\s*\\)`);
  const copied = new Set<string>();
  let missing = '';
  const copy = async (path: string): Promise<void> => {
    if (copied.has(path)) return;
    copied.add(path);
    const response = await fetch(built + path);
    expect(response.ok, `dist/cdn/${path} (run npm run build)`).to.equal(true);
    const text = await response.text();
    const found = lazyImport.exec(text);
    if (found) missing = new URL(found[1]!, folder + path).href;
    for (const [, dependency] of text.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g))
      await copy(new URL(dependency!, built + path).href.slice(built.length));
    await mock((folder + path).slice(mocks.length), {
      body: text,
      headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    });
  };
  await copy(entry);
  expect(missing, `the built ${entry} loads ${lazy} with import()`).to.not.equal('');
  expect((await fetch(missing)).status, 'the lazy chunk is missing').to.equal(404);
  return { entry: `${folder}${entry}`, missing };
}
