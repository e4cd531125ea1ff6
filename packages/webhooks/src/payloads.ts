/**
 * The `payload` of every v3.6 webhook action, in the docs' wire names.
 *
 * Field lists follow the docs' sample webhooks and field tables; `test/types.test-d.ts`
 * checks every field named in `spec/pushes-webhooks.json` is typed here. The parser does not
 * validate payloads: fields the platform adds later are kept at runtime.
 *
 * @see https://platform.text.com/docs/management/webhooks/v3.6
 */
import type {
  IncomingEventPayload as LcIncomingEventPayload,
  EventDeletedPayload as LcEventDeletedPayload,
  EventUpdatedPayload as LcEventUpdatedPayload,
  IncomingRichMessagePostbackPayload as LcIncomingRichMessagePostbackPayload,
  ChatPropertiesUpdatedPayload as LcChatPropertiesUpdatedPayload,
  ChatPropertiesDeletedPayload as LcChatPropertiesDeletedPayload,
  ThreadPropertiesUpdatedPayload as LcThreadPropertiesUpdatedPayload,
  ThreadPropertiesDeletedPayload as LcThreadPropertiesDeletedPayload,
  EventPropertiesUpdatedPayload as LcEventPropertiesUpdatedPayload,
  EventPropertiesDeletedPayload as LcEventPropertiesDeletedPayload,
  ChatDeactivatedPayload as LcChatDeactivatedPayload,
  EventsMarkedAsSeenPayload as LcEventsMarkedAsSeenPayload,
} from '@lc/core';
export type { RichMessagePostback } from '@lc/core';
import type {
  Access,
  AgentConfiguration,
  AutoAccessChange,
  BotConfiguration,
  Chat,
  GroupConfiguration,
  Queue,
  RoutingStatus,
  SessionFields,
  Tag,
  ThreadSummary,
  TransferReason,
  TransferTarget,
  User,
} from './structures.js';

// ---------------------------------------------------------------- chats

/** `incoming_chat`: a chat came with a new thread; `chat.thread` holds its initial events. @see https://platform.text.com/docs/management/webhooks/v3.6#incoming_chat */
export interface IncomingChatPayload {
  chat: Chat;
}

/** `chat_deactivated`: the open thread of a chat was closed. @see https://platform.text.com/docs/management/webhooks/v3.6#chat_deactivated */
export type ChatDeactivatedPayload = LcChatDeactivatedPayload;

// ---------------------------------------------------------------- chat access

/** `chat_access_updated`: the chat's access changed. @see https://platform.text.com/docs/management/webhooks/v3.6#chat_access_updated */
export interface ChatAccessUpdatedPayload {
  /** The chat id. */
  id: string;
  access: Access;
}

/** `chat_transferred`: the chat moved to other groups or agents. @see https://platform.text.com/docs/management/webhooks/v3.6#chat_transferred */
export interface ChatTransferredPayload {
  chat_id: string;
  /** Present when the chat is active. */
  thread_id?: string;
  requester_id?: string;
  reason: TransferReason;
  /** Groups and agents the chat is assigned to after the transfer. */
  transferred_to: TransferTarget;
  /** Present when the chat is queued after the transfer. */
  queue?: Queue;
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

// ---------------------------------------------------------------- events

/** `incoming_event`: an event was sent to a chat. @see https://platform.text.com/docs/management/webhooks/v3.6#incoming_event */
export type IncomingEventPayload = LcIncomingEventPayload;

/** `event_deleted`: an event was deleted. @see https://platform.text.com/docs/management/webhooks/v3.6#event_deleted */
export type EventDeletedPayload = LcEventDeletedPayload;

/** `event_updated`: an event was updated. @see https://platform.text.com/docs/management/webhooks/v3.6#event_updated */
export type EventUpdatedPayload = LcEventUpdatedPayload;

/** `incoming_rich_message_postback`: a user pressed a rich message button. @see https://platform.text.com/docs/management/webhooks/v3.6#incoming_rich_message_postback */
export type IncomingRichMessagePostbackPayload = LcIncomingRichMessagePostbackPayload;

// ---------------------------------------------------------------- properties

/** `chat_properties_updated`: only the properties that changed. @see https://platform.text.com/docs/management/webhooks/v3.6#chat_properties_updated */
export type ChatPropertiesUpdatedPayload = LcChatPropertiesUpdatedPayload;

/** `chat_properties_deleted`. @see https://platform.text.com/docs/management/webhooks/v3.6#chat_properties_deleted */
export type ChatPropertiesDeletedPayload = LcChatPropertiesDeletedPayload;

/** `thread_properties_updated`: only the properties that changed. @see https://platform.text.com/docs/management/webhooks/v3.6#thread_properties_updated */
export type ThreadPropertiesUpdatedPayload = LcThreadPropertiesUpdatedPayload;

/** `thread_properties_deleted`. @see https://platform.text.com/docs/management/webhooks/v3.6#thread_properties_deleted */
export type ThreadPropertiesDeletedPayload = LcThreadPropertiesDeletedPayload;

/** `event_properties_updated`: only the properties that changed. @see https://platform.text.com/docs/management/webhooks/v3.6#event_properties_updated */
export type EventPropertiesUpdatedPayload = LcEventPropertiesUpdatedPayload;

/** `event_properties_deleted`. @see https://platform.text.com/docs/management/webhooks/v3.6#event_properties_deleted */
export type EventPropertiesDeletedPayload = LcEventPropertiesDeletedPayload;

// ---------------------------------------------------------------- thread tags

/** `thread_tagged` / `thread_untagged`. @see https://platform.text.com/docs/management/webhooks/v3.6#thread_tagged */
export interface ThreadTagPayload {
  chat_id: string;
  thread_id: string;
  tag: string;
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

/** `events_marked_as_seen`: a user has seen the events up to `seen_up_to`. @see https://platform.text.com/docs/management/webhooks/v3.6#events_marked_as_seen */
export type EventsMarkedAsSeenPayload = LcEventsMarkedAsSeenPayload;

/** `thread_summary_set`: a thread summary was generated. @see https://platform.text.com/docs/management/webhooks/v3.6#thread_summary_set */
export interface ThreadSummarySetPayload {
  chat_id: string;
  thread_id: string;
  summary: ThreadSummary;
}

/** The payload type of every documented webhook action. */
export interface WebhookPayloads {
  incoming_chat: IncomingChatPayload;
  chat_deactivated: ChatDeactivatedPayload;
  chat_access_updated: ChatAccessUpdatedPayload;
  chat_transferred: ChatTransferredPayload;
  user_added_to_chat: UserAddedToChatPayload;
  user_removed_from_chat: UserRemovedFromChatPayload;
  incoming_event: IncomingEventPayload;
  event_deleted: EventDeletedPayload;
  event_updated: EventUpdatedPayload;
  incoming_rich_message_postback: IncomingRichMessagePostbackPayload;
  chat_properties_updated: ChatPropertiesUpdatedPayload;
  chat_properties_deleted: ChatPropertiesDeletedPayload;
  thread_properties_updated: ThreadPropertiesUpdatedPayload;
  thread_properties_deleted: ThreadPropertiesDeletedPayload;
  event_properties_updated: EventPropertiesUpdatedPayload;
  event_properties_deleted: EventPropertiesDeletedPayload;
  thread_tagged: ThreadTagPayload;
  thread_untagged: ThreadTagPayload;
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
  events_marked_as_seen: EventsMarkedAsSeenPayload;
  thread_summary_set: ThreadSummarySetPayload;
}
