import { ChatWeb, createWebClient, withActions } from '@lc/core';
import type { ChatWebOptions, ChatWebPayload, ChatWebTypes, TokenGetter } from '@lc/core';
import { CustomerWebMethods } from './generated/methods.js';
import { CUSTOMER_WIRE } from './generated/wire.js';
import type { CustomerRequests, CustomerWebAction } from './generated/requests.js';
import type { CustomerPaginatedAction } from './options.js';
import type { CustomerResponses } from './types/index.js';

/** Options of {@link CustomerWeb}: everything the core Web client takes except `api` and the token getter. */
export type CustomerWebOptions = ChatWebOptions;

/** The payload `call(action, payload)` takes over Web: `upload_file` takes {@link UploadFileInput}. */
export type CustomerWebPayload<A extends CustomerWebAction> = ChatWebPayload<CustomerRequests, A>;

/** The type maps of {@link CustomerWeb}. */
type CustomerWebTypes = ChatWebTypes<CustomerRequests, CustomerResponses, CustomerWebAction, CustomerPaginatedAction>;

/**
 * The Customer Chat API over HTTP (Web API 3.6): one method per documented action. Every request
 * carries the token's `organization_id` in the query string; the five configuration/properties
 * actions are sent as `GET` with the payload in the query string.
 *
 * ```ts
 * const customer = new CustomerWeb(customerTokenFromCookie({ clientId, organizationId }));
 * const { chats_summary } = await customer.listChats({ limit: 10 });
 * ```
 * @see https://platform.text.com/docs/messaging/customer-chat-api
 */
export class CustomerWeb extends /* @__PURE__ */ withActions(ChatWeb<CustomerWebTypes>, CustomerWebMethods) {
  /**
   * @param tokenGetter called before every request: a customer access token (`tokenType: 'Bearer'`)
   *   with its `organizationID`, e.g. from `customerTokenFromCookie` or `customerTokenFromAgent`.
   * @param options base URL, API version, timeout, retry policy, custom `fetch`, headers.
   */
  constructor(tokenGetter: TokenGetter, options: CustomerWebOptions = {}) {
    super({ api: 'customer', wire: CUSTOMER_WIRE, createWebClient }, tokenGetter, options);
  }
}
