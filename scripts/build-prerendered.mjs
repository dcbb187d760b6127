/**
 * Prerendered HTML of every widget from the built-in feed, in English and in Welsh (dist/ssr/render.js, after rollup):
 *
 * - `prerendered/<widget>.<lang>.json` (`{ "html": … }`, read with the library's JSON requests): the element alone,
 *   its addresses on `https://cl-base.invalid/`, which the builder replaces with the CDN's own address for its
 *   "HTML with script" snippet;
 * - `embed-<widget>.<lang>.html`: the embed page with that widget in its HTML (addresses relative to the page), so an
 *   iframe paints its content from its own HTML and hydrates it with the widget's own entry.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the snippets' addresses start; the builder puts the CDN's address in its place. */
export const PRERENDER_BASE = 'https://cl-base.invalid/';
export const LANGUAGES = ['en', 'cy'];

/** @param {{ root: string, dist: string, cdn: string, widgets: string[] }} options */
export async function buildPrerendered({ root, dist, cdn, widgets }) {
  const { renderWidget } = await import(pathToFileURL(join(dist, 'ssr/render.js')).href);
  const feed = JSON.parse(await readFile(join(root, 'feed/built-in.json'), 'utf8'));
  const embedPage = await readFile(join(cdn, 'embed.html'), 'utf8');
  await mkdir(join(cdn, 'prerendered'), { recursive: true });
  for (const widget of widgets) {
    for (const lang of LANGUAGES) {
      const { html, problems } = renderWidget({ widget, feed, src: `${PRERENDER_BASE}feed/built-in.json`, lang });
      if (problems.length > 0) throw new Error(`The built-in feed has problems for ${widget}: run npm run validate`);
      await writeFile(join(cdn, 'prerendered', `${widget}.${lang}.json`), `${JSON.stringify({ html })}\n`);
      const page = embedPage
        .replace('<html lang="en">', `<html lang="${lang}">`)
        .replace('./compassionate-leadership.js', `./${widget}.js`)
        .replace('<main></main>', `<main>${html.replaceAll(PRERENDER_BASE, '')}</main>`);
      if (!page.includes(`./${widget}.js`) || !page.includes(`<main><cl-${widget}`))
        throw new Error('embed.html no longer has the places the prerendered pages fill');
      await writeFile(join(cdn, `embed-${widget}.${lang}.html`), page);
    }
  }
}
