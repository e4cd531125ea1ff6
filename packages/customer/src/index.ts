/**
 * `@lc/customer`: the LiveChat Customer Chat API 3.6 over Web (HTTP) and RTM (WebSocket), and the
 * customer access tokens both need.
 *
 * ```ts
 * import { CustomerRTM, customerTokenFromCookie } from '@lc/customer';
 * const rtm = new CustomerRTM(undefined, customerTokenFromCookie({ clientId, organizationId }));
 * await rtm.login();
 * ```
 * @packageDocumentation
 */
import { CustomerRTM } from './rtm.js';
import { CustomerWeb } from './web.js';

export { CustomerWeb, type CustomerWebOptions, type CustomerWebPayload } from './web.js';
export { CustomerRTM, type CustomerRTMOptions, type CustomerLoginPayload, type CustomerRTMPayload } from './rtm.js';
export { AccountsError, DEFAULT_ACCOUNTS_URL } from '@lc/core';
export {
  CUSTOMER_COOKIE_MAX_AGE,
  CookiesBlockedError,
  customerTokenFromAgent,
  customerTokenFromCookie,
  type AgentTokenGrantOptions,
  type AgentTokenSource,
  type CookieTokenGetter,
  type CookieTokenOptions,
  type CustomerTokenGetter,
  type CustomerTokenOptions,
} from './token.js';
export {
  createIdentityTransferToken,
  customerTokenFromIdentityTransfer,
  type IdentityTokenGrantOptions,
  type IdentityTransferOptions,
  type IdentityTransferToken,
} from './identity.js';
export type { CallOptions, CallArgs, CustomerPaginatedAction } from './options.js';
export * from './widget/index.js';
export type { UploadFileInput, UploadBody } from '@lc/core';
export { MAX_UPLOAD_BYTES } from '@lc/core';
export type * from './generated/requests.js';
// The wire facts of every action per API version, generated from the docs (src/generated/wire.ts).
export { CUSTOMER_WIRE } from './generated/wire.js';
export type * from './types/index.js';

/**
 * The two Customer clients under the names of the classic SDK: `new Customer.Web(tokenGetter, options?)`
 * and `new Customer.RTM(WebSocket, tokenGetter, options?)`. A plain object, so a bundler drops
 * whichever class you do not use.
 */
export const Customer = /* @__PURE__ */ Object.freeze({ Web: CustomerWeb, RTM: CustomerRTM });

/** Instance types of the `Customer` clients: `let rtm: Customer.RTM`. */
export declare namespace Customer {
  /** A {@link CustomerWeb} client. */
  export type Web = CustomerWeb;
  /** A {@link CustomerRTM} client. */
  export type RTM = CustomerRTM;
}
