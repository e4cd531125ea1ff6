// `@lc/agent/v3.7`: the Agent Chat API 3.7 (developer preview) over Web and RTM, typed from the 3.7
// spec. The package root stays 3.6; this entry carries no 3.6 table (its own wire tables and methods).
import { ChatWeb, createWebClient } from '@lc/core';
import type {
  ChatRTMTypes,
  ChatWebOptions,
  ChatWebPayload,
  ChatWebTypes,
  LoginPayload,
  TokenGetter,
  WebSocketConstructor,
} from '@lc/core';
import { AgentRTMMethods, AgentWebMethods, type AgentPaginatedAction } from './generated/v3.7/methods.js';
import type { AgentRequests, AgentRTMAction, AgentWebAction } from './generated/v3.7/requests.js';
import { AGENT_WIRE_3_7 } from './generated/wire.js';
import { AgentRTMBase, type AgentRTMOptions, type AgentRTMPayloadOf } from './rtm-base.js';
import type { AgentPushes3_7, AgentResponses3_7 } from './types/v3.7.js';

export type * from './generated/v3.7/requests.js';
export type * from './types/v3.7.js';

/** Options of the 3.7 {@link AgentWeb}; `apiVersion` defaults to `3.7`. */
export type AgentWebOptions = ChatWebOptions;
/** The payload `call(action, payload)` takes over Web at 3.7. */
export type AgentWebPayload<A extends AgentWebAction> = ChatWebPayload<AgentRequests, A>;
type AgentWebTypes = ChatWebTypes<AgentRequests, AgentResponses3_7, AgentWebAction, AgentPaginatedAction>;

/**
 * The Agent Chat API 3.7 over HTTP: one method per documented 3.7 action, `listChats` answering `chats_info`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7
 */
export class AgentWeb extends /* @__PURE__ */ AgentWebMethods(ChatWeb<AgentWebTypes>) {
  /**
   * @param tokenGetter called before every request (a PAT with `tokenType: 'Basic'`, or an OAuth/bot token).
   * @param options base URL, API version (default `3.7`), timeout, retry policy, custom `fetch`, headers.
   */
  constructor(tokenGetter: TokenGetter, options: AgentWebOptions = {}) {
    super({ api: 'agent', wire: AGENT_WIRE_3_7, createWebClient }, tokenGetter, options);
  }
}

export type { AgentRTMOptions };

/** The 3.7 `login` payload: no `token` (the getter supplies it), the 3.7 push names in `pushes['3.7']` checked. */
export type AgentLoginPayload = LoginPayload<AgentRequests['login'], '3.7', AgentPushes3_7>;

/** The payload `call(action, payload)` takes over RTM at 3.7. */
export type AgentRTMPayload<A extends AgentRTMAction> = A extends 'login'
  ? AgentLoginPayload
  : AgentRTMPayloadOf<AgentRequests, A>;

type AgentRTMTypes = ChatRTMTypes<
  AgentRequests,
  AgentResponses3_7,
  AgentPushes3_7,
  AgentRTMAction,
  AgentPaginatedAction,
  { [A in AgentRTMAction]: AgentRTMPayload<A> }
>;

/**
 * The Agent Chat API 3.7 over WebSocket: one method per documented 3.7 action, the 3.7 pushes
 * (the canned-response ones included), `login` answering `chats_info`; re-login, `logout` and
 * `updateSession` as the 3.6 client's.
 *
 * ```ts
 * import { AgentRTM } from '@lc/agent/v3.7';
 * const rtm = new AgentRTM(WebSocket, tokenGetter);
 * rtm.on('canned_response_created', ({ id, text }) => console.log(id, text));
 * const { chats_info } = await rtm.login({ pushes: { '3.7': ['incoming_event', 'canned_response_created'] } });
 * ```
 * @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7/rtm-reference
 */
export class AgentRTM extends /* @__PURE__ */ AgentRTMMethods(AgentRTMBase<AgentRTMTypes>) {
  /** As the 3.6 client's, with `options.apiVersion` defaulting to `3.7`. */
  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, options?: AgentRTMOptions) {
    super(WebSocket, tokenGetter, { ...options, apiVersion: options?.apiVersion ?? '3.7' });
  }
}
