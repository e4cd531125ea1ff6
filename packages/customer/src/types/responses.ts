// Responses of the Customer Chat API 3.6 actions (Web and RTM) that are the Customer's own, from the
// docs' response tables and samples. Type-only. The generated `CustomerResponses` map
// (src/generated/responses.ts) adds the shared ones from @lc/core and the empty ones.
import type { Customer, CustomerChatSummary, PageInfo, Properties } from '@lc/core';
import type { CustomerGroupStatus, Form, Greeting, GroupStatusEntry, PredictedAgent } from './structures.js';

export type { PageInfo } from '@lc/core';

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
 * Response of `get_localization` (Web only, GET): translation key (e.g. `Agents_not_available`) → text.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-localization
 */
export interface GetLocalizationResponse {
  [key: string]: string;
}

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
