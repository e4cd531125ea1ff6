// Request filters and responses of the Reports API 3.6, from the docs' "Available parameters and
// filters" tables, response tables and samples (src/pages/data-reporting/reports-api/index.mdx and
// payloads/data-reporting/v3.6/reports-api in livechat/livechat-public-docs @ 628955e8).

/**
 * A date-time filter value: an RFC 3339 string (`2021-04-08T00:00:00-00:00`, microseconds allowed)
 * or a `Date` (sent as its ISO string by `JSON.stringify`).
 */
export type DateTimeInput = string | Date;

/** `distribution` of the Chats reports (default `day`). */
export type ChatsDistribution = 'hour' | 'day' | 'day-hours' | 'month' | 'year';

/** `distribution` of the Agents reports (default `day`). */
export type AgentsDistribution = 'hour' | 'day';

/**
 * `<string_filter_type>`: pass one of `exists`, `values`, `exclude_values`.
 * `exists` works only in the Chats reports (`agents.exists: false` returns unassigned chats).
 */
export interface StringFilter {
  exists?: boolean;
  values?: string[];
  exclude_values?: string[];
  /** `true`: only chats that have every element of `values` / `exclude_values`. */
  require_every_value?: boolean;
}

/** `<integer_filter_type>`: pass one of `exists`, `values`, `exclude_values`. */
export interface IntegerFilter {
  exists?: boolean;
  values?: number[];
  exclude_values?: number[];
  /** `true`: only chats that have every element of `values` / `exclude_values`. */
  require_every_value?: boolean;
}

/** `<filter_type>` of a property or greeting filter: one of `exists`, `values`, `exclude_values`. */
export interface ValueFilter {
  exists?: boolean;
  /** Values of the property's type (`string`, `int` or `bool`). */
  values?: Array<string | number | boolean>;
  exclude_values?: Array<string | number | boolean>;
}

/** `<event_type_filter_type>`: event types (`message`, `file`, ...); duplicates are ignored. */
export interface EventTypeFilter {
  values?: string[];
  exclude_values?: string[];
  require_every_value?: boolean;
}

/**
 * A chat form filter (`filters.forms[]`).
 *
 * Docs disagreement: the parameter table writes `filters.forms.<form>` (an object keyed by form),
 * the `surveyFilter` sample sends an array of form objects; the array is what is typed.
 */
export interface FormFilter {
  type: 'pre_chat' | 'post_chat';
  /** Answer IDs. */
  values?: string[];
  /** Answer IDs. */
  exclude_values?: string[];
  from?: DateTimeInput;
  to?: DateTimeInput;
  /** `true`: only forms with a `survey_id`. */
  exists?: boolean;
  groups?: IntegerFilter;
}

/** `filters.greetings`: chats started from a greeting. */
export interface GreetingsFilter extends ValueFilter {
  from?: DateTimeInput;
  to?: DateTimeInput;
  groups?: IntegerFilter;
}

/** `filters.agent_response`. */
export interface AgentResponseFilter {
  exists?: boolean;
  /** Makes the other `agent_response` filters apply to the agents' first response only. */
  first?: boolean;
  /** Works only with `first: true`. */
  agents?: StringFilter;
  /** Works only with `first: true`. */
  groups?: IntegerFilter;
}

/**
 * Filters of the Chats reports (and `queued_visitors*`). Without filters a report spans the last
 * seven days; with filters, exactly one time range must be given: `from`/`to`, `greetings.from`/`to`
 * or the `from`/`to` of a `forms[]` entry.
 */
export interface ChatsReportFilters {
  from?: DateTimeInput;
  to?: DateTimeInput;
  /** `{ "<namespace>": { "<name>": { values: [...] } } }`. */
  properties?: Record<string, Record<string, ValueFilter>>;
  agents?: StringFilter;
  tags?: StringFilter;
  sales?: IntegerFilter;
  goals?: IntegerFilter;
  forms?: FormFilter[];
  event_types?: EventTypeFilter;
  /** Group IDs. */
  groups?: IntegerFilter;
  greetings?: GreetingsFilter;
  agent_response?: AgentResponseFilter;
  /** ISO 3166-1 alpha-2 country codes. */
  customer_countries?: StringFilter;
}

