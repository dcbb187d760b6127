/**
 * The CLI's `render` run as a real process: a widget prerendered from the
 * built-in feed, a feed file or a feed address (a real HTTP server), in
 * English and Welsh, with attributes, and the snippet's script tag; its
 * usage errors and unshowable feeds. Needs dist/ (npm run build).
 */
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runCli, tempFolder } from './helpers/cli.mjs';

const { dir, file, remove } = tempFolder('cl-cli-render-');
after(remove);

/** The CDN address the README's script-tag examples use: render's default. */
const DEFAULT_CDN = 'https://YOUR-HOST/compassionate-leadership-widgets/';
const builtIn = JSON.parse(readFileSync(join(root, 'feed/built-in.json'), 'utf8'));

before(() => {
  assert.ok(existsSync(join(root, 'dist/ssr/render.js')), 'dist/ssr/render.js is missing: run npm run build first');
});

/** Text as the rendered HTML carries it. */
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const preloadOf = (widget) => JSON.parse(readFileSync(join(root, 'dist/cdn/preload.json'), 'utf8'))[widget].preload;

/**
 * The snippet's parts: the widget's start tag, its feed copy (parsed), the lines after the element (the chunks to
 * preload), and the last line (the script tag).
 */
function snippet(stdout, widget) {
  const start = new RegExp(`^<cl-${widget}\\s[^>]*>`).exec(stdout);
  assert.ok(start, `stdout does not start with <cl-${widget}: ${stdout.slice(0, 200)}`);
  const copy =
    /<script type="application\/json" data-cl-feed-copy="([^"]*)" data-cl-rendered-with="([0-9a-z]+)">(.*?)<\/script><\/cl-[\w-]+>\n/s.exec(
      stdout,
    );
  assert.ok(copy, 'no feed copy before the end of the element');
  // The copy names the feed it is a copy of: the element's, as rendered.
  assert.equal(copy[1], attributesOf(start[0]).src, 'the copy names the element’s feed');
  const lines = stdout.split('\n');
  assert.equal(lines.at(-1), '', 'stdout ends with a newline');
  // Between the element and the script tag.
  const preload = stdout
    .slice(copy.index + copy[0].length)
    .split('\n')
    .slice(0, -2);
  for (const line of preload) assert.match(line, /^<link rel="modulepreload" /);
  return {
    preload,
    startTag: start[0],
    shadow: stdout.slice(0, copy.index),
    copy: JSON.parse(copy[3]),
    script: lines.at(-2),
  };
}

/** Stderr without render's note on the CSP hash of the snippet's <style>, which it always prints (tested on its own). */
const withoutCspNote = (stderr) => stderr.replace(/^note: a page whose Content-Security-Policy .*\n/m, '');

