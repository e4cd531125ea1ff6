// Events of the Agent / Customer Chat API 3.6 (also used by webhooks). Type-only.
// Long because it mirrors one docs section (data structures: Events), one declaration per event kind and its input.
import type { Properties, Visibility } from './common.js';

/**
 * The `type` of every event kind.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#events
 */
export type EventType =
  | 'message'
  | 'system_message'
  | 'file'
  | 'form'
  | 'filled_form'
  | 'rich_message'
  | 'custom'
  | 'system';

/** Fields every event returned by the API carries. */
export interface EventBase {
  /** The event ID, generated server-side. */
  id: string;
  /** Your own ID, when one was given on `send_event`. */
  custom_id?: string;
  /** When the event was created: RFC 3339 with microseconds, UTC. */
  created_at: string;
  /**
   * Who can see the event. Always present in the Agent Chat API and in webhooks; the Customer Chat
   * API does not document it (some of its samples use {@link EventBase.recipients} instead).
   */
  visibility?: Visibility;
  /** The name some Customer Chat API samples use for {@link EventBase.visibility}. */
  recipients?: Visibility;
  /** The event's properties. */
  properties?: Properties;
  /**
   * `true` for a deleted event; agents with the `administrator` or `viceowner` role see the full
   * event with this flag (others get a {@link DeletedEvent} instead).
   */
  deleted?: boolean;
}

/**
 * The postback a message carries when it was sent in response to a rich message.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#message
 */
export interface MessagePostback {
  /** The postback ID from the rich message button. */
  id: string;
  /** The thread with the rich message. */
  thread_id: string;
  /** The rich message event ID. */
  event_id: string;
  /** The button type; present together with `value`. */
  type?: string;
  /** The button value; present together with `type`. */
  value?: string;
  /** Data of rich messages with the `ecommerce` template. */
  ecommerce?: EcommercePostback;
}

/** The ecommerce part of a postback: the product the customer picked. */
export interface EcommercePostback {
  /** The product ID displayed by the rich message. Required when sending `ecommerce`. */
  product_id?: string;
  /** The selected option of the product. */
  option_id?: string;
  /** The quantity of the product. */
  quantity?: number;
}

/**
 * A text message.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#message
 */
export interface MessageEvent extends EventBase {
  /** The event type. */
  type: 'message';
  /** The author's user ID. */
  author_id: string;
  /** The message text (max. 16 KB). */
  text: string;
  /** Present when the message was triggered by a rich message. */
  postback?: MessagePostback;
}

/**
 * A system message: a native system event with simple text.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#system-message
 */
export interface SystemMessageEvent extends EventBase {
  /** The event type. */
  type: 'system_message';
  /** The text displayed to recipients. */
  text?: string;
  /**
   * The system message type, e.g. `routing.assigned`; applications can define their own.
   * @see https://platform.text.com/docs/messaging/references/system-activities#system-messages
   */
  system_message_type: SystemMessageType;
  /** The variables used in the text. */
  text_vars?: Record<string, string>;
}

/**
 * The system message types the Text platform generates (applications can add their own).
 * @see https://platform.text.com/docs/messaging/references/system-activities#system-messages
 */
export type SystemMessageType =
  | 'agent_added'
  | 'agent_joined'
  | 'agent_left'
  | 'agent_removed'
  | 'archived_customer_disconnected'
  | 'chat_transferred'
  | 'customer_added'
  | 'customer_banned'
  | 'customer_removed'
  | 'customer_updated'
  | 'manual_archived_agent'
  | 'manual_archived_customer'
  | 'rating.chat_commented'
  | 'rating.chat_rated'
  | 'rating.chat_rating_canceled'
  | 'routing.archived_deleted'
  | 'routing.archived_disconnected'
  | 'routing.archived_inactive'
  | 'routing.archived_offline'
  | 'routing.archived_other'
  | 'routing.archived_remotely_signed_out'
  | 'routing.archived_signed_out'
  | 'routing.assigned_deleted'
  | 'routing.assigned_disconnected'
  | 'routing.assigned_inactive'
  | 'routing.assigned_other'
  | 'routing.assigned_remotely_signed_out'
  | 'routing.assigned_signed_out'
  | 'routing.idle'
  | 'routing.unassigned_deleted'
  | 'routing.unassigned_disconnected'
  | 'routing.unassigned_other'
  | 'routing.unassigned_remotely_signed_out'
  | 'routing.unassigned_signed_out'
  | 'system_archived'
  | 'transcript_requested'
  | 'transcript_sent'
  | (string & {});

