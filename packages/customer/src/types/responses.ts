// Responses of every Customer Chat API 3.6 action (Web and RTM), from the docs' response tables and
// samples. Type-only. Checked against spec/methods.json by scripts/check-types-complete.mjs.
import type { Chat, Customer, CustomerChatSummary, EmptyResponse, Properties, Thread } from '@lc/core';
import type { CustomerGroupStatus, Form, Greeting, GroupStatusEntry, PredictedAgent } from './structures.js';

/** Fields of a paginated list response. */
export interface PageInfo {
  /** The next page; present only when there is one. Send it as `page_id`. */
  next_page_id?: string;
  /** The previous page; present only when there is one. */
  previous_page_id?: string;
}

/**
 * Response of `list_chats`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#list-chats
 */
export interface ListChatsResponse extends PageInfo {
  /** The chat summaries. */
  chats_summary: CustomerChatSummary[];
  /** An estimated number of the customer's chats. */
  total_chats: number;
}

/**
 * Response of `list_threads`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#list-threads
 */
export interface ListThreadsResponse extends PageInfo {
  /** The threads, newest first by default. */
  threads: Thread[];
  /** The number of found threads. */
  found_threads: number;
}

/**
 * Response of `get_chat`: the chat with the requested (or latest) thread.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-chat
 */
export interface GetChatResponse extends Chat {}

/**
 * Response of `start_chat`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#start-chat
 */
export interface StartChatResponse {
  /** The new chat's ID. */
  chat_id: string;
  /** The new thread's ID. */
  thread_id: string;
  /** The IDs of the user-generated initial events; only when the chat was started with events. */
  event_ids?: string[];
}

/**
 * Response of `resume_chat`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#resume-chat
 */
export interface ResumeChatResponse {
  /** The new thread's ID. */
  thread_id: string;
  /** The IDs of the user-generated initial events; only when resumed with events. */
  event_ids?: string[];
}

/** Response of `deactivate_chat`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#deactivate-chat */
export type DeactivateChatResponse = EmptyResponse;

/** The LiveChat part of the dynamic configuration; present only when `livechat_active` is `true`. */
export interface LiveChatDynamicConfiguration {
  /** The group the configuration is for. */
  group_id: number;
  /** Whether the limit of customers having a chat was exceeded. */
  client_limit_exceeded: boolean;
  /** Whether the `url` is a trusted domain. */
  domain_allowed: boolean;
  /** The groups where agents accept chats; missing when there is none. */
  online_group_ids?: number[];
  /** Pass as `version` to `get_configuration`. */
  config_version: string;
  /** Pass as `version` to `get_localization`. */
  localization_version: string;
  /** The group's language, e.g. `en`. */
  language: string;
}

/**
 * Response of `get_dynamic_configuration` (Web only, GET).
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-dynamic-configuration
 */
export interface GetDynamicConfigurationResponse {
  /** The organization ID. */
  organization_id: string;
  /** The default widget. */
  default_widget: 'livechat' | 'openwidget' | 'chatbot';
  /** Whether the LiveChat license is active. */
  livechat_active: boolean;
  /** The LiveChat configuration; only when `livechat_active` is `true`. */
  livechat?: LiveChatDynamicConfiguration;
}

/** A chat button of the widget configuration. */
export interface ChatButton {
  /** The button ID. */
  id: string;
  /** `image` buttons carry image URLs, `text` buttons texts. */
  type: 'image' | 'text';
  /** Shown while agents are online. */
  online_value: string;
  /** Shown while agents are offline. */
  offline_value: string;
}

/**
 * Response of `get_configuration` (Web only, GET): what the chat widget is built from.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-configuration
 */
export interface GetConfigurationResponse {
  /** The chat buttons. */
  buttons: ChatButton[];
  /** The ticket form, if any. */
  ticket_form?: Form;
  /** The prechat form, if any. */
  prechat_form?: Form;
  /** Integration settings (not documented field by field). */
  integrations: Record<string, unknown>;
  /** The group's and license's properties. */
  properties: {
    /** The group properties. */
    group: Properties;
    /** The license properties. */
    license: Properties;
  };
}