/** The attributes of a start tag, as written (values still escaped). */
const attributesOf = (startTag) =>
  Object.fromEntries([...startTag.matchAll(/\s([a-z][a-z0-9-]*)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

const resource = (id, title, url = `https://example.org/${id}`) => ({
  id,
  title,
  url,
  type: 'guide',
  languages: ['en'],
});

test('the built-in feed in English: the element, its shadow root, the feed copy and the script tag on the default CDN', async () => {
  const { code, stdout, stderr } = await runCli('render', 'principle-cards');
  assert.equal(code, 0, stderr);
  assert.match(stdout, /<template shadowroot="open" shadowrootmode="open">/);
  const { preload, startTag, shadow, copy, script } = snippet(stdout, 'principle-cards');
  // After the element, the chunks its script imports and Lit's hydration, on the same CDN, with their hashes.
  assert.deepEqual(
    preload,
    preloadOf('principle-cards').map(
      ({ href, integrity }) =>
        `<link rel="modulepreload" href="${DEFAULT_CDN}${href}" integrity="${integrity}" crossorigin="anonymous">`,
    ),
  );
  assert.ok(
    preload.some((line) => /chunks\/hydrate-/.test(line)),
    'hydration preloaded',
  );
  assert.deepEqual(attributesOf(startTag), { src: `${DEFAULT_CDN}feed/built-in.json`, lang: 'en' });
  assert.ok(Array.isArray(copy.principles));
  assert.equal(copy.principles.length, builtIn.principles.length);
  assert.equal(copy.version, 1);
  assert.ok(shadow.includes(`>${escapeHtml(builtIn.principles[0].title.en)}<`), 'the first principle’s title');
  assert.ok(!shadow.includes(escapeHtml(builtIn.principles[0].title.cy)));
  assert.equal(script, `<script type="module" src="${DEFAULT_CDN}principle-cards.js"></script>`);
  // The default is the README's address, and saying so on stderr does not touch the snippet.
  assert.ok(readFileSync(join(root, 'README.md'), 'utf8').includes(`${DEFAULT_CDN}compassionate-leadership.js`));
  assert.match(stderr, /no --cdn/);
});

test('the film player: its facade alone after the element, async, the small script that makes the play button work', async () => {
  const { code, stdout, stderr } = await runCli('render', 'film-player');
  assert.equal(code, 0, stderr);
  const { preload, shadow, script } = snippet(stdout, 'film-player');
  assert.match(shadow, /part="player"/);
  assert.deepEqual(preload, [], 'nothing preloaded beside it: it loads the rest');
  // Async: it follows the element, and runs as soon as it has come rather than once the page is parsed.
  assert.equal(script, `<script type="module" async src="${DEFAULT_CDN}film-player.facade.js"></script>`);
});

test('stderr names the CSP hash of the snippet’s <style>: that of its text, as the build’s prerendered JSON has it', async () => {
  const { code, stdout, stderr } = await runCli('render', 'contact-form', '--lang', 'cy');
  assert.equal(code, 0, stderr);
  const hash = /style-src without 'unsafe-inline'.*?('sha256-[A-Za-z0-9+/]+=*')/.exec(stderr)?.[1];
  assert.ok(hash, `no hash on stderr: ${stderr}`);
  const style = /<style>(.*?)<\/style>/s.exec(stdout)[1];
  assert.equal(hash, `'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  const built = JSON.parse(readFileSync(join(root, 'dist/cdn/prerendered/contact-form.en.json'), 'utf8'));
  assert.equal(built.styleHash, hash, 'one hash per widget, whatever the language or feed');
});

test('--lang cy: the Welsh titles and lang="cy"', async () => {
  const { code, stdout, stderr } = await runCli('render', 'principle-cards', '--lang', 'cy');
  assert.equal(code, 0, stderr);
  const { startTag, shadow } = snippet(stdout, 'principle-cards');
  assert.equal(attributesOf(startTag).lang, 'cy');
  assert.ok(shadow.includes(`>${escapeHtml(builtIn.principles[0].title.cy)}<`), 'the first principle’s Welsh title');
  assert.ok(!shadow.includes(`>${escapeHtml(builtIn.principles[0].title.en)}<`), 'not its English title');
});

test('--feed FILE --src URL: the file’s resource, src the given address, relative addresses resolved against it', async () => {
  const feed = file('ours.json', {
    version: 1,
    resources: [resource('wellbeing-guide', 'Our wellbeing guide', 'guides/wellbeing.html')],
  });
  const src = 'https://partner.example/feeds/ours.json';
  const { code, stdout, stderr } = await runCli('render', 'resource-list', '--feed', feed, '--src', src);
  assert.equal(code, 0, stderr);
  const { startTag, copy, script } = snippet(stdout, 'resource-list');
  assert.deepEqual(attributesOf(startTag), { src, lang: 'en' });
  assert.match(stdout, />Our wellbeing guide</);
  assert.match(stdout, /href="https:\/\/partner\.example\/feeds\/guides\/wellbeing\.html"/);
  // The copy is the feed as written: the widget resolves it against src again when it hydrates.
  assert.equal(copy.resources[0].url, 'guides/wellbeing.html');
  assert.equal(script, `<script type="module" src="${DEFAULT_CDN}resource-list.js"></script>`);
});

test('--feed URL: fetched, and src is that address', async (t) => {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(request.url);
    if (request.url !== '/feeds/national.json') return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        version: 1,
        resources: [resource('served', 'A served resource', 'served.html')],
      }),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const address = `http://127.0.0.1:${server.address().port}/feeds/national.json`;
  const { code, stdout, stderr } = await runCli('render', 'resource-list', '--feed', address);
  assert.equal(code, 0, stderr);
  assert.deepEqual(requests, ['/feeds/national.json']);
  const { startTag } = snippet(stdout, 'resource-list');
  assert.equal(attributesOf(startTag).src, address);
  assert.match(stdout, />A served resource</);
  assert.ok(stdout.includes(`href="${address.replace('national.json', 'served.html')}"`));
  const missing = await runCli('render', 'resource-list', '--feed', address.replace('national', 'gone'));
  assert.equal(missing.code, 2);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /the server answered 404\./);
});

test('--attr heading-level: on the element, and the card titles are headings of that level', async () => {
  const three = await runCli('render', 'principle-cards', '--attr', 'heading-level=3');
  assert.equal(three.code, 0, three.stderr);
  assert.equal(attributesOf(snippet(three.stdout, 'principle-cards').startTag)['heading-level'], '3');
  const titles = (stdout, level) => [...stdout.matchAll(new RegExp(`<h${level} class="title"`, 'g'))].length;
  assert.equal(titles(three.stdout, 3), builtIn.principles.length);
  assert.ok(
    new RegExp(`<h3 [^>]*>(?:<!--[^>]*-->)*${escapeHtml(builtIn.principles[0].title.en)}`).test(three.stdout),
    'the first title is in an <h3>',
  );
  // Another level shows the attribute is what sets it.
  const four = await runCli('render', 'principle-cards', '--attr', 'heading-level=4', '--attr', 'layout=list');
  assert.equal(four.code, 0, four.stderr);
  const attributes = attributesOf(snippet(four.stdout, 'principle-cards').startTag);
  assert.equal(attributes['heading-level'], '4');
  assert.equal(attributes.layout, 'list');
  assert.equal(titles(four.stdout, 4), builtIn.principles.length);
  assert.equal(titles(four.stdout, 3), 0);
});

test('an attribute value with a double quote is escaped and stays inside its attribute', async () => {
  const value = 'say "hi" onmouseover="alert(1)" <b>';
  const { code, stdout, stderr } = await runCli('render', 'principle-cards', '--attr', `data-note=${value}`);
  assert.equal(code, 0, stderr);
  const { startTag } = snippet(stdout, 'principle-cards');
  assert.ok(
    // (`>` may be escaped too: it cannot end the tag inside a quoted value either way.)
    /data-note="say &quot;hi&quot; onmouseover=&quot;alert\(1\)&quot; &lt;b(?:>|&gt;)"/.test(startTag),
    `the start tag: ${startTag}`,
  );
  assert.deepEqual(Object.keys(attributesOf(startTag)), ['data-note', 'src', 'lang']);
  assert.ok(!stdout.includes('onmouseover="'));
});

test('feed problems: warnings on stderr, and the snippet without the skipped items', async () => {
  const feed = file('one-bad.json', {
    version: 1,
    resources: [resource('good', 'A good resource'), { ...resource('bad', 'A bad resource'), type: 'poem' }],
  });
  const { code, stdout, stderr } = await runCli(
    'render',
    'resource-list',
    '--feed',
    feed,
    '--src',
    'https://partner.example/one-bad.json',
    '--cdn',
    'https://cdn.example/cl/',
  );
  assert.equal(code, 0);
  assert.match(stdout, />A good resource</);
  assert.doesNotMatch(stdout, />A bad resource</);
  assert.equal(
    withoutCspNote(stderr),
    `warning: ${feed}: resources[1].type: must be one of article, blog, video, toolkit, report, guide, podcast, book, course, website\n` +
      '1 problem; the widget leaves out each part named above.\n',
  );
});

test('errors: a message on stderr, nothing on stdout, exit 2 for usage and 1 for a feed that cannot be shown', async () => {
  const feed = file('small.json', { version: 1, resources: [resource('one', 'One')] });
  const cases = [
    [
      ['render', 'principle-card'],
      2,
      /^Unknown widget "principle-card"\. Widgets: principle-cards, film-player, resource-list, contact-form\.\n$/,
    ],
    [
      ['render', 'resource-list', '--feed', feed],
      2,
      /--feed .*small\.json is a file: give with --src the http\(s\) address/,
    ],
    [
      ['render', 'principle-cards', '--attr', 'heading-level'],
      2,
      /^--attr heading-level: give the attribute as name=value/,
    ],
    [['render', 'principle-cards', '--attr', 'src=https://x.example/f.json'], 2, /give the feed’s address with --src/],
    [['render', 'principle-cards', '--attr', 'lang=cy'], 2, /give the language with --lang/],
    [['render', 'resource-list', '--attr', 'local=https://x.example/ours.json'], 2, /merge the layer first/],
    [['render', 'principle-cards', '--attr', 'Heading=2'], 2, /"Heading" is not an attribute name/],
    [['render', 'principle-cards', '--lang', 'fr'], 2, /^--lang fr: the language is en or cy\.\n$/],
    [['render', 'resource-list', '--feed', feed, '--src', 'ours.json'], 2, /must be an absolute http\(s\) address/],
    [['render', 'principle-cards', '--cdn', 'cdn.example/x'], 2, /give the CDN folder's http\(s\) address/],
    [['render', 'principle-cards', '--feed'], 2, /^--feed needs a value\.\n\nUsage:/],
    [['render', 'principle-cards', '--frob'], 2, /^Unknown option or extra argument: --frob\n\nUsage:/],
    [['render'], 2, /^render needs a widget\.\n\nUsage:/],
    [
      ['render', 'resource-list', '--feed', join(dir, 'none.json'), '--src', 'https://x.example/f.json'],
      2,
      /no such file/,
    ],
  ];
  for (const [args, exitCode, message] of cases) {
    const { code, stdout, stderr } = await runCli(...args);
    assert.equal(code, exitCode, args.join(' '));
    assert.equal(stdout, '', args.join(' '));
    assert.match(stderr, message, args.join(' '));
  }
  const version2 = file('version-2.json', { version: 2, resources: [] });
  const wrong = await runCli('render', 'resource-list', '--feed', version2, '--src', 'https://x.example/f.json');
  assert.equal(wrong.code, 1);
  assert.equal(wrong.stdout, '');
  assert.equal(
    wrong.stderr,
    `${version2}: The feed cannot be shown: The feed's version is 2; this library reads version 1.\n`,
  );
  const notJson = await runCli(
    'render',
    'resource-list',
    '--feed',
    file('not.json', '{'),
    '--src',
    'https://x.example/',
  );
  assert.equal(notJson.code, 1);
  assert.equal(notJson.stdout, '');
  assert.match(notJson.stderr, /not\.json is not valid JSON: /);
});

test('--help and render --help document render, its options, an example and re-rendering', async () => {
  const general = await runCli('--help');
  assert.equal(general.code, 0);
  assert.match(
    general.stdout,
    /render <widget> \[--feed <file\|url>\] \[--src <url>\] \[--lang en\|cy\]\n\s+\[--attr <name>=<value> \.\.\.\] \[--cdn <url>\]/,
  );
  assert.match(general.stdout, /Render it again\nwhenever the feed changes\./);
  const own = await runCli('render', '--help');
  assert.equal(own.code, 0);
  assert.equal(own.stderr, '');
  for (const option of ['--feed <file|url>', '--src <url>', '--lang en|cy', '--attr <name>=<value>', '--cdn <url>'])
    assert.ok(own.stdout.includes(`\n  ${option} `), option);
  assert.match(own.stdout, /principle-cards, film-player, resource-list or contact-form/);
  assert.match(
    own.stdout,
    /Example:\n {2}compassionate-leadership-widgets render resource-list --feed ours\.json \\\n/,
  );
  assert.match(own.stdout, /Render the snippet again whenever the feed changes/);
  assert.ok(own.stdout.includes(`default: ${DEFAULT_CDN}`));
});

test('--cdn without a trailing slash: the preloaded chunks, the script tag and the built-in feed’s src are in that folder', async () => {
  const { code, stdout, stderr } = await runCli('render', 'principle-cards', '--cdn', 'https://cdn.example/x');
  assert.equal(code, 0, stderr);
  assert.equal(withoutCspNote(stderr), '', 'nothing on stderr but the CSP note');
  const { preload, startTag, script } = snippet(stdout, 'principle-cards');
  assert.ok(preload.length > 0);
  for (const line of preload)
    assert.match(line, /^<link rel="modulepreload" href="https:\/\/cdn\.example\/x\/chunks\//);
  assert.equal(attributesOf(startTag).src, 'https://cdn.example/x/feed/built-in.json');
  assert.equal(script, '<script type="module" src="https://cdn.example/x/principle-cards.js"></script>');
});
