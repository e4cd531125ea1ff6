import ky from 'ky';
import { authHeaders, resolveToken, type ResolvedToken } from '../auth/index.js';
import {
  AbortError,
  ApiError,
  ConnectionError,
  HttpError,
  InputError,
  LcError,
  ResponseParseError,
  TimeoutError,
  TokenError,
  type ResponseHeaders,
} from '../errors/index.js';
import { isReadOnlyAction, retryDelay, retryPolicyFrom, type RetryPolicy } from './retry.js';
import type { DeprecationNotice, FetchLike, WebCallOptions, WebClient, WebClientOptions } from './types.js';
import {
  actionPath,
  actionPrefix,
  CUSTOMER_GET_ACTIONS,
  encodeQuery,
  NO_AUTH_ACTIONS,
  normalizeApiUrl,
  normalizeApiVersion,
} from './url.js';

/** What differs between the browser/default entry and the Node entry. */
export interface WebRuntime {
  /** The fetch used when `options.fetch` is absent; called once per client. */
  defaultFetch(): FetchLike | undefined;
  /** Whether `clientId` may be sent as `User-Agent` (not from browsers: it is a forbidden header there). */
  userAgent: boolean;
}

const APIS: ReadonlySet<string> = new Set(['agent', 'customer', 'configuration', 'reports']);
const DEFAULT_TIMEOUT = 30_000;
const MAX_TIMEOUT = 2_147_483_647;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII and Latin-1, tabs and inner spaces; what every fetch accepts as a header value.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const JSON_CONTENT_TYPE = 'application/json';
const DEPRECATION_HEADERS = ['legacy', 'deprecation'] as const;

/** One call, checked and partly built before the first attempt. */
interface Prepared {
  readonly action: string;
  readonly method: 'GET' | 'POST';
  /** URL without the query. */
  readonly url: string;
  /** Query params other than `organization_id` (GET actions), encoded. */
  readonly query: string;
  readonly body: string | FormData | undefined;
  /** Static headers: client + call + content type, lower-cased names. */
  readonly headers: Record<string, string>;
  readonly auth: boolean;
  /** Customer API: `organization_id` taken from the payload (no-auth calls). */
  readonly organizationId: string | undefined;
  /** Whether the token getter must be called. */
  readonly needsToken: boolean;
  readonly readOnly: boolean;
  readonly timeout: number;
  readonly signal: AbortSignal | undefined;
}

function checkTimeout(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0) || value > MAX_TIMEOUT) {
    throw new InputError(`${field} must be a number of milliseconds between 1 and ${MAX_TIMEOUT}`, { field });
  }
  return value;
}

/** Lower-cases header names and checks names and values; values never appear in the error. */
function normalizeHeaders(headers: unknown, field: string): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new InputError(`${field} must be an object of header names to strings`, { field });
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) throw new InputError(`${field} has an invalid header name`, { field });
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new InputError(`${field}["${name}"] must be a string without line breaks or non-Latin-1 characters`, {
        field: `${field}.${name}`,
      });
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}