/**
 * An uploaded file. Image-only fields are present for images.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#file
 */
export interface FileEvent extends EventBase {
  /** The event type. */
  type: 'file';
  /** The author's user ID. */
  author_id: string;
  /** The file name. */
  name: string;
  /** The file URL on the LiveChat CDN. */
  url: string;
  /** The MIME type, e.g. `image/png`. */
  content_type: string;
  /** Thumbnail URL (images only). */
  thumbnail_url?: string;
  /** Double-resolution thumbnail URL (images only). */
  thumbnail2x_url?: string;
  /** Size in bytes (images only). */
  size?: number;
  /** Width in pixels (images only). */
  width?: number;
  /** Height in pixels (images only). */
  height?: number;
  /** Alternative text (images only). */
  alternative_text?: string;
}

/**
 * The field types of forms. The Customer Chat API's form templates also use `header`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#form-fields
 */
export type FormFieldType =
  | 'header'
  | 'checkbox'
  | 'email'
  | 'name'
  | 'question'
  | 'subject'
  | 'textarea'
  | 'group_chooser'
  | 'radio'
  | 'select';

/** One option of a `checkbox`, `radio`, `select` or `group_chooser` form field. */
export interface FormFieldOption {
  /** The option ID. */
  id: string;
  /** The option label. */
  label: string;
  /** The group the option routes to (`group_chooser` only). */
  group_id?: number;
}

/**
 * A field of an (empty) form.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#form-fields
 */
export interface FormField {
  /** The field type. */
  type: FormFieldType;
  /** The field ID. */
  id: string;
  /** The field label. */
  label: string;
  /** Whether an answer is required. */
  required?: boolean;
  /** The options (`checkbox`, `group_chooser`, `radio`, `select`). */
  options?: FormFieldOption[];
}

/**
 * An empty form to be filled out by the customer.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#form
 */
export interface FormEvent extends EventBase {
  /** The event type. */
  type: 'form';
  /** The author's user ID; omitted when the form was generated by the system. */
  author_id?: string;
  /** The form ID. */
  form_id: string;
  /** The form type, e.g. `prechat`, `postchat`, `ask_for_email`; missing in old chats. */
  form_type?: 'prechat' | 'postchat' | 'ask_for_email' | (string & {});
  /** The form fields. */
  fields: FormField[];
}

/** The chosen option of a filled `radio`, `select` or `group_chooser` field. */
export interface FilledFormAnswer {
  /** The option ID. */
  id: string;
  /** The option label. */
  label: string;
  /** The chosen group (`group_chooser` only). */
  group_id?: number;
}

/** Fields every filled form field carries. */
export interface FilledFormFieldBase {
  /** The field ID. */
  id: string;
  /** The field label. */
  label: string;
}

/** A filled text field: `name`, `email`, `question`, `subject` or `textarea`. */
export interface FilledFormTextField extends FilledFormFieldBase {
  /** The field type. */
  type: 'name' | 'email' | 'question' | 'subject' | 'textarea';
  /** The typed answer (can be empty). */
  answer: string;
}

/** A filled single-choice field: `radio` or `select`. */
export interface FilledFormChoiceField extends FilledFormFieldBase {
  /** The field type. */
  type: 'radio' | 'select';
  /** The chosen option. */
  answer: FilledFormAnswer;
}