/**
 * Response of `send_event`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#send-event
 */
export interface SendEventResponse {
  /** The ID of the stored event. */
  event_id: string;
}

/** Response of `delete_event`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#delete-event */
export type DeleteEventResponse = EmptyResponse;

/**
 * Response of `upload_file` (Web only).
 * @see https://platform.text.com/docs/messaging/customer-chat-api#upload-file
 */
export interface UploadFileResponse {
  /** The file's CDN URL; valid 24 h unless used in a `file` event. */
  url: string;
}

/** Response of `send_rich_message_postback`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#send-rich-message-postback */
export type SendRichMessagePostbackResponse = EmptyResponse;

/** Response of `send_sneak_peek`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#send-sneak-peek */
export type SendSneakPeekResponse = EmptyResponse;

/**
 * Response of `get_localization` (Web only, GET): translation key (e.g. `Agents_not_available`) → text.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-localization
 */
export interface GetLocalizationResponse {
  [key: string]: string;
}

/** Response of `update_chat_properties`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#update-chat-properties */
export type UpdateChatPropertiesResponse = EmptyResponse;

/** Response of `delete_chat_properties`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#delete-chat-properties */
export type DeleteChatPropertiesResponse = EmptyResponse;

/** Response of `update_thread_properties`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#update-thread-properties */
export type UpdateThreadPropertiesResponse = EmptyResponse;

/** Response of `delete_thread_properties`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#delete-thread-properties */
export type DeleteThreadPropertiesResponse = EmptyResponse;

/** Response of `update_event_properties`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#update-event-properties */
export type UpdateEventPropertiesResponse = EmptyResponse;

/** Response of `delete_event_properties`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#delete-event-properties */
export type DeleteEventPropertiesResponse = EmptyResponse;

/**
 * Response of `list_license_properties` (Web only, GET, no authorization): namespace → name → value.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#list-license-properties
 */
export interface ListLicensePropertiesResponse extends Properties {}

/**
 * Response of `list_group_properties` (Web only, GET, no authorization): namespace → name → value.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#list-group-properties
 */
export interface ListGroupPropertiesResponse extends Properties {}

/** Response of `update_customer`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#update-customer */
export type UpdateCustomerResponse = EmptyResponse;

/** Response of `set_customer_session_fields`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#set-customer-session-fields */
export type SetCustomerSessionFieldsResponse = EmptyResponse;

/**
 * Response of `get_customer`: the customer's own data (`name`, `email`, ... only if set).
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-customer
 */
export interface GetCustomerResponse extends Customer {}

/**
 * Response of `list_group_statuses`: group ID (as an object key) → status. Unknown group IDs are left out.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#list-group-statuses
 */
export interface ListGroupStatusesResponse {
  /** Group ID → status. */
  groups_status: { [group_id: string]: CustomerGroupStatus };
}

/** Response of `check_goals` (Web only): no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#check-goals */
export type CheckGoalsResponse = EmptyResponse;

/**
 * Response of `get_form`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-form
 */
export interface GetFormResponse {
  /** `true`: the form is enabled and returned. */
  enabled: boolean;
  /** The form; only when `enabled`. */
  form?: Form;
}

/**
 * Response of `get_predicted_agent` (removed in 3.7; use `request_welcome_message`).
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-predicted-agent
 */
export interface GetPredictedAgentResponse {
  /** The predicted agent. */
  agent: PredictedAgent;
  /** `true` if the chat will be queued. */
  queue: boolean;
}

/**
 * Response of `get_url_info`: a link preview.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-url-info
 */
