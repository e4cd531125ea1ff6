import { accountsCall, accountsFrom, cachedToken, InputError, invalidResponse, type Token } from '@lc/core';
import type { AccountsOptions } from '@lc/core';

/** Options of {@link tokenGetterFromPAT}. */
export interface PatOptions extends AccountsOptions {
  /**
   * The organization ID, when you know it: no lookup is made at all. Otherwise it is read once from
   * `GET <accountsUrl>/v2/organizations/my` on the first call.
   */
  organizationId?: string | undefined;
  /** Milliseconds before a call to the accounts service rejects with `TimeoutError` (default 30000). */
  timeout?: number | undefined;
  /**
   * Data-center region (`dal`, `fra`, ...) sent as `X-Region`. The accounts service does not
   * document a region for PATs; a `region` field in its answer is used when present.
   */
  region?: string | undefined;
}

/** A token getter whose token is a Personal Access Token (`tokenType: 'Basic'`). */
export type PatTokenGetter = () => Promise<Token>;

const REGION = /^[a-z0-9-]+$/i;
const LOOKUP = 'organizations/my';
const DEFAULT_TIMEOUT = 30_000;

/**
 * A token getter for a Personal Access Token, for backend apps and scripts acting as one agent.
 *
 * The token is `Basic base64("<accountId>:<pat>")` (UTF-8). The organization ID (and region, if the
 * accounts service sends one) is looked up lazily on the first call and cached: concurrent first
 * calls share one lookup, and a failed lookup is retried on the next call. Failures reject with
 * `LcError` subclasses (`AccountsError`, `HttpError`, `ConnectionError`, `TimeoutError`,
 * `ResponseParseError`); neither the PAT nor its base64 ever appears in an error.
 *
 * Works in browsers and on Node (global `fetch`, `btoa`, `TextEncoder`; no Node-only imports).
 *
 * @param accountId The account ID of the PAT's owner (Developer Console → Tools → Personal Access Tokens).
 * @param pat The Personal Access Token.
 * @example
 * ```ts
 * import { ConfigurationWeb } from '@lc/configuration';
 * import { tokenGetterFromPAT } from '@lc/pat';
 *
 * const config = new ConfigurationWeb(tokenGetterFromPAT(process.env.LC_ACCOUNT_ID!, process.env.LC_PAT!));
 * ```
 * @see https://platform.text.com/docs/authorization/personal-access-tokens
 */
export function tokenGetterFromPAT(accountId: string, pat: string, options: PatOptions = {}): PatTokenGetter {
  if (typeof accountId !== 'string' || accountId.trim() === '' || /[:\r\n]/.test(accountId)) {
    throw new InputError('accountId must be a non-empty string without ":" or line breaks', { field: 'accountId' });
  }
  if (typeof pat !== 'string' || pat.trim() === '' || /[\r\n]/.test(pat)) {
    throw new InputError('pat must be a non-empty string without line breaks', { field: 'pat' });
  }
  if (typeof options !== 'object' || options === null) {
    throw new InputError('options must be an object', { field: 'options' });
  }
  const { organizationId, region } = options;
  if (organizationId !== undefined && (typeof organizationId !== 'string' || organizationId.trim() === '')) {
    throw new InputError('organizationId must be a non-empty string', { field: 'organizationId' });
  }
  if (region !== undefined && (typeof region !== 'string' || !REGION.test(region))) {
    throw new InputError('region must be a region name such as "dal"', { field: 'region' });
  }
  const accounts = accountsFrom(options, DEFAULT_TIMEOUT);
  const accessToken = base64Utf8(`${accountId}:${pat}`);
  const token = (organizationID: string, tokenRegion: string | undefined): Token => ({
    accessToken,
    organizationID,
    region: tokenRegion,
    tokenType: 'Basic',
  });
  if (organizationId !== undefined) {
    const known = token(organizationId, region);
    return async () => known;
  }
  // Looked up once (concurrent first callers share it; a failure is retried on the next call): a PAT
  // does not expire, so the answer is kept for good.
  const lookup = cachedToken(
    async () => {
      const body = await accountsCall(accounts, {
        method: 'GET',
        path: '/v2/organizations/my',
        headers: { authorization: `Basic ${accessToken}`, accept: 'application/json' },
        action: LOOKUP,
        secrets: [pat, accessToken],
      });
      const id = body.organization_id;
      if (typeof id !== 'string' || id === '') {
        throw invalidResponse('The accounts service answered without an organization_id', LOOKUP);
      }
      const found = typeof body.region === 'string' && REGION.test(body.region) ? body.region : undefined;
      return { token: token(id, region ?? found), lifetime: Number.POSITIVE_INFINITY };
    },
    { refreshMargin: 0, staleGrace: 0 },
  );
  return () => lookup();
}

/** Base64 of the UTF-8 bytes of `text` (btoa alone only takes Latin-1). */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