/**
 * Filters of the Agents reports (`availability`, `performance`). The docs: "If filters are provided,
 * they must contain exactly one time-based filter (`filters.from/to`)", so `from` and `to` are
 * required here (the parameter table marks them optional). `exists` works only in the Chats reports.
 */
export interface AgentsReportFilters {
  from: DateTimeInput;
  to: DateTimeInput;
  agents?: Omit<StringFilter, 'exists'>;
  groups?: { values?: number[] };
}

/** Filters of `unique_visitors`: with filters, `from` and `to` are required (as for the Agents reports). */
export interface CustomersReportFilters {
  from: DateTimeInput;
  to: DateTimeInput;
}

/** Filters of `chat_usage`. */
export interface ChatUsageFilters {
  from?: DateTimeInput;
  to?: DateTimeInput;
  groups?: { values?: number[] };
}

// ---------------------------------------------------------------------------------------------
// Responses. `records` of distributed reports are keyed by the distribution unit (`2021-04-08` for
// `day`); a unit without data is `{}`, so every per-unit field is optional. Every sample carries a
// `name` (e.g. `duration-report`) the tables do not mention.

/** Fields every report may carry. */
export interface ReportBase {
  /** Report name, e.g. `duration-report` (in every sample, not in the tables). */
  name?: string;
}

/** `duration`. */
export interface DurationReport extends ReportBase {
  total: number;
  records: Record<string, { count?: number; agents_chatting_duration?: number; duration?: number }>;
}
/** `tags`: per unit, tag → number of chats. */
export interface TagsReport extends ReportBase {
  total: number;
  records: Record<string, Record<string, number>>;
}
/** `total_chats`. */
export interface TotalChatsReport extends ReportBase {
  total: number;
  records: Record<string, { total?: number; continuous?: number }>;
}
/** `ratings`. */
export interface RatingsReport extends ReportBase {
  total: number;
  records: Record<string, { chats?: number; good?: number; bad?: number }>;
}
/** `ranking`: agent ID → ranking; `distribution` has no effect. */
export interface RankingReport extends ReportBase {
  records: Record<string, { total: number; good: number; bad: number; score: number }>;
}
/** `engagement`. */
export interface EngagementReport extends ReportBase {
  total: number;
  records: Record<
    string,
    {
      total?: number;
      started_by_customer_from_greeting?: number;
      started_by_customer_without_greeting?: number;
      started_by_agent?: number;
    }
  >;
}
/** `greetings_conversion`: per unit, greeting ID → counts (up to 100 greetings a day). */
export interface GreetingsConversionReport extends ReportBase {
  total: number;
  records: Record<string, Record<string, { accepted: number; canceled: number; displayed: number; goals: number }>>;
}
/** An answer of a form field in the `forms` report. */
export interface FormsReportAnswer {
  answer_id: number | string;
  label: string;
  count: number;
}
/** `forms`: `distribution` has no effect. */
export interface FormsReport extends ReportBase {
  records: Array<{
    form_id: string;
    count: number;
    group_id: number;
    fields: Array<{ field_id: string; label: string; answers: FormsReportAnswer[] }>;
  }>;
}
/** `response_time` (seconds). */
export interface ResponseTimeReport extends ReportBase {
  total: number;
  records: Record<string, { count?: number; response_time?: number }>;
}
/** `first_response_time` (seconds). */
export interface FirstResponseTimeReport extends ReportBase {
  total: number;
  records: Record<string, { count?: number; first_response_time?: number }>;
}
/** `groups`: per unit, group ID → number of chats. */
export interface GroupsReport extends ReportBase {
  total: number;
  records: Record<string, Record<string, number>>;
}
/** `availability`: `hours` per day for `day`, `minutes` per hour for `hour`. */
export interface AvailabilityReport extends ReportBase {
  total: number;
  records: Record<string, { hours?: number; minutes?: number }>;
}
/** Per-agent figures of `performance` (times in seconds). */
export interface AgentPerformance {
  chats_count: number;
  chats_rated_good: number;
  chats_rated_bad: number;
  first_response_chats_count: number;
  first_response_time: number;
  accepting_chats_time: number;
  chatting_time: number;
  logged_in_time: number;
  not_accepting_chats_time: number;
}
/** `performance`: agent ID → figures, plus a summary for all agents. */
export interface PerformanceReport extends ReportBase {
  records: Record<string, AgentPerformance>;
  summary: {
    chats_count: number;
    chats_rated_good: number;
    chats_rated_bad: number;
    first_response_chats_count: number;
    first_response_time: number;
  };
}
/** `unique_visitors`. */
export interface UniqueVisitorsReport extends ReportBase {
  summary: { unique_visitors: number; page_views: number };
}
/** Queue time statistics (seconds). */
export interface QueueStats {
  count: number;
  min: number;
  max: number;
  avg: number;
}
/** `queued_visitors`. */
export interface QueuedVisitorsReport extends ReportBase {
  total: number;
  records: Record<string, { left_queue?: QueueStats; queued?: QueueStats }>;
}
/** A key-value pair of custom or integration variables. */
export interface KeyValue {
  key: string;
  value: string;
}
/** A visitor who left the queue (`queued_visitors_left`, keyed by chat ID). */
export interface QueuedVisitorLeft {
  prechat_survey?: Array<{ key: string; value: string; id: string; type: string }>;
  visitor: { id: string; name?: string; email?: string; ip?: string; visitor_custom_variables?: KeyValue[] };
  queue: { duration: number; url?: string; group: number; start_date: string };
  integration_variables?: KeyValue[];
}
/** `queued_visitors_left`: paginated with the integer `page` parameter. */
export interface QueuedVisitorsLeftReport extends ReportBase {
  total: number;
  summary: { left_without_details: number; total_pages: number };
  records: Record<string, QueuedVisitorLeft>;
}
/** `chat_usage`: tag → number of chats. */
export interface ChatUsageReport extends ReportBase {
  records: Record<string, number>;
}

