// What the Customer RTM client of every API version fixes on the shared ChatRTM: the API and the
// disconnect push whose reasons end the session. Each version's entry (`rtm.ts` for 3.6, `v3.7.ts`)
// puts its own generated methods on top, so this file carries no version's table.
import { CUSTOMER_SESSION_ENDS, ChatRTM } from '@lc/core';
import type { ChatRTMOptions, ChatTypes, TokenGetter, WebSocketConstructor } from '@lc/core';

/** Options of a Customer RTM client: everything the core RTM client takes except `api`. */
export type CustomerRTMOptions = ChatRTMOptions;

/**
 * The Customer RTM client over the type maps `T` of one API version; the version's entry adds its
 * generated action methods (`CustomerRTMMethods(CustomerRTMBase<…>)`).
 */
export abstract class CustomerRTMBase<T extends ChatTypes> extends ChatRTM<T> {
  /**
   * @param WebSocket the WebSocket class: the browser's (`undefined` uses `globalThis.WebSocket`), or
   *   `ws`'s on Node.
   * @param tokenGetter called at every login (first connect, each reconnect): a customer access token with its
   *   `organizationID` (sent as the `organization_id` query parameter).
   * @param options base URL, API version, timeouts, heartbeat and reconnect policy.
   */
  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, options?: CustomerRTMOptions) {
    super(
      { api: 'customer', disconnect: { push: 'customer_disconnected', endsAfter: CUSTOMER_SESSION_ENDS } },
      WebSocket,
      tokenGetter,
      options,
    );
  }
}
