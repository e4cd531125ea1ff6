import type { Token } from '../auth/index.js';
import { invalidResponse } from './error.js';
import { MAX_DELAY } from '../timers.js';
import { milliseconds } from './options.js';

/** What one exchange with the accounts service gives. */
export interface IssuedToken {
  token: Token;
  /** Milliseconds the token lives, counted from the start of the exchange; `Infinity` when it never expires (a PAT). */
  lifetime: number;
}

/** How {@link cachedToken} refreshes. */
export interface CacheTiming {
  /** Refresh this many ms before the token expires (never more than half its lifetime). */
  refreshMargin: number;
  /**
   * While the current token is still valid but due for refresh, how long in ms a caller waits for the
   * new one before it gets the current token (the refresh then completes in the background).
   * `Infinity` waits for the refresh as long as the current token lives.
   */
  staleGrace: number;
}

/** A token getter that caches, shares one exchange among concurrent callers and refreshes early. */
export interface CachedTokenGetter {
  /** Resolves with a valid token, exchanging for a new one when the cached one is due. */
  (): Promise<Token>;
  /** Exchanges now, whatever the expiry; shares an exchange already in flight. */
  refresh(): Promise<Token>;
  /** Forgets the cached token (and any exchange in flight): the next call exchanges anew. */
  invalidate(): void;
  /** When the cached token expires (ms since the epoch; `Infinity` for a PAT), `undefined` before the first. */
  readonly expiresAt: number | undefined;
}

/**
 * The one cached, refreshing token getter of the SDK (PAT, OAuth refresh token, customer grants).
 * `exchange` asks the accounts service for a token (under its own deadline); concurrent callers share
 * one exchange. A token is served until `refreshMargin` before it expires; then a refresh starts, and
 * while the old token is still valid a caller gets it after `staleGrace` ms, or at once when the
 * refresh fails. An expired token is never served: the caller waits for the refresh (or its error).
 */
export function cachedToken(exchange: () => Promise<IssuedToken>, timing: CacheTiming): CachedTokenGetter {
  // About 60 lines as one closure: `refresh`, `refreshAhead` and the getter share `current` and `inflight`.
  let current: { token: Token; refreshAt: number; expiresAt: number } | undefined;
  // The exchange in flight; `invalidate()` empties the slot, so an exchange that started before
  // finds another value there (or none) and does not fill the cache.
  let inflight: Promise<Token> | undefined;

  const refresh = (): Promise<Token> => {
    if (inflight) return inflight;
    const started = Date.now();
    const attempt: Promise<Token> = exchange()
      .then(({ token, lifetime }) => {
        if (inflight === attempt) {
          const expiresAt = started + lifetime;
          current = { token, expiresAt, refreshAt: expiresAt - Math.min(timing.refreshMargin, lifetime / 2) };
        }
        return token;
      })
      // Clears the slot whichever way it settles, before any caller sees the outcome; callers handle the rejection.
      .finally(() => {
        if (inflight === attempt) inflight = undefined;
      });
    inflight = attempt;
    return attempt;
  };

  const stillValid = (cached: NonNullable<typeof current>): boolean =>
    cached === current && Date.now() < cached.expiresAt;

  /** The token is due but valid: wait `staleGrace` for the new one at most, never past expiry. */
  const refreshAhead = async (cached: NonNullable<typeof current>): Promise<Token> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fresh = refresh();
    const wait = Math.min(timing.staleGrace, cached.expiresAt - Date.now(), MAX_DELAY);
    // (A refresh that fails after the grace is handled: the race holds a handler on it.)
    const token = await Promise.race([
      fresh,
      new Promise<undefined>((resolve) => (timer = setTimeout(resolve, wait, undefined))),
    ])
      .catch(() => undefined)
      .finally(() => clearTimeout(timer));
    if (token) return token;
    // The grace ran out or the refresh failed: the old token while it is valid, unless `invalidate()`
    // was called meanwhile (that token was just declared bad).
    if (stillValid(cached)) return cached.token;
    // Expired: wait for the refresh (or take its error); invalidated: a fresh attempt.
    return cached === current ? fresh : refresh();
  };

  const getter = (async (): Promise<Token> => {
    const cached = current;
    if (cached && Date.now() < cached.refreshAt) return cached.token;
    if (cached && Date.now() < cached.expiresAt) return refreshAhead(cached);
    return refresh();
  }) as CachedTokenGetter;
  (getter as { refresh: () => Promise<Token> }).refresh = refresh;
  (getter as { invalidate: () => void }).invalidate = () => {
    current = undefined;
    inflight = undefined;
  };
  return Object.defineProperty(getter, 'expiresAt', { get: () => current?.expiresAt, enumerable: true });
}

/** The refresh options of a token getter (see {@link CacheTiming}); each is a finite number of ms >= 0. */
export interface RefreshOptions {
  refreshMargin?: number | undefined;
  staleGrace?: number | undefined;
}

/** Checks `refreshMargin` (default 5 minutes) and `staleGrace` (default `staleGrace`); `InputError` naming the field. */
export function refreshTiming(options: RefreshOptions, staleGrace: number): CacheTiming {
  return {
    refreshMargin: milliseconds(options.refreshMargin, 'refreshMargin', 300_000),
    staleGrace: milliseconds(options.staleGrace, 'staleGrace', staleGrace),
  };
}

/** `expires_in` the docs give as the default, used when an answer has none. */
const DEFAULT_EXPIRES_IN = 28_800;

/**
 * The access token and lifetime of a token answer (`access_token`, `expires_in` in seconds, 8 hours
 * when absent), or an `AccountsError` (`invalid_response`) when it has no access token.
 */
export function issuedBy(body: Record<string, unknown>, action: string): { accessToken: string; lifetime: number } {
  const accessToken = body.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw invalidResponse('The token answer has no access_token', action);
  }
  const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_EXPIRES_IN;
  return { accessToken, lifetime: expiresIn * 1000 };
}
