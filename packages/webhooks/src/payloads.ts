/**
 * The `payload` of every v3.6 webhook action, in the docs' wire names.
 *
 * Field lists follow the docs' sample webhooks and field tables; `test/types.test-d.ts`
 * checks every field named in `spec/pushes-webhooks.json` is typed here. The parser does not
 * validate payloads: fields the platform adds later are kept at runtime.
 *
 * @see https://platform.text.com/docs/management/webhooks/v3.6
 */
// The payloads the Agent and Customer Chat API pushes of the same name carry too (chat state, events,
// properties, thread tags): declared once in @lc/core.
export type {
  ChatDeactivatedPayload,
  ChatPropertiesDeletedPayload,
  ChatPropertiesUpdatedPayload,
  ChatTransferredPayload,
  EventDeletedPayload,
  EventPropertiesDeletedPayload,
  EventPropertiesUpdatedPayload,
  EventsMarkedAsSeenPayload,
  EventUpdatedPayload,
  IncomingEventPayload,
  IncomingRichMessagePostbackPayload,
  RichMessagePostback,
  ThreadPropertiesDeletedPayload,
  ThreadPropertiesUpdatedPayload,
  ThreadTagPayload,
} from '@lc/core';
import type * as shared from '@lc/core';
import type {
  Access,
  AgentConfiguration,
  AutoAccessChange,
  BotConfiguration,
  Chat,
  GroupConfiguration,
  RoutingStatus,
  SessionFields,
  Tag,
  ThreadSummary,
  User,
} from './structures.js';

// ---------------------------------------------------------------- chats

/** `incoming_chat`: a chat came with a new thread; `chat.thread` holds its initial events. @see https://platform.text.com/docs/management/webhooks/v3.6#incoming_chat */
export interface IncomingChatPayload {
  chat: Chat;
}

// ---------------------------------------------------------------- chat access

/** `chat_access_updated`: the chat's access changed. @see https://platform.text.com/docs/management/webhooks/v3.6#chat_access_updated */
export interface ChatAccessUpdatedPayload {
  /** The chat id. */
  id: string;
  access: Access;
}

// ---------------------------------------------------------------- chat users

/** `user_added_to_chat`: an agent or a customer joined a chat. @see https://platform.text.com/docs/management/webhooks/v3.6#user_added_to_chat */
export interface UserAddedToChatPayload {
  chat_id: string;
  thread_id: string;
  user: User;
  reason: string;
  requester_id?: string;
  /** Listed in the docs' field table, missing from its sample. */
  user_type?: 'agent' | 'customer';
}

/** `user_removed_from_chat`: an agent or a customer left a chat. @see https://platform.text.com/docs/management/webhooks/v3.6#user_removed_from_chat */
export interface UserRemovedFromChatPayload {
  chat_id: string;
  thread_id: string;
  user_id: string;
  reason: string;
  requester_id?: string;
  /** Listed in the docs' field table, missing from its sample. */
  user_type?: 'agent' | 'customer';
}

// ---------------------------------------------------------------- status

/** `routing_status_set`: an agent's or bot's routing status changed. @see https://platform.text.com/docs/management/webhooks/v3.6#routing_status_set */
export interface RoutingStatusSetPayload {
  agent_id: string;
  /**
   * `accepting_chats`, `not_accepting_chats`, or `offline` (bots). The webhooks page writes them
   * with spaces (`accepting chats`); the API and the push use underscores. Kept open for both.
   */
  status: RoutingStatus | (string & {});
}

// ---------------------------------------------------------------- customers

/** `customer_session_fields_updated`: sent once per active chat of the customer. @see https://platform.text.com/docs/management/webhooks/v3.6#customer_session_fields_updated */
export interface CustomerSessionFieldsUpdatedPayload {
  /** The customer id. */
  id: string;
  active_chat: { chat_id: string; thread_id: string };
  session_fields: SessionFields;
}

// ---------------------------------------------------------------- configuration

/** `agent_created`: the full agent structure, empty fields included. @see https://platform.text.com/docs/management/webhooks/v3.6#agent_created */
export type AgentCreatedPayload = AgentConfiguration &
  Required<
    Pick<
      AgentConfiguration,
      'name' | 'role' | 'awaiting_approval' | 'groups' | 'notifications' | 'email_subscriptions' | 'work_scheduler'
    >
  >;

/** `agent_updated`: the agent id and only the fields that changed. @see https://platform.text.com/docs/management/webhooks/v3.6#agent_updated */
export type AgentUpdatedPayload = AgentConfiguration;

/** `agent_approved`, `agent_suspended`, `agent_unsuspended`, `agent_deleted`: the agent id. @see https://platform.text.com/docs/management/webhooks/v3.6#agent_approved */
export interface AgentIdPayload {
  id: string;
}

