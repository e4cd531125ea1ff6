// The Customer Chat API 3.7 response and push types: 3.6's with the differences spec/CHANGES-3.7.md
// lists applied (`chats_summary` → `chats_info` in `list_chats`, `get_predicted_agent` removed);
// the pushes are 3.6's.
// Type-only.
import type { CustomerChatSummary, LastThreadInfo } from '@lc/core';
import type { CustomerPushes, CustomerResponses, ListChatsResponse } from './index.js';

export type * from './index.js';

/**
 * A chat as the Customer Chat API 3.7 `list_chats` returns it: 3.6's chat summary with
 * `last_thread_id`, `last_thread_created_at` and `last_event_per_type` moved into `last_thread_info`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api/v3.7#list-chats
 */
export interface CustomerChatInfo
  extends Omit<CustomerChatSummary, 'last_thread_id' | 'last_thread_created_at' | 'last_event_per_type'> {
  /** The last thread: its ID, creation time and last event of each type. */
  last_thread_info?: Pick<LastThreadInfo, 'id' | 'created_at' | 'last_event_per_type'>;
}

/**
 * Response of `list_chats` at 3.7: `chats_info` instead of 3.6's `chats_summary`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api/v3.7#list-chats
 */
export interface ListChatsResponse3_7 extends Omit<ListChatsResponse, 'chats_summary'> {
  chats_info: CustomerChatInfo[];
}

/** Every Customer Chat API 3.7 action → its response payload type (no `get_predicted_agent`). */
export interface CustomerResponses3_7 extends Omit<CustomerResponses, 'list_chats' | 'get_predicted_agent'> {
  list_chats: ListChatsResponse3_7;
}

/** Every Customer Chat API 3.7 push name → its payload type: the 3.7 docs list 3.6's pushes, unchanged. */
export type CustomerPushes3_7 = CustomerPushes;
