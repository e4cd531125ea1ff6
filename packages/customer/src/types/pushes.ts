// Payloads of every Customer Chat API 3.6 RTM push, from the docs' push samples and tables.
// Type-only. Checked against spec/pushes-webhooks.json by scripts/check-types-complete.mjs.
import type {
  Chat,
  ChatDeactivatedPayload,
  ChatPropertiesDeletedPayload,
  ChatPropertiesUpdatedPayload,
  Customer,
  EventDeletedPayload,
  EventPreview,
  EventPropertiesDeletedPayload,
  EventPropertiesUpdatedPayload,
  EventsMarkedAsSeenPayload,
  EventUpdatedPayload,
  IncomingEventPayload,
  IncomingRichMessagePostbackPayload,
  IncomingThinkingIndicatorPayload,
  MessageEvent,
  Queue,
  ThreadPropertiesDeletedPayload,
  ThreadPropertiesUpdatedPayload,
  TransferTarget,
  UserAddedToChatPayload,
  UserRemovedFromChatPayload,
  Visibility,
} from '@lc/core';
export type { RichMessagePostback } from '@lc/core';
import type { Greeting, GroupStatusEntry } from './structures.js';

/** The chat of `incoming_chat` (the customer push nests `transferred_from` in the chat). */
export interface IncomingChat extends Chat {
  /** Where the chat was transferred from, if it was. */
  transferred_from?: TransferTarget;
}

/** Push `incoming_chat`: a chat came with a new thread. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_chat */
export interface IncomingChatPush {
  /** Who started the chat. */
  requester_id?: string;
  /** The whole chat, with the new thread. */
  chat: IncomingChat;
}

/** Push `chat_deactivated`: the open thread was closed. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#chat_deactivated */
export type ChatDeactivatedPush = ChatDeactivatedPayload;

/** Push `chat_transferred`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#chat_transferred */
export interface ChatTransferredPush {
  /** The chat ID. */
  chat_id: string;
  /** Present if the chat is active. */
  thread_id?: string;
  /** Who transferred the chat. */
  requester_id?: string;
  /** The groups and agents the chat is assigned to now. */
  transferred_to: TransferTarget;
  /** Present if the chat is queued after the transfer. */
  queue?: Queue;
}

/** Push `user_added_to_chat` (also sent with `user.present: false` when a user writes without joining). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#user_added_to_chat */
export type UserAddedToChatPush = UserAddedToChatPayload;

/** Push `user_removed_from_chat`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#user_removed_from_chat */
export type UserRemovedFromChatPush = UserRemovedFromChatPayload;

/** Push `incoming_event_preview`: a preview of an event (no `id` yet). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_event_preview */
export interface IncomingEventPreviewPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The previewed event. */
  event: EventPreview;
}

/** Push `incoming_event`: an event was sent to a chat. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_event */
export type IncomingEventPush = IncomingEventPayload;

/** Push `event_deleted`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#event_deleted */
export type EventDeletedPush = EventDeletedPayload;

/** Push `event_updated`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#event_updated */
export type EventUpdatedPush = EventUpdatedPayload;

/** Push `incoming_rich_message_postback`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_rich_message_postback */
export type IncomingRichMessagePostbackPush = IncomingRichMessagePostbackPayload;

/** Push `chat_properties_updated` (only the updated properties). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#chat_properties_updated */
export type ChatPropertiesUpdatedPush = ChatPropertiesUpdatedPayload;

/** Push `chat_properties_deleted`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#chat_properties_deleted */
export type ChatPropertiesDeletedPush = ChatPropertiesDeletedPayload;

/** Push `thread_properties_updated` (only the updated properties). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#thread_properties_updated */
export type ThreadPropertiesUpdatedPush = ThreadPropertiesUpdatedPayload;

/** Push `thread_properties_deleted`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#thread_properties_deleted */
export type ThreadPropertiesDeletedPush = ThreadPropertiesDeletedPayload;

/** Push `event_properties_updated` (only the updated properties). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#event_properties_updated */
export type EventPropertiesUpdatedPush = EventPropertiesUpdatedPayload;

/** Push `event_properties_deleted`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#event_properties_deleted */
export type EventPropertiesDeletedPush = EventPropertiesDeletedPayload;

/** Push `customer_updated`: the customer's data changed. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#customer_updated */
export interface CustomerUpdatedPush extends Customer {}

/** Push `customer_side_storage_updated`: keep the map and send it back on `login`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#customer_side_storage_updated */
export interface CustomerSideStorageUpdatedPush {
  /** A `key: value` map to store on the client side. */
  customer_side_storage: Record<string, string>;
}

/**
 * The documented reasons of `customer_disconnected` (others may appear, e.g. `customer_temporarily_blocked`).
 * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#customer_disconnected
 */
export type CustomerDisconnectReason =
  | 'access_token_revoked'
  | 'access_token_expired'
  | 'connection_evicted'
  | 'connection_timeout'
  | 'internal_error'
  | 'license_not_found'
  | 'license_expired'
  | 'misdirected_connection'
  | 'unsupported_version'
  | 'service_temporarily_unavailable'
  | 'too_many_connections'
  | 'too_many_unauthorized_connections'
  | 'logged_out_remotely'
  | 'customer_temporarily_blocked'
  | (string & {});

/** Push `customer_disconnected`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#customer_disconnected */
export interface CustomerDisconnectedPush {
  /** Why the customer was disconnected. */
  reason: CustomerDisconnectReason;
  /** Extra data: `region` for `misdirected_connection`, a timeout for `customer_temporarily_blocked`. */
  data?: {
    /** The region to connect to. */
    region?: string;
    [key: string]: unknown;
  };
}

