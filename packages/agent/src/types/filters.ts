// Request filter shapes of the Agent Chat API 3.6 that the docs describe in footnotes rather than in the
// parameter tables (`list_chats`, `list_archives`). Type-only.
// @see https://platform.text.com/docs/messaging/agent-chat-api#list-archives

/** A value filter: pass one of `exists`, `values` or `exclude_values`. */
export interface ValueFilter<T = string | number | boolean> {
  exists?: boolean;
  values?: T[];
  exclude_values?: T[];
  /** `true`: only chats that have every element of `values` / `exclude_values`. */
  require_every_value?: boolean;
}

/** `filters.properties`: namespace → property name → filter (one of `exists`, `values`, `exclude_values`). */
export type PropertiesFilter = Record<string, Record<string, Omit<ValueFilter, 'require_every_value'>>>;

/** Group IDs to include or exclude. */
export interface GroupIdsFilter {
  values?: number[];
  exclude_values?: number[];
}

/** One element of `list_archives` `filters.forms`: answers to a pre-chat or post-chat form. */
export interface ArchivesFormFilter {
  /** RFC 3339 date and time, microsecond resolution. */
  from?: string;
  /** RFC 3339 date and time, microsecond resolution. */
  to?: string;
  /** `true`: only forms with a `survey_id`. */
  exists?: boolean;
  type?: 'pre_chat' | 'post_chat';
  /** Answer IDs. */
  values?: string[];
  /** Answer IDs. */
  exclude_values?: string[];
  groups?: GroupIdsFilter;
}

/** `list_archives` `filters.event_types`: event types (`message`, `file`, ...); pass `values` or `exclude_values`. */
export interface ArchivesEventTypesFilter {
  values?: string[];
  exclude_values?: string[];
  require_every_value?: boolean;
}

/** `list_archives` `filters.greetings`. */
export interface ArchivesGreetingsFilter {
  /** RFC 3339 date and time, microsecond resolution. */
  from?: string;
  /** RFC 3339 date and time, microsecond resolution. */
  to?: string;
  exists?: boolean;
  /** Greeting IDs. */
  values?: number[];
  /** Greeting IDs. */
  exclude_values?: number[];
  groups?: GroupIdsFilter;
}

/** `list_archives` `filters.agent_response`. */
export interface ArchivesAgentResponseFilter {
  exists?: boolean;
  /** `true`: the other `agent_response` filters apply to the agents' first response only. */
  first?: boolean;
  /** Agent IDs. */
  agents?: { values?: string[]; exclude_values?: string[] };
  groups?: GroupIdsFilter;
}

/** The agent types of `list_archives` `filters.agent_types`. */
export type ArchivesAgentType = 'human' | 'chatbot' | 'ai_agent';

/** `list_archives` `filters.agent_types`: each value at most once across the arrays. */
export interface ArchivesAgentTypesFilter {
  all_values?: ArchivesAgentType[];
  any_values?: ArchivesAgentType[];
  exclude_values?: ArchivesAgentType[];
}
