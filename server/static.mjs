/**
 * Static files from an allowlist. A caller names each public address and the
 * folder or file behind it (`{ '/dist/cdn/': 'dist/cdn', '/README.md':
 * 'README.md' }`); anything else is not found. Whatever the spelling of a
 * request (percent-encoding, `//`, `./`, `../`, encoded slashes, mixed case),
 * a dotfile or dot-folder at any depth, or a file inside a private folder,
 * is never served.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

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
  '.md': 'text/markdown; charset=utf-8',
  '.ico': 'image/x-icon',
};

/**
 * The request path as clean segments, or undefined when any segment could
 * reach outside its folder or name a hidden file: one that is empty after
 * decoding, `.`/`..`, holds a slash, backslash or control character, or
 * starts with a dot. Empty segments (`//`) are dropped.
 */
export function pathSegments(pathname) {
  const segments = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    if (segment.startsWith('.') || /[/\\\0-\x1f\x7f]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** The allowlist as [segments, absolute path, isFolder], longest address first. */
function compileAllowlist(root, publicPaths) {
  return Object.entries(publicPaths)
    .map(([address, target]) => {
      const segments = pathSegments(address);
      if (!address.startsWith('/') || !segments) throw new Error(`Not a public address: ${address}`);
      return { segments, target: resolve(root, target), folder: address.endsWith('/') };
    })
    .sort((a, b) => b.segments.length - a.segments.length);
}

const inside = (path, folder) => {
  const a = path.toLowerCase();
  const b = folder.toLowerCase();
  return a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
};

/**
 * @param {string} root the folder the targets are relative to
 * @param {Record<string, string>} publicPaths address -> file or folder (an address ending in / is a folder)
 * @param {string[]} privateDirs folders never served, even inside a public one (the contact data)
 * @returns {(pathname: string) => Promise<{ path: string, info: import('node:fs').Stats } | undefined>}
 */
export function allowlist(root, publicPaths, privateDirs = []) {
  const entries = compileAllowlist(root, publicPaths);
  const privates = privateDirs.map((dir) => resolve(root, dir));
  return async function find(pathname) {
    const segments = pathSegments(pathname);
    if (!segments) return undefined;
    const entry = entries.find(
      ({ segments: prefix, folder }) =>
        (folder ? segments.length >= prefix.length : segments.length === prefix.length) &&
        prefix.every((part, i) => part === segments[i]),
    );
    if (!entry) return undefined;
    let path = entry.folder ? join(entry.target, ...segments.slice(entry.segments.length)) : entry.target;
    let info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path).catch(() => undefined);
    }
    if (!info?.isFile()) return undefined;
    // A symbolic link must not lead out of the public folder, nor into private data.
    const real = await realpath(path).catch(() => undefined);
    const realTarget = await realpath(entry.target).catch(() => undefined);
    if (!real || !realTarget || !inside(real, realTarget)) return undefined;
    if (privates.some((dir) => inside(real, dir) || inside(path, dir))) return undefined;
    if (
      real
        .slice(realTarget.length)
        .split(sep)
        .some((part) => part.startsWith('.'))
    )
      return undefined;
    return { path, info };
  };
}

/** Content-hashed chunks never change; everything else is revalidated. */
function cacheControl(path) {
  return /[/\\]chunks[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.js$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/**
 * Whether the browser's copy is still current: its `If-None-Match` names this ETag (weak comparison, as RFC 9110
 * asks for GET), or, without one, its `If-Modified-Since` is no older than the file.
 */
function notModified(req, etag, info) {
  const tags = req.headers['if-none-match'];
  if (tags !== undefined) {
    const bare = (tag) => tag.trim().replace(/^W\//, '');
    return tags.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(info.mtimeMs / 1000) * 1000 <= since;
}

/**
 * Sends a found file: types, caching, ranges (so <video> seeks) and gzip when asked. Each file has an ETag and a
 * Last-Modified date, and a conditional request for an unchanged file is answered 304 without a body: a widget's
 * repeat view revalidates its saved feed for the price of the headers.
 */
export async function sendFile({ path, info }, req, res) {
  const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const headers = {
    'Content-Type': MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl(path),
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  };
  if ((req.method === 'GET' || req.method === 'HEAD') && notModified(req, etag, info)) {
    const { 'Cache-Control': cache, 'Last-Modified': modified } = headers;
    res.writeHead(304, { 'Cache-Control': cache, ETag: etag, 'Last-Modified': modified, Vary: 'Accept-Encoding' });
    res.end();
    return;
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    if (start >= info.size || start > end) {
      res.writeHead(416, { 'Content-Range': `bytes */${info.size}` });
      res.end();
      return;
    }
    res.writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${start}-${end}/${info.size}`,
      'Content-Length': end - start + 1,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path, { start, end }).pipe(res);
    return;
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
      Vary: 'Accept-Encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': info.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
}
