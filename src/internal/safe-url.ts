/**
 * Addresses the widgets will link to or load. Written as one pattern so the
 * runtime check and the published JSON Schema share it: an allowed scheme in
 * any letter case, or a relative address (no scheme before the first / ? #).
 * No whitespace or control character anywhere, because URL parsers drop tabs
 * and newlines and "java\nscript:" would otherwise become a script URL.
 */
export const SAFE_URL_PATTERN =
  '^(?:(?:[hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]|[tT][eE][lL]):|[^:/?#\\u0000-\\u0020\\u007f]*(?:[/?#]|$))[^\\u0000-\\u0020\\u007f]*$';

/** Media (films, captions, posters) load from the web only: https, http or relative; never mailto or tel. */
export const MEDIA_URL_PATTERN =
  '^(?:[hH][tT][tT][pP][sS]?:|[^:/?#\\u0000-\\u0020\\u007f]*(?:[/?#]|$))[^\\u0000-\\u0020\\u007f]*$';

const SAFE_URL = new RegExp(SAFE_URL_PATTERN);
const SAFE_PROTOCOLS = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/** True when `value` may be resolved and used as a link or media address. */
export function isSafeUrlText(value: string): boolean {
  return SAFE_URL.test(value);
}

/**
 * Resolves `value` against `base` and returns the absolute address when its
 * scheme is https, http, mailto or tel; otherwise undefined.
 */
export function safeUrl(value: string | undefined, base?: string | URL): string | undefined {
  if (value === undefined || !isSafeUrlText(value)) return undefined;
  try {
    // No document when prerendering (src/ssr/): the feed's addresses are absolute by then.
    const url = new URL(value, base ?? globalThis.document?.baseURI);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
