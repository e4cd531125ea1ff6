import { AbortError, LcError, TokenError } from '../errors/index.js';
import type { TokenGetter } from '../auth/index.js';
import { MAX_DELAY } from '../timers.js';
import { decodeWire, type WireFacts, type WireTable } from '../wire/index.js';
import { invalid } from './check.js';
import type { Send } from './transport.js';
import type { WebCallOptions } from './types.js';
import { encodeQuery } from './url.js';

/** Header values a request may carry: Latin-1 text without control characters (tab allowed). */
export const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const ACTION = /^[a-z][a-z\d_]*$/;
const RESOURCE_ACTION = /^[a-z][a-z\d_]*\/[a-z][a-z\d_]*$/;
const VERSION = /^\d+\.\d+$/;

/** What a client knows before any call: its options, checked once. */
export interface ClientConfig {
  readonly apiVersion: string;
  readonly wire: WireTable;
  /** The path of an action at `apiVersion`, before its name. */
  readonly prefix: string;
  readonly tokenGetter: TokenGetter | undefined;
  /** Per-attempt timeout (ms). */
  readonly timeout: number;
  /** The client's headers (lower-cased names) and the same with `content-type: application/json`. */
  readonly clientHeaders: Record<string, string>;
  readonly jsonHeaders: Record<string, string>;
  /** Each version's decoded table, decoded on first use. */
  readonly facts: Record<string, WireFacts>;
}

/** One call, ready for its attempts: everything but the token and the region. */
export interface PreparedCall {
  readonly action: string;
  /** The caller's payload, for hooks with `includePayloads`. */
  readonly payload: object | undefined;
  readonly method: 'GET' | 'POST';
  /** Path and query, without the `organization_id` a token may still add. */
  readonly path: string;
  readonly query: string;
  readonly headers: Record<string, string>;
  readonly body: string | FormData | undefined;
  /** Whether `Authorization` is sent. */
  readonly auth: boolean;
  /** The `organization_id` of the query, from the payload of a call without a token. */
  readonly org: string | undefined;
  /** Whether the token's organization goes into the query (none came from the payload). */
  readonly requireOrganization: boolean;
  /** Whether a failure that may have reached the server may be re-sent. */
  readonly readOnly: boolean;
  readonly version: string;
  readonly timeout: number;
  readonly signal: AbortSignal | undefined;
  /** The caller's upload progress listener and the transport this call brings (an upload), if any. */
  readonly onProgress: ((sent: number, total: number) => void) | undefined;
  readonly transport: ((base: string) => Send) | undefined;
}

export const checkTimeout = (value: unknown, fallback: number): number =>
  value === undefined
    ? fallback
    : typeof value === 'number' && value > 0 && value <= MAX_DELAY
      ? value
      : invalid('timeout', `1 to ${MAX_DELAY} ms`);

/** Lower-cases header names and checks names and values; a value never appears in the error. */
export function checkHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || !headers || Array.isArray(headers)) invalid('headers');
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) invalid('headers', 'a name');
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) invalid(`headers.${name}`, 'not Latin-1 text');
    out[name.toLowerCase()] = value;
  }
  return out;
}

/** The flags of `action` at `version`: that version's table, else the client version's ('' when unknown). */
function flagsOf(config: ClientConfig, version: string, action: string): string {
  const { versions } = config.wire;
  const table = Object.hasOwn(versions, version) ? version : config.apiVersion;
  if (!Object.hasOwn(versions, table)) return '';
  const facts = (config.facts[table] ??= decodeWire(versions[table]!));
  return facts.get(action)?.[0] ?? '';
}

/** Checks a call's arguments; every failure is an `InputError` (or `TokenError`) thrown before anything is sent. */
function checkCall(config: ClientConfig, action: unknown, payload: unknown, callOptions: unknown): void {
  if (typeof action !== 'string' || !(config.wire.resourcePaths ? RESOURCE_ACTION : ACTION).test(action))
    invalid('action', JSON.stringify(String(action)).slice(0, 80));
  const proto: unknown = typeof payload === 'object' && payload ? Object.getPrototypeOf(payload) : 0;
  if (payload !== undefined && proto !== null && proto !== Object.prototype)
    invalid('payload', 'not a plain object', action);
  if (typeof callOptions !== 'object' || !callOptions) invalid('options', '', action);
  const { signal, apiVersion, onProgress, transport } = callOptions as WebCallOptions;
  if (signal !== undefined && typeof (signal as AbortSignal | null)?.addEventListener !== 'function')
    invalid('signal', '', action);
  if (onProgress !== undefined && typeof onProgress !== 'function') invalid('onProgress', 'not a function', action);
  if (transport !== undefined && typeof transport !== 'function') invalid('transport', 'not a function', action);
  if (apiVersion !== undefined && (typeof apiVersion !== 'string' || !VERSION.test(apiVersion)))
    invalid('apiVersion', 'like 3.7', action);
}

