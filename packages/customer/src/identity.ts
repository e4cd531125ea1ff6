// The identity token grant (identity transfer): a customer identity moves to another browser or
// device through a short-lived identity transfer token, exchanged for a customer access token.
import { type AccountsOptions, accountsCall, accountsFrom, InputError, invalidResponse } from '@lc/core';
import type { Accounts, AccountsRequest, Token } from '@lc/core';
import {
  ACTION,
  type CustomerTokenGetter,
  type CustomerTokenOptions,
  customerGetter,
  requireString,
  tokenPath,
} from './token.js';

const TRANSFER = 'identity_transfer';

/** Options of {@link createIdentityTransferToken}. */
export interface IdentityTransferOptions extends AccountsOptions {
  /** Client ID of your application. */
  clientId: string;
  /**
   * The access token that authorizes the transfer: a customer access token (`bearerType: 'customer'`,
   * the customer hands over its own identity) or an agent access token (`bearerType: 'agent'`, with
   * `customerId`). A string, a `Token`, or a getter such as a customer token getter.
   */
  accessToken: string | Token | (() => string | Token | Promise<string | Token>);
  /** Which kind of token `accessToken` is. */
  bearerType: 'customer' | 'agent';
  /** The customer whose identity is transferred; required with an agent token. */
  customerId?: string | undefined;
  /** A PKCE code challenge; the exchange then needs the matching `codeVerifier`. */
  codeChallenge?: string | undefined;
}

/** An identity transfer token and when it expires. */
export interface IdentityTransferToken {
  /** The token to exchange with {@link customerTokenFromIdentityTransfer} (`code`). */
  identityTransferToken: string;
  /** Its lifetime in seconds: 3600 by default, as the docs give it. */
  expiresIn: number;
  /** When it expires (ms since the epoch). */
  expiresAt: number;
}

/** The docs' default lifetime of an identity transfer token, in seconds. */
const TRANSFER_EXPIRES_IN = 3600;

async function bearerOf(source: IdentityTransferOptions['accessToken']): Promise<string> {
  let value: string | Token;
  try {
    value = typeof source === 'function' ? await source() : source;
  } catch (cause) {
    throw new InputError('The accessToken getter failed', { field: 'accessToken', action: TRANSFER, cause });
  }
  const token = typeof value === 'object' && value !== null ? value.accessToken : value;
  // Only characters a header value may hold: anything else would make fetch quote the token in its error.
  if (typeof token !== 'string' || token.trim() === '' || !/^[\t\x20-\x7e\x80-\xff]+$/.test(token)) {
    throw new InputError('"accessToken" must be a non-empty token string', { field: 'accessToken', action: TRANSFER });
  }
  return token.replace(/^bearer /i, '');
}

/** `POST /v2/customer/identity_transfer`: the request, its answer checked. */
async function transfer(
  accounts: Accounts,
  request: Omit<AccountsRequest, 'method' | 'path' | 'action' | 'secrets'> & { bearer: string },
  signal?: AbortSignal,
): Promise<IdentityTransferToken> {
  const started = Date.now();
  const body = await accountsCall(
    accounts,
    {
      method: 'POST',
      path: '/v2/customer/identity_transfer',
      headers: { ...request.headers, authorization: `Bearer ${request.bearer}` },
      body: request.body,
      action: TRANSFER,
      secrets: [request.bearer],
    },
    signal,
  );
  const code = body.identity_transfer_token;
  if (typeof code !== 'string' || code === '') {
    throw invalidResponse('The answer has no identity_transfer_token', TRANSFER);
  }
  const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : TRANSFER_EXPIRES_IN;
  return { identityTransferToken: code, expiresIn, expiresAt: started + expiresIn * 1000 };
}

/**
 * Creates an identity transfer token (`POST <accounts>/v2/customer/identity_transfer`): step 1 of
 * the identity token grant. Hand the token to the other browser or device, which exchanges it with
 * {@link customerTokenFromIdentityTransfer} before it expires (1 hour by default). Rejects with
 * `AccountsError`, `ConnectionError`, `TimeoutError` or `InputError`; no error carries a token.
 *
 * ```ts
 * const { identityTransferToken } = await createIdentityTransferToken({
 *   clientId, bearerType: 'customer', accessToken: customerTokens,
 * });
 * ```
 * @see https://platform.text.com/docs/authorization/customer-authorization#identity-token-grant
 */
