// scripts/size-sources.mjs: an entry's files, each with the sources its source map gives it. Reads the dist/cdn/ that
// `npm run build` wrote (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entrySources } from '../../scripts/size-sources.mjs';
import { sizeReport } from '../../scripts/size-report.mjs';

const cdn = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'dist/cdn');

test('an entry before use: the files size-report counts, each with its own sources, nearly every byte owned', async () => {
  const files = await entrySources(cdn, 'contact-form.js');
  const report = await sizeReport(cdn);
  assert.deepEqual(
    files.map(({ file }) => file),
    report.entries['contact-form.js'].loads,
  );
  const sourcesIn = (prefix) => files.find(({ file }) => file.startsWith(prefix)).sources.map(({ source }) => source);
  assert.ok(sourcesIn('chunks/contact-form-').includes('src/components/contact-form/contact-form.ts'));
  assert.ok(sourcesIn('chunks/core-').includes('node_modules/lit-html/lit-html.js'));
  assert.ok(!sourcesIn('chunks/core-').includes('src/components/contact-form/contact-form.ts'));
  for (const { file, sources } of files) {
    const owned = sources.filter(({ source }) => source !== 'unmapped').reduce((sum, { raw }) => sum + raw, 0);
    const size = statSync(join(cdn, file)).size;
    assert.ok(owned <= size, `${file}: its sources hold ${owned} of its ${size} bytes`);
    // The loaders have an empty map; every chunk's map owns nearly all of it.
    if (file.startsWith('chunks/')) assert.ok(owned > size * 0.9, `${file}: sources own ${owned} of ${size} bytes`);
  }
});

test('with everything, the code loaded on intent too', async () => {
  const files = (await entrySources(cdn, 'contact-form.js', { everything: true })).map(({ file }) => file);
  assert.ok(files.some((file) => file.startsWith('chunks/contact-form.lazy-')));
  await assert.rejects(entrySources(cdn, 'no-such-widget.js'), /No entry no-such-widget\.js/);
});
