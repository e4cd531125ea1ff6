// Payloads of every Agent Chat API 3.6 RTM push, from the docs' push samples and tables.
// Type-only. Checked against spec/pushes-webhooks.json by scripts/check-types-complete.mjs.
import type {
  Access,
  AgentConfiguration,
  AgentRoutingStatus,
  AutoAccessChange,
  BotConfiguration,
  Cart,
  Chat,
  ChatDeactivatedPayload,
  ChatPropertiesDeletedPayload,
  ChatPropertiesUpdatedPayload,
  Customer,
  CustomerStatistics,
  EventDeletedPayload,
  EventPropertiesDeletedPayload,
  EventPropertiesUpdatedPayload,
  EventsMarkedAsSeenPayload,
  EventUpdatedPayload,
  GroupConfiguration,
  IncomingEventPayload,
  IncomingRichMessagePostbackPayload,
  IncomingThinkingIndicatorPayload,
  Properties,
  Queue,
  RoutingStatus,
  Tag,
  ThreadPropertiesDeletedPayload,
  ThreadPropertiesUpdatedPayload,
  ThreadSummary,
  TransferReason,
  TransferTarget,
  UserAddedToChatPayload,
  UserRemovedFromChatPayload,
  Visibility,
} from '@lc/core';
export type { RichMessagePostback } from '@lc/core';

/** Push `incoming_chat`: a chat came with a new thread (with its initial events, if any). @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_chat */
export interface IncomingChatPush {
  /** Who started the chat. */
  requester_id?: string;
  /** The whole chat, with the new thread. */
  chat: Chat;
  /** Where the chat was transferred from, if it was. */
  transferred_from?: TransferTarget;
}

/** Push `chat_deactivated`: the open thread was closed. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#chat_deactivated */
export type ChatDeactivatedPush = ChatDeactivatedPayload;

/** Push `chat_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#chat_deleted */
export interface ChatDeletedPush {
  /** The deleted chat. */
  chat_id: string;
}

/** Push `thread_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_deleted */
export interface ThreadDeletedPush {
  /** The chat ID. */
  chat_id: string;
  /** The deleted thread. */
  thread_id: string;
}

/** Push `threads_deleted`: threads from a date range or with a tag were deleted. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#threads_deleted */
export interface ThreadsDeletedPush {
  /** Start of the date range (RFC 3339). */
  date_from?: string;
  /** End of the date range (RFC 3339). */
  date_to?: string;
  /** The tag of the deleted threads. */
  tag?: string;
}

/** Push `chat_access_updated`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#chat_access_updated */
export interface ChatAccessUpdatedPush {
  /** The chat ID. */
  id: string;
  /** The updated access. */
  access: Access;
}

/** Push `chat_transferred`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#chat_transferred */
export interface ChatTransferredPush {
  /** The chat ID. */
  chat_id: string;
  /** Present if the chat is active. */
  thread_id?: string;
  /** Who transferred the chat. */
  requester_id?: string;
  /** Why the chat was transferred. */
  reason: TransferReason;
  /** The groups and agents the chat is assigned to after the transfer. */
  transferred_to: TransferTarget;
  /** Present if the chat is queued after the transfer. */
  queue?: Queue;
}

/** Push `user_added_to_chat`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#user_added_to_chat */
export type UserAddedToChatPush = UserAddedToChatPayload;

/** Push `user_removed_from_chat`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#user_removed_from_chat */
export type UserRemovedFromChatPush = UserRemovedFromChatPayload;

/** Push `incoming_event`: an event was sent to a chat. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_event */
export type IncomingEventPush = IncomingEventPayload;

/** Push `event_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#event_deleted */
export type EventDeletedPush = EventDeletedPayload;

/** Push `event_updated`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#event_updated */
export type EventUpdatedPush = EventUpdatedPayload;

