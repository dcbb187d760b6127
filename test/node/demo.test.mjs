/**
 * The demo pages: assembled from the templates and each widget's snippets
 * (scripts/build-demo.mjs), and served by `npm start`'s server at /demo/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLACEHOLDER, buildDemo, discoverWidgets } from '../../scripts/build-demo.mjs';
import { startDemo } from '../../server/start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = '<script type="module" src="/dist/cdn/compassionate-leadership.js"></script>';

/** A project in a temporary folder with the given demo templates and widgets ({ name: { file: text } }). */
async function project(templates, widgets) {
  const dir = await mkdtemp(join(tmpdir(), 'cl-demo-'));
  await cp(join(root, 'demo'), join(dir, 'demo'), { recursive: true });
  for (const [file, text] of Object.entries(templates)) await writeFile(join(dir, 'demo', file), text);
  for (const [name, files] of Object.entries(widgets)) {
    await mkdir(join(dir, 'src/components', name), { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(join(dir, 'src/components', name, file), text);
  }
  return dir;
}

const WIDGETS = {
  alpha: {
    'define.ts': '',
    'demo.html': '<cl-alpha>en alpha</cl-alpha>',
    'demo.cy.html': '<cl-alpha>cy alpha</cl-alpha>',
  },
  beta: { 'define.ts': '', 'demo.html': '<cl-beta lang="en">en beta</cl-beta>' },
  gamma: { 'define.ts': '', 'demo.html': '<cl-gamma></cl-gamma>', 'demo.cy.html': '<cl-gamma lang="cy"></cl-gamma>' },
  'no-define': { 'demo.html': '<cl-no-define></cl-no-define>' },
};

test('buildDemo puts a placed widget under its template heading and the rest at the placeholder, skipping missing ones', async () => {
  const dir = await project(
    {
      'template.html': '<main><h2>Gamma</h2>\n<!-- cl:widget gamma -->\n<!-- cl:widgets --></main>',
      'template.cy.html': '<main><h2>Gama</h2>\n<!-- cl:widget gamma -->\n<!-- cl:widgets --></main>',
    },
    WIDGETS,
  );
  try {
    const embedded = await buildDemo({ root: dir });

    assert.deepEqual(embedded, { 'index.html': ['gamma', 'alpha', 'beta'], 'cy.html': ['gamma', 'alpha'] });
    const en = await readFile(join(dir, 'dist/demo/index.html'), 'utf8');
    const cy = await readFile(join(dir, 'dist/demo/cy.html'), 'utf8');
    assert.equal(
      en,
      '<main><h2>Gamma</h2>\n<div class="cl-demo" data-widget="gamma">\n<cl-gamma></cl-gamma>\n</div>\n' +
        '<div class="cl-demo" data-widget="alpha">\n<cl-alpha>en alpha</cl-alpha>\n</div>\n' +
        '<div class="cl-demo" data-widget="beta">\n<cl-beta lang="en">en beta</cl-beta>\n</div></main>',
    );
    assert.equal(
      cy,
      '<main><h2>Gama</h2>\n<div class="cl-demo" data-widget="gamma">\n<cl-gamma lang="cy"></cl-gamma>\n</div>\n' +
        '<div class="cl-demo" data-widget="alpha">\n<cl-alpha>cy alpha</cl-alpha>\n</div></main>',
    );
    for (const file of ['intranet.css', 'privacy.html', 'privacy.cy.html'])
      assert.ok(existsSync(join(dir, 'dist/demo', file)), file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('buildDemo refuses a template that places a widget without a snippet in its language, or no widget', async () => {
  for (const [placed, message] of [
    ['beta', /template\.cy\.html places beta, which has no demo\.cy\.html/],
    ['no-define', /template\.cy\.html places no-define, which is not a widget/],
  ]) {
    const dir = await project(
      { 'template.html': PLACEHOLDER, 'template.cy.html': `<!-- cl:widget ${placed} -->${PLACEHOLDER}` },
      WIDGETS,
    );
    try {
      await assert.rejects(buildDemo({ root: dir }), message);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
});

test('buildDemo refuses a template without the placeholder', async () => {
  const dir = await project({ 'template.html': PLACEHOLDER, 'template.cy.html': '<html lang="cy"></html>' }, WIDGETS);
  try {
    await assert.rejects(buildDemo({ root: dir }), /template\.cy\.html has no <!-- cl:widgets --> placeholder/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

let server;
before(async () => {
  await buildDemo({ root });
  server = await startDemo({ port: 0, host: '127.0.0.1', receiver: { log: () => undefined } });
});
after(() => server?.close());

async function page(path) {
  const response = await fetch(server.url + path);
  assert.equal(response.status, 200, path);
  assert.match(response.headers.get('content-type'), /^text\/html/);
  return response.text();
}

test('npm start serves the English demo at /demo/ with a link to the Welsh page', async () => {
  const html = await page('/demo/');
  assert.match(html, /<html lang="en-GB">/);
  assert.ok(html.includes(SCRIPT), 'loads the all-in-one CDN entry as a module');
  assert.match(html, /<a class="masthead__language" href="cy.html" hreflang="cy" lang="cy">Cymraeg<\/a>/);
  assert.match(html, /<link rel="alternate" hreflang="cy" href="cy.html" \/>/);
  assert.match(html, /<header[\s\S]*<nav[\s\S]*<main[\s\S]*<aside/);
});

test('npm start serves the Welsh demo at /demo/cy.html with a link to the English page', async () => {
  const html = await page('/demo/cy.html');
  assert.match(html, /<html lang="cy">/);
  assert.ok(html.includes(SCRIPT), 'loads the all-in-one CDN entry as a module');
  assert.match(html, /<a class="masthead__language" href=".\/" hreflang="en" lang="en">English<\/a>/);
  assert.match(html, /<link rel="alternate" hreflang="en" href=".\/" \/>/);
});

test('every widget with a snippet appears on its demo page', async () => {
  const widgets = await discoverWidgets(root);
  for (const [path, snippetFile] of [
    ['/demo/', 'demo.html'],
    ['/demo/cy.html', 'demo.cy.html'],
  ]) {
    const html = await page(path);
    for (const name of widgets) {
      const file = join(root, 'src/components', name, snippetFile);
      if (!existsSync(file)) {
        assert.ok(
          !html.includes(`data-widget="${name}"`),
          `${path} has no section for ${name}, which has no ${snippetFile}`,
        );
        continue;
      }
      const snippet = (await readFile(file, 'utf8')).trim();
      assert.ok(
        html.includes(`<div class="cl-demo" data-widget="${name}">\n${snippet}\n</div>`),
        `${path} embeds ${name}'s ${snippetFile}`,
      );
    }
  }
});

test('the demo stylesheet is served, /demo redirects to /demo/ and an unknown page is a 404', async () => {
  const css = await fetch(`${server.url}/demo/intranet.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  assert.match(await css.text(), /font-family:\s+system-ui,/);
  const bare = await fetch(`${server.url}/demo`, { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), '/demo/');
  const missing = await fetch(`${server.url}/demo/missing.html`);
  assert.equal(missing.status, 404);
  await missing.body?.cancel();
});

test('the demo links its privacy notice, in English and Welsh, from the footer and the contact form', async () => {
  for (const [path, notice, other] of [
    ['/demo/', 'privacy.html', 'privacy.cy.html'],
    ['/demo/cy.html', 'privacy.cy.html', 'privacy.html'],
  ]) {
    const html = await page(path);
    assert.match(html, new RegExp(`<footer[\\s\\S]*<a href="${notice}">[\\s\\S]*</footer>`), path);
    assert.match(html, new RegExp(`<cl-contact-form [^>]*privacy="${notice}"`), path);
    const privacy = await page(`/demo/${notice}`);
    assert.match(privacy, /90 (days|diwrnod)/, `${notice} says how long messages are kept`);
    assert.match(privacy, new RegExp(`href="${other}" hreflang="(en|cy)"`), `${notice} links its other language`);
  }
  assert.match(await page('/demo/privacy.cy.html'), /<html lang="cy">/);
  assert.match(await page('/demo/privacy.cy.html'), /awaits review by a Welsh speaker/);
});

/** The demo page's sections, in page order: [id, English heading, Welsh heading, the widget under it]. */
const SECTIONS = [
  ['principles', 'The principles', 'Yr egwyddorion', 'principle-cards'],
  ['films', 'Films', 'Ffilmiau', 'film-player'],
  ['resources', 'Useful resources', 'Adnoddau defnyddiol', 'resource-list'],
  ['contact', 'Contact us', 'Cysylltu â ni', 'contact-form'],
];

test('each section has its heading, an introduction, then its widget, in English and Welsh', async () => {
  for (const [path, language] of [
    ['/demo/', 1],
    ['/demo/cy.html', 2],
  ]) {
    const html = await page(path);
    let previous = -1;
    for (const section of SECTIONS) {
      const [id, , , widget] = section;
      const heading = section[language];
      const found = new RegExp(
        `<section class="section" aria-labelledby="${id}">\\s*<h2 id="${id}">${heading}</h2>\\s*<p>[^<]+</p>\\s*` +
          `<div class="cl-demo" data-widget="${widget}">`,
      ).exec(html);
      assert.ok(found, `${path}: "${heading}", an introduction, then ${widget}`);
      assert.ok(found.index > previous, `${path}: "${heading}" after the section before it`);
      previous = found.index;
      assert.match(html, new RegExp(`<li><a href="#${id}">${heading}</a></li>`), `${path}: "On this page" links ${id}`);
    }
    assert.match(html, /<!--[^>]*written by this project[^>]*-->/, `${path} says who wrote the introductions`);
  }
});

/** The heading levels in a page's HTML, in order: what reads before any script runs (fallback content included). */
const headingLevels = (html) => [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));

/** The highest level a widget's own headings take, from the attributes in its snippet (docs/widgets/*.md). */
const WIDGET_TOP_HEADING = {
  // Its behaviours' and cards' headings are heading-level (3 by default), its own section heading one above.
  'principle-cards': (tag) => Number(/heading-level="(\d)"/.exec(tag)?.[1] ?? 3) - (/ heading="/.test(tag) ? 1 : 0),
  // The error summary's and confirmation's headings: heading-level, 2 by default.
  'contact-form': (tag) => Number(/heading-level="(\d)"/.exec(tag)?.[1] ?? 2),
};

test('the demo pages and privacy notices have one h1 and no skipped heading levels, the widgets fitting in', async () => {
  for (const path of ['/demo/', '/demo/cy.html', '/demo/privacy.html', '/demo/privacy.cy.html']) {
    const html = await page(path);
    const levels = headingLevels(html);
    assert.equal(levels[0], 1, `${path} starts with its h1`);
    assert.equal(levels.filter((level) => level === 1).length, 1, `${path} has one h1`);
    for (const [i, level] of levels.entries())
      if (i > 0) assert.ok(level <= levels[i - 1] + 1, `${path}: h${level} after h${levels[i - 1]} skips a level`);
  }
  for (const path of ['/demo/', '/demo/cy.html']) {
    const html = await page(path);
    for (const [widget, topHeading] of Object.entries(WIDGET_TOP_HEADING)) {
      const tag = new RegExp(`<cl-${widget}[^>]*>`).exec(html)[0];
      // Each widget sits under its section's h2.
      assert.ok(topHeading(tag) <= 3, `${path}: ${tag} has headings above h3`);
      assert.ok(topHeading(tag) >= 2, `${path}: ${tag} has a heading at the h1's level`);
    }
  }
});

test('the demo stylesheet uses a plain system sans-serif font stack, and no other font', async () => {
  const css = await (await fetch(`${server.url}/demo/intranet.css`)).text();
  const families = [...css.matchAll(/font-family:\s*([^;]+);/g)].map((match) => match[1].replace(/\s+/g, ' '));
  assert.deepEqual(families, ["system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"]);
  assert.match(css, /\nbody \{[^}]*font-family:\s+system-ui,/);
});

test('the demo pages and privacy notices share the intranet layout: skip link, masthead, navigation, breadcrumbs', async () => {
  for (const path of ['/demo/', '/demo/cy.html', '/demo/privacy.html', '/demo/privacy.cy.html']) {
    const html = await page(path);
    assert.match(html, /<link rel="stylesheet" href="intranet.css" \/>/, path);
    assert.match(html, /<body>\s*<a class="skip" href="#content">[^<]+<\/a>/, `${path}: a skip link first`);
    assert.match(html, /<main id="content" class="main">/, `${path}: the skip link's target`);
    assert.match(
      html,
      /<header class="masthead">[\s\S]*<a class="masthead__language" [^>]*>[\s\S]*<nav class="topnav" aria-label="[^"]+">[\s\S]*<\/header>/,
      `${path}: masthead, language link and top navigation`,
    );
    assert.match(
      html,
      /<nav class="breadcrumbs" aria-label="[^"]+">\s*<ol>[\s\S]*<li aria-current="page">[^<]+<\/li>\s*<\/ol>/,
      `${path}: breadcrumbs ending with the current page`,
    );
    assert.match(html, /<footer class="footer">/, path);
  }
});
