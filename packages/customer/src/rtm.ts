import type { ChatRTMPayload, ChatRTMTypes } from '@lc/core';
import { CustomerRTMMethods } from './generated/methods.js';
import type { CustomerRequests, CustomerRTMAction } from './generated/requests.js';
import type { CustomerPaginatedAction } from './options.js';
import { CustomerRTMBase } from './rtm-base.js';
import type { CustomerPushes, CustomerResponses } from './types/index.js';

export type { CustomerRTMOptions } from './rtm-base.js';

/** The `login` payload without `token`: the token always comes from the token getter. */
export type CustomerLoginPayload = Omit<CustomerRequests['login'], 'token'>;

/** The payload `call(action, payload)` takes over RTM: `login` without its token (the getter supplies it). */
export type CustomerRTMPayload<A extends CustomerRTMAction> = ChatRTMPayload<CustomerRequests, A>;

/** The type maps of {@link CustomerRTM}. */
type CustomerRTMTypes = ChatRTMTypes<
  CustomerRequests,
  CustomerResponses,
  CustomerPushes,
  CustomerRTMAction,
  CustomerPaginatedAction
>;

/**
 * The Customer Chat API over WebSocket (RTM API 3.6): one method per documented action, typed
 * pushes, login that is repeated with a fresh token after every reconnect.
 *
 * ```ts
 * const rtm = new CustomerRTM(WebSocket, customerTokenFromCookie({ clientId, organizationId }));
 * rtm.on('incoming_event', ({ chat_id, event }) => console.log(chat_id, event.type));
 * await rtm.login({ customer_page: { url: location.href } });
 * ```
 * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-reference
 */
export class CustomerRTM extends /* @__PURE__ */ CustomerRTMMethods(CustomerRTMBase<CustomerRTMTypes>) {}
