// Data structures of the Configuration API 3.6, from the docs' request/response tables and samples
// (src/pages/management/configuration-api/index.mdx and payloads/management/v3.6/configuration-api
// in livechat/livechat-public-docs @ 628955e8). Wire names (snake_case) throughout.
// Type-only, and long because it mirrors that one docs page: one declaration per documented structure.

import type { Weekday as CoreWeekday, RegisterWebhookFilters, WorkSchedulerEntry } from '@lc/core';

/**
 * A string union the platform may extend: the documented values autocomplete, any other string is
 * still accepted (used for response fields, so a new platform value never breaks a type check).
 */
export type Open<T extends string> = T | (string & {});

/** A response with no payload ("No response payload (200 OK)"): the SDK resolves with `{}`. */
export type EmptyResponse = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// Agents

/**
 * `owner_client_id` of the bot and bot-template methods: the Client ID of the application that owns
 * the bot (template). The docs require it only when authorizing with a Personal Access Token (with
 * an OAuth token the token's client is the owner; `create_bot` and `reset_bot_secret` say so, and
 * the five bot-template samples leave it out), so the request types make it optional.
 * @see https://platform.text.com/docs/management/configuration-api#create-bot
 */
export type OwnerClientId = string;

/** Chat routing priority of an agent or bot in a group. */
export type RoutingPriority = 'first' | 'normal' | 'last' | 'supervisor';

/** Roles `create_agent` / `update_agent` accept (`owner` exists but cannot be assigned). */
export type AgentRole = 'viceowner' | 'administrator' | 'normal';

/** The agent's default status right after login. */
export type AgentLoginStatus = 'accepting chats' | 'not accepting chats';

/** The optional agent properties `get_agent` / `list_agents` return when asked for in `fields`. */
export type AgentField =
  | 'work_scheduler'
  | 'groups'
  | 'email_subscriptions'
  | 'notifications'
  | 'job_title'
  | 'mobile'
  | 'max_chats_count'
  | 'suspended'
  | 'awaiting_approval'
  | 'last_logout';

/** The optional bot properties `get_bot` / `list_bots` return when asked for in `fields`. */
export type BotField = 'groups' | 'work_scheduler' | 'job_title' | 'max_chats_count' | 'timezone';

/** The optional group properties `get_group` / `list_groups` return when asked for in `fields`. */
export type GroupField = 'agent_priorities' | 'routing_status';

/** The notifications of `create_agent` / `update_agent` (`notifications`). */
export type AgentNotification =
  | 'new_visitor'
  | 'incoming_chat'
  | 'returning_visitor'
  | 'queued_visitor'
  | 'visitor_is_typing'
  | 'new_goal'
  | 'unassigned_chats'
  | 'unassigned_chat_messages'
  | 'ticket'
  | 'inactive_notifications'
  | 'mute_all_sounds'
  | 'repeat_sound_notifications'
  | 'ticket_notifications'
  | 'incoming_message_for_focused_chat';

/** The email subscriptions of `create_agent` / `update_agent` (`email_subscriptions`). */
export type AgentEmailSubscription = 'daily_summary' | 'weekly_summary';

/** Day names of a work schedule (the structure `@lc/core` shares with the agent pushes and webhooks). */
export type Weekday = CoreWeekday;

/** One block of working hours (`@lc/core`'s `WorkSchedulerEntry`). */
export type WorkSchedule = WorkSchedulerEntry;

/**
 * An agent's work scheduler (`create_agent`, `update_agent`, `get_agent` with `fields: ["work_scheduler"]`).
 *
 * Docs disagreement: the `update_agent` curl sample sends an older per-day object
 * (`{"monday": {"start", "end"}}`); the request table points to this structure, which is what is typed.
 */
export interface WorkScheduler {
  /** IANA time zone; falls back to the agent's time zone when empty. */
  timezone?: string;
  /** The working hours. */
  schedule: WorkSchedule[];
}

/** A bot's work scheduler: the docs require `timezone` for bots. */
export interface BotWorkScheduler {
  /** IANA time zone the bot's work scheduler operates in. */
  timezone: string;
  /** The working hours (see {@link WorkScheduler}). */
  schedule?: WorkSchedule[];
}

/** Group membership of an agent or bot. */
export interface GroupPriority {
  /** The group ID. */
  id: number;
  /** The routing priority in that group. */
  priority: RoutingPriority;
}

/** An agent as `get_agent` / `list_agents` return it. Fields marked "with `fields`" only appear when requested. */
export interface Agent {
  /** The agent ID (an email address). */
  id: string;
  account_id: string;
  name: string;
  /** Avatar URL (`get_agent` sample). */
  avatar?: string;
  /** Avatar path (`list_agents` sample; the docs use both names). */
  avatar_path?: string;
  role: Open<AgentRole | 'owner'>;
  login_status?: Open<AgentLoginStatus>;
  /** With `fields`. */
  work_scheduler?: WorkScheduler;
  /** With `fields`. */
  groups?: GroupPriority[];
  /** With `fields`. */
  email_subscriptions?: string[];
  /** Email summaries (`list_agents` sample; the `fields` table calls it `email_subscriptions`). */
  summaries?: string[];
  /** With `fields`. */
  notifications?: string[];
  /** With `fields`. */
  job_title?: string;
  /** With `fields`. */
  mobile?: string;
  /** With `fields`. */
  max_chats_count?: number;
  /** With `fields`. */
  suspended?: boolean;
  /** With `fields`. */
  awaiting_approval?: boolean;
  /** With `fields`: RFC 3339 date-time of the last logout; omitted when there was none. */
  last_logout?: string;
}

