/**
 * The project's one HTTP server: static files with correct types and caching,
 * CORS, and room for more routes (the contact receiver adds one). The demo
 * (`npm start`), the browser tests and the benchmarks all run this module.
 *
 * With `testRoutes: true` it also serves /__test__/ routes that tests
 * configure over HTTP: a named response with any status, headers, body and
 * delay, the count of requests each method and path received, and a reset.
 */
import { createServer as createHttpServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** Content-hashed chunks never change; everything else is revalidated. */
function cacheControl(path) {
  return /[/\\]chunks[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.js$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function readBody(req, limit = 1_000_000) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveFile(root, pathname, req, res) {
  let path;
  try {
    path = normalize(join(root, decodeURIComponent(pathname)));
  } catch {
    return false;
  }
  if (path !== root && !path.startsWith(root + sep)) return false;
  let info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => undefined);
  }
  if (!info?.isFile()) return false;
  const headers = {
    'Content-Type': MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl(path),
    'Last-Modified': info.mtime.toUTCString(),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  };
  // Ranges let <video> seek and play in every browser.
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    if (start >= info.size || start > end) {
      res.writeHead(416, { 'Content-Range': `bytes */${info.size}` });
      res.end();
      return true;
    }
    res.writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${start}-${end}/${info.size}`,
      'Content-Length': end - start + 1,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path, { start, end }).pipe(res);
    return true;
  }
  // Text is sent gzipped when the browser asks, as any CDN would: byte counts in the benchmarks are then real ones.
  if (
    /^(text\/|application\/json|image\/svg)/.test(headers['Content-Type']) &&
    /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
  ) {
    const body = gzipSync(await readFile(path));
    res.writeHead(200, {
      ...headers,
      'Content-Encoding': 'gzip',
      'Content-Length': body.length,
      Vary: 'Origin, Accept-Encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  res.writeHead(200, { ...headers, 'Content-Length': info.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
  return true;
}

/** Routes tests configure: PUT a response under a name, then GET it as often as needed. */
function testRoutes() {
  const mocks = new Map();
  const counts = new Map();
  return {
    count(method, pathname) {
      const key = `${method} ${pathname}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/__test__/')) return false;
      if (url.pathname === '/__test__/reset' && req.method === 'POST') {
        mocks.clear();
        counts.clear();
        sendJson(res, 200, { ok: true });
        return true;
      }
      if (url.pathname === '/__test__/requests') {
        const key = `${url.searchParams.get('method') ?? 'GET'} ${url.searchParams.get('path')}`;
        sendJson(res, 200, { count: counts.get(key) ?? 0 });
        return true;
      }
      const name = url.pathname.slice('/__test__/mock/'.length);
      if (!url.pathname.startsWith('/__test__/mock/') || !name) return false;
      if (req.method === 'PUT') {
        // { status, headers, body (string or JSON), delayMs, trickleMs, responses: [{...}, ...] }
        const spec = JSON.parse(await readBody(req, 5_000_000));
        mocks.set(name, { responses: spec.responses ?? [spec], served: 0 });
        sendJson(res, 200, { ok: true });
        return true;
      }
      const mock = mocks.get(name);
      if (!mock) return false;
      const spec = mock.responses[Math.min(mock.served, mock.responses.length - 1)];
      mock.served += 1;
      if (spec.delayMs) await new Promise((r) => setTimeout(r, spec.delayMs));
      if (req.destroyed) return true;
      const body = typeof spec.body === 'string' ? spec.body : spec.body === undefined ? '' : JSON.stringify(spec.body);
      res.writeHead(spec.status ?? 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        ...spec.headers,
      });
      if (spec.trickleMs) {
        for (const char of body) {
          if (req.destroyed) return true;
          res.write(char);
          await new Promise((r) => setTimeout(r, spec.trickleMs));
        }
        res.end();
      } else {
        res.end(body);
      }
      return true;
    },
  };
}

/**
 * @param {object} options
 * @param {string} options.root folder served as static files
 * @param {number} [options.port] 0 picks a free port
 * @param {string} [options.host]
 * @param {Array<(req, res, url) => Promise<boolean> | boolean>} [options.handlers] routes tried before static files
 * @param {boolean} [options.testRoutes]
 */
export async function startServer({
  root,
  port = 0,
  host = '127.0.0.1',
  handlers = [],
  testRoutes: withTestRoutes = false,
}) {
  const staticRoot = resolve(root);
  const tests = withTestRoutes ? testRoutes() : undefined;
  const server = createHttpServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    tests?.count(req.method, url.pathname);
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Methods', tests ? 'GET, HEAD, POST, PUT, OPTIONS' : 'GET, HEAD, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range');
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'Access-Control-Max-Age': '600' });
        res.end();
        return;
      }
      if (tests && (await tests.handle(req, res, url))) return;
      for (const handler of handlers) if (await handler(req, res, url)) return;
      if ((req.method === 'GET' || req.method === 'HEAD') && (await serveFile(staticRoot, url.pathname, req, res)))
        return;
      sendJson(res, 404, { error: 'not found' });
    } catch (error) {
      if (!res.headersSent) sendJson(res, error.status ?? 500, { error: error.message });
      else res.destroy();
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address();
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    port: address.port,
    close: () => new Promise((done) => server.close(() => done())),
    server,
  };
}