/** Push `incoming_rich_message_postback`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_rich_message_postback */
export type IncomingRichMessagePostbackPush = IncomingRichMessagePostbackPayload;

/** Push `chat_properties_updated` (only the updated properties). @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#chat_properties_updated */
export type ChatPropertiesUpdatedPush = ChatPropertiesUpdatedPayload;

/** Push `chat_properties_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#chat_properties_deleted */
export type ChatPropertiesDeletedPush = ChatPropertiesDeletedPayload;

/** Push `thread_properties_updated` (only the updated properties). @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_properties_updated */
export type ThreadPropertiesUpdatedPush = ThreadPropertiesUpdatedPayload;

/** Push `thread_properties_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_properties_deleted */
export type ThreadPropertiesDeletedPush = ThreadPropertiesDeletedPayload;

/** Push `event_properties_updated` (only the updated properties). @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#event_properties_updated */
export type EventPropertiesUpdatedPush = EventPropertiesUpdatedPayload;

/** Push `event_properties_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#event_properties_deleted */
export type EventPropertiesDeletedPush = EventPropertiesDeletedPayload;

/** Push `thread_tagged`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_tagged */
export interface ThreadTaggedPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The tag. */
  tag: string;
}

/** Push `thread_untagged`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_untagged */
export interface ThreadUntaggedPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The removed tag. */
  tag: string;
}

/**
 * Which customers an agent is told about (`login.customer_monitoring_level`).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#login
 */
export type CustomerMonitoringLevel = 'my' | 'chatting' | 'invited' | 'online' | 'highest_available';

/** Push `incoming_customers`: the customers the agent should be aware of, sent after `login`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_customers */
export interface IncomingCustomersPush {
  /** The effective monitoring level. */
  customer_monitoring_level: CustomerMonitoringLevel;
  /** The customers. */
  customers: Customer[];
}

/** Push `incoming_customer`: a new or returning customer is available to the agent. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_customer */
export interface IncomingCustomerPush extends Customer {}

/** Push `customer_updated`: the customer's changed fields. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#customer_updated */
export interface CustomerUpdatedPush extends Partial<Omit<Customer, 'id'>> {
  /** The customer ID. */
  id: string;
  /** The updated cart (the push sends one `cart`, not `carts`). */
  cart?: Cart;
}

/** Push `customer_page_updated`: the customer opened another page. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#customer_page_updated */
export interface CustomerPageUpdatedPush {
  /** The customer ID. */
  customer_id: string;
  /** The visit ID. */
  visit_id: number;
  /** When the page was opened (RFC 3339). */
  opened_at: string;
  /** The page URL. */
  url: string;
  /** The page title. */
  title?: string;
}

/** Push `customer_statistics_updated`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#customer_statistics_updated */
export interface CustomerStatisticsUpdatedPush {
  /** The customer ID. */
  customer_id: string;
  /** The statistics. */
  statistics: CustomerStatistics;
}

/** Push `customer_banned`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#customer_banned */
export interface CustomerBannedPush {
  /** The customer ID. */
  customer_id: string;
  /** The ban. */
  ban: {
    /** For how many days. */
    days: number;
  };
}

/** Push `customer_transferred`: the customer is no longer available to the agent. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#customer_transferred */
export interface CustomerTransferredPush {
  /** The customer ID. */
  id: string;
  /** Where the customer went. */
  transferred_to: TransferTarget;
  /** Whether the agent followed the customer. */
  followed: boolean;
}

/** Push `customer_left`: the customer left the tracked website. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#customer_left */
export interface CustomerLeftPush {
  /** The customer ID. */
  id: string;
  /** When the customer left (RFC 3339). */
  left_at: string;
}

/**
 * Push `subscribed_customers_totals_updated`: subscription ID → number of matching customers.
 * Sent periodically once a subscription's limit is reached.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#subscribed_customers_totals_updated
 */
export interface SubscribedCustomersTotalsUpdatedPush {
  [subscription_id: string]: number;
}

