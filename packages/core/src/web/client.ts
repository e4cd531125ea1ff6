import { TokenError } from '../errors/index.js';
import type { WireTable } from '../wire/index.js';
import { type ClientContext, runCall } from './attempts.js';
import { invalid } from './check.js';
import { type ClientConfig, checkHeaders, checkTimeout, HEADER_VALUE, prepareCall } from './request.js';
import { retryPolicyFrom } from './retry.js';
import { createAuthorizer } from './token.js';
import type { WebRuntime } from './transport.js';
import type { WebCallOptions, WebClient, WebClientOptions } from './types.js';
import { normalizeApiUrl } from './url.js';

export type { Control, RawResponse, Send, WebRuntime } from './transport.js';

const APIS = ['agent', 'customer', 'configuration', 'reports'];

/** The facts of an API that passes no table: every action a bare name, POST, with a token, not re-sent. */
const noTable = (api: string): WireTable => ({ path: `/v{v}/${api}/action/`, versions: {} });

/** The version a client talks unless told: its wire table's, when the table holds one version. */
function versionOf(wire: WireTable): string {
  const versions = Object.keys(wire.versions);
  return versions.length === 1 ? versions[0]! : '3.6';
}

/** The client's options, checked once: every failure is an `InputError` (`TokenError` for the getter). */
function configure(options: WebClientOptions, userAgent: boolean | undefined): ClientConfig {
  if (typeof options !== 'object' || !options) invalid('options');
  const { api, tokenGetter, clientId, wire = noTable(api) } = options;
  if (!APIS.includes(api)) invalid('api', APIS.join());
  if (tokenGetter !== undefined && typeof tokenGetter !== 'function')
    throw new TokenError('Invalid tokenGetter (not a function)', { field: 'getter' });
  for (const field of ['onDeprecation', 'fetch'] as const) {
    if (options[field] !== undefined && typeof options[field] !== 'function') invalid(field, 'not a function');
  }
  if (typeof wire?.path !== 'string' || typeof wire.versions !== 'object' || !wire.versions) invalid('wire');
  const apiVersion = options.apiVersion === undefined ? versionOf(wire) : options.apiVersion;
  if (typeof apiVersion !== 'string' || !/^\d+\.\d+$/.test(apiVersion)) invalid('apiVersion', 'like 3.6');
  if (options.hooks !== undefined && (typeof options.hooks !== 'object' || !options.hooks)) invalid('hooks');
  const clientHeaders = options.headers === undefined ? {} : checkHeaders(options.headers);
  if (clientId !== undefined) {
    if (typeof clientId !== 'string' || !HEADER_VALUE.test(clientId)) invalid('clientId');
    if (userAgent) clientHeaders['user-agent'] ??= `JS SDK Application ${clientId}`;
  }
  return {
    apiVersion,
    wire,
    prefix: wire.path.replace('{v}', apiVersion),
    tokenGetter,
    timeout: checkTimeout(options.timeout, 30_000),
    clientHeaders,
    jsonHeaders: { 'content-type': 'application/json', ...clientHeaders },
    facts: {},
  };
}

/**
 * Builds a Web client for one runtime. `createWebClient` (browser/default entry) and the Node
 * entry's `createWebClient` are both this with a different {@link WebRuntime}. What it knows of each
 * action (GET or POST, token or not, safe to re-send) comes from `options.wire`, the API package's
 * generated table.
 */
export function createWebClientFor(runtime: WebRuntime, options: WebClientOptions): WebClient {
  const config = configure(options, runtime.userAgent);
  const { api, tokenGetter } = options;
  const base = normalizeApiUrl(options.apiUrl);
  const ctx: ClientContext = {
    api,
    config,
    send: runtime.send(base, options.fetch),
    base,
    policy: retryPolicyFrom(options.retry),
    authorize: tokenGetter && createAuthorizer(tokenGetter, config.jsonHeaders),
    hooks: options.hooks,
    onDeprecation: options.onDeprecation,
    reported: new Set(),
    region: undefined,
  };

  function call<R = unknown>(action: string, payload?: object, callOptions: WebCallOptions = {}): Promise<R> {
    // Everything thrown in here rejects the returned promise: bad input never throws synchronously.
    return new Promise((resolve, reject) => {
      runCall(ctx, prepareCall(config, action, payload, callOptions), resolve as (value: unknown) => void, reject);
    });
  }

  return { api, apiVersion: config.apiVersion, call };
}
