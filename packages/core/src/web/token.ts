import { authHeaders, resolveToken, type Token, type TokenGetter } from '../auth/index.js';
import { TokenError } from '../errors/index.js';
import { HEADER_VALUE } from './request.js';

/** The headers and organization one token gives a request. */
export interface Authorization {
  /** `Authorization` (and `X-Region` when the token names one). */
  readonly headers: Record<string, string>;
  /** The client's JSON headers with {@link headers}. */
  readonly json: Record<string, string>;
  readonly organizationID: string;
}

const TOKEN_FIELDS = ['accessToken', 'tokenType', 'organizationID', 'region'] as const;

/**
 * Asks `tokenGetter` for a token per attempt and turns it into headers. A sync getter that returns
 * the same token as last time gets the last headers back synchronously (the hot path: no checks, no
 * allocation, no microtask); anything else goes through `resolveToken`'s checks.
 */
export function createAuthorizer(
  tokenGetter: TokenGetter,
  jsonHeaders: Record<string, string>,
): (requireOrganization: boolean, action: string) => Authorization | Promise<Authorization> {
  let lastToken: Token | undefined;
  let last: Authorization;
  return (requireOrganization, action) => {
    let source: Token | Promise<Token>;
    try {
      source = tokenGetter();
    } catch (error) {
      source = Promise.reject(error);
    }
    const sync = typeof (source as Partial<Promise<Token>> | null)?.then !== 'function';
    if (
      sync &&
      lastToken &&
      TOKEN_FIELDS.every((k) => (source as Token | null)?.[k] === lastToken![k]) &&
      (last.organizationID || !requireOrganization)
    ) {
      return last;
    }
    return resolveToken(() => source, { requireOrganization }).then((token) => {
      const headers = authHeaders(token);
      const value = headers.authorization!;
      if (!HEADER_VALUE.test(value) || value.trim() !== value) {
        throw new TokenError('Invalid accessToken (characters a header cannot carry)', {
          field: 'accessToken',
          action,
        });
      }
      const authorization = { headers, json: { ...jsonHeaders, ...headers }, organizationID: token.organizationID };
      if (sync) [lastToken, last] = [{ ...(source as Token) }, authorization];
      return authorization;
    });
  };
}
