import { authHeaders, resolveToken, type ResolvedToken, type Token } from '../auth/index.js';
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
import { isReadOnlyAction, retryDelay, retryPolicyFrom } from './retry.js';
import type { FetchLike, WebCallOptions, WebClient, WebClientOptions } from './types.js';
import { encodeQuery, normalizeApiUrl } from './url.js';

/** A response as the client reads it: the whole body as text, headers looked up by name. */
export interface RawResponse {
  readonly status: number;
  readonly statusText: string;
  readonly text: string;
  readonly headers: { get(name: string): string | null; forEach(fn: (value: string, name: string) => void): void };
}

/** One request in flight: the transport sets `abort` so that the client can cancel it (timeout, abort). */
export interface Control {
  /** The action, for errors the transport makes. */
  readonly action: string;
  abort?: ((reason: unknown) => void) | undefined;
}

/**
 * Sends one request to `<base><path>` and resolves with the whole response. Rejects with an
 * `LcError` when the request cannot be built, with anything else for a network failure.
 */
export type Send = (
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body: string | FormData | undefined,
  control: Control,
) => Promise<RawResponse>;

/** What differs between the browser/default entry and the Node entry. */
export interface WebRuntime {
  /** The transport of one client: `base` is the normalised `apiUrl`, `fetch` the user's fetch, if any. */
  send(base: string, fetch: FetchLike | undefined): Send;
  /** Whether `clientId` may be sent as `User-Agent` (not from browsers: it is a forbidden header there). */
  userAgent?: boolean;
}

/** One call, checked and partly built before the first attempt. */
interface Prepared {
  readonly action: string;
  readonly method: 'GET' | 'POST';
  /** `/v<version>/<api>/action/<action>` (Reports: `/v<version>/reports/<resource>/<name>`). */
  readonly path: string;
  /** Encoded query params other than `organization_id` (GET actions). */
  readonly query: string;
  readonly body: string | FormData | undefined;
  /** Client + call headers (+ content type), lower-cased names, without auth. */
  readonly headers: Record<string, string>;
  readonly auth: boolean;
  /** Customer API: `organization_id` from the payload (no-auth calls). */
  readonly org: string | undefined;
  readonly needsToken: boolean;
  readonly readOnly: boolean;
  readonly timeout: number;
  readonly signal: AbortSignal | undefined;
}

/** A token that passed `resolveToken`, kept to skip re-validating an unchanged one. */
interface CheckedToken {
  readonly source: Token;
  readonly token: ResolvedToken;
  readonly auth: Record<string, string>;
  /** The client's JSON headers with `auth`, reused by every plain call. */
  readonly json: Record<string, string>;
}

const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const MAX_TIMEOUT = 2_147_483_647;

function checkTimeout(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_TIMEOUT)) {
    throw new InputError(`timeout must be a number of milliseconds between 1 and ${MAX_TIMEOUT}`, { field: 'timeout' });
  }
  return value;
}

/** Lower-cases header names and checks names and values; values never appear in the error. */
function checkHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  if (typeof headers !== 'object' || !headers || Array.isArray(headers)) {
    throw new InputError('headers must be an object of header names to strings', { field: 'headers' });
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) throw new InputError('headers has an invalid header name', { field: 'headers' });
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new InputError(`headers["${name}"] must be a string without line breaks or non-Latin-1 characters`, { field: `headers.${name}` });
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}

/** A short, secret-free description of a network failure: its message and the network error code. */
function describe(cause: unknown): string {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return (cause instanceof Error ? cause.message : String(cause)) + (typeof code === 'string' ? ` (${code})` : '');
}

/**
 * Builds a Web client for one runtime. `createWebClient` (browser/default entry) and the Node
 * entry's `createWebClient` are both this with a different {@link WebRuntime}.
 */
