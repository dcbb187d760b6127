/**
 * The one place the library talks to the network. Every outcome is a value:
 * nothing here throws into the host page. Credentials are omitted unless a
 * caller asks, so a widget never sends the partner's cookies to a feed host.
 */

import { toJson } from './json.js';

export type HttpFailureKind = 'network' | 'timeout' | 'http' | 'not-json' | 'too-large' | 'aborted';

export interface HttpSuccess<T> {
  ok: true;
  status: number;
  /** The final address after redirects; relative addresses in the body resolve against it. */
  url: string;
  data: T;
}

export interface HttpFailure {
  ok: false;
  kind: HttpFailureKind;
  status?: number;
  /** A parsed JSON body of an error response, when it had one (e.g. field errors). */
  data?: unknown;
  /** An error response's headers (e.g. `Retry-After`; cross-origin, only those the server exposes). */
  headers?: Headers;
  message: string;
}

export type HttpResult<T> = HttpSuccess<T> | HttpFailure;

/** A response and its body as read (undefined: declared larger than the reader's limit, so left unread). */
export interface ReadResponse {
  response: Response;
  text: string | undefined;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Bodies larger than this are refused (checked on Content-Length and on the bytes read). */
  maxBytes?: number;
  credentials?: RequestCredentials;
  /** The HTTP cache's part: `no-cache` asks the server whether the cached copy is current (a conditional request). */
  cache?: RequestCache;
  signal?: AbortSignal;
  /** A request already made for `url` (the entry's, src/feed/prefetch.ts), read in place of a new one; `controller` aborts it. */
  started?: { answer: Promise<ReadResponse>; controller: AbortController };
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Requests `url` and parses the body as JSON. */
export async function requestJson<T = unknown>(url: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
  const {
    method = 'GET',
    json,
    headers = {},
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxBytes,
    credentials = 'omit',
    cache,
    signal,
    started,
  } = options;
  const controller = started?.controller ?? new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const init: RequestInit = {
      method,
      credentials,
      cache,
      signal: controller.signal,
      headers: { Accept: 'application/json', ...headers },
    };
    if (json !== undefined) {
      init.body = toJson(json);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    return readAnswer(started ? await started.answer : await readBody(await fetch(url, init), maxBytes), url, maxBytes);
  } catch (error) {
    if (timedOut) return { ok: false, kind: 'timeout', message: `No answer within ${timeoutMs / 1000} s.` };
    if (signal?.aborted) return { ok: false, kind: 'aborted', message: 'The request was cancelled.' };
    return { ok: false, kind: 'network', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A response with its body; a declared length over `maxBytes` is refused before reading, an undeclared one once read. */
async function readBody(response: Response, maxBytes = Infinity): Promise<ReadResponse> {
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  return { response, text: declared > maxBytes ? undefined : await response.text() };
}

/**
 * What a response says, from its body as read (undefined when its declared length is over `maxBytes`: the body is then
 * cancelled unread): the parsed JSON, or why there is none.
 */
export function readAnswer<T = unknown>(
  { response, text }: ReadResponse,
  url: string,
  maxBytes = Infinity,
): HttpResult<T> {
  if (text === undefined || text.length > maxBytes) {
    if (text === undefined) void response.body?.cancel();
    return {
      ok: false,
      kind: 'too-large',
      status: response.status,
      message: `The response is larger than ${maxBytes} bytes.`,
    };
  }
  let data: unknown;
  let parsed = true;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (!response.ok) {
    return {
      ok: false,
      kind: 'http',
      status: response.status,
      data,
      headers: response.headers,
      message: `The server answered ${response.status}.`,
    };
  }
  if (!parsed) {
    return { ok: false, kind: 'not-json', status: response.status, message: 'The response is not JSON.' };
  }
  return { ok: true, status: response.status, url: response.url || url, data: data as T };
}
