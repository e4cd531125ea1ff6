import {
  ConnectionError,
  HttpError,
  InputError,
  LcError,
  ResponseParseError,
  TimeoutError,
  withDeadline,
  type FetchLike,
  type LcErrorOptions,
  type Token,
} from '@lc/core';

/** Where customer tokens come from unless `accountsUrl` says otherwise. */
export const DEFAULT_ACCOUNTS_URL = 'https://accounts.livechat.com';

/** Options shared by {@link customerTokenFromCookie} and {@link customerTokenFromAgent}. */
export interface CustomerTokenOptions {
  /** Client ID of your application (Developer Console). */
  clientId: string;
  /** Base URL of the accounts service: `https://accounts.livechat.com` by default; tests pass a local server. */
  accountsUrl?: string | undefined;
  /** Custom fetch implementation (default: the global `fetch`). */
  fetch?: FetchLike | undefined;
  /**
   * Milliseconds before a token request rejects with `TimeoutError` (default 15000, from 1 to 2^31-1).
   * It covers the whole attempt, including the `agentToken` getter.
   */
  timeout?: number | undefined;
  /**
   * Milliseconds before `expires_in` runs out at which the token is replaced (default 300000 = 5 min;
   * at most half the token's lifetime; a finite number >= 0).
   */
  refreshMargin?: number | undefined;
  /**
   * While the current token is still valid but due for refresh, how long in ms a caller waits for the
   * new one before it gets the current token (the refresh then completes in the background). Default
   * 2000 (a finite number >= 0). The wait never outlasts the current token: once it has expired, the
   * caller waits for the new one (up to `timeout`) and never gets an expired token.
   */
  staleGrace?: number | undefined;
}

/** Options of {@link customerTokenFromCookie} (the `cookie` grant, for browsers). */
export interface CookieTokenOptions extends CustomerTokenOptions {
  /** Organization ID for which the token is issued. */
  organizationId: string;
  /** One of the redirect URIs configured for your app; the accounts service defaults to the `Origin` header. */
  redirectUri?: string | undefined;
  /**
   * A separate customer identity per group (`/v2/customer/<organization_id>/<group_id>/token`);
   * needs the `chat_between_groups` license property set to `false`.
   */
  groupId?: number | string | undefined;
}

/** What may stand for the agent token of {@link customerTokenFromAgent}. */
export type AgentTokenSource = string | (() => string | Token | Promise<string | Token>);

/** Options of {@link customerTokenFromAgent} (the `agent_token` grant, for backends). */
export interface AgentTokenGrantOptions extends CustomerTokenOptions {
  /**
   * An agent OAuth access token with the `customers:own` scope (a string, or a getter such as the one
   * you give `AgentWeb`). Personal Access Tokens cannot be used for this grant.
   */
  agentToken: AgentTokenSource;
  /** An existing customer to act as; without it the first request creates a new customer. */
  entityId?: string | undefined;
  /** Organization ID the token is expected for (used when the response omits it). */
  organizationId?: string | undefined;
}

/** A `TokenGetter` for customer tokens that caches, shares concurrent requests and refreshes early. */
export interface CustomerTokenGetter {
  /** Resolves with a valid customer token, requesting one from the accounts service when needed. */
  (): Promise<Token>;
  /** The customer (`entity_id`) of the latest token, once one was issued. */
  readonly entityId: string | undefined;
  /** Forgets the cached token: the next call requests a new one (e.g. after an `authentication` error). */
  invalidate(): void;
}

/**
 * The accounts service refused to issue a customer token (`{"error","error_description"}` or
 * `{"oauth_exception","exception_description"}` body). The token sent is never part of the error.
 */
export class AccountsError extends LcError {
  // A getter, as in core: a static field would keep the class on every page that does not use it.
  override get name(): string {
    return 'AccountsError';
  }
  /** HTTP status of the response. */
  readonly status: number;
  /** The service's error code, e.g. `invalid_grant`, `unauthorized`. */
  readonly error: string;
  /** The service's description, when it sent one. */
  readonly description: string | undefined;
  constructor(init: { status: number; error: string; description?: string | undefined }, options: LcErrorOptions = {}) {
    super(
      `Customer token request failed: ${init.error}${init.description ? ` (${init.description})` : ''} [HTTP ${init.status}]`,
      options,
    );
    this.status = init.status;
    this.error = init.error;
    this.description = init.description;
  }
}