export interface GetUrlInfoResponse {
  /** The page URL. */
  url?: string;
  /** The page title. */
  title?: string;
  /** The page description. */
  description?: string;
  /** The minified image, hosted on the LiveChat CDN. */
  image_url?: string;
  /** The original image URL. */
  image_original_url?: string;
  /** The image width in pixels. */
  image_width?: number;
  /** The image height in pixels. */
  image_height?: number;
}

/** Response of `mark_events_as_seen`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#mark-events-as-seen */
export type MarkEventsAsSeenResponse = EmptyResponse;

/** Response of `accept_greeting`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#accept-greeting */
export type AcceptGreetingResponse = EmptyResponse;

/** Response of `cancel_greeting`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#cancel-greeting */
export type CancelGreetingResponse = EmptyResponse;

/**
 * Response of `request_welcome_message`; the message itself arrives as `incoming_welcome_message`.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#request-welcome-message
 */
export interface RequestWelcomeMessageResponse {
  /** The welcome message ID. */
  id: string;
  /** The predicted agent. */
  predicted_agent: PredictedAgent;
  /** `true` if the chat will be queued. */
  queue: boolean;
}

/** Response of `send_greeting_button_clicked`: no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#send-greeting-button-clicked */
export type SendGreetingButtonClickedResponse = EmptyResponse;

/** Response of `request_email_verification` (Web only): no payload. @see https://platform.text.com/docs/messaging/customer-chat-api#request-email-verification */
export type RequestEmailVerificationResponse = EmptyResponse;

/**
 * Response of `update_customer_page` (RTM only).
 * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-reference#update-customer-page
 */
export interface UpdateCustomerPageResponse {
  /** The customer's groups; only when the group assignment changed. */
  groups?: GroupStatusEntry[];
}

/** The customer as the `login` response returns it (the docs' sample has no `type`). */
export interface LoginCustomer extends Omit<Customer, 'type'> {
  /** The user type. */
  type?: 'customer';
}

/** A chat of the customer in the `login` response. */
export interface LoginChat {
  /** The chat ID. */
  chat_id: string;
  /** Whether the chat has events the customer has not seen. */
  has_unread_events: boolean;
}

/**
 * Response of `login` (RTM only): the initial state of the customer.
 * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-reference#login
 */
export interface LoginResponse {
  /** The customer. */
  customer: LoginCustomer;
  /** Whether the customer has an active thread. */
  has_active_thread: boolean;
  /** The customer's chats. */
  chats: LoginChat[];
  /** The current greeting, if any. */
  greeting?: Greeting;
  /** Private widget configuration; not part of the public API. */
  __priv_dynamic_config?: Record<string, unknown>;
}

/**
 * Every Customer Chat API 3.6 action (Web and RTM, without `ping`) → its response payload type.
 * `CustomerResponses['list_chats']` is {@link ListChatsResponse}.
 */
