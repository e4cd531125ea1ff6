// Small shared shapes of the Agent / Customer Chat API 3.6 (also used by webhooks). Type-only.

/**
 * A response with no payload ("No response payload (`200 OK`)" in the docs): an empty object.
 */
export type EmptyResponse = Record<string, never>;

/**
 * Who can see an event or a typing indicator: everyone in the chat, or agents only.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#events
 */
export type Visibility = 'all' | 'agents';

/**
 * A single property value. Properties are typed `int`, `bool`, `string` or `tokenized_string`
 * in the Configuration API.
 * @see https://platform.text.com/docs/management/configuration-api#properties
 */
export type PropertyValue = string | number | boolean;

/** The properties of one namespace: property name → value. */
export interface PropertyNamespace {
  [name: string]: PropertyValue;
}

/**
 * Key-value storage set on a chat, a thread, an event, a license or a group: namespace → name → value.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#properties
 */
export interface Properties {
  [namespace: string]: PropertyNamespace;
}

/**
 * The names of deleted properties per namespace, as in the `*_properties_deleted` pushes and webhooks
 * (e.g. `{ "rating": ["score", "comment"] }`).
 */
export interface DeletedProperties {
  [namespace: string]: string[];
}

/**
 * Which groups can access a chat or a thread. Group `0` means that all agents can see it.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#access
 */
export interface Access {
  /** The IDs of the groups with access. */
  group_ids: number[];
}

/**
 * The queue state of a chat waiting for an available agent.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#threads
 */
export interface Queue {
  /** Position in the queue (1 = next). */
  position: number;
  /** Approximated wait time in seconds. */
  wait_time: number;
  /** When the chat was queued (RFC 3339). Missing in queue position updates. */
  queued_at?: string;
}

/** The groups and agents a chat (or customer) was transferred to or from. */
export interface TransferTarget {
  /** The group IDs. */
  group_ids?: number[];
  /** The agent IDs. */
  agent_ids?: string[];
}

/**
 * Why a chat was transferred (`chat_transferred` push/webhook).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#chat_transferred
 */
export type TransferReason = 'manual' | 'inactive' | 'assigned' | 'unassigned' | 'other';

/**
 * The AI-generated summary of a thread (`request_thread_summary`, `thread_summary_set`, `Thread.summary`).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#thread_summary_set
 */
export interface ThreadSummary {
  /** The summary status; the docs only show `ok`. */
  status: 'ok' | (string & {});
  /** The summary text. */
  text: string;
  /** When the summary was last updated (RFC 3339). */
  updated_at: string;
}

/**
 * A routing status: whether an agent gets chats assigned. `offline` is settable for bot agents only.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#set-routing-status
 */
export type RoutingStatus = 'accepting_chats' | 'not_accepting_chats' | 'offline';

/**
 * The routing status of one agent (`list_routing_statuses` item, `routing_status_set` push/webhook).
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-routing-statuses
 */
export interface AgentRoutingStatus {
  /** The agent ID. */
  agent_id: string;
  /** The agent's routing status. */
  status: RoutingStatus;
}

/**
 * A geolocation as detected from the customer's IP. Coordinates are decimal strings.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#customer
 */
export interface Geolocation {
  /** Country name, e.g. `Poland`. */
  country?: string;
  /** ISO 3166-1 alpha-2 code, e.g. `PL`. */
  country_code?: string;
  /** Region name. */
  region?: string;
  /** City name. */
  city?: string;
  /** IANA timezone, e.g. `Europe/Warsaw`. */
  timezone?: string;
  /** Latitude as a decimal string. */
  latitude?: string;
  /** Longitude as a decimal string. */
  longitude?: string;
}

/** A page a customer opened during a visit. */
export interface VisitedPage {
  /** When the page was opened (RFC 3339). */
  opened_at: string;
  /** The page URL. */
  url: string;
  /** The page title. */
  title?: string;
}

/**
 * The customer's most recent online visit: geolocation and opened pages.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#customer
 */
export interface Visit {
  /** When the visit started (RFC 3339). */
  started_at?: string;
  /** When the visit ended (RFC 3339); missing while the visit lasts. */
  ended_at?: string;
  /** The referrer URL. */
  referrer?: string;
  /** The customer's IP address. */
  ip?: string;
  /** The browser's user agent. */
  user_agent?: string;
  /** The detected geolocation. */
  geolocation?: Geolocation;
  /** The last pages the customer opened. */
  last_pages?: VisitedPage[];
}

/**
 * The customer visit a thread was started from (`Thread.customer_visit`): IP, user agent and geolocation.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#threads
 */
export interface CustomerVisit {
  /** The customer's IP address. */
  ip?: string;
  /** The browser's user agent. */
  user_agent?: string;
  /** The detected geolocation. */
  geolocation?: Geolocation;
}
