import { AGENT_SESSION_ENDS, ApiError, ChatRTM, InputError, callWithToken } from '@lc/core';
import type { ChatRTMOptions, ChatRTMPayload, ChatRTMTypes, TokenGetter, WebSocketConstructor } from '@lc/core';
import { AgentRTMMethods } from './generated/methods.js';
import type { AgentRequests, AgentRTMAction } from './generated/requests.js';
import type { AgentPaginatedAction, CallOptions } from './options.js';
import type { AgentPushes, AgentResponses } from './types/index.js';

/** Options of {@link AgentRTM}: everything the core RTM client takes except `api`. */
export type AgentRTMOptions = ChatRTMOptions;

/** The `login` payload without `token`: the token always comes from the token getter. */
export type AgentLoginPayload = Omit<AgentRequests['login'], 'token'>;

/** The payload `call(action, payload)` takes over RTM: `login` without its token (the getter supplies it). */
export type AgentRTMPayload<A extends AgentRTMAction> = A extends 'update_session'
  ? Record<string, never>
  : ChatRTMPayload<AgentRequests, A>;

/** The type maps of {@link AgentRTM}. */
type AgentRTMTypes = ChatRTMTypes<
  AgentRequests,
  AgentResponses,
  AgentPushes,
  AgentRTMAction,
  AgentPaginatedAction,
  { [A in AgentRTMAction]: AgentRTMPayload<A> }
>;

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
export class AgentRTM extends /* @__PURE__ */ AgentRTMMethods(ChatRTM<AgentRTMTypes>) {
  /**
   * @param WebSocket the WebSocket class: the browser's (`undefined` uses `globalThis.WebSocket`), or
   *   `ws`'s on Node.
   * @param tokenGetter called at every login (first connect, each reconnect) and `updateSession`.
   * @param options base URL, API version, timeouts, heartbeat and reconnect policy.
   */
  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, options: AgentRTMOptions = {}) {
    // After a reconnect the login says `reconnect: true` (unless the caller chose a value), which the
    // docs define as "set the status to the last known state instead of the default one".
    super(
      { api: 'agent', disconnect: { push: 'agent_disconnected', endsAfter: AGENT_SESSION_ENDS } },
      WebSocket,
      tokenGetter,
      { relogin, ...options },
    );
  }

  /** @internal `update_session` and `logout` go through their own methods. */
  protected override _dispatch(action: string, payload: object | undefined, options?: CallOptions): Promise<unknown> {
    if (action === 'update_session') return this.updateSession(options);
    if (action === 'logout') return this.logout(payload as AgentRequests['logout'], options);
    return super._dispatch(action, payload, options);
  }

  /**
   * Logout (`logout`): logs the agent out, then closes this client for good, so that it does not log
   * in again by itself after the platform closes the socket. Create a new client to log in again.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#logout
   */
  async logout(payload: AgentRequests['logout'] = {}, options?: CallOptions): Promise<AgentResponses['logout']> {
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
   * Update Session (`update_session`): sends a fresh token from the token getter, so the connection
   * outlives the token it logged in with.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#update-session
   */
  updateSession(options?: CallOptions): Promise<AgentResponses['update_session']> {
    return callWithToken<AgentResponses['update_session']>(this._rtm, 'update_session', {}, options);
  }
}
