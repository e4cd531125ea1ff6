// `@lc/customer/v3.7`: the Customer Chat API 3.7 (developer preview) over Web, typed from the 3.7
// spec (no `get_predicted_agent`). The package root stays 3.6; this entry carries no 3.6 table.
import { ChatWeb, createWebClient } from '@lc/core';
import type { ChatWebOptions, ChatWebPayload, ChatWebTypes, TokenGetter } from '@lc/core';
import { CustomerWebMethods, type CustomerPaginatedAction } from './generated/v3.7/methods.js';
import type { CustomerRequests, CustomerWebAction } from './generated/v3.7/requests.js';
import { CUSTOMER_WIRE_3_7 } from './generated/wire.js';
import type { CustomerResponses3_7 } from './types/v3.7.js';

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
    super({ api: 'customer', wire: CUSTOMER_WIRE_3_7, createWebClient }, tokenGetter, {
      ...options,
      apiVersion: options.apiVersion ?? '3.7',
    });
  }
}