/** Push `ticket_created`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#ticket_created */
export interface TicketCreatedPush {
  /** The customer ID. */
  customer_id: string;
  /** The ticket ID. */
  ticket_id: string;
  /** The ticket folder, e.g. `inbox`. */
  silo: string;
  /** When the ticket was created (RFC 3339). */
  created_at: string;
}

/** Push `ticket_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#ticket_deleted */
export interface TicketDeletedPush {
  /** The customer ID. */
  customer_id: string;
  /** The ticket ID. */
  ticket_id: string;
}

/** Push `routing_status_set`: an agent's or bot's status changed. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#routing_status_set */
export interface RoutingStatusSetPush extends AgentRoutingStatus {}

/**
 * The documented reasons of `agent_disconnected` (others may appear).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_disconnected
 */
export type AgentDisconnectReason =
  | 'agent_disconnected_by_server'
  | 'agent_logged_out_remotely'
  | 'access_token_revoked'
  | 'connection_evicted'
  | 'access_token_expired'
  | 'connection_timeout'
  | 'internal_error'
  | 'license_expired'
  | 'license_not_found'
  | 'misdirected_connection'
  | 'unsupported_version'
  | 'too_many_connections'
  | 'too_many_unauthorized_connections'
  | 'role_permissions_changed'
  | (string & {});

/** Push `agent_disconnected`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_disconnected */
export interface AgentDisconnectedPush {
  /** Why the agent was disconnected. */
  reason: AgentDisconnectReason;
  /** Extra data, e.g. the right `region` for `misdirected_connection`. */
  data?: {
    /** The region to connect to. */
    region?: string;
    [key: string]: unknown;
  };
}

/** Push `agent_created`: the full state of the new agent. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_created */
export interface AgentCreatedPush extends AgentConfiguration {}

/** Push `agent_approved`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_approved */
export interface AgentApprovedPush {
  /** The agent ID. */
  id: string;
}

/** Push `agent_updated`: only the updated fields. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_updated */
export interface AgentUpdatedPush extends AgentConfiguration {}

/** Push `agent_suspended`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_suspended */
export interface AgentSuspendedPush {
  /** The agent ID. */
  id: string;
}

/** Push `agent_unsuspended`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_unsuspended */
export interface AgentUnsuspendedPush {
  /** The agent ID. */
  id: string;
}

/** Push `agent_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_deleted */
export interface AgentDeletedPush {
  /** The agent ID. */
  id: string;
}

/** Push `auto_accesses_updated`: an ARRAY of the changes one add/update/delete caused. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#auto_accesses_updated */
export type AutoAccessesUpdatedPush = AutoAccessChange[];

/** Push `bot_created`: the full state of the new bot. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#bot_created */
export interface BotCreatedPush extends BotConfiguration {}

/** Push `bot_updated`: only the updated fields. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#bot_updated */
export interface BotUpdatedPush extends BotConfiguration {}

/** Push `bot_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#bot_deleted */
export interface BotDeletedPush {
  /** The bot ID. */
  id: string;
}

/** Push `group_created`: the full state of the new group. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#group_created */
export interface GroupCreatedPush extends GroupConfiguration {}

/** Push `group_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#group_deleted */
export interface GroupDeletedPush {
  /** The group ID. */
  id: number;
}

/** Push `group_updated`: only the updated fields. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#group_updated */
export interface GroupUpdatedPush extends GroupConfiguration {}

/** Push `tag_created`: the full state of the new tag. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#tag_created */
export interface TagCreatedPush extends Tag {}

/** Push `tag_deleted`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#tag_deleted */
export interface TagDeletedPush {
  /** The tag name. */
  name: string;
}

/** Push `tag_updated`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#tag_updated */
export interface TagUpdatedPush extends Tag {}

/** The status of a group as agents see it. */
export interface AgentGroupStatus {
  /** The group ID. */
  id: number;
  /** The group status. */
  status: RoutingStatus;
}

