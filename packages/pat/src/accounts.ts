// The small HTTP client both token getters use to talk to the LiveChat accounts service
// (Global Accounts API v2). Browser- and Node-safe: global fetch, AbortController, btoa.
import {
  ApiError,
  ConnectionError,
  HttpError,
  InputError,
  ResponseParseError,
  TimeoutError,
  withDeadline,
  type ApiErrorOptions,
  type FetchLike,
  type ResponseHeaders,
} from '@lc/core';

/** Where the accounts service lives unless `accountsUrl` says otherwise. */
export const DEFAULT_ACCOUNTS_URL = 'https://accounts.livechat.com';
const DEFAULT_TIMEOUT = 30_000;
const MAX_TIMEOUT = 2_147_483_647;

/** Options shared by the token getters of this package. */
export interface AccountsOptions {
  /**
   * Base URL of the accounts service (default `https://accounts.livechat.com`); tests and the
   * local simulator pass `http://127.0.0.1:<port>`.
   */
  accountsUrl?: string | undefined;
  /** Custom `fetch` (default: the global one). */
  fetch?: FetchLike | undefined;
  /** Milliseconds before a call to the accounts service rejects with `TimeoutError` (default 30000). */
  timeout?: number | undefined;
}

/**
 * The accounts service answered with an error: `type` is its `error` code (`unauthorized`,
 * `invalid_grant`, `invalid_client`, ...), `message` its `error_description`, `data` the rest of the
 * body (`sub_error`, `request_id`, `invalid_fields`). Also used, with `type: "invalid_response"`,
 * when a successful answer lacks a field the SDK needs. Never carries a PAT, secret or token.
 */
export class AccountsError extends ApiError {
  static override readonly kind: string = 'AccountsError';
}

/** Replaces every secret in `text` with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Base64 of the UTF-8 bytes of `text` (btoa alone only takes Latin-1). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The checked transport settings of one token getter. */
export interface Accounts {
  readonly url: string;
  readonly fetch: FetchLike;
  readonly timeout: number;
}

/** Validates the shared options; every problem is an `InputError` thrown at once. */
export function accountsFrom(options: AccountsOptions): Accounts {
  const raw = options.accountsUrl ?? DEFAULT_ACCOUNTS_URL;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new InputError('accountsUrl must be a URL such as "https://accounts.livechat.com"', { field: 'accountsUrl' });
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('accountsUrl is not a valid URL', { field: 'accountsUrl' });
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new InputError('accountsUrl must be an http(s) URL without credentials, query or fragment', {
      field: 'accountsUrl',
    });
  }
  const fetchImpl =
    options.fetch ??
    (typeof globalThis.fetch === 'function'
      ? (input: Request, init?: RequestInit) => globalThis.fetch(input, init)
      : undefined);
  if (typeof fetchImpl !== 'function') {
    throw new InputError('No global fetch in this environment; pass options.fetch', { field: 'fetch' });
  }
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (typeof timeout !== 'number' || !(timeout >= 1) || timeout > MAX_TIMEOUT) {
    throw new InputError(`timeout must be a number of milliseconds between 1 and ${MAX_TIMEOUT}`, { field: 'timeout' });
  }
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, fetch: fetchImpl, timeout };
}

/** One request to the accounts service. */
export interface AccountsRequest {
  method: 'GET' | 'POST';
  /** Path under the base URL, e.g. `/v2/organizations/my`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Names the request in errors, e.g. `organizations/my`. */
  action: string;
  /** Values that must never appear in an error (PAT, its base64, secrets, tokens). */
  secrets: readonly string[];
}

function headersOf(response: Response): ResponseHeaders {
  const out: ResponseHeaders = {};
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/**
 * Sends one request and resolves with the parsed JSON object of a 2xx answer. Rejects with
 * `AccountsError` (an error body), `HttpError` (a non-JSON error page), `ResponseParseError`,
 * `ConnectionError` or `TimeoutError`; every string taken from the response is redacted.
 */
export async function accountsCall(accounts: Accounts, request: AccountsRequest): Promise<Record<string, unknown>> {
  const { action, secrets } = request;
  let response: Response;
  let text: string;
  try {
    // The deadline wins a race rather than relying on fetch to honour the abort: a custom fetch (or a
    // body stream) that ignores the signal can never hang the call.
    [response, text] = await withDeadline(
      async (signal) => {
        const init: RequestInit = { method: request.method, headers: request.headers, signal };
        if (request.body !== undefined) init.body = request.body;
        const res = await accounts.fetch(new Request(accounts.url + request.path, init), init);
        return [res, await res.text()] as const;
      },
      accounts.timeout,
      action,
    );
  } catch (cause) {
    if (cause instanceof TimeoutError) throw cause;
    // The cause is the fetch's own error (never built from our headers); keep only its name and message.
    throw new ConnectionError(`Could not reach the accounts service (${action})`, {
      action,
      cause: safeCause(cause, secrets),
    });
  }
  const status = response.status;
  let parsed: unknown;
  let isJson = true;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    isJson = false;
  }
  const options: ApiErrorOptions = { status, headers: headersOf(response), action };
  if (status < 200 || status > 299) {
    if (
      isJson &&
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { error?: unknown }).error === 'string'
    ) {
      const {
        error,
        error_description: description,
        ...rest
      } = parsed as { error: string; error_description?: unknown };
      const data = JSON.parse(redact(JSON.stringify(rest), secrets)) as unknown;
      throw new AccountsError(
        {
          type: redact(error, secrets),
          message: typeof description === 'string' ? redact(description, secrets) : '',
          data,
        },
        options,
      );
    }
    throw new HttpError(
      { status, statusText: response.statusText, body: redact(text, secrets), headers: options.headers ?? {} },
      { action },
    );
  }
  if (!isJson || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ResponseParseError({ status, body: redact(text, secrets) }, { action });
  }
  return parsed as Record<string, unknown>;
}

/** A secret-free stand-in for a fetch failure: its name and redacted message. */
function safeCause(cause: unknown, secrets: readonly string[]): Error {
  let message = cause instanceof Error ? cause.message : String(cause);
  // undici: `TypeError: fetch failed` with the system error (ECONNREFUSED, ...) as its cause.
  const inner = cause instanceof Error ? cause.cause : undefined;
  if (inner instanceof Error && inner.message) message += `: ${inner.message}`;
  const error = new Error(redact(message, secrets));
  error.name = cause instanceof Error ? cause.name : 'Error';
  return error;
}

/** An `AccountsError` for a 2xx answer without a field the SDK needs. */
export function invalidResponse(message: string, action: string, status = 200): AccountsError {
  return new AccountsError({ type: 'invalid_response', message }, { action, status });
}
