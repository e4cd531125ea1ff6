import {
  ApiError,
  callWithToken,
  AGENT_SESSION_ENDS,
  createRTMClient,
  InputError,
  type PushFrame,
  type RequestOptions,
  type RTMClient,
  type RTMClientOptions,
  type RTMEvents,
  type RTMState,
  type TokenGetter,
  type WebSocketConstructor,
} from '@lc/core';
import { AgentRTMMethods } from './generated/methods.js';
import type { AgentRequests, AgentRTMAction } from './generated/requests.js';
import { paginateChat } from '@lc/core';
import type { AgentPaginatedAction, CallArgs, UnknownAction } from './options.js';
import type { AgentPushes, AgentResponses } from './types/index.js';

/** Options of {@link AgentRTM}: everything the core RTM client takes except `api`. */
export type AgentRTMOptions = Omit<RTMClientOptions, 'api'>;

/** The `login` payload without `token`: the token always comes from the token getter. */
export type AgentLoginPayload = Omit<AgentRequests['login'], 'token'>;

/** The payload `call(action, payload)` takes over RTM: `login` without its token (the getter supplies it). */
export type AgentRTMPayload<A extends AgentRTMAction> = A extends 'login'
  ? AgentLoginPayload
  : A extends 'update_session'
    ? Record<string, never>
    : AgentRequests[A];

/** Re-login payload after a reconnect: `reconnect: true` unless the caller set `reconnect` itself. */
const relogin = (payload: object): object => ('reconnect' in payload ? payload : { ...payload, reconnect: true });

/**
 * The Agent Chat API over WebSocket (RTM API 3.6): one method per documented action, typed pushes,
 * login that is repeated with a fresh token after every reconnect.
 *
 * ```ts
 * const rtm = new AgentRTM(WebSocket, tokenGetter);
 * rtm.on('incoming_event', ({ chat_id, event }) => console.log(chat_id, event.type));
 * await rtm.login({ pushes: { '3.6': ['incoming_event'] } });
 * ```
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference
 */
export class AgentRTM extends AgentRTMMethods {
  declare private readonly _rtm: RTMClient<AgentPushes>;

  /**
   * @param WebSocket the WebSocket class: the browser's (`undefined` uses `globalThis.WebSocket`), or
   *   `ws`'s on Node.
   * @param tokenGetter called at every login (first connect, each reconnect) and `updateSession`.
   * @param options base URL, API version, timeouts, heartbeat and reconnect policy.
   */
  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, options: AgentRTMOptions = {}) {
    super();
    // After a reconnect the login says `reconnect: true` (unless the caller chose a value), which the
    // docs define as "set the status to the last known state instead of the default one".
    this._rtm = createRTMClient<AgentPushes>(WebSocket, tokenGetter, {
      relogin,
      ...options,
      api: 'agent',
      disconnect: { push: 'agent_disconnected', endsAfter: AGENT_SESSION_ENDS },
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
  call<A extends AgentRTMAction>(
    action: A,
    ...args: CallArgs<AgentRTMPayload<A>, RequestOptions>
  ): Promise<AgentResponses[A]>;
  call<R = unknown, A extends string = string>(
    action: UnknownAction<A, keyof AgentRequests>,
    payload?: object,
    options?: RequestOptions,
  ): Promise<R>;
  call(action: string, payload?: object, options?: RequestOptions): Promise<unknown> {
    if (action === 'login') return this.login(payload as AgentLoginPayload, options);
    if (action === 'update_session') return this.updateSession(options);
    if (action === 'logout') return this.logout(payload as AgentRequests['logout'], options);
    return this._call(action, payload, options);
  }

  /**
   * Logout (`logout`): logs the agent out, then closes this client for good, so that it does not log
   * in again by itself after the platform closes the socket. Create a new client to log in again.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#logout
   */
  async logout(payload: AgentRequests['logout'] = {}, options?: RequestOptions): Promise<AgentResponses['logout']> {
    let response: AgentResponses['logout'];
    try {
      response = (await this._call('logout', payload, options)) as AgentResponses['logout'];
    } catch (error) {
      // Refused (`ApiError`) or never sent (`InputError`): still logged in, the client stays. Any
      // other failure (the socket dropped, a timeout, an abort) may come after the platform logged
      // the agent out: close rather than log in again behind the caller's back.
      if (!ApiError.isInstance(error) && !InputError.isInstance(error)) await this._rtm.close();
      throw error;
    }
    await this._rtm.close();
    return response;
  }

  /**
   * Login (`login`): connects if needed and logs in with the getter's token. The payload is
   * remembered and sent again (with a fresh token) after every reconnect.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#login
   */
  login(payload: AgentLoginPayload = {}, options?: RequestOptions): Promise<AgentResponses['login']> {
    return this._rtm.login<AgentResponses['login']>(payload, options);
  }

  /**
   * Update Session (`update_session`): sends a fresh token from the token getter, so the connection
   * outlives the token it logged in with.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#update-session
   */
  updateSession(options?: RequestOptions): Promise<AgentResponses['update_session']> {
    return callWithToken<AgentResponses['update_session']>(this._rtm, 'update_session', {}, options);
  }

  /**
   * Opens the socket without logging in (optional: `login` connects by itself); lets a caller fail
   * fast on an unreachable server. The platform closes a socket that does not log in within 30 s.
   */
  connect(options?: RequestOptions): Promise<void> {
    return this._rtm.connect(options);
  }

  /** Subscribes to a push by name (typed payload); returns the unsubscribe function. */
  on<K extends keyof AgentPushes & string>(
    push: K,
    handler: (payload: AgentPushes[K], frame: PushFrame<K, AgentPushes[K]>) => void,
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
  paginate<A extends AgentPaginatedAction>(
    action: A,
    payload: AgentRequests[A],
    options?: RequestOptions,
  ): AsyncGenerator<AgentResponses[A], void, undefined> {
    return paginateChat<AgentResponses[A]>((a, p, o) => this._call(a, p, o), action, payload, options);
  }

  /**
   * Every page of `list_chats`, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#list-chats
   */
  listChatsPages(
    payload: AgentRequests['list_chats'] = {},
    options?: RequestOptions,
  ): AsyncGenerator<AgentResponses['list_chats'], void, undefined> {
    return this.paginate('list_chats', payload, options);
  }

  /**
   * Every page of `list_threads` of one chat, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#list-threads
   */
  listThreadsPages(
    payload: AgentRequests['list_threads'],
    options?: RequestOptions,
  ): AsyncGenerator<AgentResponses['list_threads'], void, undefined> {
    return this.paginate('list_threads', payload, options);
  }

  /**
   * Every page of `list_archives`, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#list-archives
   */
  listArchivesPages(
    payload: AgentRequests['list_archives'] = {},
    options?: RequestOptions,
  ): AsyncGenerator<AgentResponses['list_archives'], void, undefined> {
    return this.paginate('list_archives', payload, options);
  }
}