/** Push `groups_status_updated`: the changed group statuses. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#groups_status_updated */
export interface GroupsStatusUpdatedPush {
  /** The groups whose status changed. */
  groups: GroupStatusEntry[];
}

/** Push `incoming_thinking_indicator`: an agent or bot is preparing a response. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_thinking_indicator */
export type IncomingThinkingIndicatorPush = IncomingThinkingIndicatorPayload;

/** Push `incoming_typing_indicator`: an agent is typing. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_typing_indicator */
export interface IncomingTypingIndicatorPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The typing indicator. */
  typing_indicator: {
    /** Who is typing. */
    author_id: string;
    /** Who sees the indicator (the sample's name for `visibility`). */
    recipients?: Visibility;
    /** Who sees the indicator. */
    visibility?: Visibility;
    /** Unix seconds. */
    timestamp: number;
    /** Whether the user is typing. */
    is_typing: boolean;
  };
}

/** Push `incoming_multicast`: a message sent with `multicast` or by the system. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_multicast */
export interface IncomingMulticastPush {
  /** Present only when sent with the `multicast` method. */
  author_id?: string;
  /** The JSON content. */
  content: unknown;
}

/** Push `events_marked_as_seen`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#events_marked_as_seen */
export type EventsMarkedAsSeenPush = EventsMarkedAsSeenPayload;

/** Push `incoming_greeting`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_greeting */
export interface IncomingGreetingPush extends Greeting {}

/** Push `greeting_accepted`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#greeting_accepted */
export interface GreetingAcceptedPush {
  /** The accepted greeting's `unique_id`. */
  unique_id: string;
}

/** Push `greeting_canceled` (also sent when a new greeting replaces the displayed one). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#greeting_canceled */
export interface GreetingCanceledPush {
  /** The canceled greeting's `unique_id`. */
  unique_id: string;
}

/** Push `incoming_welcome_message` (after `request_welcome_message`). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_welcome_message */
export interface IncomingWelcomeMessagePush {
  /** The welcome message ID. */
  id: string;
  /** The welcome message event (no event `id` in the docs' sample). */
  event: Omit<MessageEvent, 'id'> & {
    /** The event ID, when assigned. */
    id?: string;
  };
}

/** Push `queue_position_updated`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#queue_position_updated */
export interface QueuePositionUpdatedPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The new position and wait time. */
  queue: Queue;
}

/**
 * Every Customer Chat API 3.6 push name → its payload type. A type alias rather than an interface so
 * it satisfies core's `RTMClient<Pushes extends Record<string, unknown>>` constraint.
 */
export type CustomerPushes = {
  /** `incoming_chat` push: {@link IncomingChatPush}. */
  incoming_chat: IncomingChatPush;
  /** `chat_deactivated` push: {@link ChatDeactivatedPush}. */
  chat_deactivated: ChatDeactivatedPush;
  /** `chat_transferred` push: {@link ChatTransferredPush}. */
  chat_transferred: ChatTransferredPush;
  /** `user_added_to_chat` push: {@link UserAddedToChatPush}. */
  user_added_to_chat: UserAddedToChatPush;
  /** `user_removed_from_chat` push: {@link UserRemovedFromChatPush}. */
  user_removed_from_chat: UserRemovedFromChatPush;
  /** `incoming_event_preview` push: {@link IncomingEventPreviewPush}. */
  incoming_event_preview: IncomingEventPreviewPush;
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
  /** `customer_updated` push: {@link CustomerUpdatedPush}. */
  customer_updated: CustomerUpdatedPush;
  /** `customer_side_storage_updated` push: {@link CustomerSideStorageUpdatedPush}. */
  customer_side_storage_updated: CustomerSideStorageUpdatedPush;
  /** `customer_disconnected` push: {@link CustomerDisconnectedPush}. */
  customer_disconnected: CustomerDisconnectedPush;
  /** `groups_status_updated` push: {@link GroupsStatusUpdatedPush}. */
  groups_status_updated: GroupsStatusUpdatedPush;
  /** `incoming_thinking_indicator` push: {@link IncomingThinkingIndicatorPush}. */
  incoming_thinking_indicator: IncomingThinkingIndicatorPush;
  /** `incoming_typing_indicator` push: {@link IncomingTypingIndicatorPush}. */
  incoming_typing_indicator: IncomingTypingIndicatorPush;
  /** `incoming_multicast` push: {@link IncomingMulticastPush}. */
  incoming_multicast: IncomingMulticastPush;
  /** `events_marked_as_seen` push: {@link EventsMarkedAsSeenPush}. */
  events_marked_as_seen: EventsMarkedAsSeenPush;
  /** `incoming_greeting` push: {@link IncomingGreetingPush}. */
  incoming_greeting: IncomingGreetingPush;
  /** `greeting_accepted` push: {@link GreetingAcceptedPush}. */
  greeting_accepted: GreetingAcceptedPush;
  /** `greeting_canceled` push: {@link GreetingCanceledPush}. */
  greeting_canceled: GreetingCanceledPush;
  /** `incoming_welcome_message` push: {@link IncomingWelcomeMessagePush}. */
  incoming_welcome_message: IncomingWelcomeMessagePush;
  /** `queue_position_updated` push: {@link QueuePositionUpdatedPush}. */
  queue_position_updated: QueuePositionUpdatedPush;
};
