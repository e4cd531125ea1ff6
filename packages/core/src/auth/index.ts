import { TokenError } from '../errors/index.js';

/** How the access token is sent: `Bearer` for OAuth/customer/bot tokens, `Basic` for a Personal Access Token. */
export type TokenType = 'Bearer' | 'Basic';

/** What a {@link TokenGetter} returns. */
export interface Token {
  /** The access token (for `Basic`, the already base64-encoded `account_id:PAT`). */
  accessToken: string;
  /** The organization (license) id: sent as `organization_id` where the API needs it. */
  organizationID: string;
  /** Data-center region (`dal`, `fra`, ...). When absent, taken from a `dal:`-style token prefix. */
  region?: string | undefined;
  tokenType: TokenType;
}

/**
 * Called before every request (never at construction), so a refreshed token is always picked up.
 * May be sync or async.
 */
export type TokenGetter = () => Token | Promise<Token>;

/** A token the SDK has checked. */
export interface ResolvedToken {
  readonly accessToken: string;
  readonly organizationID: string;
  readonly region: string | undefined;
  readonly tokenType: TokenType;
}

/** The region a token belongs to: `token.region`, else the `dal:`/`fra:` prefix of the access token. */
export function regionOf(token: Pick<Token, 'accessToken' | 'region'>): string | undefined {
  return token.region || /^([a-z]{2,5}(?:-[a-z0-9]{1,3})?):/.exec(token.accessToken)?.[1];
}

/**
 * Calls the getter and validates what it returns. Every failure is a {@link TokenError} naming the
 * field at fault; the token value is never part of the error.
 */
export async function resolveToken(
  getter: TokenGetter,
  options: { requireOrganization?: boolean } = {},
): Promise<ResolvedToken> {
  const bad = (field: string, what: string, cause?: unknown): never => {
    throw new TokenError(`Token ${field} ${what}`, { field, cause });
  };
  let token: Token | undefined;
  try {
    token = await getter();
  } catch (cause) {
    bad('getter', 'failed', cause);
  }
  if (typeof token !== 'object' || !token) return bad('getter', 'returned no token object');
  const { accessToken, organizationID, tokenType, region } = token;
  if (typeof accessToken !== 'string' || !accessToken.trim() || /[\r\n]/.test(accessToken))
    bad('accessToken', 'must be a non-empty string without line breaks');
  if (tokenType !== 'Bearer' && tokenType !== 'Basic') bad('tokenType', 'must be "Bearer" or "Basic"');
  if (organizationID !== undefined && typeof organizationID !== 'string') bad('organizationID', 'must be a string');
  if (options.requireOrganization && !organizationID) bad('organizationID', 'is required for this API');
  if (region != null && (typeof region !== 'string' || !/^[\w-]*$/.test(region)))
    bad('region', 'must be a region name such as "dal"');
  return {
    accessToken,
    organizationID: organizationID ?? '',
    region: regionOf({ accessToken, region: region ?? undefined }),
    tokenType,
  };
}

/** `Authorization` and, when the region is known, `X-Region`. */
export function authHeaders(token: ResolvedToken): Record<string, string> {
  const headers: Record<string, string> = { authorization: `${token.tokenType} ${token.accessToken}` };
  if (token.region) headers['x-region'] = token.region;
  return headers;
}

/** The `token` field of an RTM `login`: `"<tokenType> <accessToken>"`. */
export function loginToken(token: ResolvedToken): string {
  return `${token.tokenType} ${token.accessToken}`;
}
