// `@lc/agent/v3.7`: the Agent Chat API 3.7 (developer preview) over Web, typed from the 3.7 spec.
// The package root stays 3.6; this entry carries no 3.6 table (its own wire table and methods).
import { ChatWeb, createWebClient } from '@lc/core';
import type { ChatWebOptions, ChatWebPayload, ChatWebTypes, TokenGetter } from '@lc/core';
import { AgentWebMethods, type AgentPaginatedAction } from './generated/v3.7/methods.js';
import type { AgentRequests, AgentWebAction } from './generated/v3.7/requests.js';
import { AGENT_WIRE_3_7 } from './generated/wire.js';
import type { AgentResponses3_7 } from './types/v3.7.js';

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
    super({ api: 'agent', wire: AGENT_WIRE_3_7, createWebClient }, tokenGetter, {
      ...options,
      apiVersion: options.apiVersion ?? '3.7',
    });
  }
}
