// What the Agent RTM client of every API version adds to the shared ChatRTM: re-login with
// `reconnect: true`, `logout` that closes the client, `updateSession` with a fresh token. Each
// version's entry (`rtm.ts` for 3.6, `v3.7.ts`) puts its own generated methods on top, so this file
// carries no version's table.
import { AGENT_SESSION_ENDS, ApiError, ChatRTM, InputError, callWithToken } from '@lc/core';
import type { ChatRTMOptions, ChatRTMPayload, ChatTypes, Entry, TokenGetter, WebSocketConstructor } from '@lc/core';
import type { CallOptions } from './options.js';

/** Options of an Agent RTM client: everything the core RTM client takes except `api`. */
export type AgentRTMOptions = ChatRTMOptions;

/** The payload `call(action, payload)` takes for an Agent RTM action: `update_session` takes none (the getter supplies the token). */
export type AgentRTMPayloadOf<Requests, A> = A extends 'update_session'
  ? Record<string, never>
  : ChatRTMPayload<Requests, A>;

/** Re-login payload after a reconnect: `reconnect: true` unless the caller set `reconnect` itself. */
const relogin = (payload: object): object => ('reconnect' in payload ? payload : { ...payload, reconnect: true });

/**
 * The Agent RTM client over the type maps `T` of one API version; the version's entry adds its
 * generated action methods (`AgentRTMMethods(AgentRTMBase<…>)`).
 */
export abstract class AgentRTMBase<T extends ChatTypes> extends ChatRTM<T> {
  /**
   * @param WebSocket the WebSocket class: the browser's (`undefined` uses `globalThis.WebSocket`), or
   *   `ws`'s on Node.
   * @param tokenGetter called at every login (first connect, each reconnect) and `updateSession`.
   * @param options base URL, API version, timeouts, heartbeat and reconnect policy.
   */
  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, options?: AgentRTMOptions) {
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
    if (action === 'logout') return this.logout(payload as Entry<T['Requests'], 'logout'>, options);
    return super._dispatch(action, payload, options);
  }

  /**
   * Logout (`logout`): logs the agent out, then closes this client for good, so that it does not log
   * in again by itself after the platform closes the socket. Create a new client to log in again.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#logout
   */
  async logout(
    payload: Entry<T['Requests'], 'logout'> = {} as Entry<T['Requests'], 'logout'>,
    options?: CallOptions,
  ): Promise<Entry<T['Responses'], 'logout'>> {
    let response: Entry<T['Responses'], 'logout'>;
    try {
      response = await this._call('logout', payload as object, options);
    } catch (error) {
      // Refused (`ApiError`) or never sent (`InputError`): still logged in, the client stays. Any
      // other failure (the socket dropped, a timeout, an abort) may come after the platform logged
      // the agent out: close rather than log in again behind the caller's back.
      if (!ApiError.isInstance(error) && !InputError.isInstance(error)) await this.close();
      throw error;
    }
    await this.close();
    return response;
  }

  /**
   * Update Session (`update_session`): sends a fresh token from the token getter, so the connection
   * outlives the token it logged in with.
   * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#update-session
   */
  updateSession(options?: CallOptions): Promise<Entry<T['Responses'], 'update_session'>> {
    return callWithToken<Entry<T['Responses'], 'update_session'>>(this, 'update_session', {}, options);
  }
}