export function createWebClientFor(runtime: WebRuntime, options: WebClientOptions): WebClient {
  if (typeof options !== 'object' || !options) throw new InputError('createWebClient needs an options object', { field: 'options' });
  const { api, tokenGetter, onDeprecation, clientId } = options;
  if (!/^(agent|customer|configuration|reports)$/.test(api)) {
    throw new InputError('api must be "agent", "customer", "configuration" or "reports"', { field: 'api' });
  }
  if (tokenGetter !== undefined && typeof tokenGetter !== 'function') {
    throw new TokenError('tokenGetter must be a function returning a token', { field: 'getter' });
  }
  for (const field of ['onDeprecation', 'fetch'] as const) {
    if (options[field] !== undefined && typeof options[field] !== 'function') throw new InputError(`${field} must be a function`, { field });
  }
  const apiVersion = options.apiVersion ?? '3.6';
  if (!/^\d+\.\d+$/.test(apiVersion)) throw new InputError('apiVersion must look like "3.6"', { field: 'apiVersion' });
  const prefix = api === 'reports' ? `/v${apiVersion}/reports/` : `/v${apiVersion}/${api}/action/`;
  const customer = api === 'customer';
  const timeout = checkTimeout(options.timeout, 30_000);
  const policy = retryPolicyFrom(options.retry);
  const send = runtime.send(normalizeApiUrl(options.apiUrl), options.fetch);
  const clientHeaders = checkHeaders(options.headers);
  if (clientId !== undefined) {
    if (typeof clientId !== 'string' || !HEADER_VALUE.test(clientId)) throw new InputError('clientId must be a string', { field: 'clientId' });
    if (runtime.userAgent) clientHeaders['user-agent'] ??= `JS SDK Application ${clientId}`;
  }
  const jsonHeaders: Record<string, string> = { 'content-type': 'application/json', ...clientHeaders };
  const reported = new Set<string>();
  let checked: CheckedToken | undefined;

  function prepare(action: string, payload: object | undefined, callOptions: WebCallOptions): Prepared {
    if (typeof action !== 'string' || !(api === 'reports' ? /^[a-z][a-z\d_]*\/[a-z][a-z\d_]*$/ : /^[a-z][a-z\d_]*$/).test(action)) {
      throw new InputError(
        `${api === 'reports' ? 'Reports action must look like "chats/duration"' : 'Action must be a snake_case name such as "list_chats"'}, got ${JSON.stringify(String(action)).slice(0, 80)}`,
        { field: 'action' },
      );
    }
    const proto: unknown = typeof payload === 'object' && payload !== null ? Object.getPrototypeOf(payload) : 0;
    if (payload !== undefined && proto !== null && proto !== Object.prototype) {
      throw new InputError('payload must be a plain object', { field: 'payload', action });
    }
    if (typeof callOptions !== 'object' || !callOptions) throw new InputError('options must be an object', { field: 'options', action });
    const { signal, body: form } = callOptions;
    if (signal !== undefined && typeof (signal as AbortSignal | null)?.addEventListener !== 'function') {
      throw new InputError('signal must be an AbortSignal', { field: 'signal', action });
    }
    const callTimeout = checkTimeout(callOptions.timeout, timeout);
    const callHeaders = callOptions.headers === undefined ? undefined : checkHeaders(callOptions.headers);
    // The documented no-auth actions go without Authorization unless the call asks for it.
    const auth = callOptions.auth ?? !(customer ? /^list_(license|group)_properties$/ : /^list_webhook_names$/).test(action);
    const isGet = customer && /^(list_(license|group)_properties|get_(dynamic_)?configuration|get_localization)$/.test(action);
    let params = payload as Record<string, unknown> | undefined;
    let org: string | undefined;
    if (customer && params?.organization_id !== undefined) {
      const fromPayload = params.organization_id;
      if (!auth && typeof fromPayload === 'string' && fromPayload) org = fromPayload;
      // organization_id goes into the query once, from the payload (no-auth calls) or the token.
      if (isGet) {
        const { organization_id: _dropped, ...rest } = params;
        params = rest;
      }
    }
    const needsToken = auth || (customer && org === undefined);
    if (needsToken && !tokenGetter) {
      const noOrg = customer && !auth;
      throw new TokenError(noOrg ? `${action} without a token getter needs payload.organization_id` : `${action} needs a token: pass tokenGetter to createWebClient`, {
        field: noOrg ? 'organizationID' : 'getter',
        action,
      });
    }
    let body: string | FormData | undefined;
    let headers = isGet || form !== undefined ? clientHeaders : jsonHeaders;
    if (isGet) {
      // no body
    } else if (form !== undefined) {
      if (typeof FormData === 'undefined' || !(form instanceof FormData)) throw new InputError('body must be a FormData', { field: 'body', action });
      if (params && Object.keys(params).length) throw new InputError('Pass either a payload or a FormData body, not both', { field: 'body', action });
      // No content type: the transport sets multipart/form-data with its boundary.
      body = form;
    } else {
      try {
        body = params ? JSON.stringify(params) : '{}';
      } catch (cause) {
        throw new InputError('payload cannot be serialised to JSON', { field: 'payload', action, cause });
      }
    }
    if (callHeaders) headers = { ...headers, ...callHeaders };
    return {
      action,
      method: isGet ? 'GET' : 'POST',
      path: prefix + action,
      query: isGet && params ? encodeQuery(params) : '',
      body,
      headers,
      auth,
      org,
      needsToken,
      readOnly: callOptions.idempotent ?? isReadOnlyAction(api, action),
      timeout: callTimeout,
      signal,
    };
  }

  /**
   * Asks the getter for a token. An unchanged token (same four fields as the last one checked) is
   * not checked again, and then no promise is involved for a sync getter.
   */
  function getToken(requireOrganization: boolean, action: string): CheckedToken | Promise<CheckedToken> {
    let source: Token | Promise<Token>;
    try {
      source = tokenGetter!();
    } catch (error) {
      source = Promise.reject(error);
    }
    // Only a token returned synchronously is remembered and compared.
    const sync = typeof (source as Partial<Promise<Token>> | null)?.then !== 'function';
    const last = checked;
    if (
      sync &&
      last &&
      (source as Token)?.accessToken === last.source.accessToken &&
      (source as Token).tokenType === last.source.tokenType &&
      (source as Token).organizationID === last.source.organizationID &&
      (source as Token).region === last.source.region &&
      (last.token.organizationID || !requireOrganization)
    ) {
      return last;
    }
    return resolveToken(() => source, { requireOrganization }).then((token) => {
      const auth = authHeaders(token);
      const value = auth.authorization!;
      if (!HEADER_VALUE.test(value) || value.trim() !== value) {
        throw new TokenError('Token field "accessToken" has characters a header cannot carry', { field: 'accessToken', action });
      }
      const { accessToken, tokenType, organizationID, region } = source as Token;
      const entry = { source: { accessToken, tokenType, organizationID, region }, token, auth, json: { ...jsonHeaders, ...auth } };
      if (sync) checked = entry;
      return entry;
    });
  }

  function interpret(response: RawResponse, action: string): unknown {
    const { status, text, headers } = response;
    if (onDeprecation) {
      for (const header of ['legacy', 'deprecation'] as const) {
        const value = headers.get(header);
        const key = `${header} ${action}`;
        if (value === null || reported.has(key)) continue;
        reported.add(key);
        try {
          onDeprecation({ header, value, action, apiVersion });
        } catch {
          // A throwing hook must not fail the call it observes.
        }
      }
    }
    if (status > 199 && status < 300) {
      if (status === 204 || !text.trim()) return {};
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new ResponseParseError({ status, body: text }, { action, cause });
      }
    }
    const record: ResponseHeaders = {};
    headers.forEach((value, name) => (record[name.toLowerCase()] = value));
    let error: { type?: unknown; message?: unknown; data?: unknown } | undefined;
    try {
      error = (JSON.parse(text) as { error?: typeof error })?.error;
    } catch {
      // not JSON: an HttpError
    }
    if (typeof error?.type === 'string') {
      const { type, message, data } = error;
      throw ApiError.from({ type, message: typeof message === 'string' ? message : '', data }, { status, headers: record, action });
    }
    throw new HttpError({ status, statusText: response.statusText, body: text, headers: record }, { action });
  }

  /** One attempt, bounded by its timeout and the caller's signal, whatever the transport and token getter do. */
  function attempt(prep: Prepared): Promise<unknown> {
    const { action, signal } = prep;
    return new Promise((resolve, reject) => {
      const control: Control = { action };
      let done = false;
      const settle = (failed: boolean, value: unknown): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        (failed ? reject : resolve)(value);
      };
      const fail = (error: unknown): void =>
        settle(
          true,
          error instanceof LcError
            ? error
            : new ConnectionError(`Request failed: ${describe(error)}`, { action, cause: error }),
        );
      // Settles first (the caller gets its error), then cancels whatever the transport still does.
      const stop = (error: LcError, reason: unknown): void => {
        settle(true, error);
        control.abort?.(reason);
      };
      const onAbort = (): void => stop(new AbortError({ action, cause: signal!.reason }), signal!.reason);
      const timer = setTimeout(() => {
        const error = new TimeoutError(prep.timeout, { action });
        stop(error, error);
      }, prep.timeout);
      signal?.addEventListener('abort', onAbort);
      const go = (token?: CheckedToken): void => {
        // The attempt timed out or was aborted while the getter ran: send nothing (the caller has its error).
        if (done) return;
        let path = prep.path;
        const query = customer ? `organization_id=${encodeURIComponent(prep.org ?? token!.token.organizationID)}${prep.query && '&'}${prep.query}` : prep.query;
        if (query) path += `?${query}`;
        const headers = !prep.auth ? prep.headers : prep.headers === jsonHeaders ? token!.json : { ...prep.headers, ...token!.auth };
        send(prep.method, path, headers, prep.body, control).then((response) => {
          try {
            settle(false, interpret(response, action));
          } catch (error) {
            fail(error);
          }
        }, fail);
      };
      if (!prep.needsToken) return go();
      const token = getToken(customer && prep.org === undefined, action);
      if (token instanceof Promise) token.then(go, fail);
      else go(token);
    });
  }

  /** Resolves after `ms`, or rejects with `AbortError` as soon as `signal` aborts. */
  const sleep = (ms: number, signal: AbortSignal | undefined, action: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(new AbortError({ action, cause: signal!.reason }));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  function call<R = unknown>(action: string, payload?: object, callOptions: WebCallOptions = {}): Promise<R> {
    let prep: Prepared;
    try {
      prep = prepare(action, payload, callOptions);
    } catch (error) {
      return Promise.reject(error);
    }
    const { signal } = prep;
    const run = (retries: number): Promise<unknown> =>
      signal?.aborted
        ? Promise.reject(new AbortError({ action, cause: signal.reason }))
        : attempt(prep).catch((error: unknown) => {
            const delay = retryDelay(policy, error, { readOnly: prep.readOnly, retries, now: Date.now(), random: Math.random() });
            if (delay === undefined) throw error;
            return sleep(delay, signal, action).then(() => run(retries + 1));
          });
    return run(0) as Promise<R>;
  }

  return { api, apiVersion, call };
}
