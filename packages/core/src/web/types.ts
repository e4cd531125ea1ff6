import type { TokenGetter } from '../auth/index.js';

/** The HTTP APIs `createWebClient` can speak. */
export type WebApi = 'agent' | 'customer' | 'configuration' | 'reports';

/**
 * The smallest `fetch` the Web client needs. Node's global `fetch`, a browser's, undici's, or the
 * faster Node transport `@lc/core` ships all fit.
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
}

/** What an API package may add to a Web call; users normally never need these. */
export interface WebCallOptions extends RequestOptions {
  /** Send without `Authorization` (e.g. `list_webhook_names`, `list_license_properties`). */
  auth?: boolean | undefined;
  /** Body to send instead of JSON (multipart `upload_file`). */
  body?: FormData | undefined;
  /** Whether the call may be retried after a network error or 5xx: read-only actions are by default. */
  idempotent?: boolean | undefined;
}

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
  header: 'legacy' | 'deprecation';
  /** The header value, e.g. `2026-12-01`. */
  value: string;
  action: string;
  apiVersion: string;
}

export interface WebClientOptions {
  api: WebApi;
  /** Called before every request. Optional only for clients that call no-auth actions alone. */
  tokenGetter?: TokenGetter | undefined;
  /** Base URL: `https://api.livechatinc.com` by default; tests pass `http://127.0.0.1:<port>`. */
  apiUrl?: string | undefined;
  /** API version in the path (default `3.6`); `3.7` reaches the developer preview. */
  apiVersion?: string | undefined;
  /** Per-attempt timeout in ms (default 30000). */
  timeout?: number | undefined;
  /** Retry policy, or `false` to never retry. */
  retry?: RetryOptions | false | undefined;
  /** Custom fetch implementation. */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Client id of your app; sent as `User-Agent`-style identification where the platform allows. */
  clientId?: string | undefined;
  /** Called once per client and action for `Legacy`/`Deprecation` response headers. */
  onDeprecation?: ((notice: DeprecationNotice) => void) | undefined;
}

/** The generic Web client every API package wraps. */
export interface WebClient {
  readonly api: WebApi;
  readonly apiVersion: string;
  /**
   * Sends `action` with `payload` (wire names, snake_case) and resolves with the parsed response
   * (`{}` for "no response payload"). For Reports, `action` is `<resource>/<name>`, e.g. `chats/duration`.
   */
  call<R = unknown>(action: string, payload?: object, options?: WebCallOptions): Promise<R>;
}
