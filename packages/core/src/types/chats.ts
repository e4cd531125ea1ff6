// Chats and threads of the Agent / Customer Chat API 3.6 (also used by webhooks). Type-only.
import type { Access, CustomerVisit, Properties, Queue, ThreadSummary } from './common.js';
import type { EventType, RestrictedEvent, ThreadEvent } from './events.js';
import type { User } from './users.js';

/**
 * A thread: one conversation of a chat, from start to deactivation.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#threads
 */
export interface Thread {
  /** The thread ID. */
  id: string;
  /** When the thread was created: RFC 3339 with microseconds, UTC. */
  created_at: string;
  /** `true` while the thread is active. */
  active: boolean;
  /** The IDs of the thread's users. */
  user_ids: string[];
  /** The thread events. Missing when `restricted_access` is present. */
  events?: ThreadEvent[];
  /** The reason the requester cannot see the events (e.g. plan limits on old threads). */
  restricted_access?: string;
  /** The thread's properties. */
  properties?: Properties;
  /** The groups with access to the thread. */
  access?: Access;
  /** The tags; present only when the thread was tagged. */
  tags?: string[];
  /** Present only while the chat is queued. */
  queue?: Queue;
  /** How long the thread was queued, in seconds. */
  queues_duration?: number;
  /** The preceding thread, if any. */
  previous_thread_id?: string;
  /** The following thread, if any. */
  next_thread_id?: string;
  /** The preceding thread the requester can access (`list_archives` only). */
  previous_accessible_thread_id?: string;
  /** The following thread the requester can access (`list_archives` only). */
  next_accessible_thread_id?: string;
  /** Details of the customer visit (IP, user agent, geolocation). Agent Chat API. */
  customer_visit?: CustomerVisit;
  /** The AI-generated thread summary, when one was requested. Agent Chat API. */
  summary?: ThreadSummary;
}

/**
 * A chat with one thread (`get_chat`, `list_archives`, `incoming_chat`).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#chats
 */
export interface Chat {
  /** The chat ID. */
  id: string;
  /** The chat users. */
  users: User[];
  /** The requested (or latest) thread; missing for chats without threads. */
  thread?: Thread;
  /** The chat's properties. */
  properties?: Properties;
  /** The groups with access to the chat. */
  access?: Access;
  /** Whether the requester follows the chat. Agent Chat API. */
  is_followed?: boolean;
}

/**
 * The last event of one type in a chat summary. `event` is replaced by a {@link RestrictedEvent}
 * when the requester has no access to it.
 */
export interface LastEventOfType {
  /** The thread the event belongs to. */
  thread_id: string;
  /** When that thread was created (RFC 3339). */
  thread_created_at: string;
  /** The thread's order number in the chat (Customer Chat API). */
  thread_order?: number;
  /** The event (or its restriction). */
  event: ThreadEvent | RestrictedEvent;
}

/** The last event of each type in a chat: event type → entry. */
export type LastEventPerType = { [T in EventType]?: LastEventOfType };

/**
 * The summary of the last thread in a chat summary (not to be confused with the AI
 * {@link ThreadSummary}).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#chat-summaries
 */
export interface LastThreadSummary {
  /** The thread ID. */
  id: string;
  /** When the thread was created (RFC 3339). */
  created_at: string;
  /** The IDs of the thread's users. */
  user_ids: string[];
  /** The thread's properties. */
  properties?: Properties;
  /** Whether the thread is active (missing in the `login` sample). */
  active?: boolean;
  /** The groups with access to the thread. */
  access?: Access;
  /** Present only while the chat is queued. */
  queue?: Queue;
  /** The thread's tags. */
  tags?: string[];
}

/**
 * A chat summary (Agent Chat API 3.6): like {@link Chat}, but with the last thread's summary and
 * the last event of each type instead of a thread (`list_chats`, `login`).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#chat-summaries
 */
export interface ChatSummary {
  /** The chat ID. */
  id: string;
  /** The chat users. */
  users: User[];
  /** The last thread; missing for chats without threads. */
  last_thread_summary?: LastThreadSummary;
  /** The last event of each type. */
  last_event_per_type?: LastEventPerType;
  /** The chat's properties. */
  properties?: Properties;
  /** The groups with access to the chat. */
  access?: Access;
  /** Whether the requester follows the chat. */
  is_followed?: boolean;
}

/**
 * A chat summary as the Customer Chat API 3.6 returns it (`list_chats`): the last thread's ID and
 * creation time instead of its summary.
 * @see https://platform.text.com/docs/messaging/customer-chat-api/data-structures#chat-summaries
 */
export interface CustomerChatSummary {
  /** The chat ID. */
  id: string;
  /** The last thread's ID. */
  last_thread_id?: string;
  /** When the last thread was created (RFC 3339). */
  last_thread_created_at?: string;
  /** The last event of each type. */
  last_event_per_type?: LastEventPerType;
  /** The chat users. */
  users: User[];
  /** The groups with access to the chat. */
  access?: Access;
  /** The chat's properties. */
  properties?: Properties;
  /** Whether the chat is active. */
  active?: boolean;
}

/** The last event of one type inside {@link LastThreadInfo} (3.7): no thread fields. */
export interface LastThreadEventOfType {
  /** The event (or its restriction). */
  event: ThreadEvent | RestrictedEvent;
}

/**
 * The last thread of a {@link ChatInfo} (Agent Chat API 3.7 developer preview), which also holds
 * the last event of each type.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7/data-structures#chat-info
 */
export interface LastThreadInfo extends LastThreadSummary {
  /** The last event of each type in this thread. */
  last_event_per_type?: { [T in EventType]?: LastThreadEventOfType };
}

/**
 * Chat info (Agent Chat API 3.7 developer preview): the renamed {@link ChatSummary}, returned as
 * `chats_info` by `list_chats` and `login` in 3.7, with `last_event_per_type` moved into its last thread.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/v3.7/data-structures#chat-info
 */
export interface ChatInfo extends Omit<ChatSummary, 'last_thread_summary' | 'last_event_per_type'> {
  /** The last thread, with its last event of each type (3.6: `last_thread_summary`, `last_event_per_type`). */
  last_thread_info?: LastThreadInfo;
}
