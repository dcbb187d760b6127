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
import { buildDemo, discoverWidgets } from '../../scripts/build-demo.mjs';
import { startDemo } from '../../server/start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = '<script type="module" src="/dist/cdn/compassionate-leadership.js"></script>';

test('buildDemo puts each widget snippet into its language page and skips missing ones', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cl-demo-'));
  try {
    await cp(join(root, 'demo'), join(dir, 'demo'), { recursive: true });
    const widget = async (name, files) => {
      await mkdir(join(dir, 'src/components', name), { recursive: true });
      for (const [file, text] of Object.entries(files)) await writeFile(join(dir, 'src/components', name, file), text);
    };
    await widget('alpha', {
      'define.ts': '',
      'demo.html': '<cl-alpha>en alpha</cl-alpha>',
      'demo.cy.html': '<cl-alpha>cy alpha</cl-alpha>',
    });
    await widget('beta', { 'define.ts': '', 'demo.html': '<cl-beta lang="en">en beta</cl-beta>' });
    await widget('no-define', { 'demo.html': '<cl-no-define></cl-no-define>' });

    const embedded = await buildDemo({ root: dir });

    assert.deepEqual(embedded, { 'index.html': ['alpha', 'beta'], 'cy.html': ['alpha'] });
    const en = await readFile(join(dir, 'dist/demo/index.html'), 'utf8');
    const cy = await readFile(join(dir, 'dist/demo/cy.html'), 'utf8');
    assert.match(en, /<section class="cl-demo" data-widget="alpha">\n<cl-alpha>en alpha<\/cl-alpha>\n<\/section>/);
    assert.match(
      en,
      /<section class="cl-demo" data-widget="beta">\n<cl-beta lang="en">en beta<\/cl-beta>\n<\/section>/,
    );
    assert.ok(en.indexOf('data-widget="alpha"') < en.indexOf('data-widget="beta"'), 'widgets in name order');
    assert.doesNotMatch(en, /cl-no-define|cl:widgets/);
    assert.match(cy, /<cl-alpha>cy alpha<\/cl-alpha>/);
    assert.doesNotMatch(cy, /data-widget="beta"|cl:widgets/);
    for (const file of ['intranet.css', 'privacy.html', 'privacy.cy.html'])
      assert.ok(existsSync(join(dir, 'dist/demo', file)), file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('buildDemo refuses a template without the placeholder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cl-demo-'));
  try {
    await cp(join(root, 'demo'), join(dir, 'demo'), { recursive: true });
    await writeFile(join(dir, 'demo/template.cy.html'), '<html lang="cy"></html>');
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
        html.includes(`<section class="cl-demo" data-widget="${name}">\n${snippet}\n</section>`),
        `${path} embeds ${name}'s ${snippetFile}`,
      );
    }
  }
});

test('the demo stylesheet is served, /demo redirects to /demo/ and an unknown page is a 404', async () => {
  const css = await fetch(`${server.url}/demo/intranet.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  assert.match(await css.text(), /font-size: 62\.5%/);
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
