import {
  type AccountsOptions,
  type AccountsRequest,
  accountsCall,
  accountsFrom,
  cachedToken,
  InputError,
  issuedBy,
  refreshTiming,
  TimeoutError,
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

/** The request of one grant; `entityId` is the customer of the latest token, once there is one. */
type Grant = (entityId: string | undefined) => Promise<AccountsRequest>;

const ACTION = 'customer_token';

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`"${field}" must be a non-empty string`, { field, action: ACTION });
  }
  return value;
}

/**
 * The getter of one grant: the shared cached token of `@lc/core`, each attempt (the grant, e.g. the
 * agent token getter, and the request together) under one deadline of `timeout` ms.
 */
function customerGetter(
  options: CustomerTokenOptions,
  grant: Grant,
  organizationId: string | undefined,
  entityId: string | undefined,
): CustomerTokenGetter {
  const accounts = accountsFrom(options, 15_000);
  const timing = refreshTiming(options, 2000);
  const exchange = () =>
    withDeadline(
      async (signal) => {
        const request = await grant(entityId);
        // After the deadline the attempt does nothing more (its caller already has the TimeoutError).
        if (signal.aborted) throw new TimeoutError(accounts.timeout, { action: ACTION });
        const body = await accountsCall(accounts, request, signal);
        if (signal.aborted) throw new TimeoutError(accounts.timeout, { action: ACTION });
        const { accessToken, lifetime } = issuedBy(body, ACTION);
        if (typeof body.entity_id === 'string') entityId = body.entity_id;
        const organizationID = typeof body.organization_id === 'string' ? body.organization_id : organizationId;
        const token: Token = { accessToken, organizationID: organizationID ?? '', tokenType: 'Bearer' };
        return { token, lifetime };
      },
      accounts.timeout,
      ACTION,
    );
  const getter = cachedToken(exchange, timing);
  return Object.defineProperty(getter, 'entityId', { get: () => entityId, enumerable: true }) as typeof getter &
    CustomerTokenGetter;
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
  const path = `/v2/customer${group}/token`;
  const body = JSON.stringify({
    grant_type: 'cookie',
    client_id: clientId,
    response_type: 'token',
    organization_id: organizationId,
    ...(options.redirectUri !== undefined ? { redirect_uri: options.redirectUri } : {}),
  });
  const request: AccountsRequest = {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    body,
    credentials: 'include',
    action: ACTION,
    secrets: [],
  };
  return customerGetter(options, async () => request, organizationId, undefined);
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
  return customerGetter(
    options,
    async (entityId) => {
      const authorization = await agentAuthorization(source);
      return {
        method: 'POST',
        path: '/v2/customer/token',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({
          grant_type: 'agent_token',
          client_id: clientId,
          response_type: 'token',
          ...(entityId !== undefined ? { entity_id: entityId } : {}),
          ...(options.organizationId !== undefined ? { organization_id: options.organizationId } : {}),
        }),
        action: ACTION,
        secrets: [authorization, authorization.slice('Bearer '.length)],
      };
    },
    options.organizationId,
    options.entityId,
  );
}
