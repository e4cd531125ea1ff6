import {
  CUSTOMER_SESSION_ENDS,
  createRTMClient,
  type PushFrame,
  type RequestOptions,
  type RTMClient,
  type RTMClientOptions,
  type RTMEvents,
  type RTMState,
  type TokenGetter,
  type WebSocketConstructor,
} from '@lc/core';
import { CustomerRTMMethods } from './generated/methods.js';
import type { CustomerRequests, CustomerRTMAction } from './generated/requests.js';
import { paginateChat } from '@lc/core';
import type { CallArgs, CustomerPaginatedAction, UnknownAction } from './options.js';
import type { CustomerPushes, CustomerResponses } from './types/index.js';

/** Options of {@link CustomerRTM}: everything the core RTM client takes except `api`. */
export type CustomerRTMOptions = Omit<RTMClientOptions, 'api'>;

/** The `login` payload without `token`: the token always comes from the token getter. */
export type CustomerLoginPayload = Omit<CustomerRequests['login'], 'token'>;

/** The payload `call(action, payload)` takes over RTM: `login` without its token (the getter supplies it). */
export type CustomerRTMPayload<A extends CustomerRTMAction> = A extends 'login'
  ? CustomerLoginPayload
  : CustomerRequests[A];

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
export class CustomerRTM extends CustomerRTMMethods {
  declare private readonly _rtm: RTMClient<CustomerPushes>;

  /**
   * @param WebSocket the WebSocket class: the browser's (`undefined` uses `globalThis.WebSocket`), or
   *   `ws`'s on Node.
   * @param tokenGetter called at every login (first connect, each reconnect): a customer access token with its
   *   `organizationID` (sent as the `organization_id` query parameter).
   * @param options base URL, API version, timeouts, heartbeat and reconnect policy.
   */
  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, options: CustomerRTMOptions = {}) {
    super();
    this._rtm = createRTMClient<CustomerPushes>(WebSocket, tokenGetter, {
      ...options,
      api: 'customer',
      disconnect: { push: 'customer_disconnected', endsAfter: CUSTOMER_SESSION_ENDS },
    });
  }

  /** The connection state: `idle`, `connecting`, `logging_in`, `ready`, `reconnecting` or `closed`. */
  get state(): RTMState {
    return this._rtm.state;
  }

  /** @internal */
  protected _call(action: string, payload: object | undefined, options?: RequestOptions): Promise<any> {
    return this._rtm.call(action, payload, options);
  }

  /**
   * Calls any action by name. Known 3.6 actions are typed (payload and response); any other name is
   * accepted untyped, e.g. a 3.7 action with `{ apiVersion: '3.7' }` (the frame carries `version`).
   */
  call<A extends CustomerRTMAction>(
    action: A,
    ...args: CallArgs<CustomerRTMPayload<A>, RequestOptions>
  ): Promise<CustomerResponses[A]>;
  call<R = unknown, A extends string = string>(
    action: UnknownAction<A, keyof CustomerRequests>,
    payload?: object,
    options?: RequestOptions,
  ): Promise<R>;
  call(action: string, payload?: object, options?: RequestOptions): Promise<unknown> {
    if (action === 'login') return this.login(payload as CustomerLoginPayload, options);
    return this._call(action, payload, options);
  }

  /**
   * Login (`login`): connects if needed and logs in with the getter's token. The payload is
   * remembered and sent again (with a fresh token) after every reconnect.
   * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-reference#login
   */
  login(payload: CustomerLoginPayload = {}, options?: RequestOptions): Promise<CustomerResponses['login']> {
    return this._rtm.login<CustomerResponses['login']>(payload, options);
  }

  /**
   * Opens the socket without logging in (optional: `login` connects by itself); lets a caller fail
   * fast on an unreachable server. The platform closes a socket that does not log in within 30 s.
   */
  connect(options?: RequestOptions): Promise<void> {
    return this._rtm.connect(options);
  }

  /** Subscribes to a push by name (typed payload); returns the unsubscribe function. */
  on<K extends keyof CustomerPushes & string>(
    push: K,
    handler: (payload: CustomerPushes[K], frame: PushFrame<K, CustomerPushes[K]>) => void,
  ): () => void {
    return this._rtm.on(push, handler);
  }

  /** Subscribes to every push; returns the unsubscribe function. */
  onAny(handler: (frame: PushFrame) => void): () => void {
    return this._rtm.onAny(handler);
  }

  /** Subscribes to a lifecycle event (`ready`, `state`, `close`, `reconnecting`, `disconnected`, `error`). */
  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void {
    return this._rtm.onEvent(event, handler);
  }

  /** Closes for good: rejects what is pending, clears every timer. */
  close(): Promise<void> {
    return this._rtm.close();
  }

  /**
   * Iterates over the pages of a paginated action: the first request sends `payload`, later ones
   * only `page_id` (plus `chat_id` for `list_threads`), until a page has no `next_page_id`.
   */
  paginate<A extends CustomerPaginatedAction>(
    action: A,
    payload: CustomerRequests[A],
    options?: RequestOptions,
  ): AsyncGenerator<CustomerResponses[A], void, undefined> {
    return paginateChat<CustomerResponses[A]>((a, p, o) => this._call(a, p, o), action, payload, options);
  }

  /**
   * Every page of `list_chats`, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-reference#list-chats
   */
  listChatsPages(
    payload: CustomerRequests['list_chats'] = {},
    options?: RequestOptions,
  ): AsyncGenerator<CustomerResponses['list_chats'], void, undefined> {
    return this.paginate('list_chats', payload, options);
  }

  /**
   * Every page of `list_threads` of one chat, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-reference#list-threads
   */
  listThreadsPages(
    payload: CustomerRequests['list_threads'],
    options?: RequestOptions,
  ): AsyncGenerator<CustomerResponses['list_threads'], void, undefined> {
    return this.paginate('list_threads', payload, options);
  }
}
