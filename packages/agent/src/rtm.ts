import type { ChatRTMTypes } from '@lc/core';
import { AgentRTMMethods } from './generated/methods.js';
import type { AgentRequests, AgentRTMAction } from './generated/requests.js';
import type { AgentPaginatedAction } from './options.js';
import { AgentRTMBase, type AgentRTMPayloadOf } from './rtm-base.js';
import type { AgentPushes, AgentResponses } from './types/index.js';

export type { AgentRTMOptions } from './rtm-base.js';

/** The `login` payload without `token`: the token always comes from the token getter. */
export type AgentLoginPayload = Omit<AgentRequests['login'], 'token'>;

/** The payload `call(action, payload)` takes over RTM: `login` without its token (the getter supplies it). */
export type AgentRTMPayload<A extends AgentRTMAction> = AgentRTMPayloadOf<AgentRequests, A>;

/** The type maps of {@link AgentRTM}. */
type AgentRTMTypes = ChatRTMTypes<
  AgentRequests,
  AgentResponses,
  AgentPushes,
  AgentRTMAction,
  AgentPaginatedAction,
  { [A in AgentRTMAction]: AgentRTMPayload<A> }
>;

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
export class AgentRTM extends /* @__PURE__ */ AgentRTMMethods(AgentRTMBase<AgentRTMTypes>) {}
