import { ChatWeb, createWebClient } from '@lc/core';
import type { ChatWebOptions, ChatWebPayload, ChatWebTypes, TokenGetter } from '@lc/core';
import { AgentWebMethods } from './generated/methods.js';
import { AGENT_WIRE_3_6 } from './generated/wire.js';
import type { AgentRequests, AgentWebAction } from './generated/requests.js';
import type { AgentPaginatedAction } from './options.js';
import type { AgentResponses } from './types/index.js';

/** Options of {@link AgentWeb}: everything the core Web client takes except `api` and the token getter. */
export type AgentWebOptions = ChatWebOptions;

/** The payload `call(action, payload)` takes over Web: `upload_file` takes {@link UploadFileInput}. */
export type AgentWebPayload<A extends AgentWebAction> = ChatWebPayload<AgentRequests, A>;

/** The type maps of {@link AgentWeb}. */
type AgentWebTypes = ChatWebTypes<AgentRequests, AgentResponses, AgentWebAction, AgentPaginatedAction>;

/**
 * The Agent Chat API over HTTP (Web API 3.6): one method per documented action.
 *
 * ```ts
 * const agent = new AgentWeb(() => ({ accessToken, organizationID, tokenType: 'Basic' }));
 * const { chats_summary } = await agent.listChats({ limit: 10 });
 * ```
 * @see https://platform.text.com/docs/messaging/agent-chat-api
 */
export class AgentWeb extends /* @__PURE__ */ AgentWebMethods(ChatWeb<AgentWebTypes>) {
  /**
   * @param tokenGetter called before every request (a Personal Access Token with `tokenType: 'Basic'`,
   *   or an OAuth/bot token with `tokenType: 'Bearer'`).
   * @param options base URL, API version, timeout, retry policy, custom `fetch`, headers.
   */
  constructor(tokenGetter: TokenGetter, options: AgentWebOptions = {}) {
    super({ api: 'agent', wire: AGENT_WIRE_3_6, createWebClient }, tokenGetter, options);
  }
}
