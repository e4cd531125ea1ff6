// License configuration shapes carried by the Agent Chat API "Configuration" pushes and by the
// matching webhooks (agent_created, bot_created, group_created, tag_created, auto_accesses_updated, ...).
// Type-only.

/**
 * An agent's (or bot's) chat routing priority in a group. `supervisor` gets no chats automatically.
 * @see https://platform.text.com/docs/management/configuration-api#create-agent
 */
export type GroupPriority = 'first' | 'normal' | 'last' | 'supervisor';

/** A group an agent or bot belongs to, with its priority there. */
export interface GroupMembership {
  /** The group ID. */
  id: number;
  /** The routing priority in that group. */
  priority: GroupPriority;
}

/** A day of the week in a work schedule. */
export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** One block of working hours. */
export interface WorkSchedulerEntry {
  /** The day. */
  day: Weekday;
  /** Whether this block is enabled. */
  enabled: boolean;
  /** Start time, `HH:MM`. */
  start: string;
  /** End time, `HH:MM`. */
  end: string;
}

/**
 * The working hours of an agent or bot.
 * @see https://platform.text.com/docs/management/configuration-api#create-agent
 */
export interface WorkScheduler {
  /** The timezone of the schedule, e.g. `Europe/Warsaw`. */
  timezone?: string;
  /** The working-hour blocks. */
  schedule?: WorkSchedulerEntry[];
}

/**
 * An agent account's configuration (`agent_created` carries the full state; `agent_updated` only
 * the changed fields).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent_created
 */
export interface AgentConfiguration {
  /** The agent ID (email). */
  id: string;
  /** The agent's name. */
  name?: string;
  /** The agent's role. */
  role?: 'owner' | 'viceowner' | 'administrator' | 'normal' | (string & {});
  /** Whether the account awaits approval. */
  awaiting_approval?: boolean;
  /** The agent's default status after login. */
  login_status?: string;
  /** The job title. */
  job_title?: string;
  /** The mobile number. */
  mobile?: string;
  /** The maximum number of concurrent chats. */
  max_chats_count?: number;
  /** The agent's groups with priorities. */
  groups?: GroupMembership[];
  /** The notifications that are turned on, e.g. `new_visitor`. */
  notifications?: string[];
  /** The email subscriptions, e.g. `weekly_summary`. */
  email_subscriptions?: string[];
  /** The working hours. */
  work_scheduler?: WorkScheduler;
}

/**
 * A bot's configuration (`bot_created` carries the full state; `bot_updated` only the changed fields).
 * @see https://platform.text.com/docs/management/configuration-api#bots
 */
export interface BotConfiguration {
  /** The bot ID. */
  id: string;
  /** The display name. */
  name?: string;
  /** The avatar URL. */
  avatar?: string;
  /** The maximum number of concurrent chats. */
  max_chats_count?: number;
  /** The routing priority in groups without an explicit priority. */
  default_group_priority?: GroupPriority;
  /** The job title. */
  job_title?: string;
  /** The bot's groups with priorities. */
  groups?: GroupMembership[];
  /** The Client ID that owns the bot. */
  owner_client_id?: string;
  /** The working hours. */
  work_scheduler?: WorkScheduler;
}

/**
 * A group's configuration (`group_created` carries the full state; `group_updated` only the changed fields).
 * @see https://platform.text.com/docs/management/configuration-api#groups
 */
export interface GroupConfiguration {
  /** The group ID. */
  id: number;
  /** The group name. */
  name?: string;
  /** The group's language code, e.g. `en`. */
  language_code?: string;
  /** Agent ID → routing priority in this group. */
  agent_priorities?: Record<string, GroupPriority>;
}

/**
 * A tag (`tag_created` carries the full state; `tag_updated` the name and changed fields).
 * @see https://platform.text.com/docs/management/configuration-api#tags
 */
export interface Tag {
  /** The tag name (case-insensitive identity). */
  name: string;
  /** The groups the tag is available in. */
  group_ids?: number[];
  /** When the tag was created (RFC 3339). */
  created_at?: string;
  /** Who created the tag. */
  author_id?: string;
}

/** A value an auto access URL or domain condition matches. */
export interface AutoAccessMatch {
  /** The value to match. */
  value: string;
  /** `false`: match as a substring. */
  exact_match?: boolean;
}

/** An auto access URL or domain condition: positive or negative matches. */
export interface AutoAccessMatchCondition {
  /** Positive matches. */
  values?: AutoAccessMatch[];
  /** Negative matches. */
  exclude_values?: AutoAccessMatch[];
}

/** A geolocation an auto access condition matches. */
export interface AutoAccessGeolocation {
  /** Country name. */
  country?: string;
  /** Country code. */
  country_code?: string;
  /** Region name. */
  region?: string;
  /** City name. */
  city?: string;
}

/**
 * The conditions of an auto access rule.
 * @see https://platform.text.com/docs/management/configuration-api#add-auto-access
 */
export interface AutoAccessConditions {
  /** Matches the customer page URL. */
  url?: AutoAccessMatchCondition;
  /** Matches the customer page domain. */
  domain?: AutoAccessMatchCondition;
  /** Matches the customer's geolocation (any of the values). */
  geolocation?: {
    /** The geolocations; any of them matches. */
    values: AutoAccessGeolocation[];
  };
}

/**
 * One change in the `auto_accesses_updated` push/webhook: the full rule when added, the changed
 * fields when updated, just the ID when deleted.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#auto_accesses_updated
 */
export interface AutoAccessChange {
  /** The auto access rule ID. */
  id: string;
  /** What happened to the rule. */
  status: 'added' | 'updated' | 'deleted';
  /** The ID of the next rule in order (empty for the last). */
  next_id?: string;
  /** The rule description. */
  description?: string;
  /** The destination groups. */
  access?: {
    /** The destination group IDs. */
    groups: number[];
  };
  /** The conditions. */
  conditions?: AutoAccessConditions;
}

/**
 * A canned response (API 3.7): what Configuration `list_canned_responses` returns and the Agent
 * `canned_response_created` push carries in full.
 * @see https://platform.text.com/docs/management/configuration-api/v3.7#list-canned-responses
 */
export interface CannedResponse {
  id: number;
  text: string;
  tags: string[];
  group_id: number;
  /** Visible only to its author. */
  is_private: boolean;
  /** The agent who created it. */
  author_id: string;
  created_at: string;
  updated_at: string;
}

/**
 * `filters` of `register_webhook` (Configuration API): which occurrences of the action trigger the
 * webhook; which filters an action allows is in the docs' "Triggering actions" table. The docs name
 * `agent_ids` there without giving its shape, so each package passes the one it types.
 * @see https://platform.text.com/docs/management/configuration-api/v3.6#register-webhook
 */
export interface RegisterWebhookFilters<AgentIds> {
  /** `incoming_event` and `event_updated` only. */
  author_type?: 'customer' | 'agent';
  /** Only chats whose `source.client_id` is your client id. */
  only_my_chats?: boolean;
  chat_presence?: {
    /** Give `values` or `exclude_values`, not both. */
    user_ids?: { values?: string[]; exclude_values?: string[] };
    /** Any bot owned by `owner_client_id` is in the chat. */
    my_bots?: boolean;
  };
  source_type?: Array<'my_client' | 'other_clients' | 'system'>;
  /** `routing_status_set` only (listed in the docs' triggering-actions table). */
  agent_ids?: AgentIds;
}
