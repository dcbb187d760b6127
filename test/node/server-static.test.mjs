/**
 * `npm start`'s server serves only what is public: the allowlist, never a
 * dotfile, the stored messages, the sources or node_modules, however the
 * address is spelt. Public files answer CORS with `*`; nothing reflects the
 * Origin. Raw requests (node:http) so each spelling reaches the server as written.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from '../../scripts/build-demo.mjs';
import { startDemo } from '../../server/start.mjs';
import { startServer } from '../../server/server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'secret-person@example.org';

/** A GET (or `method`) with the path exactly as given. */
function raw(base, path, { method = 'GET', headers = {} } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Every way of spelling `target` (a private path) that a server might resolve to it. */
function spellings(target) {
  const rest = target.slice(1);
  return [
    target,
    `//${rest}`,
    `/./${rest}`,
    `/dist/cdn/../../${rest}`,
    `/dist/cdn/%2e%2e/%2e%2e/${rest}`,
    `/dist/cdn/%2E%2E%2F%2E%2E%2F${rest}`,
    `/dist/cdn/..%2f..%2f${rest}`,
    `/dist/cdn/..%5c..%5c${rest.replaceAll('/', '%5c')}`,
    `/demo/../${rest}`,
    `/feed//..//../${rest}`,
    `/${rest.replace(/\./g, '%2e')}`,
    `/${rest.replaceAll('/', '%2f')}`,
    target.toUpperCase(),
    target.replace(/[a-z]/g, (c, i) => (i % 2 ? c.toUpperCase() : c)),
    `${target}%00.json`,
    `/dist/cdn/${encodeURIComponent(`../../${rest}`)}`,
  ];
}

describe('npm start serves only what is public', () => {
  let server;
  before(async () => {
    await buildDemo({ root });
    server = await startDemo({ port: 0, host: '127.0.0.1', receiver: { log: () => undefined } });
    // A stored message (the receiver made the file under .data/): what must never be served.
    await writeFile(join(root, '.data/contact-submissions.jsonl'), `${JSON.stringify({ email: SECRET })}\n`, {
      flag: 'a',
    });
  });
  after(() => server?.close());

  const privatePaths = [
    '/.data/contact-submissions.jsonl',
    '/.git/config',
    '/.git/HEAD',
    '/.gitignore',
    '/package.json',
    '/src/internal/contact-rules.js',
    '/server/contact.mjs',
    '/node_modules/lit/package.json',
    '/test/fixtures/feeds/good.json',
    '/README.md',
    '/dist/index.js',
  ];

  for (const path of privatePaths) {
    it(`answers 404 for ${path} in every spelling`, async () => {
      for (const spelling of spellings(path)) {
        const response = await raw(server.url, spelling, { headers: { Origin: 'https://any.site' } });
        assert.equal(response.status, 404, spelling);
        assert.doesNotMatch(response.body, new RegExp(SECRET), spelling);
        assert.notEqual(response.headers['access-control-allow-origin'], 'https://any.site', spelling);
      }
    });
  }

  it('serves no dotfile inside a public folder', async () => {
    const hidden = join(root, 'feed/.hidden-test-file');
    await writeFile(hidden, SECRET);
    try {
      for (const path of ['/feed/.hidden-test-file', '/feed/%2ehidden-test-file', '/feed/media/../.hidden-test-file'])
        assert.equal((await raw(server.url, path)).status, 404, path);
    } finally {
      await rm(hidden);
    }
  });

  it('serves the public folders, with Access-Control-Allow-Origin: * and no credentials', async () => {
    const paths = ['/dist/cdn/compassionate-leadership.js', '/feed/built-in.json', '/demo/', '/demo/cy.html'];
    for (const path of paths) {
      const response = await raw(server.url, path, { headers: { Origin: 'https://any.site' } });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers['access-control-allow-origin'], '*', path);
      assert.equal(response.headers['access-control-allow-credentials'], undefined, path);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', path);
    }
  });

  it('serves a public file however its path is spelt (a second URL for the CSP double-load test)', async () => {
    assert.equal((await raw(server.url, '/dist//cdn/compassionate-leadership.js')).status, 200);
    assert.equal((await raw(server.url, '/dist/cdn/./compassionate-leadership.js')).status, 200);
    assert.equal((await raw(server.url, '/dist/cdn/%63ompassionate-leadership.js')).status, 200);
  });

  it('answers a preflight for a public file with * and for a private one with nothing', async () => {
    const headers = { Origin: 'https://any.site', 'Access-Control-Request-Method': 'GET' };
    const open = await raw(server.url, '/feed/built-in.json', { method: 'OPTIONS', headers });
    assert.equal(open.status, 204);
    assert.equal(open.headers['access-control-allow-origin'], '*');
    const closed = await raw(server.url, '/.data/contact-submissions.jsonl', { method: 'OPTIONS', headers });
    assert.equal(closed.status, 404);
    assert.notEqual(closed.headers['access-control-allow-origin'], 'https://any.site');
  });

  it('redirects / to the demo and keeps the short addresses', async () => {
    for (const [from, to] of [
      ['/', '/demo/'],
      ['/demo', '/demo/'],
      ['/builder', '/dist/cdn/builder.html'],
      ['/preview', '/dist/cdn/preview.html'],
    ]) {
      const response = await raw(server.url, from);
      assert.equal(response.status, 301, from);
      assert.equal(response.headers.location, to, from);
    }
    assert.equal((await raw(server.url, '/dist/cdn/builder.html')).status, 200);
    assert.equal((await raw(server.url, '/dist/cdn/preview.html')).status, 200);
  });
});

