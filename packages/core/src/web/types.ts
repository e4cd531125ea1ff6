import type { TokenGetter } from '../auth/index.js';
import type { ClientHooks } from '../hooks/types.js';
import type { WireTable } from '../wire/index.js';
import type { Send } from './transport.js';

/** The HTTP APIs `createWebClient` can speak. */
export type WebApi = 'agent' | 'customer' | 'configuration' | 'reports';

/**
 * The smallest `fetch` the Web client needs. Node's global `fetch`, a browser's, undici's, or the
 * faster Node transport `@lc/core` ships (`createNodeFetch` from `@lc/core/node`) all fit.
 *
 * The client calls it as `fetch(request, init)`: `request` carries the URL and method, `init` the
 * headers, body, signal and `redirect: 'manual'`. A wrapper must pass both on, as
 * `(input, init) => fetch(input, init)` does.
 */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Options of one request, accepted by every method of every API client. */
export interface RequestOptions {
  /** Aborts the request; it then rejects with `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Milliseconds before the request rejects with `TimeoutError` (per attempt over Web). */
  timeout?: number | undefined;
  /** Extra headers for this request. */
  headers?: Record<string, string> | undefined;
  /**
   * Sends this call to another API version than the client's, e.g. `'3.7'` for a developer-preview
   * action. Over Web it changes the URL path; over RTM the frame carries `version` (the docs allow
   * versions equal to or newer than the connection's).
   */
  apiVersion?: string | undefined;
}

/** What an API package may add to a Web call; users normally never need these. */
export interface WebCallOptions extends RequestOptions {
  /**
   * `false` sends no `Authorization`. Defaults to `true`, except for the actions the client's wire
   * table marks as needing none (the docs say so). A call without auth to an API whose requests
   * carry `organization_id` (Customer) takes it from the payload when present, else from the token.
   */
  auth?: boolean | undefined;
  /** Body to send instead of JSON (multipart `upload_file`). */
  body?: FormData | undefined;
  /** Whether the call may be retried after a network error or 5xx: the wire table's read-only actions are by default. */
  idempotent?: boolean | undefined;
  /**
   * Called as the request body goes out: bytes sent and the body's total. The Node entry's own
   * transport reports it; elsewhere pass a `transport` that does (e.g. `xhrSend` in browsers).
   */
  onProgress?: ((sent: number, total: number) => void) | undefined;
  /** The transport for this call instead of the client's, given the client's base URL (see `xhrSend`). */
  transport?: ((base: string) => Send) | undefined;
}

/**
 * How `createWebClient` retries. Rate limits (`too_many_requests`, HTTP 429, 503) are retried for
 * every action; network errors, timeouts and other 5xx only for read-only actions.
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). `0` disables retrying. */
  limit?: number;
  /** First backoff delay in ms (default 500). */
  baseDelay?: number;
  /** Largest backoff delay in ms (default 8000). */
  maxDelay?: number;
  /** Largest `Retry-After` the client waits for, in ms (default 60000); longer waits reject instead. */
  maxRetryAfter?: number;
}

/** A `Legacy` or `Deprecation` response header, reported once per client and action. */
export interface DeprecationNotice {
  /** Which response header carried the notice (lower-cased). */
  header: 'legacy' | 'deprecation';
  /** The header value, e.g. `2026-12-01`. */
  value: string;
  /** The action whose response carried it. */
  action: string;
  /** The API version the client speaks, e.g. `3.6`. */
  apiVersion: string;
}

/** Options of `createWebClient`. */
export interface WebClientOptions {
  /** Which API this client speaks. */
  api: WebApi;
  /** Called before every request. Optional only for clients that call no-auth actions alone. */
  tokenGetter?: TokenGetter | undefined;
  /** Base URL: `https://api.livechatinc.com` by default; tests pass `http://127.0.0.1:<port>`. */
  apiUrl?: string | undefined;
  /**
   * API version in the path; `3.7` reaches the developer preview. Default: the version of `wire` when
   * the table holds one (an entry such as `@lc/agent/v3.7` passes its own version's), else `3.6`.
   */
  apiVersion?: string | undefined;
  /** Per-attempt timeout in ms (default 30000). */
  timeout?: number | undefined;
  /** Retry policy, or `false` to never retry. */
  retry?: RetryOptions | false | undefined;
  /** Custom fetch implementation (default: the global `fetch`; under Node, the `node:http` transport). */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Client id of your app; sent as `User-Agent: JS SDK Application <clientId>` from Node (browsers forbid setting `User-Agent`). */
  clientId?: string | undefined;
  /** Called once per client and action for `Legacy`/`Deprecation` response headers. */
  onDeprecation?: ((notice: DeprecationNotice) => void) | undefined;
  /**
   * The API's wire table (each API package passes its generated `<API>_WIRE`): per action, HTTP GET
   * or POST, whether it needs a token, whether it may be re-sent. Without it every action is a POST
   * to `/v<version>/<api>/action/<action>` with a token and is never re-sent after a network error.
   */
  wire?: WireTable | undefined;
  /**
   * Observers of every attempt (`onRequestStart`, `onRequestEnd`): action, version, attempt number,
   * duration, status, error, retry delay, `x-request-id`/`x-debug-id`; payloads only with
   * `includePayloads`; never a token.
   */
  hooks?: ClientHooks | undefined;
}

/** The generic Web client every API package wraps. */
export interface WebClient {
  /** The API this client speaks. */
  readonly api: WebApi;
  /** The API version in every URL, e.g. `3.6`. */
  readonly apiVersion: string;
  /**
   * Sends `action` with `payload` (wire names, snake_case) and resolves with the parsed response
   * (`{}` for "no response payload"). For Reports, `action` is `<resource>/<name>`, e.g. `chats/duration`.
   */
  call<R = unknown>(action: string, payload?: object, options?: WebCallOptions): Promise<R>;
}
