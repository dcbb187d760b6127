/**
 * What the bench's figures stand on (bench/harness.mjs): its browser reaches no other host, every request that tries
 * is counted, and the resource list's generated feeds come from the bench server as its files do.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { blockExternal, launchBrowser, serveGenerated, startBenchServer } from '../../bench/harness.mjs';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** In the page: whether a request to `url` got an answer. */
const reaches = (url) =>
  fetch(url, { mode: 'no-cors' }).then(
    () => 'reached',
    () => 'failed',
  );

/** GET `path` from the server with `encoding` accepted: status, headers and the body as sent. */
const get = (base, path, encoding) =>
  new Promise((done, fail) => {
    const req = request(new URL(path, base), { headers: { 'Accept-Encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });

describe('the bench harness', () => {
  let server;
  let benchBrowser;
  /** A browser launched as the tests launch theirs: it resolves every host. */
  let plainBrowser;
  before(async () => {
    server = await startBenchServer(root);
    benchBrowser = await launchBrowser();
    plainBrowser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await benchBrowser?.close();
    await plainBrowser?.close();
    await server?.close();
  });

  const pageUrl = () => new URL('/bench/pages/principle-cards-peer.html', server.url).href;
  // Another host than the bench server's, on this machine: the same server by name.
  const elsewhere = () => new URL('/feed/built-in.json', server.url.replace('127.0.0.1', 'localhost')).href;

  it("blocks and counts a request to another host, which a browser without the bench's rule reaches", async () => {
    const plainPage = await (await plainBrowser.newContext()).newPage();
    await plainPage.goto(pageUrl());
    assert.equal(await plainPage.evaluate(reaches, elsewhere()), 'reached');

    const page = await (await benchBrowser.newContext()).newPage();
    const counter = await blockExternal(page, server.url);
    await page.goto(pageUrl());
    assert.equal(await page.evaluate(reaches, elsewhere()), 'failed');
    // The page's own requests (the page, its feed) are not counted.
    assert.deepEqual(counter, { blocked: 1, urls: [elsewhere()] });
  });

  it('refuses to count for a browser that reaches other hosts, or for a page on another host', async () => {
    const plainPage = await (await plainBrowser.newContext()).newPage();
    await assert.rejects(blockExternal(plainPage, server.url), /launchBrowser/);
    const page = await (await benchBrowser.newContext()).newPage();
    await assert.rejects(blockExternal(page, server.url.replace('127.0.0.1', 'localhost')), /127\.0\.0\.1/);
  });

  it('serves a generated feed from memory, gzipped when asked, and nothing at a path not given', async () => {
    const body = JSON.stringify({ version: 1, resources: [] });
    serveGenerated(server.url, '/bench/generated/harness-test.json', body);
    const gzipped = await get(server.url, '/bench/generated/harness-test.json', 'gzip');
    assert.equal(gzipped.status, 200);
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.equal(gzipped.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(gunzipSync(gzipped.body).toString(), body);
    const plain = await get(server.url, '/bench/generated/harness-test.json', 'identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), body);
    assert.equal((await get(server.url, '/bench/generated/not-given.json', 'gzip')).status, 404);
  });
});
