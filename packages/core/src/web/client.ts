import { authHeaders, resolveToken, type Token } from '../auth/index.js';
import {
  AbortError,
  ApiError,
  ConnectionError,
  HttpError,
  LcError,
  ResponseParseError,
  TimeoutError,
  TokenError,
  type ResponseHeaders,
} from '../errors/index.js';
import { invalid } from './check.js';
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
  /** Called by a transport that can tell how much of the request body is sent (uploads). */
  readonly onProgress?: ((sent: number, total: number) => void) | undefined;
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

const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const TOKEN_FIELDS = ['accessToken', 'tokenType', 'organizationID', 'region'] as const;
const APIS = ['agent', 'customer', 'configuration', 'reports'];

const checkTimeout = (value: unknown, fallback: number): number =>
  value === undefined
    ? fallback
    : typeof value === 'number' && value > 0 && value < 2 ** 31
      ? value
      : invalid('timeout', '1 to 2147483647 ms');

/** Lower-cases header names and checks names and values; a value never appears in the error. */
function checkHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || !headers || Array.isArray(headers)) invalid('headers');
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) invalid('headers', 'a name');
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) invalid(`headers.${name}`, 'not Latin-1 text');
    out[name.toLowerCase()] = value;
  }
  return out;
}

/**
 * Builds a Web client for one runtime. `createWebClient` (browser/default entry) and the Node
 * entry's `createWebClient` are both this with a different {@link WebRuntime}.
 */
