import {
  type Accounts,
  AccountsError,
  type AccountsOptions,
  type AccountsRequest,
  accountsCall,
  accountsCallWithoutSecrets,
  accountsFrom,
  cachedToken,
  InputError,
  issuedBy,
  refreshTiming,
  type Token,
  withDeadline,
} from '@lc/core';

/** Options shared by {@link customerTokenFromCookie} and {@link customerTokenFromAgent}. */
export interface CustomerTokenOptions extends AccountsOptions {
  /** Client ID of your application (Developer Console). */
  clientId: string;
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
  /**
   * The customer this browser was before, e.g. `getter.entityId` kept in `localStorage`. When the
   * accounts service answers with another customer, it did not get the browser's `__lc_cid`/`__lc_cst`
   * cookies (third-party cookies blocked): see `identityChange`. The getter also compares each
   * refresh with the customer of the token before.
   */
  previousEntityId?: string | undefined;
  /**
   * What the getter does when the accounts service answers with another customer than before:
   * `'reject'` (default) rejects with {@link CookiesBlockedError}, and so does every later call,
   * without a request (each would create yet another customer); `'switch'` goes on as the new customer.
   */
  identityChange?: 'reject' | 'switch' | undefined;
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
  /** When the current token expires (ms since the epoch): `expires_in` after it was requested, 8 hours by default. */
  readonly expiresAt: number | undefined;
}

/** A {@link CustomerTokenGetter} of the cookie grant. */
export interface CookieTokenGetter extends CustomerTokenGetter {
  /**
   * When the `__lc_cid`/`__lc_cst` cookies expire (ms since the epoch): the docs give them 2 years
   * ({@link CUSTOMER_COOKIE_MAX_AGE}), counted again from every token request.
   */
  readonly cookiesExpireAt: number | undefined;
}

/** How long the `__lc_cid`/`__lc_cst` cookies of the cookie grant live, in seconds (2 years; each token request renews them). */
export const CUSTOMER_COOKIE_MAX_AGE = 63_072_000;

/**
 * The accounts service answered the cookie grant with another customer than before: it did not get
 * this browser's `__lc_cid`/`__lc_cst` cookies, almost always because the browser blocks
 * third-party cookies (or they were cleared). `type` is `cookies_blocked`; `previousEntityId` is the
 * customer before, `entityId` the one the service answered with. A widget can say that the chat
 * history cannot be kept, and go on with `identityChange: 'switch'`.
 */
export class CookiesBlockedError extends AccountsError {
  override get name(): string {
    return 'CookiesBlockedError';
  }
  /** The customer before. */
  declare readonly previousEntityId: string;
  /** The customer the accounts service answered with. */
  declare readonly entityId: string;
  constructor(previousEntityId: string, entityId: string) {
    super(
      {
        type: 'cookies_blocked',
        message:
          'Another customer: the customer cookies did not reach the accounts service (third-party cookies blocked?)',
        data: { previous_entity_id: previousEntityId, entity_id: entityId },
      },
      { action: ACTION, status: 200 },
    );
    this.previousEntityId = previousEntityId;
    this.entityId = entityId;
  }
}

/** What a grant knows when it builds a request: the customer and access token of the latest answer. */
export interface GrantState {
  entityId: string | undefined;
  accessToken: string | undefined;
}

/**
 * How one grant asks for a token: `send` makes the request (`accountsCall`, or
 * `accountsCallWithoutSecrets` when it carries no secret, passing `signal`, which aborts at the
 * attempt's deadline) and resolves with the answer's body.
 */
export interface GrantSpec {
  send: (state: GrantState, accounts: Accounts, signal: AbortSignal) => Promise<Record<string, unknown>>;
  organizationId: string | undefined;
  entityId: string | undefined;
  /** Called with each answer's customer before it is taken (may throw to refuse the token). */
  check?: ((previous: string | undefined, next: string) => void) | undefined;
}

export const ACTION = 'customer_token';

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`"${field}" must be a non-empty string`, { field, action: ACTION });
  }
  return value;
}

/**
 * The getter of one grant: the shared cached token of `@lc/core`, each attempt (the grant, e.g. the
 * agent token getter, and the request together) under one deadline of `timeout` ms.
 */
