/**
 * The recommended path where a partner's page takes HTML: the widget prerendered into the page by dist/ssr/render.js
 * (what the CLI's `render` and the builder's "HTML with script" give), with the widget's own entry script, which
 * hydrates it. Each bench page of ours is written again with its widget element (or the empty host the page fills)
 * replaced by the widget rendered from a feed, and the chunks its entry loads preloaded (as the snippet does), into
 * dist/bench-prerendered/ (served at /bench/prerendered/ by bench/harness.mjs's server; under dist/, so no lint,
 * format or commit sees it). Addresses in the rendered HTML are the server's own, absolute, as a partner's would be.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const PRERENDERED = '/bench/prerendered/';

/**
 * Each widget's bench page and how it is prerendered: the element (or `host`) replaced, the feed file it is rendered
 * from (the resource list has none: its case generates its feeds and gives one), the feed's address and the element's
 * other attributes.
 */
const PAGES = {
  'principle-cards': {
    page: 'bench/pages/principle-cards-widget.html',
    element: '<cl-principle-cards src="/feed/built-in.json" behaviours></cl-principle-cards>',
    feed: 'feed/built-in.json',
    src: '/feed/built-in.json',
    attributes: { behaviours: '' },
  },
  'film-player': {
    page: 'bench/pages/film-player-widget.html',
    element: '<cl-film-player src="film-player-feed.json" film="bench-youtube"></cl-film-player>',
    feed: 'bench/pages/film-player-feed.json',
    src: '/bench/pages/film-player-feed.json',
    attributes: { film: 'bench-youtube' },
  },
  'resource-list': { page: 'bench/pages/resource-list-widget.html', host: '<div id="host"></div>', attributes: {} },
  'contact-form': {
    page: 'bench/pages/contact-form-widget.html',
    element: '<cl-contact-form id="bench" src="/feed/built-in.json" endpoint="/api/contact"></cl-contact-form>',
    feed: 'feed/built-in.json',
    src: '/feed/built-in.json',
    attributes: { id: 'bench', endpoint: '/api/contact' },
  },
};

/**
 * Writes `widget`'s bench page with the widget prerendered to dist/bench-prerendered/<file>.html and returns its path
 * on the server. `feed` (the feed's text) and `src` (its path on the server) replace the page's own: the resource
 * list's generated feeds.
 */
export async function writePrerenderedPage(baseUrl, widget, { file = widget, feed, src } = {}) {
  const { renderWidget, preloadTags } = await import(pathToFileURL(resolve(root, 'dist/ssr/render.js')).href);
  const spec = PAGES[widget];
  if (!spec) throw new Error(`No bench page to prerender for ${widget}.`);
  const { element, host, attributes } = spec;
  const absolute = (path) => new URL(path, baseUrl).href;
  const feedText = feed ?? (await readFile(resolve(root, spec.feed), 'utf8'));
  const { html } = renderWidget({
    widget,
    feed: JSON.parse(feedText),
    src: absolute(src ?? spec.src),
    lang: 'en',
    attributes: Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [key, key === 'endpoint' ? absolute(value) : value]),
    ),
  });
  let page = await readFile(resolve(root, spec.page), 'utf8');
  const place = element ?? host;
  if (!page.includes(place)) throw new Error(`${spec.page} no longer has ${place}`);
  // As the snippet gives them, after the element: what its script loads, preloaded (the chunks the entry imports and
  // Lit's hydration; nothing beside the film player's facade), then the script, in place of the page's own.
  const { entry, async, preload } = JSON.parse(await readFile(resolve(root, 'dist/cdn/preload.json'), 'utf8'))[widget];
  const script = `<script type="module"${async ? ' async' : ''} src="/dist/cdn/${entry}"></script>`;
  const widgetHtml = `${html}\n${preloadTags(preload, '/dist/cdn/')}${script}`;
  // (Replaced by functions: the HTML may hold `$` patterns.)
  page = page.replace(place, () => (host ? host.replace('></div>', () => `>${widgetHtml}</div>`) : widgetHtml));
  // The resource list's own page makes its widget with a script: the prerendered page has it in its HTML.
  if (host) page = page.replace(/<script type="module">[\s\S]*?<\/script>/, '');
  const own = `<script type="module" src="/dist/cdn/${widget}.js"></script>`;
  if (!page.includes(own)) throw new Error(`${spec.page} no longer loads /dist/cdn/${widget}.js`);
  page = page.replace(own, '');
  const out = resolve(root, 'dist/bench-prerendered');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, `${file}.html`), page);
  return `${PRERENDERED}${file}.html`;
}
