#!/usr/bin/env node
/**
 * The build: checks the version, rewrites src/index.ts when the widget folders changed, runs the rollup
 * configurations of rollup.config.mjs (the npm build in dist/, the CDN folder in dist/cdn/), then publishes
 * the feed's JSON Schema, the custom-elements manifest, the integrity hashes, the embed pages, the prerendered
 * HTML and the size report with its budget.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { buildConfigs } from '../rollup.config.mjs';
import { sizeReport, checkBudgets, printSizeTable } from './size-report.mjs';
import { buildDemo } from './build-demo.mjs';
import { discoverWidgets, writeIndex } from './widgets.mjs';
import { buildEmbed } from './build-embed.mjs';
import { buildPrerendered } from './build-prerendered.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// rollup.config.mjs names its inputs relative to the project folder.
process.chdir(root);
const finalDist = join(root, 'dist');
// Built aside and swapped in at the end, so a failed build never leaves dist/ empty for a running server.
const dist = join(root, `.dist-build-${process.pid}`);
const cdn = join(dist, 'cdn');

async function checkVersion() {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const source = await readFile(join(root, 'src/internal/version.ts'), 'utf8');
  if (!source.includes(`'${pkg.version}'`)) throw new Error(`src/internal/version.ts does not say ${pkg.version}`);
}

/** One configuration after the other, as `rollup -c` does. */
async function runRollup(widgets) {
  for (const config of buildConfigs(dist, widgets)) {
    const bundle = await rollup(config);
    await bundle.write(config.output);
    await bundle.close();
  }
}

async function writeIntegrity() {
  const files = (await readdir(cdn)).filter((f) => f.endsWith('.js'));
  const integrity = {};
  for (const file of files.sort()) {
    integrity[file] = `sha384-${createHash('sha384')
      .update(await readFile(join(cdn, file)))
      .digest('base64')}`;
  }
  await writeFile(join(cdn, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
}

/** The feed's schema objects are JSON Schema already; the plain-words messages stay in the library. */
async function writeJsonSchema() {
  const { FeedSchema } = await import(pathToFileURL(join(dist, 'feed/schema.js')).href);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://unpkg.com/compassionate-leadership-widgets/dist/feed.schema.json',
    title: 'Compassionate leadership widgets content feed',
    ...FeedSchema,
  };
  const text = JSON.stringify(schema, (key, value) => (key === 'errorMessage' ? undefined : value), 2) + '\n';
  await writeFile(join(dist, 'feed.schema.json'), text);
  await writeFile(join(cdn, 'feed.schema.json'), text);
}

function writeManifest() {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

const started = Date.now();
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
await checkVersion();
const widgets = await discoverWidgets(root);
if (await writeIndex(root, widgets)) console.log('src/index.ts rewritten for the widget folders: commit it.');
await rm(dist, { recursive: true, force: true });
await mkdir(cdn, { recursive: true });
await runRollup(widgets);
await writeIntegrity();
await writeJsonSchema();
writeManifest();
await (await import('./docs-tables.mjs')).writeDocsTables(root);
await buildEmbed({ root, cdn, widgets });
await buildPrerendered({ root, dist, cdn, widgets });
const report = await sizeReport(cdn);
await writeFile(join(dist, 'size-report.json'), JSON.stringify(report, null, 2) + '\n');
await rm(finalDist, { recursive: true, force: true });
await rename(dist, finalDist);
await buildDemo({ root, widgets });
if (!process.argv.includes('--quiet')) printSizeTable(report);
const failures = checkBudgets(report);
if (failures.length > 0) {
  console.error(`Size budget exceeded:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`Built ${widgets.length} widget(s) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
const { unreviewedWelshCount } = await import('./strings-lib.mjs');
const awaitingWelsh = await unreviewedWelshCount(root);
if (awaitingWelsh > 0) console.warn(`Warning: ${awaitingWelsh} Welsh strings await review (npm run strings:review)`);