export interface CustomerResponses {
  /** `list_chats` action: {@link ListChatsResponse}. */
  list_chats: ListChatsResponse;
  /** `list_threads` action: {@link ListThreadsResponse}. */
  list_threads: ListThreadsResponse;
  /** `get_chat` action: {@link GetChatResponse}. */
  get_chat: GetChatResponse;
  /** `start_chat` action: {@link StartChatResponse}. */
  start_chat: StartChatResponse;
  /** `resume_chat` action: {@link ResumeChatResponse}. */
  resume_chat: ResumeChatResponse;
  /** `deactivate_chat` action: {@link DeactivateChatResponse}. */
  deactivate_chat: DeactivateChatResponse;
  /** `get_dynamic_configuration` action: {@link GetDynamicConfigurationResponse}. */
  get_dynamic_configuration: GetDynamicConfigurationResponse;
  /** `get_configuration` action: {@link GetConfigurationResponse}. */
  get_configuration: GetConfigurationResponse;
  /** `send_event` action: {@link SendEventResponse}. */
  send_event: SendEventResponse;
  /** `delete_event` action: {@link DeleteEventResponse}. */
  delete_event: DeleteEventResponse;
  /** `upload_file` action: {@link UploadFileResponse}. */
  upload_file: UploadFileResponse;
  /** `send_rich_message_postback` action: {@link SendRichMessagePostbackResponse}. */
  send_rich_message_postback: SendRichMessagePostbackResponse;
  /** `send_sneak_peek` action: {@link SendSneakPeekResponse}. */
  send_sneak_peek: SendSneakPeekResponse;
  /** `get_localization` action: {@link GetLocalizationResponse}. */
  get_localization: GetLocalizationResponse;
  /** `update_chat_properties` action: {@link UpdateChatPropertiesResponse}. */
  update_chat_properties: UpdateChatPropertiesResponse;
  /** `delete_chat_properties` action: {@link DeleteChatPropertiesResponse}. */
  delete_chat_properties: DeleteChatPropertiesResponse;
  /** `update_thread_properties` action: {@link UpdateThreadPropertiesResponse}. */
  update_thread_properties: UpdateThreadPropertiesResponse;
  /** `delete_thread_properties` action: {@link DeleteThreadPropertiesResponse}. */
  delete_thread_properties: DeleteThreadPropertiesResponse;
  /** `update_event_properties` action: {@link UpdateEventPropertiesResponse}. */
  update_event_properties: UpdateEventPropertiesResponse;
  /** `delete_event_properties` action: {@link DeleteEventPropertiesResponse}. */
  delete_event_properties: DeleteEventPropertiesResponse;
  /** `list_license_properties` action: {@link ListLicensePropertiesResponse}. */
  list_license_properties: ListLicensePropertiesResponse;
  /** `list_group_properties` action: {@link ListGroupPropertiesResponse}. */
  list_group_properties: ListGroupPropertiesResponse;
  /** `update_customer` action: {@link UpdateCustomerResponse}. */
  update_customer: UpdateCustomerResponse;
  /** `set_customer_session_fields` action: {@link SetCustomerSessionFieldsResponse}. */
  set_customer_session_fields: SetCustomerSessionFieldsResponse;
  /** `get_customer` action: {@link GetCustomerResponse}. */
  get_customer: GetCustomerResponse;
  /** `list_group_statuses` action: {@link ListGroupStatusesResponse}. */
  list_group_statuses: ListGroupStatusesResponse;
  /** `check_goals` action: {@link CheckGoalsResponse}. */
  check_goals: CheckGoalsResponse;
  /** `get_form` action: {@link GetFormResponse}. */
  get_form: GetFormResponse;
  /** `get_predicted_agent` action: {@link GetPredictedAgentResponse}. */
  get_predicted_agent: GetPredictedAgentResponse;
  /** `get_url_info` action: {@link GetUrlInfoResponse}. */
  get_url_info: GetUrlInfoResponse;
  /** `mark_events_as_seen` action: {@link MarkEventsAsSeenResponse}. */
  mark_events_as_seen: MarkEventsAsSeenResponse;
  /** `accept_greeting` action: {@link AcceptGreetingResponse}. */
  accept_greeting: AcceptGreetingResponse;
  /** `cancel_greeting` action: {@link CancelGreetingResponse}. */
  cancel_greeting: CancelGreetingResponse;
  /** `request_welcome_message` action: {@link RequestWelcomeMessageResponse}. */
  request_welcome_message: RequestWelcomeMessageResponse;
  /** `send_greeting_button_clicked` action: {@link SendGreetingButtonClickedResponse}. */
  send_greeting_button_clicked: SendGreetingButtonClickedResponse;
  /** `request_email_verification` action: {@link RequestEmailVerificationResponse}. */
  request_email_verification: RequestEmailVerificationResponse;
  /** `update_customer_page` action: {@link UpdateCustomerPageResponse}. */
  update_customer_page: UpdateCustomerPageResponse;
  /** `login` action: {@link LoginResponse}. */
  login: LoginResponse;
}