// ---------------------------------------------------------------------------------------------
// Auto access

/** A value to match against the customer's URL or domain. */
export interface MatchObject {
  value: string;
  /** `false` (default): `value` matches as a substring. */
  exact_match?: boolean;
}

/** A URL or domain condition: `values` (positive match) or `exclude_values` (negative match), not both. */
export interface MatchCondition {
  values?: MatchObject[];
  exclude_values?: MatchObject[];
}

/** A geolocation subcondition; all given fields must match, at least one must be given. */
export interface GeolocationMatch {
  country?: string;
  country_code?: string;
  region?: string;
  city?: string;
}

/** Conditions of an auto access; at least one of `url`, `domain`, `geolocation`. */
export interface AutoAccessConditions {
  url?: MatchCondition;
  domain?: MatchCondition;
  geolocation?: {
    /** Matches when at least one subcondition matches. */
    values: GeolocationMatch[];
  };
}

/** An auto access rule (`list_auto_accesses`). Rules form a linked list through `next_id`. */
export interface AutoAccess {
  id: string;
  description?: string;
  access: { groups: number[] };
  conditions: AutoAccessConditions;
  /** The next rule; empty or absent for the last one. */
  next_id?: string;
}

// ---------------------------------------------------------------------------------------------
// Bots

/** A bot as `get_bot` / `list_bots` return it. Fields marked "with `fields`" only appear when requested. */
export interface Bot {
  id: string;
  name: string;
  avatar_path?: string;
  default_group_priority?: Open<RoutingPriority>;
  owner_client_id?: string;
  /** With `fields`. */
  max_chats_count?: number;
  /** With `fields`. */
  groups?: GroupPriority[];
  /** With `fields`. */
  job_title?: string;
  /** With `fields`. */
  work_scheduler?: BotWorkScheduler;
  /** With `fields`. */
  timezone?: string;
}

/** A bot template (`list_bot_templates`). */
export interface BotTemplate {
  id: string;
  name: string;
  avatar_path?: string;
  default_group_priority?: Open<RoutingPriority>;
  max_chats_count?: number;
  job_title?: string;
  owner_client_id?: string;
}

// ---------------------------------------------------------------------------------------------
// Customer bans

/** An active ban (`list_customer_bans`). */
export interface CustomerBan {
  ip?: string;
  customer_id?: string;
  /** The agent who banned the customer. */
  agent_id: string;
  thread_id?: string;
  created_at: string;
  expires_at: string;
}

// ---------------------------------------------------------------------------------------------
// Greetings

/** Comparison operators of greeting rules. */
export type GreetingOperator =
  | 'equals'
  | 'doesnt_equal'
  | 'lower_than'
  | 'lower_or_equal'
  | 'greater_than'
  | 'greater_or_equal'
  | 'contains'
  | 'doesnt_contain';

/** Rule types of greetings (docs' "Parameter requirements for each `rules[].type` value" table). */
export type GreetingRuleType =
  | 'visit_time_site'
  | 'visit_time_page'
  | 'url_current'
  | 'url_visited'
  | 'url_funnel'
  | 'pages_view_number'
  | 'url_referrer'
  | 'geolocation'
  | 'visits_number'
  | 'search_keyword'
  | 'custom_variable'
  | 'ads_traffic'
  | 'url_match_page_view_number';

/** One rule of a greeting. Which fields a rule needs depends on its `type` (see the docs table). */
export interface GreetingRule {
  condition: 'and' | 'or';
  type: Open<GreetingRuleType>;
  /** Not used by `url_funnel`, `custom_variable`, `ads_traffic`. */
  operator?: GreetingOperator;
  value?: string;
  /** `url_funnel`, `url_match_page_view_number`: 1-10 URLs. */
  urls?: Array<{ url: string; operator: GreetingOperator }>;
  /** `custom_variable`, `ads_traffic`: exactly one key-value pair. */
  session_field?: Record<string, string>;
}

/** A button of a greeting's rich message. */
export interface GreetingButton {
  text: string;
  type: Open<'webview' | 'message' | 'url' | 'phone'>;
  value: string;
  postback_id: string;
  /** Generated when absent; pass the existing ID on update to keep it. */
  button_id?: string;
  role?: Open<'default' | 'primary' | 'danger'>;
}

/** An element (card) of a greeting's rich message. */
export interface GreetingElement {
  title: string;
  subtitle: string;
  /**
   * The table marks `image` required, every docs sample omits it; typed optional.
   */
  image?: {
    url: string;
    alternative_text?: string;
    name?: string;
    content_type?: string;
    size?: number;
    width?: number;
    height?: number;
  };
  buttons?: GreetingButton[];
}