interface TokenResponse {
  access_token: string;
  expires_in: number;
  entity_id?: string;
  organization_id?: string;
  token_type?: string;
}

type Grant = (entityId: string | undefined) => Promise<{ url: string; init: RequestInit }>;

const ACTION = 'customer_token';

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`"${field}" must be a non-empty string`, { field, action: ACTION });
  }
  return value;
}

/** A network error as a cause, without its message when that could quote a header (and so a token). */
function redactCause(cause: unknown): unknown {
  if (!(cause instanceof Error)) return undefined;
  const safe = new Error(
    /header|authorization|bearer/i.test(cause.message)
      ? 'request could not be built (header value rejected)'
      : cause.message,
  );
  safe.name = cause.name;
  return safe;
}

function baseUrl(options: CustomerTokenOptions): string {
  return (options.accountsUrl ?? DEFAULT_ACCOUNTS_URL).replace(/\/+$/, '');
}

/** Settings of one getter, checked when it is created. */
interface Settings {
  fetch: FetchLike | undefined;
  timeout: number;
  margin: number;
  staleGrace: number;
}

const MAX_TIMEOUT = 2_147_483_647;

function settingsFrom(options: CustomerTokenOptions): Settings {
  const timeout = options.timeout ?? 15000;
  if (typeof timeout !== 'number' || !(timeout >= 1) || timeout > MAX_TIMEOUT) {
    throw new InputError(`"timeout" must be a number of milliseconds from 1 to ${MAX_TIMEOUT}`, {
      field: 'timeout',
      action: ACTION,
    });
  }
  const margin = options.refreshMargin ?? 300_000;
  if (typeof margin !== 'number' || !Number.isFinite(margin) || margin < 0) {
    throw new InputError('"refreshMargin" must be a non-negative number of milliseconds', {
      field: 'refreshMargin',
      action: ACTION,
    });
  }
  const staleGrace = options.staleGrace ?? 2000;
  if (typeof staleGrace !== 'number' || !Number.isFinite(staleGrace) || staleGrace < 0) {
    throw new InputError('"staleGrace" must be a non-negative number of milliseconds', {
      field: 'staleGrace',
      action: ACTION,
    });
  }
  return { fetch: options.fetch, timeout, margin, staleGrace };
}

/** One token request, under the attempt's deadline (`signal`: see `refresh`). */
async function requestToken(
  settings: Settings,
  url: string,
  init: RequestInit,
  signal: AbortSignal,
): Promise<TokenResponse> {
  const fetchFn: FetchLike | undefined = settings.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof fetchFn !== 'function')
    throw new InputError('No fetch implementation: pass `fetch`', { field: 'fetch', action: ACTION });
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(new Request(url, { ...init, method: 'POST', signal }), { signal });
    text = await response.text();
  } catch (cause) {
    // (After the deadline nobody sees this: the attempt has already rejected with `TimeoutError`.)
    // The cause is dropped: a fetch error about the Authorization header would quote the agent token.
    throw new ConnectionError('Could not reach the accounts service', { action: ACTION, cause: redactCause(cause) });
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const obj = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (!response.ok) {
    const code = obj.error ?? obj.oauth_exception;
    const description = obj.error_description ?? obj.exception_description;
    if (typeof code === 'string') {
      throw new AccountsError(
        {
          status: response.status,
          error: code,
          description: typeof description === 'string' ? description : undefined,
        },
        { action: ACTION },
      );
    }
    throw new HttpError({ status: response.status, statusText: response.statusText, body: text }, { action: ACTION });
  }
  if (typeof obj.access_token !== 'string' || obj.access_token === '') {
    // The body of a success holds the token: never copy it into the error.
    throw new ResponseParseError({ status: response.status, body: '' }, { action: ACTION });
  }
  const expires = typeof obj.expires_in === 'number' && obj.expires_in > 0 ? obj.expires_in : 28800;
  return {
    access_token: obj.access_token,
    expires_in: expires,
    ...(typeof obj.entity_id === 'string' ? { entity_id: obj.entity_id } : {}),
    ...(typeof obj.organization_id === 'string' ? { organization_id: obj.organization_id } : {}),
  };
}

