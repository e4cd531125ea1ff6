// `@lc/customer/v3.7`: the Customer Chat API 3.7 (developer preview) over Web and RTM, typed from the
// 3.7 spec (no `get_predicted_agent`). The package root stays 3.6; this entry carries no 3.6 table.
import { ChatWeb, createWebClient } from '@lc/core';
import type {
  ChatRTMPayload,
  ChatRTMTypes,
  ChatWebOptions,
  ChatWebPayload,
  ChatWebTypes,
  LoginPayload,
  TokenGetter,
  WebSocketConstructor,
} from '@lc/core';
import { CustomerRTMMethods, CustomerWebMethods, type CustomerPaginatedAction } from './generated/v3.7/methods.js';
import type { CustomerRequests, CustomerRTMAction, CustomerWebAction } from './generated/v3.7/requests.js';
import { CUSTOMER_WIRE_3_7 } from './generated/wire.js';
import { CustomerRTMBase, type CustomerRTMOptions } from './rtm-base.js';
import type { CustomerPushes3_7, CustomerResponses3_7 } from './types/v3.7.js';

export type * from './generated/v3.7/requests.js';
export type * from './types/v3.7.js';

/** Options of the 3.7 {@link CustomerWeb}; `apiVersion` defaults to `3.7`. */
export type CustomerWebOptions = ChatWebOptions;
/** The payload `call(action, payload)` takes over Web at 3.7. */
export type CustomerWebPayload<A extends CustomerWebAction> = ChatWebPayload<CustomerRequests, A>;
type CustomerWebTypes = ChatWebTypes<
  CustomerRequests,
  CustomerResponses3_7,
  CustomerWebAction,
  CustomerPaginatedAction
>;

/**
 * The Customer Chat API 3.7 over HTTP: one method per documented 3.7 action; `listChats` answers
 * `chats_info`, and `getPredictedAgent` is gone (3.7 removed it; use `requestWelcomeMessage`).
 * @see https://platform.text.com/docs/messaging/customer-chat-api/v3.7
 */
export class CustomerWeb extends /* @__PURE__ */ CustomerWebMethods(ChatWeb<CustomerWebTypes>) {
  /**
   * @param tokenGetter called before every request: a customer access token with its `organizationID`.
   * @param options base URL, API version (default `3.7`), timeout, retry policy, custom `fetch`, headers.
   */
  constructor(tokenGetter: TokenGetter, options: CustomerWebOptions = {}) {
    super({ api: 'customer', wire: CUSTOMER_WIRE_3_7, createWebClient }, tokenGetter, options);
  }
}

export type { CustomerRTMOptions };

/** The 3.7 `login` payload: no `token` (the getter supplies it), the 3.7 push names in `pushes['3.7']` checked. */
export type CustomerLoginPayload = LoginPayload<CustomerRequests['login'], '3.7', CustomerPushes3_7>;

/** The payload `call(action, payload)` takes over RTM at 3.7. */
export type CustomerRTMPayload<A extends CustomerRTMAction> = A extends 'login'
  ? CustomerLoginPayload
  : ChatRTMPayload<CustomerRequests, A>;

type CustomerRTMTypes = ChatRTMTypes<
  CustomerRequests,
  CustomerResponses3_7,
  CustomerPushes3_7,
  CustomerRTMAction,
  CustomerPaginatedAction,
  { [A in CustomerRTMAction]: CustomerRTMPayload<A> }
>;

/**
 * The Customer Chat API 3.7 over WebSocket: one method per documented 3.7 action; `listChats`
 * answers `chats_info`, and `getPredictedAgent` is gone (use `requestWelcomeMessage`).
 *
 * ```ts
 * import { CustomerRTM } from '@lc/customer/v3.7';
 * const rtm = new CustomerRTM(undefined, customerTokenFromCookie({ clientId, organizationId }));
 * await rtm.login({ customer_page: { url: location.href } });
 * const { chats_info } = await rtm.listChats();
 * ```
 * @see https://platform.text.com/docs/messaging/customer-chat-api/v3.7/rtm-reference
 */
export class CustomerRTM extends /* @__PURE__ */ CustomerRTMMethods(CustomerRTMBase<CustomerRTMTypes>) {
  /** As the 3.6 client's, with `options.apiVersion` defaulting to `3.7`. */
  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, options?: CustomerRTMOptions) {
    super(WebSocket, tokenGetter, { ...options, apiVersion: options?.apiVersion ?? '3.7' });
  }
}