/** A filled `group_chooser` field. */
export interface FilledFormGroupChooserField extends FilledFormFieldBase {
  /** The field type. */
  type: 'group_chooser';
  /** The chosen option, with its `group_id`. */
  answer: FilledFormAnswer & {
    /** The chosen group. */
    group_id: number;
  };
}

/** A filled `checkbox` field: several answers. */
export interface FilledFormCheckboxField extends FilledFormFieldBase {
  /** The field type. */
  type: 'checkbox';
  /** The chosen options. */
  answers: FilledFormAnswer[];
}

/**
 * A field of a filled form, discriminated by `type`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#filled-form-fields
 */
export type FilledFormField =
  | FilledFormTextField
  | FilledFormChoiceField
  | FilledFormGroupChooserField
  | FilledFormCheckboxField;

/**
 * Data from a filled form (prechat or postchat survey).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#filled-form
 */
export interface FilledFormEvent extends EventBase {
  /** The event type. */
  type: 'filled_form';
  /** The author's user ID. */
  author_id: string;
  /** The form ID. */
  form_id: string;
  /** The form type, e.g. `prechat`, `postchat`, `ask_for_email`; missing in old chats. */
  form_type?: 'prechat' | 'postchat' | 'ask_for_email' | (string & {});
  /** The filled fields. */
  fields: FilledFormField[];
}

/**
 * The rich message templates.
 * @see https://platform.text.com/docs/extending-ui/extending-chat-widget/rich-messages
 */
export type RichMessageTemplate = 'cards' | 'sticker' | 'quick_replies' | 'ecommerce';

/** What happens when a user clicks a rich message button. */
export type RichMessageButtonType = 'webview' | 'message' | 'url' | 'phone';

/** An image shown on a rich message element. */
export interface RichMessageImage {
  /** The image URL. */
  url: string;
  /** The file name. */
  name?: string;
  /** The MIME type. */
  content_type?: string;
  /** Size in bytes. */
  size?: number;
  /** Width in pixels. */
  width?: number;
  /** Height in pixels. */
  height?: number;
  /** Alternative text. */
  alternative_text?: string;
}

/**
 * A rich message button as returned by the API.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#rich-message
 */
export interface RichMessageButton {
  /** The button text. */
  text: string;
  /** The button behaviour (documented as always returned, missing in the docs' own sample). */
  type?: RichMessageButtonType;
  /** The button value (URL, phone number, message, webview title). */
  value?: string;
  /** The webview height (`webview` buttons). */
  webview_height?: 'compact' | 'full' | 'tall';
  /** The postback ID sent via `send_rich_message_postback`. */
  postback_id: string;
  /** The users that sent the postback with `"toggled": true`. */
  user_ids: string[];
  /** Where a `url` button opens. */
  target?: 'new' | 'current';
}

/** A product option of an `ecommerce` rich message. */
export interface EcommerceOption {
  /** The option ID. */
  option_id: string;
  /** The option label. */
  label: string;
  /** The price. */
  price?: string;
  /** The regular price. */
  regular_price?: string;
  /** The currency code. */
  currency?: string;
  /** The colour (swatch view). */
  color?: string;
  /** The option image URL. */
  image_url?: string;
  /** The option image thumbnail URL. */
  image_thumbnail_url?: string;
  /** Whether the option is available. */
  available?: boolean;
  /** Whether the option is selected. */
  selected?: boolean;
}

/** A product addon of an `ecommerce` rich message. */
export interface EcommerceAddon {
  /** The addon type. */
  addon_type: string;
  /** The range start. */
  range_from?: string;
  /** The range end. */
  range_to?: string;
  /** The currency code. */
  currency?: string;
}

/**
 * The product data of a rich message with the `ecommerce` template.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#rich-message
 */
export interface RichMessageEcommerce {
  /** How the product options are displayed. Required when sending. */
  view_type?: 'tags' | 'swatch' | 'images' | 'select';
  /** The product ID. Required when sending. */
  product_id?: string;
  /** The product label. */
  label?: string;
  /** The product options. */
  options?: EcommerceOption[];
  /** The product addons. */
  addons?: EcommerceAddon[];
}

