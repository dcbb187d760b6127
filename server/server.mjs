/**
 * The project's one HTTP server: static files from an allowlist (nothing
 * private: see server/static.mjs), short-address redirects and room for more
 * routes (the contact receiver adds one). The demo (`npm start`), the browser
 * tests and the benchmarks all run this module, each stating what it serves.
 *
 * CORS by purpose: public files answer `Access-Control-Allow-Origin: *`
 * (never with credentials); a route answers its own CORS (the contact
 * receiver allows only its configured origins). Nothing reflects the Origin.
 *
 * With `testRoutes: true` it also serves /__test__/ routes that tests
 * configure over HTTP: a named response with any status, headers, body and
 * delay (or held until the test sets another mock), the count of
 * requests each method and path received, a reset, and prerendered HTML of a
 * widget from a feed the test gives.
 */
import { createServer as createHttpServer } from 'node:http';
import { allowlist, sendFile } from './static.mjs';

export { MIME_TYPES } from './static.mjs';

const PUBLIC_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range',
};

export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Reads a body up to `limit` bytes; over it, stops reading and throws a 413 error. */
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

/** The path as sent, `//` and all (new URL() would read `//x` as a host). */
function requestUrl(req) {
  const raw = req.url ?? '/';
  return raw.startsWith('/') ? new URL(`http://localhost${raw}`) : new URL(raw, 'http://localhost');
}

/** Routes tests configure: PUT a response under a name, then GET it as often as needed. */
function testRoutes() {
  const mocks = new Map();
  const counts = new Map();
  /** The requests a mock with `holdUntil` keeps waiting, by the name of the mock whose PUT lets them go. */
  const held = new Map();
  return {
    count(method, pathname) {
      const key = `${method} ${pathname}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    async handle(req, res, url) {
      if (!url.pathname.startsWith('/__test__/')) return false;
      // Test pages come from the test runner's origin, like a partner's page: any origin, no credentials.
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Retry-After, ETag');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, OPTIONS',
          'Access-Control-Allow-Headers': 'Accept, Content-Type, Idempotency-Key, If-None-Match',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return true;
      }
      if (url.pathname === '/__test__/reset' && req.method === 'POST') {
        mocks.clear();
        counts.clear();
        for (const answers of held.values()) for (const answer of answers.splice(0)) answer();
        sendJson(res, 200, { ok: true });
        return true;
      }
      if (url.pathname === '/__test__/requests') {
        const key = `${url.searchParams.get('method') ?? 'GET'} ${url.searchParams.get('path')}`;
        sendJson(res, 200, { count: counts.get(key) ?? 0 });
        return true;
      }
      if (url.pathname === '/__test__/prerender' && req.method === 'POST') {
        // { widget, feed, src, lang, attributes }: the prerenderer the CLI's `render` uses (dist/ssr/, built first).
        const { renderWidget } = await import('../dist/ssr/render.js');
        try {
          const { html } = renderWidget(JSON.parse(await readBody(req, 5_000_000)));
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(html);
        } catch (error) {
          sendJson(res, 400, { error: error.message });
        }
        return true;
      }
      const name = url.pathname.slice('/__test__/mock/'.length);
      if (!url.pathname.startsWith('/__test__/mock/') || !name) return false;
      if (req.method === 'PUT') {
        // { status, headers, body (string or JSON), etag, delayMs, trickleMs, holdUntil, responses: [{...}, ...] }
        const spec = JSON.parse(await readBody(req, 5_000_000));
        mocks.set(name, { responses: spec.responses ?? [spec], served: 0 });
        for (const answer of held.get(name)?.splice(0) ?? []) answer();
        sendJson(res, 200, { ok: true });
        return true;
      }
      const mock = mocks.get(name);
      if (!mock) return false;
      const spec = mock.responses[Math.min(mock.served, mock.responses.length - 1)];
      mock.served += 1;
      // Held with no wall-clock window until the test sets the mock named `holdUntil` (another address: a browser
      // may hold back a PUT to an address while a GET of it is pending).
      const gate = spec.holdUntil;
      if (gate && !mocks.has(gate))
        await new Promise((resolve) => held.set(gate, [...(held.get(gate) ?? []), resolve]));
      if (spec.delayMs) await new Promise((r) => setTimeout(r, spec.delayMs));
      if (req.destroyed) return true;
      // With `etag`, the answer may be cached and is revalidated: a request naming that ETag gets 304, counted as "304".
      if (spec.etag && req.headers['if-none-match'] === spec.etag) {
        this.count('304', url.pathname);
        res.writeHead(304, { ETag: spec.etag, 'Cache-Control': 'no-cache' });
        res.end();
        return true;
      }
      const body = typeof spec.body === 'string' ? spec.body : spec.body === undefined ? '' : JSON.stringify(spec.body);
      res.writeHead(spec.status ?? 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': spec.etag ? 'no-cache' : 'no-store',
        ...(spec.etag && { ETag: spec.etag }),
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
 * @param {string} options.root the folder public paths are relative to
 * @param {Record<string, string>} options.publicPaths what is served: address -> file or folder under root
 *   (an address ending in / is a folder); everything else is 404
 * @param {string[]} [options.privateDirs] folders never served, even inside a public one
 * @param {Record<string, string>} [options.redirects] exact address -> where it moves (301)
 * @param {number} [options.port] 0 picks a free port
 * @param {string} [options.host]
 * @param {Array<(req, res, url) => Promise<boolean> | boolean>} [options.handlers] routes tried before static files
 * @param {boolean} [options.testRoutes]
 */
export async function startServer({
  root,
  publicPaths,
  privateDirs = [],
  redirects = {},
  port = 0,
  host = '127.0.0.1',
  handlers = [],
  testRoutes: withTestRoutes = false,
}) {
  if (!publicPaths) throw new Error('startServer needs publicPaths: the addresses it may serve');
  const findPublic = allowlist(root, publicPaths, privateDirs);
  const tests = withTestRoutes ? testRoutes() : undefined;
  const server = createHttpServer(async (req, res) => {
    const url = requestUrl(req);
    tests?.count(req.method, url.pathname);
    try {
      if (tests && (await tests.handle(req, res, url))) return;
      for (const handler of handlers) if (await handler(req, res, url)) return;
      if ((req.method === 'GET' || req.method === 'HEAD') && Object.hasOwn(redirects, url.pathname)) {
        res.writeHead(301, { Location: redirects[url.pathname] });
        res.end();
        return;
      }
      const found = ['GET', 'HEAD', 'OPTIONS'].includes(req.method) ? await findPublic(url.pathname) : undefined;
      if (found && req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...PUBLIC_CORS,
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': 'Accept, If-None-Match, If-Modified-Since, Range',
          'Access-Control-Max-Age': '600',
        });
        res.end();
      } else if (found) {
        for (const [name, value] of Object.entries(PUBLIC_CORS)) res.setHeader(name, value);
        await sendFile(found, req, res);
      } else {
        // A missing public file is no secret: cross-origin readers see the 404 rather than a network error.
        sendJson(res, 404, { error: 'not found' }, { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
      }
    } catch (error) {
      if (!res.headersSent)
        sendJson(res, error.status ?? 500, { error: error.status ? error.message : 'server error' });
      else res.destroy();
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address();
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    /** Stops listening, then lets each route finish its own work (the receiver's mail under way). */
    close: async () => {
      await new Promise((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      });
      for (const handler of handlers) await handler.close?.();
    },
    server,
  };
}
