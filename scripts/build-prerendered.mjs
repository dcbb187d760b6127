/**
 * Prerendered HTML of every widget from the built-in feed, in English and in Welsh (dist/ssr/render.js, after rollup):
 *
 * - `prerendered/<widget>.<lang>.json` (`{ "html": …, "styleHash": …, "entry": …, "async"?: …, "preload": … }`, read
 *   with the library's JSON requests): the element alone, its addresses on `https://cl-base.invalid/`, which the builder
 *   replaces with the CDN's own address for its "HTML with script" snippet, the CSP source of its `<style>`, and the
 *   widget's `preload.json` entry;
 * - `embed-<widget>.<lang>.html`: the embed page with that widget in its HTML (addresses relative to the page), so an
 *   iframe paints its content from its own HTML and hydrates it with the widget's script;
 * - `preload.json`: per widget, the script prerendered HTML loads (`entry`) and what to preload beside it (`preload`,
 *   each file with its integrity hash), for the CLI's `render`, the builder and the embed pages. Most widgets: their
 *   entry, and the chunks it imports and Lit's hydration in `<link rel="modulepreload">`, so the browser fetches them
 *   beside the entry instead of one after the other (entry, then core, then hydration: three round trips on a slow
 *   network before the widget works). A widget with a facade (the film player's `<widget>.facade.js`): that alone,
 *   `async`: the button in the HTML works once it has run, and it loads the rest. Preloaded beside it, the rest held it
 *   up (the browser compiled it first) and made the page heavier before the button worked.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sizeReport } from './size-report.mjs';

/** Where the snippets' addresses start; the builder puts the CDN's address in its place. */
export const PRERENDER_BASE = 'https://cl-base.invalid/';
export const LANGUAGES = ['en', 'cy'];
/** embed.html's title, until its script names the widget: a prerendered page names it in its HTML. */
const EMBED_TITLE = '<title>Compassionate leadership</title>';

/** @param {{ root: string, dist: string, cdn: string, widgets: string[] }} options */
export async function buildPrerendered({ root, dist, cdn, widgets }) {
  const { renderWidget, preloadTags, frameTitle, escapeAttribute } = await import(
    pathToFileURL(join(dist, 'ssr/render.js')).href
  );
  const feed = JSON.parse(await readFile(join(root, 'feed/built-in.json'), 'utf8'));
  const embedPage = await readFile(join(cdn, 'embed.html'), 'utf8');
  await mkdir(join(cdn, 'prerendered'), { recursive: true });
  const preload = await writePreload(cdn, widgets);
  for (const widget of widgets) {
    for (const lang of LANGUAGES) {
      const { html, problems, styleHash } = renderWidget({
        widget,
        feed,
        src: `${PRERENDER_BASE}feed/built-in.json`,
        lang,
      });
      if (problems.length > 0) throw new Error(`The built-in feed has problems for ${widget}: run npm run validate`);
      const { entry, preload: files } = preload[widget];
      const snippet = { html, styleHash, ...preload[widget] };
      await writeFile(join(cdn, 'prerendered', `${widget}.${lang}.json`), `${JSON.stringify(snippet)}\n`);
      const title = `<title>${escapeAttribute(frameTitle(widget, lang))}</title>`;
      const page = embedPage
        .replace('<html lang="en">', `<html lang="${lang}">`)
        .replace(EMBED_TITLE, title)
        // In the page's head the script stays deferred, a facade too: `async`, it could run before the element is parsed.
        .replace(
          '<script type="module" src="./compassionate-leadership.js"></script>',
          `${preloadTags(files, './').replaceAll('\n', '\n    ')}<script type="module" src="./${entry}"></script>`,
        )
        .replace('<main></main>', `<main>${html.replaceAll(PRERENDER_BASE, '')}</main>`);
      if (!page.includes(`src="./${entry}"`) || !page.includes(`<main><cl-${widget}`) || !page.includes(title))
        throw new Error('embed.html no longer has the places the prerendered pages fill');
      await writeFile(join(cdn, `embed-${widget}.${lang}.html`), page);
    }
  }
}

/** `preload.json` (see above); returns it. */
async function writePreload(cdn, widgets) {
  const { entries } = await sizeReport(cdn);
  const preload = {};
  for (const widget of widgets) {
    if (entries[`${widget}.facade.js`]) {
      // A facade runs as soon as it has come (`async`; in a snippet it follows the element), with nothing preloaded
      // beside it: it is the first script, and it loads the rest.
      preload[widget] = { entry: `${widget}.facade.js`, async: true, preload: [] };
      continue;
    }
    const entry = entries[`${widget}.js`];
    const hydration = entry.mayLoad.filter((file) => /^chunks\/hydrate-[^/]+\.js$/.test(file));
    if (hydration.length !== 1) throw new Error(`${widget}.js: no hydration chunk found among what it may load`);
    const files = [...entry.loads.filter((file) => file !== `${widget}.js`), ...hydration];
    preload[widget] = {
      entry: `${widget}.js`,
      preload: await Promise.all(
        files.map(async (href) => ({
          href,
          integrity: `sha384-${createHash('sha384')
            .update(await readFile(join(cdn, href)))
            .digest('base64')}`,
        })),
      ),
    };
  }
  await writeFile(join(cdn, 'preload.json'), `${JSON.stringify(preload, null, 2)}\n`);
  return preload;
}