export function createWebClientFor(runtime: WebRuntime, options: WebClientOptions): WebClient {
  if (typeof options !== 'object' || !options) invalid('options');
  const { api, tokenGetter, onDeprecation, clientId, apiVersion = '3.6' } = options;
  if (!APIS.includes(api)) invalid('api', APIS.join());
  if (tokenGetter !== undefined && typeof tokenGetter !== 'function')
    throw new TokenError('Invalid tokenGetter (not a function)', { field: 'getter' });
  for (const field of ['onDeprecation', 'fetch'] as const) {
    if (options[field] !== undefined && typeof options[field] !== 'function') invalid(field, 'not a function');
  }
  if (typeof apiVersion !== 'string' || !/^\d+\.\d+$/.test(apiVersion)) invalid('apiVersion', 'like 3.6');
  const customer = api === 'customer';
  const reports = api === 'reports';
  const prefixOf = (version: string): string => (reports ? `/v${version}/reports/` : `/v${version}/${api}/action/`);
  const prefix = prefixOf(apiVersion);
  // The actions documented as needing no Authorization.
  const noAuth = customer
    ? /^list_(license|group)_properties$/
    : api === 'configuration'
      ? /^list_webhook_names$/
      : undefined;
  const timeout = checkTimeout(options.timeout, 30_000);
  const policy = retryPolicyFrom(options.retry);
  const base = normalizeApiUrl(options.apiUrl);
  const send = runtime.send(base, options.fetch);
  const clientHeaders = options.headers === undefined ? {} : checkHeaders(options.headers);
  if (clientId !== undefined) {
    if (typeof clientId !== 'string' || !HEADER_VALUE.test(clientId)) invalid('clientId');
    if (runtime.userAgent) clientHeaders['user-agent'] ??= `JS SDK Application ${clientId}`;
  }
  const jsonHeaders: Record<string, string> = { 'content-type': 'application/json', ...clientHeaders };
  const reported = new Set<string>();
  // The last token a sync getter returned that passed the checks: an equal one is not checked again.
  let lastToken: Token | undefined;
  let lastAuth: Record<string, string>;
  let lastJson: Record<string, string>;
  let lastOrg: string;

  function call<R = unknown>(action: string, payload?: object, callOptions: WebCallOptions = {}): Promise<R> {
    // Everything thrown in here rejects the returned promise: bad input never throws synchronously.
    return new Promise((resolve, reject) => {
      if (
        typeof action !== 'string' ||
        !(reports ? /^[a-z][a-z\d_]*\/[a-z][a-z\d_]*$/ : /^[a-z][a-z\d_]*$/).test(action)
      ) {
        invalid('action', JSON.stringify(String(action)).slice(0, 80));
      }
      const proto: unknown = typeof payload === 'object' && payload ? Object.getPrototypeOf(payload) : 0;
      if (payload !== undefined && proto !== null && proto !== Object.prototype)
        invalid('payload', 'not a plain object', action);
      if (typeof callOptions !== 'object' || !callOptions) invalid('options', '', action);
      const { signal, body: form, transport } = callOptions;
      if (signal !== undefined && typeof (signal as AbortSignal | null)?.addEventListener !== 'function')
        invalid('signal', '', action);
      for (const [field, value] of [
        ['onProgress', callOptions.onProgress],
        ['transport', transport],
      ] as const)
        if (value !== undefined && typeof value !== 'function') invalid(field, 'not a function', action);
      // A call may bring its own transport (an upload that reports progress); made once per call.
      const sender = transport ? transport(base) : send;
      const onProgress = callOptions.onProgress;
      const time = checkTimeout(callOptions.timeout, timeout);
      const version = callOptions.apiVersion;
      if (version !== undefined && (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)))
        invalid('apiVersion', 'like 3.7', action);
      const path = (version === undefined || version === apiVersion ? prefix : prefixOf(version)) + action;
      const auth = callOptions.auth ?? !noAuth?.test(action);
      const isGet =
        customer && /^(list_(license|group)_properties|get_(dynamic_)?configuration|get_localization)$/.test(action);
      let params = payload as Record<string, unknown> | undefined;
      let org: string | undefined;
      if (customer && params?.organization_id !== undefined) {
        const { organization_id: fromPayload, ...rest } = params;
        if (!auth && typeof fromPayload === 'string' && fromPayload) org = fromPayload;
        // organization_id goes into the query once, from the payload (no-auth calls) or the token.
        if (isGet) params = rest;
      }
      const requireOrganization = customer && org === undefined;
      if ((auth || requireOrganization) && !tokenGetter) {
        throw new TokenError(`${action} needs a tokenGetter${auth ? '' : ' or payload.organization_id'}`, {
          field: auth ? 'getter' : 'organizationID',
          action,
        });
      }
      let body: string | FormData | undefined;
      if (isGet) {
        // params go into the query
      } else if (form !== undefined) {
        if (typeof FormData === 'undefined' || !(form instanceof FormData) || (params && Object.keys(params).length)) {
          invalid('body', 'a FormData, without a payload', action);
        }
        // No content type: the transport sets multipart/form-data with its boundary.
        body = form;
      } else {
        try {
          body = params ? JSON.stringify(params) : '{}';
        } catch (cause) {
          invalid('payload', 'not JSON', action, cause);
        }
      }
      let headers = typeof body === 'string' ? jsonHeaders : clientHeaders;
      if (callOptions.headers !== undefined) headers = { ...headers, ...checkHeaders(callOptions.headers) };
      const query = isGet && params ? encodeQuery(params) : '';
      const readOnly = callOptions.idempotent ?? isReadOnlyAction(api, action);
      if (signal?.aborted) throw new AbortError({ action, cause: signal.reason });
      let retries = 0;
      /** The current attempt's timeout, or the backoff before the next attempt. */
      let timer: ReturnType<typeof setTimeout>;
      /** The current attempt; `done` once it has an outcome. */
      let control: Control & { done?: boolean };
      const end = (error: unknown, value?: unknown): void => {
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(value as R);
      };
      // Ends the call first (the caller gets its error), then cancels whatever the transport still does.
      const onAbort = (): void => {
        control.done = true;
        clearTimeout(timer);
        end(new AbortError({ action, cause: signal!.reason }));
        control.abort?.(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort);

      /** One attempt, bounded by its timeout (and the caller's signal), whatever the transport and token getter do. */
      const attempt = (): void => {
        const current: typeof control = (control = { action, onProgress });
        const settle = (error: unknown, value?: unknown): void => {
          if (current.done) return;
          current.done = true;
          clearTimeout(timer);
          const delay = error
            ? retryDelay(policy, error, { readOnly, retries: retries++, now: Date.now(), random: Math.random() })
            : undefined;
          if (delay === undefined) end(error, value);
          else timer = setTimeout(attempt, delay);
        };
        const fail = (error: unknown): void => {
          // A network failure: its message and error code (never a header), e.g. "fetch failed (ECONNREFUSED)".
          const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
          settle(
            error instanceof LcError
              ? error
              : new ConnectionError(
                  `Request failed: ${(error as Error)?.message ?? error}${typeof code === 'string' ? ` (${code})` : ''}`,
                  { action, cause: error },
                ),
          );
        };
        timer = setTimeout(() => {
          const error = new TimeoutError(time, { action });
          settle(error);
          current.abort?.(error);
        }, time);

        const go = (authorization?: Record<string, string>, json?: Record<string, string>, tokenOrg?: string): void => {
          // The attempt timed out or was aborted while the getter ran: send nothing (the caller has its error).
          if (current.done) return;
          const fullQuery = customer
            ? `organization_id=${encodeURIComponent(org ?? tokenOrg!)}${query && '&'}${query}`
            : query;
          sender(
            isGet ? 'GET' : 'POST',
            path + (fullQuery && `?${fullQuery}`),
            !auth ? headers : headers === jsonHeaders ? json! : { ...headers, ...authorization },
            body,
            current,
          ).then((response) => {
            try {
              // Inside the try: reading `text` can throw (a body too long for a string).
              const { status, statusText, text, headers } = response;
              if (onDeprecation) {
                for (const header of ['legacy', 'deprecation'] as const) {
                  const value = headers.get(header);
                  const key = `${header} ${action}`;
                  if (value !== null && !reported.has(key)) {
                    reported.add(key);
                    try {
                      onDeprecation({ header, value, action, apiVersion: version ?? apiVersion });
                    } catch {
                      // A throwing hook must not fail the call it observes.
                    }
                  }
                }
              }
              if (status > 199 && status < 300) {
                try {
                  return settle(undefined, status === 204 || !text.trim() ? {} : JSON.parse(text));
                } catch (cause) {
                  throw new ResponseParseError({ status, body: text }, { action, cause });
                }
              }
              const record: ResponseHeaders = {};
              headers.forEach((value, name) => {
                record[name.toLowerCase()] = value;
              });
              let error: { type?: unknown; message?: unknown; data?: unknown } | undefined;
              try {
                error = (JSON.parse(text) as { error?: typeof error })?.error;
              } catch {
                // not JSON: an HttpError
              }
              const { type, message, data } = error ?? {};
              throw typeof type === 'string'
                ? ApiError.from(
                    { type, message: typeof message === 'string' ? message : '', data },
                    { status, headers: record, action },
                  )
                : new HttpError({ status, statusText, body: text, headers: record }, { action });
            } catch (error) {
              fail(error);
            }
          }, fail);
        };

        try {
          if (!auth && !requireOrganization) return go();
          let source: Token | Promise<Token>;
          try {
            source = tokenGetter!();
          } catch (error) {
            source = Promise.reject(error);
          }
          const sync = typeof (source as Partial<Promise<Token>> | null)?.then !== 'function';
          if (
            sync &&
            lastToken &&
            TOKEN_FIELDS.every((k) => (source as Token | null)?.[k] === lastToken![k]) &&
            (lastOrg || !requireOrganization)
          ) {
            return go(lastAuth, lastJson, lastOrg);
          }
          resolveToken(() => source, { requireOrganization })
            .then((token) => {
              const authorization = authHeaders(token);
              const value = authorization.authorization!;
              if (!HEADER_VALUE.test(value) || value.trim() !== value) {
                throw new TokenError('Invalid accessToken (characters a header cannot carry)', {
                  field: 'accessToken',
                  action,
                });
              }
              const json = { ...jsonHeaders, ...authorization };
              if (sync)
                [lastToken, lastAuth, lastJson, lastOrg] = [
                  { ...(source as Token) },
                  authorization,
                  json,
                  token.organizationID,
                ];
              go(authorization, json, token.organizationID);
            })
            .catch(fail);
        } catch (error) {
          fail(error);
        }
      };
      attempt();
    });
  }

  return { api, apiVersion, call };
}
