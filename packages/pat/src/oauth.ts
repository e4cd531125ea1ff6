import { accountsCall, accountsFrom, cachedToken, InputError, invalidResponse, issuedBy } from '@lc/core';
import { refreshTiming, withDeadline } from '@lc/core';
import type { AccountsOptions, Token } from '@lc/core';

/** Options of {@link tokenGetterFromRefreshToken}. */
export interface RefreshTokenOptions extends AccountsOptions {
  /** Client ID of your app (Developer Console → Authorization). */
  clientId: string;
  /**
   * Client secret of your app. Required for server-side apps; apps without a secret (PKCE) omit it,
   * and their refresh tokens rotate on every use.
   */
  clientSecret?: string | undefined;
  /** The refresh token from the code exchange (or the last one `onRefreshToken` received). */
  refreshToken: string;
  /**
   * Refresh this many ms before the access token expires (default 300000, 5 minutes; never more
   * than half of the token's lifetime).
   */
  refreshMargin?: number | undefined;
  /**
   * Called with the new refresh token whenever the accounts service rotates it, so you can persist
   * it. Awaited before the new access token is used; if it throws, the SDK still uses (and keeps)
   * the new token, since the old one may no longer be valid.
   */
  onRefreshToken?: ((refreshToken: string) => void | Promise<void>) | undefined;
  /** Milliseconds before a call to the accounts service rejects with `TimeoutError` (default 30000). */
  timeout?: number | undefined;
  /** Data-center region sent as `X-Region`; by default taken from the `dal:`/`fra:` token prefix. */
  region?: string | undefined;
}

/** A token getter backed by a refresh token. */
export interface RefreshTokenGetter {
  /** Resolves with a valid access token, refreshing it first when it is within the margin of expiry. */
  (): Promise<Token>;
  /**
   * Refreshes now, whatever the expiry (e.g. after an `AuthenticationError` because the token was
   * revoked). Shares an exchange already in flight.
   */
  refresh(): Promise<Token>;
}

const DEFAULT_TIMEOUT = 30_000;
const ACTION = 'token';

/**
 * A token getter for backend apps holding an OAuth refresh token (authorization code grant).
 *
 * The first call exchanges the refresh token at `POST <accountsUrl>/v2/token`
 * (`grant_type=refresh_token`, form-encoded as in the docs); later calls reuse the access token until
 * it is within `refreshMargin` of expiry, then exchange again. Concurrent calls share one exchange.
 * A rotated refresh token is kept and passed to `onRefreshToken`. When an exchange fails while the
 * current access token has not expired yet, that token is returned and the next call tries again;
 * otherwise the call rejects (`AccountsError`, `HttpError`, `ConnectionError`, `TimeoutError`,
 * `ResponseParseError`). No error ever contains the refresh token, client secret or access token.
 *
 * @example
 * ```ts
 * const tokens = tokenGetterFromRefreshToken({
 *   clientId, clientSecret, refreshToken: await store.get(),
 *   onRefreshToken: (next) => store.set(next),
 * });
 * const reports = new ReportsWeb(tokens);
 * ```
 * @see https://platform.text.com/docs/authorization/oauth-authorization#using-the-refresh-token
 */
export function tokenGetterFromRefreshToken(options: RefreshTokenOptions): RefreshTokenGetter {
  if (typeof options !== 'object' || options === null) {
    throw new InputError('tokenGetterFromRefreshToken needs an options object', { field: 'options' });
  }
  const { clientId, clientSecret, onRefreshToken, region } = options;
  let refreshToken = options.refreshToken;
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw new InputError('clientId must be a non-empty string', { field: 'clientId' });
  }
  if (clientSecret !== undefined && (typeof clientSecret !== 'string' || clientSecret === '')) {
    throw new InputError('clientSecret must be a non-empty string when given', { field: 'clientSecret' });
  }
  if (typeof refreshToken !== 'string' || refreshToken.trim() === '') {
    throw new InputError('refreshToken must be a non-empty string', { field: 'refreshToken' });
  }
  if (onRefreshToken !== undefined && typeof onRefreshToken !== 'function') {
    throw new InputError('onRefreshToken must be a function', { field: 'onRefreshToken' });
  }
  if (region !== undefined && (typeof region !== 'string' || !/^[a-z0-9-]+$/i.test(region))) {
    throw new InputError('region must be a region name such as "dal"', { field: 'region' });
  }
  // A backend waits for its refresh (no `staleGrace`): while the old token is valid, a failed refresh
  // still serves it, and the next call tries again.
  const timing = refreshTiming({ refreshMargin: options.refreshMargin }, Number.POSITIVE_INFINITY);
  const accounts = accountsFrom(options, DEFAULT_TIMEOUT);

  async function exchange(): Promise<{ token: Token; lifetime: number }> {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
    if (clientSecret !== undefined) form.set('client_secret', clientSecret);
    const body = await accountsCall(accounts, {
      method: 'POST',
      path: '/v2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      action: ACTION,
      secrets: [refreshToken, ...(clientSecret === undefined ? [] : [clientSecret])],
    });
    const { accessToken, lifetime } = issuedBy(body, ACTION);
    const organizationID = body.organization_id;
    if (typeof organizationID !== 'string' || organizationID === '')
      throw invalidResponse('The token answer has no organization_id', ACTION);
    const next = body.refresh_token;
    if (typeof next === 'string' && next !== '' && next !== refreshToken) {
      refreshToken = next;
      if (onRefreshToken !== undefined) {
        // A failing or hanging store must not take the fresh token away: the new refresh token stays
        // in use, and the store gets at most the accounts `timeout` before the getter goes on (its
        // errors, timeout included, are the callback's own and reported nowhere).
        await withDeadline(async () => onRefreshToken(next), accounts.timeout).catch(() => {});
      }
    }
    return { token: { accessToken, organizationID, region, tokenType: 'Bearer' }, lifetime };
  }

  return cachedToken(exchange, timing);
}