/**
 * One element (card) of a rich message.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#rich-message
 */
export interface RichMessageElement {
  /** Formatted title text. */
  title?: string;
  /** Formatted subtitle text. */
  subtitle?: string;
  /** The element image. */
  image?: RichMessageImage;
  /** Up to 13 buttons. */
  buttons?: RichMessageButton[];
  /** Product data (`ecommerce` template). */
  ecommerce?: RichMessageEcommerce;
}

/**
 * A rich message (cards, sticker, quick replies, ecommerce).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#rich-message
 */
export interface RichMessageEvent extends EventBase {
  /** The event type. */
  type: 'rich_message';
  /** The author's user ID. */
  author_id: string;
  /** How the rich message is presented. */
  template_id: RichMessageTemplate;
  /** Up to 10 elements. */
  elements?: RichMessageElement[];
}

/**
 * An event with a payload you define.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#custom
 */
export interface CustomEvent extends EventBase {
  /** The event type. */
  type: 'custom';
  /** The author's user ID. */
  author_id: string;
  /** The content you defined. */
  content?: Record<string, unknown>;
}

/**
 * The known sources of system events.
 * @see https://platform.text.com/docs/messaging/references/system-activities#system-events
 */
export type SystemEventSource = 'ai_agents' | 'cdp' | 'messaging' | (string & {});

/**
 * A system event: the extension of (and future replacement for) system messages. Cannot be sent in 3.6.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#system
 */
export interface SystemEvent extends EventBase {
  /** The event type. */
  type: 'system';
  /** The source, e.g. `cdp`. */
  source: SystemEventSource;
  /** The subtype within the source, e.g. `store_order_was_created`. */
  subtype: string;
  /** The version of the `details` format. */
  version: number;
  /**
   * The payload: a serialized JSON string whose format depends on `source`, `subtype` and `version`
   * (parse it with `JSON.parse`).
   * @see https://platform.text.com/docs/messaging/references/system-activities#system-events
   */
  details: string;
}

/**
 * Any event returned by the API, discriminated by `type`: narrowing on `event.type === 'message'`
 * gives a {@link MessageEvent}.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#events
 */
export type Event =
  | MessageEvent
  | SystemMessageEvent
  | FileEvent
  | FormEvent
  | FilledFormEvent
  | RichMessageEvent
  | CustomEvent
  | SystemEvent;

/**
 * What agents with the `normal` role get in place of a deleted event. Its `type` is the ORIGINAL
 * event type, so it cannot be told apart by `type`: check `deleted` first.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#deleted-event
 */
export interface DeletedEvent {
  /** The event ID. */
  id: string;
  /** Your own ID, if one was given. */
  custom_id?: string;
  /** When the event was created (RFC 3339). */
  created_at: string;
  /** The original event type. */
  type: EventType;
  /** Who could see the event. */
  visibility?: Visibility;
  /** Always `true`. */
  deleted: true;
  /** The author's user ID. */
  author_id?: string;
}

/**
 * An event as listed in a thread: a live {@link Event} or, for agents with the `normal` role,
 * a {@link DeletedEvent} placeholder. Check `deleted` before narrowing on `type`.
 */
export type ThreadEvent = Event | DeletedEvent;

/**
 * What replaces an event the requester has no access to (in `last_event_per_type` of `login`).
 */
export interface RestrictedEvent {
  /** The reason, e.g. `User has no access to following resource`. */
  restricted_access: string;
  /** Never set: lets `event.type` narrowing work on unions with this type. */
  type?: never;
}

/** Makes `id` optional on each member of an event union (distributes over the union). */
export type WithOptionalId<E> = E extends { id: string }
  ? Omit<E, 'id'> & {
      /** The event ID, when already assigned. */
      id?: string;
    }
  : never;

/**
 * An event before it is stored: `incoming_event_preview`, welcome messages. It has no `id` yet.
 */