/**
 * `auto_accesses_updated`: every change an add, update or delete of an auto access rule caused.
 * The payload is an ARRAY. (The docs' samples write the action as `auto_access_added`.)
 * @see https://platform.text.com/docs/management/webhooks/v3.6#auto_accesses_updated
 */
export type AutoAccessesUpdatedPayload = AutoAccessChange[];

/** `bot_created`: the full bot structure, empty fields included. @see https://platform.text.com/docs/management/webhooks/v3.6#bot_created */
export type BotCreatedPayload = BotConfiguration &
  Required<Pick<BotConfiguration, 'name' | 'default_group_priority' | 'groups' | 'owner_client_id'>>;

/** `bot_updated`: the bot id and only the fields that changed. @see https://platform.text.com/docs/management/webhooks/v3.6#bot_updated */
export type BotUpdatedPayload = BotConfiguration;

/** `bot_deleted`: the bot id. @see https://platform.text.com/docs/management/webhooks/v3.6#bot_deleted */
export interface BotDeletedPayload {
  id: string;
}

/** `group_created`: the full group structure, empty fields included. @see https://platform.text.com/docs/management/webhooks/v3.6#group_created */
export type GroupCreatedPayload = GroupConfiguration &
  Required<Pick<GroupConfiguration, 'name' | 'language_code' | 'agent_priorities'>>;

/** `group_updated`: the group id and only the fields that changed. @see https://platform.text.com/docs/management/webhooks/v3.6#group_updated */
export type GroupUpdatedPayload = GroupConfiguration;

/** `group_deleted`: the group id. @see https://platform.text.com/docs/management/webhooks/v3.6#group_deleted */
export interface GroupDeletedPayload {
  id: number;
}

/** `tag_created`: the full tag structure. @see https://platform.text.com/docs/management/webhooks/v3.6#tag_created */
export type TagCreatedPayload = Tag & Required<Pick<Tag, 'group_ids' | 'created_at' | 'author_id'>>;

/** `tag_deleted`: the tag name. @see https://platform.text.com/docs/management/webhooks/v3.6#tag_deleted */
export interface TagDeletedPayload {
  name: string;
}

/** `tag_updated`: the tag name and the fields that changed. @see https://platform.text.com/docs/management/webhooks/v3.6#tag_updated */
export type TagUpdatedPayload = Tag;

// ---------------------------------------------------------------- other

/** `thread_summary_set`: a thread summary was generated. @see https://platform.text.com/docs/management/webhooks/v3.6#thread_summary_set */
export interface ThreadSummarySetPayload {
  chat_id: string;
  thread_id: string;
  summary: ThreadSummary;
}

/** The payload type of every documented webhook action. */
export interface WebhookPayloads {
  incoming_chat: IncomingChatPayload;
  chat_deactivated: shared.ChatDeactivatedPayload;
  chat_access_updated: ChatAccessUpdatedPayload;
  chat_transferred: shared.ChatTransferredPayload;
  user_added_to_chat: UserAddedToChatPayload;
  user_removed_from_chat: UserRemovedFromChatPayload;
  incoming_event: shared.IncomingEventPayload;
  event_deleted: shared.EventDeletedPayload;
  event_updated: shared.EventUpdatedPayload;
  incoming_rich_message_postback: shared.IncomingRichMessagePostbackPayload;
  chat_properties_updated: shared.ChatPropertiesUpdatedPayload;
  chat_properties_deleted: shared.ChatPropertiesDeletedPayload;
  thread_properties_updated: shared.ThreadPropertiesUpdatedPayload;
  thread_properties_deleted: shared.ThreadPropertiesDeletedPayload;
  event_properties_updated: shared.EventPropertiesUpdatedPayload;
  event_properties_deleted: shared.EventPropertiesDeletedPayload;
  thread_tagged: shared.ThreadTagPayload;
  thread_untagged: shared.ThreadTagPayload;
  routing_status_set: RoutingStatusSetPayload;
  customer_session_fields_updated: CustomerSessionFieldsUpdatedPayload;
  agent_created: AgentCreatedPayload;
  agent_approved: AgentIdPayload;
  agent_updated: AgentUpdatedPayload;
  agent_suspended: AgentIdPayload;
  agent_unsuspended: AgentIdPayload;
  agent_deleted: AgentIdPayload;
  auto_accesses_updated: AutoAccessesUpdatedPayload;
  bot_created: BotCreatedPayload;
  bot_updated: BotUpdatedPayload;
  bot_deleted: BotDeletedPayload;
  group_created: GroupCreatedPayload;
  group_deleted: GroupDeletedPayload;
  group_updated: GroupUpdatedPayload;
  tag_created: TagCreatedPayload;
  tag_deleted: TagDeletedPayload;
  tag_updated: TagUpdatedPayload;
  events_marked_as_seen: shared.EventsMarkedAsSeenPayload;
  thread_summary_set: ThreadSummarySetPayload;
}
