/**
 * Transfer sizes of every dist/cdn entry together with every chunk it loads
 * (scripts/size-report.mjs), gzip -9 and brotli 11. The one peer measurable
 * here is lite-youtube-embed (node_modules), the lightest YouTube facade:
 * its JS and CSS minified the way our CDN build minifies, each gzipped, set
 * against the film player's entry.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';
import { sizeReport } from '../scripts/size-report.mjs';
import { compare } from './harness.mjs';

export const title = 'CDN entry sizes (with chunks), gzip and brotli';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILM_PLAYER = 'film-player.js';

const kb = (bytes) => Math.round((bytes / 1024) * 100) / 100;
/** A size is measured once: it does not vary between runs. */
const exactly = (value) => ({ median: value, min: value, max: value, runs: 1 });

/** lite-youtube-embed's JS (terser, as our CDN build) and CSS (comments and spacing removed), each gzip -9, in KB. */
async function liteYoutubeEmbedGzip() {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('lite-youtube-embed/package.json'));
  const { version } = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
  const bundle = await rollup({ input: join(pkgDir, 'src/lite-yt-embed.js') });
  const { output } = await bundle.generate({
    format: 'es',
    plugins: [terser({ format: { comments: false }, compress: { passes: 2 } })],
  });
  await bundle.close();
  const css = (await readFile(join(pkgDir, 'src/lite-yt-embed.css'), 'utf8'))
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .trim();
  const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
  return { name: `lite-youtube-embed ${version} JS+CSS`, kb: kb(gzip(output[0].code) + gzip(css)) };
}

export async function run() {
  const cdn = join(root, 'dist/cdn');
  const report = await sizeReport(cdn);
  const peer = existsSync(join(cdn, FILM_PLAYER)) ? await liteYoutubeEmbedGzip() : undefined;
  const rows = [];
  for (const [entry, sizes] of Object.entries(report.entries).sort(([a], [b]) => a.localeCompare(b))) {
    const caseName = `size ${entry}`;
    const chunks = sizes.loads.length - 1;
    const gzipRow = {
      case: caseName,
      metric: `gzip, with ${chunks} chunk(s)`,
      unit: 'KB',
      ...exactly(kb(sizes.withChunks.gzip)),
    };
    rows.push(entry === FILM_PLAYER && peer ? compare(gzipRow, peer.name, exactly(peer.kb)) : gzipRow);
    rows.push({
      case: caseName,
      metric: `brotli, with ${chunks} chunk(s)`,
      unit: 'KB',
      ...exactly(kb(sizes.withChunks.brotli)),
    });
  }
  return rows;
}