describe('conditional requests: an unchanged file is answered 304', () => {
  let dir;
  let server;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cl-etag-'));
    await writeFile(join(dir, 'feed.json'), '{"version":1}');
    server = await startServer({ root: dir, publicPaths: { '/feed.json': 'feed.json' } });
  });
  after(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends an ETag and Last-Modified, and 304 with no body for a matching If-None-Match or If-Modified-Since', async () => {
    const first = await raw(server.url, '/feed.json');
    assert.equal(first.status, 200);
    const { etag, 'last-modified': lastModified } = first.headers;
    assert.match(etag, /^W\/"[a-z0-9]+-[a-z0-9]+"$/);
    assert.ok(lastModified, 'Last-Modified');
    for (const headers of [
      { 'If-None-Match': etag },
      { 'If-None-Match': `"other", ${etag.slice(2)}` },
      { 'If-Modified-Since': lastModified },
    ]) {
      const again = await raw(server.url, '/feed.json', { headers });
      assert.equal(again.status, 304, JSON.stringify(headers));
      assert.equal(again.body, '', JSON.stringify(headers));
      assert.equal(again.headers.etag, etag);
    }
  });

  it('answers 200 with the new body once the file changed, and for validators that do not match', async () => {
    const first = await raw(server.url, '/feed.json');
    assert.equal((await raw(server.url, '/feed.json', { headers: { 'If-None-Match': '"other"' } })).status, 200);
    const old = new Date(Date.parse(first.headers['last-modified']) - 60_000).toUTCString();
    assert.equal((await raw(server.url, '/feed.json', { headers: { 'If-Modified-Since': old } })).status, 200);
    await writeFile(join(dir, 'feed.json'), '{"version":1,"updated":"2026-12"}');
    const changed = await raw(server.url, '/feed.json', { headers: { 'If-None-Match': first.headers.etag } });
    assert.equal(changed.status, 200);
    assert.equal(changed.body, '{"version":1,"updated":"2026-12"}');
    assert.notEqual(changed.headers.etag, first.headers.etag);
  });
});

describe('the allowlist keeps private folders and links out', () => {
  let dir;
  let server;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cl-static-'));
    await mkdir(join(dir, 'public/data'), { recursive: true });
    await writeFile(join(dir, 'public/index.html'), '<p>public</p>');
    await writeFile(join(dir, 'public/data/messages.jsonl'), SECRET);
    await writeFile(join(dir, 'secret.txt'), SECRET);
    await symlink(join(dir, 'secret.txt'), join(dir, 'public/link.txt'));
    server = await startServer({ root: dir, publicPaths: { '/site/': 'public' }, privateDirs: ['public/data'] });
  });
  after(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the folder but not a private folder inside it, nor a link out of it', async () => {
    assert.equal((await raw(server.url, '/site/')).status, 200);
    for (const path of ['/site/data/messages.jsonl', '/site/DATA/messages.jsonl', '/site/link.txt', '/secret.txt'])
      assert.equal((await raw(server.url, path)).status, 404, path);
  });

  it('needs an allowlist: a server without one refuses to start', async () => {
    await assert.rejects(startServer({ root: dir }), /publicPaths/);
  });
});