export type EventPreview = WithOptionalId<Event>;

/** Fields every event a user sends with `send_event` may carry. */
export interface EventInputBase {
  /** Your own ID for the event. */
  custom_id?: string;
  /** Who can see the event. Default: `all`. */
  visibility?: Visibility;
  /** The event's properties. */
  properties?: Properties;
}

/**
 * A message to send.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#message
 */
export interface MessageEventInput extends EventInputBase {
  /** The event type. */
  type: 'message';
  /** The text; max. 16 KB raw (split longer text into several messages). */
  text: string;
  /** Marks the message as a response to a rich message. */
  postback?: MessagePostback;
}

/**
 * A file to send; `url` must point to the LiveChat CDN (use the URL `upload_file` returns).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#file
 */
export interface FileEventInput extends EventInputBase {
  /** The event type. */
  type: 'file';
  /** The file URL on the LiveChat CDN. */
  url: string;
  /** Alternative text (images only). */
  alternative_text?: string;
}

/**
 * A form to send.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#form
 */
export interface FormEventInput extends EventInputBase {
  /** The event type. */
  type: 'form';
  /** The form ID. */
  form_id: string;
  /** The form fields. */
  fields: FormField[];
}

/**
 * A filled form to send.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#filled-form
 */
export interface FilledFormEventInput extends EventInputBase {
  /** The event type. */
  type: 'filled_form';
  /** The form ID. */
  form_id: string;
  /** The filled fields. */
  fields: FilledFormField[];
  /** The Customer Chat API's name for `visibility` in this event. */
  recipients?: Visibility;
}

/** A rich message button to send. */
export interface RichMessageButtonInput {
  /** The button text. */
  text: string;
  /** The button behaviour. */
  type: RichMessageButtonType;
  /** The button value (URL, phone number, message, webview title). */
  value: string;
  /** Required for `webview` buttons. */
  webview_height?: 'compact' | 'full' | 'tall';
  /** The postback ID sent via `send_rich_message_postback`. */
  postback_id: string;
  /** The users that sent the postback with `"toggled": true`. */
  user_ids: string[];
  /** Where a `url` button opens. */
  target?: 'new' | 'current';
}

/** A rich message element to send. */
export interface RichMessageElementInput {
  /** Formatted title text. */
  title?: string;
  /** Formatted subtitle text. */
  subtitle?: string;
  /** The element image. */
  image?: RichMessageImage;
  /** Up to 13 buttons. */
  buttons?: RichMessageButtonInput[];
  /** Product data (`ecommerce` template). */
  ecommerce?: RichMessageEcommerce;
}

/**
 * A rich message to send.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#rich-message
 */
export interface RichMessageEventInput extends EventInputBase {
  /** The event type. */
  type: 'rich_message';
  /** How the rich message is presented. */
  template_id: RichMessageTemplate;
  /** Up to 10 elements. */
  elements?: RichMessageElementInput[];
}

/**
 * A custom event to send.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#custom
 */
export interface CustomEventInput extends EventInputBase {
  /** The event type. */
  type: 'custom';
  /** The content you define. */
  content?: Record<string, unknown>;
}

/**
 * A system message to send.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#system-message
 */
export interface SystemMessageEventInput extends EventInputBase {
  /** The event type. */
  type: 'system_message';
  /** The system message type. */
  system_message_type: SystemMessageType;
  /** The text displayed to recipients. */
  text?: string;
  /** The variables used in the text. */
  text_vars?: Record<string, string>;
}

/**
 * Any event a user can send with `send_event` (and in `start_chat` / `resume_chat` threads).
 * Server-side fields (`id`, `created_at`, `author_id`) are not part of it. System events cannot be sent in 3.6.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#send-event
 */
export type EventInput =
  | MessageEventInput
  | FileEventInput
  | FormEventInput
  | FilledFormEventInput
  | RichMessageEventInput
  | CustomEventInput
  | SystemMessageEventInput;
