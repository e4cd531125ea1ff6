// Payloads of the Agent Chat API 3.6 RTM pushes that are the Agent's own, from the docs' push samples
// and tables. Type-only. The generated `AgentPushes` map (src/generated/pushes.ts) adds the pushes
// whose payload @lc/core declares for both Chat APIs.
import type {
  ChatDisconnectReason,
  DisconnectedPayload,
  Access,
  AgentConfiguration,
  AgentRoutingStatus,
  AutoAccessChange,
  BotConfiguration,
  Cart,
  Chat,
  Customer,
  CustomerStatistics,
  GroupConfiguration,
  Properties,
  Queue,
  RoutingStatus,
  Tag,
  ThreadSummary,
  ThreadTagPayload,
  TransferTarget,
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

/** Push `thread_tagged`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_tagged */
export type ThreadTaggedPush = ThreadTagPayload;

/** Push `thread_untagged`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_untagged */
export type ThreadUntaggedPush = ThreadTagPayload;

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
  | ChatDisconnectReason
  | 'agent_disconnected_by_server'
  | 'agent_logged_out_remotely'
  | 'role_permissions_changed'
  | (string & {});

/** Push `agent_disconnected`. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_disconnected */
export interface AgentDisconnectedPush extends DisconnectedPayload<AgentDisconnectReason> {}

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