function cachingGetter(
  options: CustomerTokenOptions,
  grant: Grant,
  organizationId: string | undefined,
  entityId: string | undefined,
): CustomerTokenGetter {
  const settings = settingsFrom(options);
  const { margin, timeout } = settings;
  let current: { token: Token; refreshAt: number; expiresAt: number } | undefined;
  let inflight: Promise<Token> | undefined;
  let generation = 0;

  const refresh = (): Promise<Token> => {
    if (inflight) return inflight;
    const gen = generation;
    // One deadline for the whole attempt: the agent token getter (user code that may never settle)
    // and the request to the accounts service. The deadline wins a race rather than relying on fetch
    // to honour the abort (Node's fetch can lose the signal of a garbage-collected Request), so a
    // silent service can never hang the getter; after it, the attempt does nothing more.
    const p = withDeadline(
      async (signal) => {
        const { url, init } = await grant(entityId);
        if (signal.aborted) throw new TimeoutError(timeout, { action: ACTION });
        const started = Date.now();
        const r = await requestToken(settings, url, init, signal);
        if (signal.aborted) throw new TimeoutError(timeout, { action: ACTION });
        if (r.entity_id) entityId = r.entity_id;
        const lifetime = r.expires_in * 1000;
        const token: Token = {
          accessToken: r.access_token,
          organizationID: r.organization_id ?? organizationId ?? '',
          tokenType: 'Bearer',
        };
        if (gen === generation) {
          current = {
            token,
            expiresAt: started + lifetime,
            refreshAt: started + lifetime - Math.min(margin, lifetime / 2),
          };
        }
        return token;
      },
      timeout,
      ACTION,
    );
    inflight = p;
    // Clear the slot whichever way it settles; the caller handles the rejection.
    p.then(
      () => (inflight === p ? (inflight = undefined) : undefined),
      () => (inflight === p ? (inflight = undefined) : undefined),
    );
    return p;
  };

  const getter = (async (): Promise<Token> => {
    const cached = current;
    if (cached && Date.now() < cached.refreshAt) return cached.token;
    if (cached && Date.now() < cached.expiresAt) {
      // Refresh ahead of time, but never make a caller (e.g. an RTM reconnect) wait long for it while
      // the current token is still valid: after `staleGrace` ms the current token is returned and the
      // refresh completes in the background. The wait ends when the current token expires at the
      // latest; an expired token is never handed out, the caller then waits for the refresh instead
      // (which the timeout bounds).
      let timer: ReturnType<typeof setTimeout> | undefined;
      const fresh = refresh();
      fresh.catch(() => {});
      const wait = Math.min(settings.staleGrace, cached.expiresAt - Date.now(), MAX_TIMEOUT);
      const grace = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), wait)));
      try {
        const token = await Promise.race([fresh, grace]);
        if (token) return token;
        // Not if `invalidate()` was called meanwhile: that token was just declared bad.
        if (cached === current && Date.now() < cached.expiresAt) return cached.token;
        return await (cached === current ? fresh : refresh());
      } catch (error) {
        // A refresh ahead of time failed but the old token is still valid: keep using it.
        if (cached === current && Date.now() < cached.expiresAt) return cached.token;
        // Invalidated meanwhile: the next attempt is a fresh one.
        if (cached !== current) return await refresh();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    }
    try {
      return await refresh();
    } catch (error) {
      // A refresh ahead of time failed but the old token is still valid: keep using it.
      if (cached && cached === current && Date.now() < cached.expiresAt) return cached.token;
      throw error;
    }
  }) as CustomerTokenGetter;
  Object.defineProperty(getter, 'entityId', { get: () => entityId, enumerable: true });
  (getter as { invalidate: () => void }).invalidate = () => {
    generation++;
    current = undefined;
    inflight = undefined;
  };
  return getter;
}