/** The request body: none for GET, the caller's `FormData`, or the payload as JSON. */
function bodyOf(action: string, params: object | undefined, form: unknown): string | FormData | undefined {
  if (form !== undefined) {
    if (typeof FormData === 'undefined' || !(form instanceof FormData) || (params && Object.keys(params).length))
      invalid('body', 'a FormData, without a payload', action);
    // No content type: the transport sets multipart/form-data with its boundary.
    return form;
  }
  try {
    return params ? JSON.stringify(params) : '{}';
  } catch (cause) {
    return invalid('payload', 'not JSON', action, cause);
  }
}

/** The query string of a GET: a value a URL cannot carry is the caller's mistake, not a crash. */
function queryOf(action: string, params: object): string {
  try {
    return encodeQuery(params, action);
  } catch (cause) {
    // A lone surrogate (URIError), an invalid Date (RangeError), a cyclic object (RangeError: stack).
    if (cause instanceof LcError) throw cause;
    return invalid('payload', 'not encodable in a query string', action, cause);
  }
}

/**
 * Builds one call from its arguments (pure: reads `config`, sends nothing). Throws `InputError` for
 * bad input, `TokenError` when the call needs a token getter the client lacks, `AbortError` when
 * the signal has already aborted.
 */
export function prepareCall(
  config: ClientConfig,
  action: string,
  payload: object | undefined,
  callOptions: WebCallOptions,
): PreparedCall {
  checkCall(config, action, payload, callOptions);
  const { signal, body: form, apiVersion: version = config.apiVersion } = callOptions;
  const timeout = checkTimeout(callOptions.timeout, config.timeout);
  const flags = flagsOf(config, version, action);
  const auth = callOptions.auth ?? !flags.includes('n');
  const method = flags.includes('g') ? 'GET' : 'POST';
  let params = payload as Record<string, unknown> | undefined;
  let org: string | undefined;
  if (config.wire.orgQuery && params?.organization_id !== undefined) {
    const { organization_id: fromPayload, ...rest } = params;
    if (!auth && typeof fromPayload === 'string' && fromPayload) org = fromPayload;
    // organization_id goes into the query once, from the payload (no-auth calls) or the token.
    if (method === 'GET') params = rest;
  }
  const requireOrganization = !!config.wire.orgQuery && org === undefined;
  if ((auth || requireOrganization) && !config.tokenGetter) {
    throw new TokenError(`${action} needs a tokenGetter${auth ? '' : ' or payload.organization_id'}`, {
      field: auth ? 'getter' : 'organizationID',
      action,
    });
  }
  const body = method === 'GET' ? undefined : bodyOf(action, params, form);
  let headers = typeof body === 'string' ? config.jsonHeaders : config.clientHeaders;
  if (callOptions.headers !== undefined) headers = { ...headers, ...checkHeaders(callOptions.headers) };
  const query = method === 'GET' && params ? queryOf(action, params) : '';
  if (signal?.aborted) throw new AbortError({ action, cause: signal.reason });
  return {
    action,
    payload,
    method,
    path: (version === config.apiVersion ? config.prefix : config.wire.path.replace('{v}', version)) + action,
    query,
    headers,
    body,
    auth,
    org,
    requireOrganization,
    readOnly: callOptions.idempotent ?? flags.includes('s'),
    version,
    timeout,
    signal,
    onProgress: callOptions.onProgress,
    transport: callOptions.transport,
  };
}

/** The path and query of one attempt: the call's, with the `organization_id` the Customer API wants first. */
export function urlOf(call: PreparedCall, config: ClientConfig, tokenOrg: string | undefined): string {
  const query = config.wire.orgQuery
    ? `organization_id=${encodeURIComponent(call.org ?? tokenOrg!)}${call.query && '&'}${call.query}`
    : call.query;
  return call.path + (query && `?${query}`);
}
