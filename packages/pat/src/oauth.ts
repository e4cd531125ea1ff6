import { InputError, withDeadline, type Token } from '@lc/core';
import { accountsCall, accountsFrom, invalidResponse, type AccountsOptions } from './accounts.js';

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

const DEFAULT_MARGIN = 300_000;
/** `expires_in` the docs give as the default, used when an answer has none. */
const DEFAULT_EXPIRES_IN = 28_800;
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
 * Lives in `@lc/pat` rather than `@lc/core`: like the PAT getter it is a backend credential that
 * talks to the accounts service, and core stays free of accounts-service code and client secrets.
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
  const margin = options.refreshMargin ?? DEFAULT_MARGIN;
  if (typeof margin !== 'number' || !(margin >= 0) || !Number.isFinite(margin)) {
    throw new InputError('refreshMargin must be a non-negative number of milliseconds', { field: 'refreshMargin' });
  }
  const accounts = accountsFrom(options);

  let current: { token: Token; refreshAt: number; expiresAt: number } | undefined;
  let pending: Promise<Token> | undefined;

  async function exchange(): Promise<Token> {
    const secrets = [refreshToken, ...(clientSecret === undefined ? [] : [clientSecret])];
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
    if (clientSecret !== undefined) form.set('client_secret', clientSecret);
    const body = await accountsCall(accounts, {
      method: 'POST',
      path: '/v2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      action: ACTION,
      secrets,
    });
    const accessToken = body.access_token;
    const organizationID = body.organization_id;
    if (typeof accessToken !== 'string' || accessToken === '')
      throw invalidResponse('The token answer has no access_token', ACTION);
    if (typeof organizationID !== 'string' || organizationID === '')
      throw invalidResponse('The token answer has no organization_id', ACTION);
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_EXPIRES_IN;
    const now = Date.now();
    const lifetime = expiresIn * 1000;
    const token: Token = { accessToken, organizationID, region, tokenType: 'Bearer' };
    current = { token, expiresAt: now + lifetime, refreshAt: now + lifetime - Math.min(margin, lifetime / 2) };
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
    return token;
  }

  function refresh(): Promise<Token> {
    pending ??= exchange().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  const getter = async function refreshTokenGetter(): Promise<Token> {
    if (current !== undefined && Date.now() < current.refreshAt) return current.token;
    try {
      return await refresh();
    } catch (error) {
      if (current !== undefined && Date.now() < current.expiresAt) return current.token;
      throw error;
    }
  } as RefreshTokenGetter;
  getter.refresh = refresh;
  return getter;
}
