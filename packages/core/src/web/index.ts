import { invalid } from './check.js';
import { createWebClientFor } from './client.js';
import type { WebRuntime } from './transport.js';
import { fetchSend } from './fetch.js';
import type { WebClient, WebClientOptions } from './types.js';

export type {
  DeprecationNotice,
  FetchLike,
  RequestOptions,
  RetryOptions,
  WebApi,
  WebCallOptions,
  WebClient,
  WebClientOptions,
} from './types.js';
export { withDeadline } from './deadline.js';
export { xhrSend } from './xhr.js';

const defaultRuntime: WebRuntime = {
  send: (
    base,
    fetch = typeof globalThis.fetch === 'function'
      ? (input, init) => globalThis.fetch(input, init)
      : invalid('fetch', 'no global fetch: pass options.fetch'),
  ) =>
    // The Request carries URL and method; headers, body and signal travel in `init`, which every fetch
    // honours. (ky used to build this Request: measured, it cost 3 KiB gzip of the 7 KiB page budget
    // and ~40 µs of CPU per call on Node while adding nothing the client does not do itself —
    // retry, timeout, errors and hooks are ours — so the client calls fetch directly.)
    fetchSend(base, fetch, (url, method, send) => send(new Request(url, { method }))),
};

/**
 * Creates the generic Web (HTTP) client of one API. Every API package wraps one.
 *
 * Each call asks `tokenGetter` for a token, sends `POST <apiUrl>/v<apiVersion>/<api>/action/<action>`
 * (Reports: `/v<apiVersion>/reports/<resource>/<name>`; the five Customer `GET` actions send their
 * params in the query string), and resolves with the parsed JSON (`{}` for an empty body).
 * Failures reject with an `LcError` subclass: `ApiError` (and its subclasses) for a platform error,
 * `HttpError` for a non-JSON error page, `ConnectionError`, `TimeoutError`, `AbortError`,
 * `ResponseParseError`, `TokenError` or `InputError`.
 *
 * Rate limits (`too_many_requests`, HTTP 429/503) are retried for every action, honouring
 * `Retry-After` up to `retry.maxRetryAfter`; network errors, timeouts and other 5xx only for
 * read-only actions (`get_*`, `list_*`, Reports, or `idempotent: true`), so a write is never re-sent.
 *
 * This entry sends over the global `fetch` (or `options.fetch`). Under Node, the
 * package's `node` export condition swaps in a `createWebClient` that sends over `node:http`
 * directly (or over `options.fetch` when given).
 *
 * @example
 * ```ts
 * const web = createWebClient({ api: 'agent', tokenGetter: () => token });
 * const { chats_summary } = await web.call('list_chats', { limit: 10 });
 * ```
 * @see https://platform.text.com/docs/messaging/agent-chat-api
 */
export function createWebClient(options: WebClientOptions): WebClient {
  return createWebClientFor(defaultRuntime, options);
}
