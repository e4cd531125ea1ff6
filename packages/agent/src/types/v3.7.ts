// The Agent Chat API 3.7 response and push types: 3.6's with the differences spec/CHANGES-3.7.md
// lists applied (`chats_summary` → `chats_info` in `list_chats` and `login`; the canned-response
// pushes). Type-only.
import type { CannedResponse, ChatInfo } from '@lc/core';
import type { AgentPushes, AgentResponses, ListChatsResponse, LoginResponse } from './index.js';

export type * from './index.js';
export type { CannedResponse, ChatInfo, LastThreadInfo } from '@lc/core';

/**
 * Response of `list_chats` at 3.7: `chats_info` instead of 3.6's `chats_summary`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7#list-chats
 */
export interface ListChatsResponse3_7 extends Omit<ListChatsResponse, 'chats_summary'> {
  /** The chats, each with its last thread (and that thread's last event of each type). */
  chats_info: ChatInfo[];
}

/**
 * Response of `login` (RTM) at 3.7: `chats_info` instead of 3.6's `chats_summary`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7/rtm-reference#login
 */
export interface LoginResponse3_7 extends Omit<LoginResponse, 'chats_summary'> {
  /** The agent's chats. */
  chats_info: ChatInfo[];
}

/** Every Agent Chat API 3.7 action → its response payload type. */
export interface AgentResponses3_7 extends Omit<AgentResponses, 'list_chats' | 'login'> {
  list_chats: ListChatsResponse3_7;
  login: LoginResponse3_7;
}

/** Push `canned_response_created` (3.7): the whole canned response. @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7/rtm-pushes#canned_response_created */
export type CannedResponseCreatedPush = CannedResponse;

/** Push `canned_response_updated` (3.7): the updated canned response (its sample has no `created_at`). @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7/rtm-pushes#canned_response_updated */
export type CannedResponseUpdatedPush = Omit<CannedResponse, 'created_at'>;

/** Push `canned_response_deleted` (3.7). @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7/rtm-pushes#canned_response_deleted */
export interface CannedResponseDeletedPush {
  id: number;
}

/** Every Agent Chat API 3.7 push name → its payload type: 3.6's plus the canned-response pushes. */
export type AgentPushes3_7 = AgentPushes & {
  canned_response_created: CannedResponseCreatedPush;
  canned_response_updated: CannedResponseUpdatedPush;
  canned_response_deleted: CannedResponseDeletedPush;
};
