// Payloads of the Customer Chat API 3.6 RTM pushes that are the Customer's own, from the docs' push
// samples and tables. Type-only. The generated `CustomerPushes` map (src/generated/pushes.ts) adds
// the pushes whose payload @lc/core declares for both Chat APIs.
import type {
  ChatDisconnectReason,
  DisconnectedPayload,
  Chat,
  ChatTransferredPayload,
  Customer,
  EventPreview,
  IncomingTypingIndicatorPayload,
  MessageEvent,
  Queue,
  TransferTarget,
  TypingIndicator,
  UserAddedToChatPayload,
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

/** Push `chat_transferred`: the Customer Chat API documents no `reason`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#chat_transferred */
export type ChatTransferredPush = Omit<ChatTransferredPayload, 'reason'>;

/** Push `user_added_to_chat` (also sent with `user.present: false` when a user writes without joining). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#user_added_to_chat */
export type UserAddedToChatPush = UserAddedToChatPayload;

/** Push `incoming_event_preview`: a preview of an event (no `id` yet). @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_event_preview */
export interface IncomingEventPreviewPush {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The previewed event. */
  event: EventPreview;
}

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
  | ChatDisconnectReason
  | 'service_temporarily_unavailable'
  | 'logged_out_remotely'
  | 'customer_temporarily_blocked'
  | (string & {});

/** Push `customer_disconnected`; its `data` carries a timeout for `customer_temporarily_blocked`. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#customer_disconnected */
export interface CustomerDisconnectedPush extends DisconnectedPayload<CustomerDisconnectReason> {}

/** Push `groups_status_updated`: the changed group statuses. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#groups_status_updated */
export interface GroupsStatusUpdatedPush {
  /** The groups whose status changed. */
  groups: GroupStatusEntry[];
}

/** Push `incoming_typing_indicator`: an agent is typing. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_typing_indicator */
export interface IncomingTypingIndicatorPush extends IncomingTypingIndicatorPayload<CustomerTypingIndicator> {}

/** The typing indicator of the Customer Chat API's `incoming_typing_indicator`: its sample adds `recipients`. */
export interface CustomerTypingIndicator extends TypingIndicator {
  /** Who sees the indicator (the sample's name for `visibility`). */
  recipients?: Visibility;
}

/** Push `incoming_multicast`: a message sent with `multicast` or by the system. @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_multicast */
export interface IncomingMulticastPush {
  /** Present only when sent with the `multicast` method. */
  author_id?: string;
  /** The JSON content. */
  content: unknown;
}

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
