// Payloads of the RTM pushes that the Agent and the Customer Chat API 3.6 (and the webhooks of the
// same name) document with the same fields. The generated push map of each Chat API package names
// them after its push (`export type IncomingEventPush = IncomingEventPayload`, with a link to its own
// docs); @lc/webhooks re-exports them under these names. Type-only.
import type { DeletedProperties, Properties, Queue, TransferReason, TransferTarget, Visibility } from './common.js';
import type { EcommercePostback, Event } from './events.js';
import type { User } from './users.js';

/** The payload of the `incoming_event` push and webhook: an event was sent to a chat. */
export interface IncomingEventPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The event; narrow on `event.type`. */
  event: Event;
}

/** The payload of the `event_deleted` push and webhook. */
export interface EventDeletedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The deleted event. */
  event_id: string;
}

/** The payload of the `event_updated` push and webhook. */
export interface EventUpdatedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The updated event. */
  event: Event;
}

/** The postback of a rich message button click. */
export interface RichMessagePostback {
  /** The button's postback ID. */
  id: string;
  /** Whether the button is toggled on. */
  toggled: boolean;
  /** The button type. */
  button_type?: string;
  /** The button value. */
  button_value?: string;
  /** The chosen product (`ecommerce` template). */
  ecommerce?: EcommercePostback;
}

/** The payload of the `incoming_rich_message_postback` push and webhook. */
export interface IncomingRichMessagePostbackPayload {
  /** Who sent the postback. */
  user_id: string;
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The rich message event. */
  event_id: string;
  /** The postback. */
  postback: RichMessagePostback;
}

/** The payload of the `chat_properties_updated` push and webhook (only the updated properties). */
export interface ChatPropertiesUpdatedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The updated properties only. */
  properties: Properties;
}

/** The payload of the `chat_properties_deleted` push and webhook. */
export interface ChatPropertiesDeletedPayload {
  /** The chat ID. */
  chat_id: string;
  /** Namespace → deleted property names. */
  properties: DeletedProperties;
}

/** The payload of the `thread_properties_updated` push and webhook (only the updated properties). */
export interface ThreadPropertiesUpdatedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The updated properties only. */
  properties: Properties;
}

/** The payload of the `thread_properties_deleted` push and webhook. */
export interface ThreadPropertiesDeletedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** Namespace → deleted property names. */
  properties: DeletedProperties;
}

/** The payload of the `event_properties_updated` push and webhook (only the updated properties). */
export interface EventPropertiesUpdatedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The event ID. */
  event_id: string;
  /** The updated properties only. */
  properties: Properties;
}

/** The payload of the `event_properties_deleted` push and webhook. */
export interface EventPropertiesDeletedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The event ID. */
  event_id: string;
  /** Namespace → deleted property names. */
  properties: DeletedProperties;
}

/** The payload of the `chat_deactivated` push and webhook. */
export interface ChatDeactivatedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The closed thread. */
  thread_id: string;
  /** Who closed it; missing when the router closed it. */
  user_id?: string;
}

/** The payload of the `chat_transferred` push and webhook (the Customer Chat API's push has no `reason`). */
export interface ChatTransferredPayload {
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

/** The payload of the `thread_tagged` and `thread_untagged` pushes and webhooks. */
export interface ThreadTagPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The tag added or removed. */
  tag: string;
}

/** The payload of the `user_added_to_chat` push. */
export interface UserAddedToChatPayload {
  /** The chat ID. */
  chat_id: string;
  /** Present when the user was added to an active chat. */
  thread_id?: string;
  /** The added customer or agent. */
  user: User;
  /** Why the user was added, e.g. `manual`. */
  reason: string;
  /** Present if an agent added the user. */
  requester_id?: string;
}

/** The payload of the `user_removed_from_chat` push. */
export interface UserRemovedFromChatPayload {
  /** The chat ID. */
  chat_id: string;
  /** Present when the user was removed from an active chat. */
  thread_id?: string;
  /** The removed user. */
  user_id: string;
  /** Why the user was removed, e.g. `manual`. */
  reason: string;
  /** Present if an agent removed the user. */
  requester_id?: string;
}

/** The payload of the `incoming_thinking_indicator` push. */
export interface IncomingThinkingIndicatorPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** Who is thinking. */
  author_id: string;
  /** When the indicator was sent (RFC 3339). */
  sent_at: string;
  /** The indicator title, e.g. `Thinking...`. */
  title?: string;
  /** The indicator description. */
  description?: string;
  /** Your own ID for the indicator. */
  custom_id?: string;
}

/** The typing indicator of the `incoming_typing_indicator` push. */
export interface TypingIndicator {
  /** Who is typing. */
  author_id: string;
  /** Who sees the indicator. */
  visibility?: Visibility;
  /** Unix seconds. */
  timestamp: number;
  /** Whether the user is typing. */
  is_typing: boolean;
}

/** The payload of the `incoming_typing_indicator` push; an API whose indicator has more fields passes its own. */
export interface IncomingTypingIndicatorPayload<Indicator extends TypingIndicator = TypingIndicator> {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The typing indicator. */
  typing_indicator: Indicator;
}

/** The payload of the `events_marked_as_seen` push and webhook. */
export interface EventsMarkedAsSeenPayload {
  /** The user who has seen the events. */
  user_id: string;
  /** The chat ID. */
  chat_id: string;
  /** Events up to this time are seen (RFC 3339). */
  seen_up_to: string;
}

/** The reasons of `agent_disconnected` and `customer_disconnected` that both Chat APIs document. */
export type ChatDisconnectReason =
  | 'access_token_revoked'
  | 'access_token_expired'
  | 'connection_evicted'
  | 'connection_timeout'
  | 'internal_error'
  | 'license_expired'
  | 'license_not_found'
  | 'misdirected_connection'
  | 'unsupported_version'
  | 'too_many_connections'
  | 'too_many_unauthorized_connections';

/** The payload of the `agent_disconnected` and `customer_disconnected` pushes; each API lists its own reasons. */
export interface DisconnectedPayload<Reason extends string> {
  /** Why the user was disconnected. */
  reason: Reason;
  /** Extra data, e.g. the right `region` for `misdirected_connection`. */
  data?: {
    /** The region to connect to. */
    region?: string;
    [key: string]: unknown;
  };
}

/**
 * The `pushes` of an RTM `login`: per API version, the push names to receive (`all` for every push
 * of that version). The names under `Version` (the client's own) are checked against its push map
 * `Pushes`; the docs' samples ask for other versions' pushes too, so other keys take any names.
 */
export type LoginPushes<Version extends string, Pushes> = {
  [V in Version]?: Array<(keyof Pushes & string) | 'all'>;
} & {
  [version: string]: string[];
};

/**
 * The RTM `login` payload of a client typed for one API version: the request `Login` without `token`
 * (the token getter supplies it), its `pushes` as {@link LoginPushes}.
 */
export type LoginPayload<Login, Version extends string, Pushes> = Omit<Login, 'token' | 'pushes'> & {
  pushes?: LoginPushes<Version, Pushes>;
};