/** What each Reports API 3.6 report resolves with, by report name. */
export interface ReportsResponses {
  duration: DurationReport;
  tags: TagsReport;
  total_chats: TotalChatsReport;
  ratings: RatingsReport;
  ranking: RankingReport;
  engagement: EngagementReport;
  greetings_conversion: GreetingsConversionReport;
  forms: FormsReport;
  response_time: ResponseTimeReport;
  first_response_time: FirstResponseTimeReport;
  groups: GroupsReport;
  availability: AvailabilityReport;
  performance: PerformanceReport;
  unique_visitors: UniqueVisitorsReport;
  queued_visitors: QueuedVisitorsReport;
  queued_visitors_left: QueuedVisitorsLeftReport;
  chat_usage: ChatUsageReport;
}

/**
 * `abandoned_carts` (API 3.7): per distribution unit, the carts customers left and their value.
 * @see https://platform.text.com/docs/data-reporting/reports-api/v3.7#abandoned-carts
 */
export interface AbandonedCartsReport extends ReportBase {
  /** The request as the API read it (in the docs' sample). */
  request?: Record<string, unknown>;
  records: Record<string, { abandoned_cart_count: number; total_abandoned_value_usd: number }>;
  summary: { total_abandoned_cart_count: number; total_abandoned_value_usd: number };
}
/**
 * `visitor_domains` (API 3.7): the top domains visitors came from → page views.
 * @see https://platform.text.com/docs/data-reporting/reports-api/v3.7#visitor-domains
 */
export interface VisitorDomainsReport extends ReportBase {
  summary: Record<string, number>;
}

/** What each Reports API 3.7 report resolves with: 3.6's reports plus the two 3.7 adds. */
export interface ReportsResponses3_7 extends ReportsResponses {
  abandoned_carts: AbandonedCartsReport;
  visitor_domains: VisitorDomainsReport;
}
