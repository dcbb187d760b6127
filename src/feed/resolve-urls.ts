import type { Feed, LocalUrl } from './schema.js';

function resolve(address: string, base: string): string {
  try {
    return new URL(address, base).href;
  } catch {
    return address;
  }
}

function resolveLocal<T extends LocalUrl | undefined>(address: T, base: string): T {
  if (address === undefined) return address;
  if (typeof address === 'string') return resolve(address, base) as T;
  const out: Record<string, string> = {};
  for (const [language, value] of Object.entries(address)) if (value !== undefined) out[language] = resolve(value, base);
  return out as T;
}

/**
 * Makes every address in the feed absolute against the feed's own final URL,
 * so a feed on a CDN can say "media/film.webm" and mean its own folder, not
 * the partner page's.
 */
export function resolveFeedUrls(feed: Feed, base: string): Feed {
  return {
    ...feed,
    ...(feed.source && { source: { ...feed.source, url: resolveLocal(feed.source.url, base) } }),
    principles: feed.principles.map((p) => ({ ...p, url: resolveLocal(p.url, base) })),
    films: feed.films.map((film) => ({
      ...film,
      url: resolveLocal(film.url, base),
      poster: resolveLocal(film.poster, base),
      captions: film.captions?.map((track) => ({ ...track, src: resolve(track.src, base) })),
      source:
        film.source && 'files' in film.source
          ? { ...film.source, files: film.source.files.map((file) => ({ ...file, src: resolve(file.src, base) })) }
          : film.source,
    })),
    resources: feed.resources.map((r) => ({ ...r, url: resolveLocal(r.url, base) })),
    ...(feed.contact && {
      contact: {
        ...feed.contact,
        endpoint: resolveLocal(feed.contact.endpoint, base),
        url: resolveLocal(feed.contact.url, base),
        privacy: resolveLocal(feed.contact.privacy, base),
      },
    }),
  };
}