/** Push `groups_status_updated`: the changed group statuses. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#groups_status_updated */
export interface GroupsStatusUpdatedPush {
  /** The groups whose status changed. */
  groups: AgentGroupStatus[];
}

/** Push `license_properties_updated`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#license_properties_updated */
export interface LicensePropertiesUpdatedPush {
  /** The updated properties. */
  properties: Properties;
}

/** Push `group_properties_updated`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#group_properties_updated */
export interface GroupPropertiesUpdatedPush {
  /** The group ID. */
  group_id: number;
  /** The updated properties. */
  properties: Properties;
}

/** Push `incoming_thinking_indicator`: an agent or bot is preparing a response. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_thinking_indicator */
export type IncomingThinkingIndicatorPush = IncomingThinkingIndicatorPayload;

/** Push `incoming_typing_indicator`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_typing_indicator */
export interface IncomingTypingIndicatorPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The typing indicator. */
  typing_indicator: {
    /** Who is typing. */
    author_id: string;
    /** Who sees the indicator. */
    visibility?: Visibility;
    /** Unix seconds. */
    timestamp: number;
    /** Whether the user is typing. */
    is_typing: boolean;
  };
}

/** Push `incoming_sneak_peek`: what a customer is typing. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_sneak_peek */
export interface IncomingSneakPeekPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The sneak peek. */
  sneak_peek: {
    /** The customer. */
    author_id: string;
    /** The text typed so far. */
    text: string;
    /** Unix seconds. */
    timestamp: number;
  };
}

/** Push `events_marked_as_seen`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#events_marked_as_seen */
export type EventsMarkedAsSeenPush = EventsMarkedAsSeenPayload;

/** Push `incoming_multicast`: a message sent with `multicast` or by the system. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_multicast */
export interface IncomingMulticastPush {
  /** Present only when sent with the `multicast` method. */
  author_id?: string;
  /** The JSON content. */
  content: unknown;
  /** The multicast message type. */
  type?: string;
}

/** Push `chat_unfollowed`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#chat_unfollowed */
export interface ChatUnfollowedPush {
  /** The chat ID. */
  chat_id: string;
}

/** One entry of `queue_positions_updated`. */
export interface QueuePosition {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The new position and wait time. */
  queue: Queue;
}

/** Push `queue_positions_updated`: an ARRAY of new queue positions. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#queue_positions_updated */
export type QueuePositionsUpdatedPush = QueuePosition[];

/** Push `thread_summary_set`: an AI thread summary was generated. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_summary_set */
export interface ThreadSummarySetPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The summary. */
  summary: ThreadSummary;
}

/** Push `incoming_error`: an asynchronous query failed (e.g. after `request_thread_summary`). @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#incoming_error */
export interface IncomingErrorPush {
  /** The failed asynchronous action, e.g. `set_thread_summary`. */
  action: string;
  /** The chat concerned. */
  chat_id?: string;
  /** The thread concerned. */
  thread_id?: string;
}

/**
 * Every Agent Chat API 3.6 push name → its payload type. A type alias rather than an interface so
 * it satisfies core's `RTMClient<Pushes extends Record<string, unknown>>` constraint.
 */
