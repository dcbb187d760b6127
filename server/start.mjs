#!/usr/bin/env node
/**
 * `npm start`: serves the demo, dist/cdn and the built-in feed at
 * http://localhost:8000 (PORT and HOST override). The demo pages are built
 * into dist/demo/ (scripts/build-demo.mjs) and served at /demo/.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME_TYPES, sendJson, startServer } from './server.mjs';
import { routes } from './routes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Serves dist/demo/ at /demo/ (the pages are flat: a file name, no folders), and short addresses for the builder and the feed preview. */
export function demoHandler(projectRoot) {
  const demoDir = join(projectRoot, 'dist/demo');
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const short = { '/demo': '/demo/', '/builder': '/dist/cdn/builder.html', '/preview': '/dist/cdn/preview.html' }[
      url.pathname
    ];
    if (short) {
      res.writeHead(301, { Location: short });
      res.end();
      return true;
    }
    const match = /^\/demo\/([\w.-]*)$/.exec(url.pathname);
    if (!match) return false;
    const name = match[1] || 'index.html';
    const body = await readFile(join(demoDir, name)).catch(() => undefined);
    if (!body) {
      sendJson(res, 404, { error: `dist/demo/${name} not found: run npm run build` });
      return true;
    }
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[extname(name)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/** The `npm start` server: the project's routes, the demo at /demo/, and the repository's files. */
export async function startDemo({ port = 8000, host = 'localhost' } = {}) {
  return startServer({ root, port, host, handlers: [...(await routes({ root })), demoHandler(root)] });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startDemo({ port: Number(process.env.PORT ?? 8000), host: process.env.HOST ?? 'localhost' });
  console.log(`Demo: ${url}/demo/  (Welsh: ${url}/demo/cy.html)`);
  console.log(`Embed builder: ${url}/builder  Feed preview: ${url}/preview`);
}