/** The rich message content of a greeting. */
export interface GreetingRichMessage {
  /** The table lists `cards`, `sticker`, `quick_replies`; the samples send `text`. */
  template_id: Open<'cards' | 'sticker' | 'quick_replies'>;
  /** Up to 10 elements. */
  elements?: GreetingElement[];
}

/**
 * Greeting `properties` as string key-value pairs. Documented keys: `addon`, `is_exit_intent`,
 * `greeting-message_text`, `greeting-message_json_key`, `greeting-message_phrase_key`.
 */
export type GreetingProperties = Record<string, string>;

/** A greeting (`get_greeting`, `list_greetings`). */
export interface Greeting {
  id: number;
  type: Open<'normal' | 'announcement'>;
  active: boolean;
  active_from?: string;
  active_until?: string;
  name: string;
  group: number;
  rules: GreetingRule[];
  properties?: GreetingProperties;
  /** The docs' `get_greeting` / `list_greetings` samples have no `template_id` here. */
  rich_message?: Omit<GreetingRichMessage, 'template_id'> & { template_id?: GreetingRichMessage['template_id'] };
}

// ---------------------------------------------------------------------------------------------
// Groups

/** A group (`get_group`, `list_groups`). `agent_priorities` / `routing_status` come with `fields`. */
export interface Group {
  id: number;
  name: string;
  language_code: string;
  /** Agent ID → priority. */
  agent_priorities?: Record<string, Open<RoutingPriority>>;
  routing_status?: Open<'accepting_chats' | 'not_accepting_chats' | 'offline'>;
}

// ---------------------------------------------------------------------------------------------
// Properties

/** Property value types. */
export type PropertyType = 'int' | 'bool' | 'string' | 'tokenized_string';
/** Where a property can live. */
export type PropertyLocation = 'chat' | 'thread' | 'event' | 'license' | 'group';
/** Access levels. */
export type PropertyAccessType = 'read' | 'write';

/** Per location, per user type (`agent`, `customer`), the allowed access. */
export type PropertyAccess = Partial<
  Record<PropertyLocation, Partial<Record<'agent' | 'customer', PropertyAccessType[]>>>
>;

/** Values by namespace and property name: `{ "<namespace>": { "<name>": <value> } }`. */
export type PropertiesByNamespace = Record<string, Record<string, unknown>>;

/** Property names by namespace, for the delete methods: `{ "<namespace>": ["<name>"] }`. */
export type PropertyNamesByNamespace = Record<string, string[]>;

/** A property's configuration (`list_properties`, keyed by property name). */
export interface PropertyConfig {
  type: Open<PropertyType>;
  description?: string;
  access: PropertyAccess;
  /** Access for other Client IDs once published. */
  public_access?: PropertyAccessType[];
  domain?: unknown[];
  range?: { from?: number; to?: number };
  default_value?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Tags

/** A tag (`list_tags`). */
export interface Tag {
  name: string;
  group_ids: number[];
  /** Empty for tags created by the system. */
  author_id: string;
  created_at: string;
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/**
 * Filters of a webhook registration. `agent_ids` is typed like `chat_presence.user_ids`; @lc/webhooks
 * types it as a list of IDs (the docs give no shape, and both types are public).
 */
export interface WebhookFilters extends RegisterWebhookFilters<{ values?: string[]; exclude_values?: string[] }> {}

/** Extra data a webhook can carry. */
export type WebhookAdditionalData = 'chat_properties' | 'chat_presence_user_ids';

/** A registered webhook (`list_webhooks`). */
export interface Webhook {
  id: string;
  url: string;
  description?: string;
  action: string;
  secret_key?: string;
  filters?: WebhookFilters;
  additional_data?: string[];
  owner_client_id: string;
  type: Open<'bot' | 'license'>;
}

/** A webhook action supported by an API version (`list_webhook_names`). */
export interface WebhookName {
  action: string;
  /** Filters the action supports. */
  filters?: string[];
  /** Additional data the action supports. */
  additional_data?: string[];
}

// ---------------------------------------------------------------------------------------------
// Other

/** A communication channel (`list_channels`). */
export interface Channel {
  channel_type: Open<'code' | 'direct_link' | 'integration'>;
  /** Empty for `code` and `direct_link`; the Client ID for `integration`. */
  channel_subtype: string;
  /** RFC 3339 date-time. */
  first_activity_timestamp: string;
}

/**
 * A resource over the given plan's limit (`check_product_limits_for_plan`).
 *
 * Docs disagreement: the "Response" table lists resource names; the sample (followed here) is an
 * array of `{ resource, limit_balance, id? }`.
 */
export interface ProductLimit {
  resource: Open<
    | 'agents'
    | 'groups'
    | 'banned'
    | 'queue'
    | 'queue_continuous'
    | 'groups_per_agent'
    | 'access_rules'
    | 'group_chooser_groups'
  >;
  limit_balance: number;
  /** The agent or group the limit applies to, for per-entity resources. */
  id?: string;
}

/** The `source` parameters passed when the product was activated (`get_product_source`). */
export interface ProductSource {
  source_id: string;
  source_type: string;
  source_url: string;
}