export function customerGetter(options: CustomerTokenOptions, spec: GrantSpec): CustomerTokenGetter {
  const accounts = accountsFrom(options, 15_000);
  const timing = refreshTiming(options, 2000);
  const state: GrantState = { entityId: spec.entityId, accessToken: undefined };
  const exchange = () =>
    withDeadline(
      async (signal) => {
        const body = await spec.send(state, accounts, signal);
        // After the deadline the attempt does nothing more (its caller already has the TimeoutError).
        signal.throwIfAborted();
        const { accessToken, lifetime } = issuedBy(body, ACTION);
        if (typeof body.entity_id === 'string') {
          spec.check?.(state.entityId, body.entity_id);
          state.entityId = body.entity_id;
        }
        state.accessToken = accessToken;
        const organizationID = typeof body.organization_id === 'string' ? body.organization_id : spec.organizationId;
        const token: Token = { accessToken, organizationID: organizationID ?? '', tokenType: 'Bearer' };
        return { token, lifetime };
      },
      accounts.timeout,
      ACTION,
    );
  const getter = cachedToken(exchange, timing);
  return Object.defineProperty(getter, 'entityId', { get: () => state.entityId, enumerable: true }) as typeof getter &
    CustomerTokenGetter;
}

/** `/v2/customer/token`, or the per-group `/v2/customer/<organization_id>/<group_id>/token`. */
export function tokenPath(organizationId: string, groupId: number | string | undefined): string {
  return groupId === undefined
    ? '/v2/customer/token'
    : `/v2/customer/${encodeURIComponent(organizationId)}/${encodeURIComponent(groupId)}/token`;
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
export function customerTokenFromCookie(options: CookieTokenOptions): CookieTokenGetter {
  const clientId = requireString(options?.clientId, 'clientId');
  const organizationId = requireString(options.organizationId, 'organizationId');
  const { redirectUri, previousEntityId, identityChange = 'reject' } = options;
  if (redirectUri !== undefined) requireString(redirectUri, 'redirectUri');
  if (previousEntityId !== undefined) requireString(previousEntityId, 'previousEntityId');
  if (identityChange !== 'reject' && identityChange !== 'switch') {
    throw new InputError('"identityChange" must be "reject" or "switch"', { field: 'identityChange', action: ACTION });
  }
  const request: Omit<AccountsRequest, 'secrets'> = {
    method: 'POST',
    path: tokenPath(organizationId, options.groupId),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'cookie',
      client_id: clientId,
      response_type: 'token',
      organization_id: organizationId,
      // JSON.stringify leaves out a field that is undefined (here and below).
      redirect_uri: redirectUri,
    }),
    credentials: 'include',
    action: ACTION,
  };
  let cookiesExpireAt: number | undefined;
  let blocked: CookiesBlockedError | undefined;
  const getter = customerGetter(options, {
    // The request carries no secret (the browser adds the cookies): nothing to redact.
    send: async (_state, accounts, signal) => {
      if (blocked) throw blocked;
      return accountsCallWithoutSecrets(accounts, request, signal);
    },
    organizationId,
    entityId: previousEntityId,
    check: (previous, next) => {
      if (previous !== undefined && next !== previous && identityChange === 'reject') {
        throw (blocked = new CookiesBlockedError(previous, next));
      }
      // Every answer renews the cookies (when the browser keeps them).
      cookiesExpireAt = Date.now() + CUSTOMER_COOKIE_MAX_AGE * 1000;
    },
  });
  return Object.defineProperty(getter, 'cookiesExpireAt', {
    get: () => cookiesExpireAt,
    enumerable: true,
  }) as typeof getter & CookieTokenGetter;
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
  return customerGetter(options, {
    send: async ({ entityId }, accounts, signal) => {
      const authorization = await agentAuthorization(source);
      return accountsCall(
        accounts,
        {
          method: 'POST',
          path: '/v2/customer/token',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({
            grant_type: 'agent_token',
            client_id: clientId,
            response_type: 'token',
            entity_id: entityId,
            organization_id: options.organizationId,
          }),
          action: ACTION,
          secrets: [authorization, authorization.slice('Bearer '.length)],
        },
        signal,
      );
    },
    organizationId: options.organizationId,
    entityId: options.entityId,
  });
}
