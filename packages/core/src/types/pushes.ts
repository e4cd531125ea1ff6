// Payloads of the RTM pushes that the Agent and the Customer Chat API 3.6 document with the same
// fields. Each API package names them after its push, with a link to its own docs
// (`export type IncomingEventPush = IncomingEventPayload`). Type-only.
import type { DeletedProperties, Properties } from './common.js';
import type { EcommercePostback, Event } from './events.js';
import type { User } from './users.js';

/** The payload of the `incoming_event` push: an event was sent to a chat. */
export interface IncomingEventPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The event; narrow on `event.type`. */
  event: Event;
}

/** The payload of the `event_deleted` push. */
export interface EventDeletedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The deleted event. */
  event_id: string;
}

/** The payload of the `event_updated` push. */
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

/** The payload of the `incoming_rich_message_postback` push. */
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

/** The payload of the `chat_properties_updated` push (only the updated properties). */
export interface ChatPropertiesUpdatedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The updated properties only. */
  properties: Properties;
}

/** The payload of the `chat_properties_deleted` push. */
export interface ChatPropertiesDeletedPayload {
  /** The chat ID. */
  chat_id: string;
  /** Namespace → deleted property names. */
  properties: DeletedProperties;
}

/** The payload of the `thread_properties_updated` push (only the updated properties). */
export interface ThreadPropertiesUpdatedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** The updated properties only. */
  properties: Properties;
}

/** The payload of the `thread_properties_deleted` push. */
export interface ThreadPropertiesDeletedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The thread ID. */
  thread_id: string;
  /** Namespace → deleted property names. */
  properties: DeletedProperties;
}

/** The payload of the `event_properties_updated` push (only the updated properties). */
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

/** The payload of the `event_properties_deleted` push. */
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

/** The payload of the `chat_deactivated` push. */
export interface ChatDeactivatedPayload {
  /** The chat ID. */
  chat_id: string;
  /** The closed thread. */
  thread_id: string;
  /** Who closed it; missing when the router closed it. */
  user_id?: string;
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

/** The payload of the `events_marked_as_seen` push. */
export interface EventsMarkedAsSeenPayload {
  /** The user who has seen the events. */
  user_id: string;
  /** The chat ID. */
  chat_id: string;
  /** Events up to this time are seen (RFC 3339). */
  seen_up_to: string;
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