export async function createIdentityTransferToken(options: IdentityTransferOptions): Promise<IdentityTransferToken> {
  const clientId = requireString(options?.clientId, 'clientId');
  const { bearerType, customerId, codeChallenge } = options;
  if (bearerType !== 'customer' && bearerType !== 'agent') {
    throw new InputError('"bearerType" must be "customer" or "agent"', { field: 'bearerType', action: TRANSFER });
  }
  if (bearerType === 'agent' || customerId !== undefined) requireString(customerId, 'customerId');
  if (codeChallenge !== undefined) requireString(codeChallenge, 'codeChallenge');
  const accounts = accountsFrom(options, 15_000);
  return transfer(accounts, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      bearer_type: bearerType,
      client_id: clientId,
      // JSON.stringify leaves out a field that is undefined (here and below).
      customer_id: customerId,
      code_challenge: codeChallenge,
    }),
    bearer: await bearerOf(options.accessToken),
  });
}

/** Options of {@link customerTokenFromIdentityTransfer} (the `identity_token` grant). */
export interface IdentityTokenGrantOptions extends CustomerTokenOptions {
  /** The identity transfer token from {@link createIdentityTransferToken} (single use; 1 hour by default). */
  code: string;
  /** The PKCE code verifier, when the transfer token was created with a `codeChallenge`. */
  codeVerifier?: string | undefined;
  /** Organization ID of the customer; needed with `groupId`, and used when an answer omits it. */
  organizationId?: string | undefined;
  /**
   * A separate customer identity per group (`/v2/customer/<organization_id>/<group_id>/token`);
   * needs `organizationId` and the `chat_between_groups` license property set to `false`.
   */
  groupId?: number | string | undefined;
}

/**
 * A token getter for the **identity token grant** (identity transfer): the first request exchanges
 * `code` (`grant_type: identity_token`) for a customer access token of the transferred customer.
 * The answer sets no cookies, so to refresh before the token expires the getter transfers the
 * identity to itself: it creates a new transfer token with the current customer token
 * (`bearer_type: customer`) and exchanges that. Once the token has expired (8 hours by default)
 * without a refresh, the identity cannot be renewed and the getter rejects with `AccountsError`.
 * Cached, single-flight, refreshed `refreshMargin` before expiry.
 *
 * ```ts
 * const tokens = customerTokenFromIdentityTransfer({ clientId, code: identityTransferToken });
 * const rtm = new CustomerRTM(undefined, tokens);
 * ```
 * @see https://platform.text.com/docs/authorization/customer-authorization#identity-token-grant
 */
export function customerTokenFromIdentityTransfer(options: IdentityTokenGrantOptions): CustomerTokenGetter {
  const clientId = requireString(options?.clientId, 'clientId');
  const first = requireString(options.code, 'code');
  const { codeVerifier, organizationId } = options;
  if (codeVerifier !== undefined) requireString(codeVerifier, 'codeVerifier');
  if (organizationId !== undefined) requireString(organizationId, 'organizationId');
  const { groupId } = options;
  if (groupId !== undefined && organizationId === undefined) {
    throw new InputError('A per-group identity (groupId) needs organizationId', {
      field: 'organizationId',
      action: ACTION,
    });
  }
  const path = tokenPath(organizationId ?? '', groupId); // ('' cannot reach the path: checked above)
  return customerGetter(options, {
    send: async ({ accessToken }, accounts, signal) => {
      // The first exchange uses the caller's code (with its verifier); a refresh, a transfer of its own.
      const code =
        accessToken === undefined
          ? first
          : (
              await transfer(
                accounts,
                {
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({ bearer_type: 'customer', client_id: clientId }),
                  bearer: accessToken,
                },
                signal,
              )
            ).identityTransferToken;
      const verifier = accessToken === undefined ? codeVerifier : undefined;
      return accountsCall(
        accounts,
        {
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            grant_type: 'identity_token',
            client_id: clientId,
            code,
            code_verifier: verifier,
          }),
          action: ACTION,
          secrets: [code, ...(verifier !== undefined ? [verifier] : [])],
        },
        signal,
      );
    },
    organizationId,
    entityId: undefined,
  });
}