function isPlainPayload(payload: unknown): payload is Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const proto = Object.getPrototypeOf(payload) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Response headers as a record with lower-cased names. */
function headersRecord(headers: Headers): ResponseHeaders {
  const out: ResponseHeaders = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function isApiErrorBody(value: unknown): value is { error: { type: string; message?: unknown; data?: unknown } } {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string';
}

/** Resolves after `ms`, or rejects with `AbortError` as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined, action: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError({ action, cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Builds a Web client for one runtime. `createWebClient` (browser/default entry) and the Node
 * entry's `createWebClient` are both this with a different {@link WebRuntime}.
 */
export function createWebClientFor(runtime: WebRuntime, options: WebClientOptions): WebClient {
  if (typeof options !== 'object' || options === null) {
    throw new InputError('createWebClient needs an options object', { field: 'options' });
  }
  const api = options.api;
  if (!APIS.has(api)) {
    throw new InputError('api must be "agent", "customer", "configuration" or "reports"', { field: 'api' });
  }
  const { tokenGetter, onDeprecation } = options;
  if (tokenGetter !== undefined && typeof tokenGetter !== 'function') {
    throw new TokenError('tokenGetter must be a function returning a token', { field: 'getter' });
  }
  if (onDeprecation !== undefined && typeof onDeprecation !== 'function') {
    throw new InputError('onDeprecation must be a function', { field: 'onDeprecation' });
  }
  const base = normalizeApiUrl(options.apiUrl);
  const apiVersion = normalizeApiVersion(options.apiVersion);
  const prefix = actionPrefix(base, apiVersion, api);
  const timeout = checkTimeout(options.timeout, 'timeout') ?? DEFAULT_TIMEOUT;
  const policy: RetryPolicy = retryPolicyFrom(options.retry);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new InputError('fetch must be a function like the global fetch', { field: 'fetch' });
  }
  const fetchImpl = options.fetch ?? runtime.defaultFetch();
  if (fetchImpl === undefined) {
    throw new InputError('No global fetch in this environment; pass options.fetch', { field: 'fetch' });
  }
  const clientHeaders = normalizeHeaders(options.headers, 'headers');
  if (options.clientId !== undefined) {
    if (typeof options.clientId !== 'string' || !HEADER_VALUE.test(options.clientId)) {
      throw new InputError('clientId must be a string', { field: 'clientId' });
    }
    if (runtime.userAgent && !('user-agent' in clientHeaders)) {
      clientHeaders['user-agent'] = `JS SDK Application ${options.clientId}`;
    }
  }
  const jsonHeaders: Record<string, string> = { 'content-type': JSON_CONTENT_TYPE, ...clientHeaders };
  const noAuthActions = NO_AUTH_ACTIONS[api];
  const reported = new Set<string>();

  function prepare(action: string, payload: object | undefined, callOptions: WebCallOptions): Prepared {
    const path = actionPath(api, action);
    if (payload !== undefined && !isPlainPayload(payload)) {
      throw new InputError('payload must be a plain object', { field: 'payload', action });
    }
    if (typeof callOptions !== 'object' || callOptions === null) {
      throw new InputError('options must be an object', { field: 'options', action });
    }
    const { signal } = callOptions;
    if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.addEventListener !== 'function')) {
      throw new InputError('signal must be an AbortSignal', { field: 'signal', action });
    }
    const callTimeout = checkTimeout(callOptions.timeout, 'timeout') ?? timeout;
    const callHeaders = callOptions.headers === undefined ? undefined : normalizeHeaders(callOptions.headers, 'headers');
    const auth = callOptions.auth ?? !noAuthActions.has(action);
    const isGet = api === 'customer' && CUSTOMER_GET_ACTIONS.has(action);

    let organizationId: string | undefined;
    let params = payload;
    if (api === 'customer' && payload !== undefined && 'organization_id' in payload) {
      const fromPayload = payload.organization_id;
      if (!auth && typeof fromPayload === 'string' && fromPayload) organizationId = fromPayload;
      if (isGet) {
        // organization_id goes into the query once, from the payload (no-auth calls) or the token.
        const { organization_id: _dropped, ...rest } = payload;
        params = rest;
      }
    }
    const needsToken = auth || (api === 'customer' && organizationId === undefined);
    if (needsToken && tokenGetter === undefined) {
      throw new TokenError(
        api === 'customer' && !auth
          ? `${action} without a token getter needs payload.organization_id`
          : `${action} needs a token: pass tokenGetter to createWebClient`,
        { field: api === 'customer' && !auth ? 'organizationID' : 'getter', action },
      );
    }

    let body: string | FormData | undefined;
    let headers: Record<string, string>;
    let query = '';
    if (isGet) {
      query = params === undefined ? '' : encodeQuery(params);
      headers = callHeaders === undefined ? clientHeaders : { ...clientHeaders, ...callHeaders };
    } else if (callOptions.body !== undefined) {
      if (typeof FormData === 'undefined' || !(callOptions.body instanceof FormData)) {
        throw new InputError('body must be a FormData', { field: 'body', action });
      }
      if (payload !== undefined && Object.keys(payload).length > 0) {
        throw new InputError('Pass either a payload or a FormData body, not both', { field: 'body', action });
      }
      body = callOptions.body;
      // No content type: fetch sets multipart/form-data with its boundary.
      headers = callHeaders === undefined ? clientHeaders : { ...clientHeaders, ...callHeaders };
    } else {
      try {
        body = payload === undefined ? '{}' : JSON.stringify(payload);
      } catch (cause) {
        throw new InputError('payload cannot be serialised to JSON', { field: 'payload', action, cause });
      }
      headers = callHeaders === undefined ? jsonHeaders : { ...jsonHeaders, ...callHeaders };
    }
    return {
      action,
      method: isGet ? 'GET' : 'POST',
      url: prefix + path,
      query,
      body,
      headers,
      auth,
      organizationId,
      needsToken,
      readOnly: callOptions.idempotent ?? isReadOnlyAction(api, action),
      timeout: callTimeout,
      signal,
    };
  }

  function report(headers: Headers, action: string): void {
    if (onDeprecation === undefined) return;
    for (const header of DEPRECATION_HEADERS) {
      const value = headers.get(header);
      if (value === null) continue;
      const key = `${header} ${action}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const notice: DeprecationNotice = { header, value, action, apiVersion };
      try {
        onDeprecation(notice);
      } catch {
        // A throwing hook must not fail the call it observes.
      }
    }
  }

  function interpret(response: Response, text: string, action: string): unknown {
    report(response.headers, action);
    const status = response.status;
    if (status >= 200 && status < 300) {
      if (status === 204 || text.trim() === '') return {};
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new ResponseParseError({ status, body: text }, { action, cause });
      }
    }
    const headers = headersRecord(response.headers);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isApiErrorBody(parsed)) {
      const { type, message, data } = parsed.error;
      throw ApiError.from({ type, message: typeof message === 'string' ? message : '', data }, { status, headers, action });
    }
    throw new HttpError({ status, statusText: response.statusText, body: text, headers }, { action });
  }

  async function exchange(prep: Prepared, signal: AbortSignal): Promise<unknown> {
    const { action } = prep;
    let token: ResolvedToken | undefined;
    if (prep.needsToken) {
      token = await resolveToken(tokenGetter!, { requireOrganization: api === 'customer' && prep.organizationId === undefined });
      // The attempt timed out or was aborted while the getter ran: send nothing (the caller already has its error).
      if (signal.aborted) throw signal.reason;
    }
    let url = prep.url;
    if (api === 'customer') {
      const org = prep.organizationId ?? token!.organizationID;
      url += `?organization_id=${encodeURIComponent(org)}${prep.query === '' ? '' : `&${prep.query}`}`;
    } else if (prep.query !== '') {
      url += `?${prep.query}`;
    }
    let headers = prep.headers;
    if (prep.auth) {
      const auth = authHeaders(token!);
      if (!HEADER_VALUE.test(auth.authorization!) || auth.authorization!.trim() !== auth.authorization) {
        throw new TokenError('Token field "accessToken" has characters a header cannot carry', { field: 'accessToken', action });
      }
      headers = { ...headers, ...auth };
    }
    // Redirects are not followed: the APIs never redirect, and a followed 301/302 would turn a POST into a GET.
    const init: RequestInit = { method: prep.method, headers, signal, redirect: 'manual' };
    if (prep.body !== undefined) init.body = prep.body;
    let fetchCalled = false;
    let response: Response;
    try {
      // ky builds the Request (URL + method) and calls our fetch; headers, body and signal travel in
      // `init`, which every fetch honours, so ky never wraps the body in a stream it must clone.
      response = await ky(url, {
        method: prep.method,
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        fetch: (request: Request | URL | string) => {
          fetchCalled = true;
          return (fetchImpl as (input: Request | URL | string, init: RequestInit) => Promise<Response>)(request, init);
        },
      });
    } catch (error) {
      if (error instanceof LcError) throw error;
      if (fetchCalled) {
        // The fetch rejected (network failure), or returned something that is not a response.
        throw new ConnectionError(`Request failed: ${describe(error)}`, { action, cause: error });
      }
      // Building the request failed. The message of such an error may quote a header value, so it is not kept.
      throw new InputError('The request could not be built', { action });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new ConnectionError(`Reading the response failed: ${describe(cause)}`, { action, cause });
    }
    return interpret(response, text, action);
  }

  /** One attempt, bounded by its timeout and the caller's signal, whatever the fetch and token getter do. */
  function attempt(prep: Prepared): Promise<unknown> {
    const { action, signal } = prep;
    return new Promise((resolve, reject) => {
      const controller = new AbortController();
      let settled = false;
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = (): void => {
        if (!finish()) return;
        controller.abort(signal?.reason);
        reject(new AbortError({ action, cause: signal?.reason }));
      };
      const timer = setTimeout(() => {
        if (!finish()) return;
        const error = new TimeoutError(prep.timeout, { action });
        controller.abort(error);
        reject(error);
      }, prep.timeout);
      signal?.addEventListener('abort', onAbort, { once: true });
      exchange(prep, controller.signal).then(
        (value) => {
          if (finish()) resolve(value);
        },
        (error: unknown) => {
          if (finish()) reject(error);
        },
      );
    });
  }

  async function call<R = unknown>(action: string, payload?: object, callOptions: WebCallOptions = {}): Promise<R> {
    const prep = prepare(action, payload, callOptions);
    const { signal } = prep;
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) throw new AbortError({ action, cause: signal.reason });
      try {
        return (await attempt(prep)) as R;
      } catch (error) {
        const delay = retryDelay(policy, error, { readOnly: prep.readOnly, retries, now: Date.now(), random: Math.random() });
        if (delay === undefined) throw error;
        await sleep(delay, signal, action);
      }
    }
  }

  return { api, apiVersion, call };
}

/** A short, secret-free description of a fetch failure: its message and the network error code. */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  const code = typeof inner === 'object' && inner !== null ? (inner as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
}