export type AgentPushes = {
  /** `incoming_chat` push: {@link IncomingChatPush}. */
  incoming_chat: IncomingChatPush;
  /** `chat_deactivated` push: {@link ChatDeactivatedPush}. */
  chat_deactivated: ChatDeactivatedPush;
  /** `chat_deleted` push: {@link ChatDeletedPush}. */
  chat_deleted: ChatDeletedPush;
  /** `thread_deleted` push: {@link ThreadDeletedPush}. */
  thread_deleted: ThreadDeletedPush;
  /** `threads_deleted` push: {@link ThreadsDeletedPush}. */
  threads_deleted: ThreadsDeletedPush;
  /** `chat_access_updated` push: {@link ChatAccessUpdatedPush}. */
  chat_access_updated: ChatAccessUpdatedPush;
  /** `chat_transferred` push: {@link ChatTransferredPush}. */
  chat_transferred: ChatTransferredPush;
  /** `user_added_to_chat` push: {@link UserAddedToChatPush}. */
  user_added_to_chat: UserAddedToChatPush;
  /** `user_removed_from_chat` push: {@link UserRemovedFromChatPush}. */
  user_removed_from_chat: UserRemovedFromChatPush;
  /** `incoming_event` push: {@link IncomingEventPush}. */
  incoming_event: IncomingEventPush;
  /** `event_deleted` push: {@link EventDeletedPush}. */
  event_deleted: EventDeletedPush;
  /** `event_updated` push: {@link EventUpdatedPush}. */
  event_updated: EventUpdatedPush;
  /** `incoming_rich_message_postback` push: {@link IncomingRichMessagePostbackPush}. */
  incoming_rich_message_postback: IncomingRichMessagePostbackPush;
  /** `chat_properties_updated` push: {@link ChatPropertiesUpdatedPush}. */
  chat_properties_updated: ChatPropertiesUpdatedPush;
  /** `chat_properties_deleted` push: {@link ChatPropertiesDeletedPush}. */
  chat_properties_deleted: ChatPropertiesDeletedPush;
  /** `thread_properties_updated` push: {@link ThreadPropertiesUpdatedPush}. */
  thread_properties_updated: ThreadPropertiesUpdatedPush;
  /** `thread_properties_deleted` push: {@link ThreadPropertiesDeletedPush}. */
  thread_properties_deleted: ThreadPropertiesDeletedPush;
  /** `event_properties_updated` push: {@link EventPropertiesUpdatedPush}. */
  event_properties_updated: EventPropertiesUpdatedPush;
  /** `event_properties_deleted` push: {@link EventPropertiesDeletedPush}. */
  event_properties_deleted: EventPropertiesDeletedPush;
  /** `thread_tagged` push: {@link ThreadTaggedPush}. */
  thread_tagged: ThreadTaggedPush;
  /** `thread_untagged` push: {@link ThreadUntaggedPush}. */
  thread_untagged: ThreadUntaggedPush;
  /** `incoming_customers` push: {@link IncomingCustomersPush}. */
  incoming_customers: IncomingCustomersPush;
  /** `incoming_customer` push: {@link IncomingCustomerPush}. */
  incoming_customer: IncomingCustomerPush;
  /** `customer_updated` push: {@link CustomerUpdatedPush}. */
  customer_updated: CustomerUpdatedPush;
  /** `customer_page_updated` push: {@link CustomerPageUpdatedPush}. */
  customer_page_updated: CustomerPageUpdatedPush;
  /** `customer_statistics_updated` push: {@link CustomerStatisticsUpdatedPush}. */
  customer_statistics_updated: CustomerStatisticsUpdatedPush;
  /** `customer_banned` push: {@link CustomerBannedPush}. */
  customer_banned: CustomerBannedPush;
  /** `customer_transferred` push: {@link CustomerTransferredPush}. */
  customer_transferred: CustomerTransferredPush;
  /** `customer_left` push: {@link CustomerLeftPush}. */
  customer_left: CustomerLeftPush;
  /** `subscribed_customers_totals_updated` push: {@link SubscribedCustomersTotalsUpdatedPush}. */
  subscribed_customers_totals_updated: SubscribedCustomersTotalsUpdatedPush;
  /** `ticket_created` push: {@link TicketCreatedPush}. */
  ticket_created: TicketCreatedPush;
  /** `ticket_deleted` push: {@link TicketDeletedPush}. */
  ticket_deleted: TicketDeletedPush;
  /** `routing_status_set` push: {@link RoutingStatusSetPush}. */
  routing_status_set: RoutingStatusSetPush;
  /** `agent_disconnected` push: {@link AgentDisconnectedPush}. */
  agent_disconnected: AgentDisconnectedPush;
  /** `agent_created` push: {@link AgentCreatedPush}. */
  agent_created: AgentCreatedPush;
  /** `agent_approved` push: {@link AgentApprovedPush}. */
  agent_approved: AgentApprovedPush;
  /** `agent_updated` push: {@link AgentUpdatedPush}. */
  agent_updated: AgentUpdatedPush;
  /** `agent_suspended` push: {@link AgentSuspendedPush}. */
  agent_suspended: AgentSuspendedPush;
  /** `agent_unsuspended` push: {@link AgentUnsuspendedPush}. */
  agent_unsuspended: AgentUnsuspendedPush;
  /** `agent_deleted` push: {@link AgentDeletedPush}. */
  agent_deleted: AgentDeletedPush;
  /** `auto_accesses_updated` push: {@link AutoAccessesUpdatedPush}. */
  auto_accesses_updated: AutoAccessesUpdatedPush;
  /** `bot_created` push: {@link BotCreatedPush}. */
  bot_created: BotCreatedPush;
  /** `bot_updated` push: {@link BotUpdatedPush}. */
  bot_updated: BotUpdatedPush;
  /** `bot_deleted` push: {@link BotDeletedPush}. */
  bot_deleted: BotDeletedPush;
  /** `group_created` push: {@link GroupCreatedPush}. */
  group_created: GroupCreatedPush;
  /** `group_deleted` push: {@link GroupDeletedPush}. */
  group_deleted: GroupDeletedPush;
  /** `group_updated` push: {@link GroupUpdatedPush}. */
  group_updated: GroupUpdatedPush;
  /** `tag_created` push: {@link TagCreatedPush}. */
  tag_created: TagCreatedPush;
  /** `tag_deleted` push: {@link TagDeletedPush}. */
  tag_deleted: TagDeletedPush;
  /** `tag_updated` push: {@link TagUpdatedPush}. */
  tag_updated: TagUpdatedPush;
  /** `groups_status_updated` push: {@link GroupsStatusUpdatedPush}. */
  groups_status_updated: GroupsStatusUpdatedPush;
  /** `license_properties_updated` push: {@link LicensePropertiesUpdatedPush}. */
  license_properties_updated: LicensePropertiesUpdatedPush;
  /** `group_properties_updated` push: {@link GroupPropertiesUpdatedPush}. */
  group_properties_updated: GroupPropertiesUpdatedPush;
  /** `incoming_thinking_indicator` push: {@link IncomingThinkingIndicatorPush}. */
  incoming_thinking_indicator: IncomingThinkingIndicatorPush;
  /** `incoming_typing_indicator` push: {@link IncomingTypingIndicatorPush}. */
  incoming_typing_indicator: IncomingTypingIndicatorPush;
  /** `incoming_sneak_peek` push: {@link IncomingSneakPeekPush}. */
  incoming_sneak_peek: IncomingSneakPeekPush;
  /** `events_marked_as_seen` push: {@link EventsMarkedAsSeenPush}. */
  events_marked_as_seen: EventsMarkedAsSeenPush;
  /** `incoming_multicast` push: {@link IncomingMulticastPush}. */
  incoming_multicast: IncomingMulticastPush;
  /** `chat_unfollowed` push: {@link ChatUnfollowedPush}. */
  chat_unfollowed: ChatUnfollowedPush;
  /** `queue_positions_updated` push: {@link QueuePositionsUpdatedPush}. */
  queue_positions_updated: QueuePositionsUpdatedPush;
  /** `thread_summary_set` push: {@link ThreadSummarySetPush}. */
  thread_summary_set: ThreadSummarySetPush;
  /** `incoming_error` push: {@link IncomingErrorPush}. */
  incoming_error: IncomingErrorPush;
};