/**
 * A token getter for the **cookie grant** (browser apps): `POST <accounts>/v2/customer/token` with
 * `credentials: 'include'`, so the `__lc_cid`/`__lc_cst` cookies identify the returning customer.
 * Tokens are cached, concurrent calls share one request, and a new token is requested
 * `refreshMargin` before `expires_in` runs out.
 *
 * ```ts
 * const rtm = new CustomerRTM(undefined, customerTokenFromCookie({ clientId, organizationId }));
 * ```
 * @see https://platform.text.com/docs/authorization/customer-authorization#cookie-grant
 */
export function customerTokenFromCookie(options: CookieTokenOptions): CustomerTokenGetter {
  const clientId = requireString(options?.clientId, 'clientId');
  const organizationId = requireString(options.organizationId, 'organizationId');
  if (options.redirectUri !== undefined) requireString(options.redirectUri, 'redirectUri');
  const group =
    options.groupId === undefined
      ? ''
      : `/${encodeURIComponent(organizationId)}/${encodeURIComponent(String(options.groupId))}`;
  const url = `${baseUrl(options)}/v2/customer${group}/token`;
  const body = JSON.stringify({
    grant_type: 'cookie',
    client_id: clientId,
    response_type: 'token',
    organization_id: organizationId,
    ...(options.redirectUri !== undefined ? { redirect_uri: options.redirectUri } : {}),
  });
  return cachingGetter(
    options,
    async () => ({ url, init: { body, credentials: 'include', headers: { 'content-type': 'application/json' } } }),
    organizationId,
    undefined,
  );
}

async function agentAuthorization(source: AgentTokenSource): Promise<string> {
  let value: string | Token;
  try {
    value = typeof source === 'function' ? await source() : source;
  } catch (cause) {
    throw new InputError('The agent token getter failed', { field: 'agentToken', action: ACTION, cause });
  }
  if (typeof value === 'object' && value !== null) {
    if (value.tokenType === 'Basic') {
      throw new InputError(
        'A Personal Access Token cannot be used for the agent_token grant; use an OAuth agent token',
        {
          field: 'agentToken',
          action: ACTION,
        },
      );
    }
    value = value.accessToken;
  }
  // Only characters a header value may hold: anything else would make fetch throw an error quoting the token.
  if (typeof value !== 'string' || value.trim() === '' || !/^[\t\x20-\x7e\x80-\xff]+$/.test(value)) {
    throw new InputError('"agentToken" must be a non-empty token string', { field: 'agentToken', action: ACTION });
  }
  if (/^basic /i.test(value)) {
    throw new InputError('A Personal Access Token cannot be used for the agent_token grant; use an OAuth agent token', {
      field: 'agentToken',
      action: ACTION,
    });
  }
  return /^bearer /i.test(value) ? value : `Bearer ${value}`;
}

/**
 * A token getter for the **agent token grant** (backends acting for customers): `POST
 * <accounts>/v2/customer/token` authorized with an agent token that has `customers:own`. Without
 * `entityId` the first request creates a customer; every later request (refresh) asks for that same
 * customer. Cached, single-flight, refreshed `refreshMargin` before expiry.
 *
 * ```ts
 * const tokens = customerTokenFromAgent({ clientId, agentToken: process.env.AGENT_TOKEN! });
 * const customer = new CustomerWeb(tokens);
 * ```
 * @see https://platform.text.com/docs/authorization/customer-authorization#agent-token-grant
 */
export function customerTokenFromAgent(options: AgentTokenGrantOptions): CustomerTokenGetter {
  const clientId = requireString(options?.clientId, 'clientId');
  const source = options.agentToken;
  if (typeof source !== 'function') requireString(source, 'agentToken');
  if (options.entityId !== undefined) requireString(options.entityId, 'entityId');
  if (options.organizationId !== undefined) requireString(options.organizationId, 'organizationId');
  const url = `${baseUrl(options)}/v2/customer/token`;
  return cachingGetter(
    options,
    async (entityId) => ({
      url,
      init: {
        headers: { 'content-type': 'application/json', authorization: await agentAuthorization(source) },
        body: JSON.stringify({
          grant_type: 'agent_token',
          client_id: clientId,
          response_type: 'token',
          ...(entityId !== undefined ? { entity_id: entityId } : {}),
          ...(options.organizationId !== undefined ? { organization_id: options.organizationId } : {}),
        }),
      },
    }),
    options.organizationId,
    options.entityId,
  );
}
