// Users of the Agent / Customer Chat API 3.6 (also used by webhooks). Type-only.
import type { RoutingStatus, Visit, Visibility } from './common.js';

/**
 * An agent (or bot agent: bots are users of type `agent` too) as a chat user.
 * The Customer Chat API shows agents without `email`/`visibility` and with `job_title`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#agent
 */
export interface Agent {
  /** The agent ID (an email for human agents). */
  id: string;
  /** The user type. */
  type: 'agent';
  /** The agent's name. */
  name?: string;
  /** The agent's email. */
  email?: string;
  /** Whether the agent is present in the chat. */
  present?: boolean;
  /** RFC 3339 timestamp of the most recent event the agent has seen. */
  events_seen_up_to?: string;
  /** The avatar URL. */
  avatar?: string;
  /** Who can see the agent. Required in the Agent Chat API data structure. */
  visibility?: Visibility;
  /** The agent's job title (Customer Chat API). */
  job_title?: string;
}

/**
 * The agent's role (`permission` of {@link MyProfile}).
 * @see https://platform.text.com/docs/management/configuration-api#agents
 */
export type AgentRole = 'owner' | 'viceowner' | 'administrator' | 'normal';

/**
 * The logged-in agent's own profile (`login` response of the Agent Chat RTM API).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#my-profile
 */
export interface MyProfile {
  /** The agent ID. */
  id: string;
  /** The user type. */
  type: 'agent';
  /** The agent's name. */
  name?: string;
  /** The agent's email. */
  email?: string;
  /** Whether the agent is present. */
  present?: boolean;
  /** RFC 3339 timestamp of the most recent event seen by the agent; all previous events are seen. */
  events_seen_up_to?: string;
  /** The avatar URL. */
  avatar?: string;
  /** The agent's routing status. */
  routing_status?: RoutingStatus;
  /** The agent's role. */
  permission?: AgentRole | (string & {});
}

/**
 * Counters of a customer's activity; which counters are present varies by response.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#customer
 */
export interface CustomerStatistics {
  /** Number of chats. */
  chats_count?: number;
  /** Number of threads. */
  threads_count?: number;
  /** Number of visits. */
  visits_count?: number;
  /** Number of page views. */
  page_views_count?: number;
  /** Number of greetings shown. */
  greetings_shown_count?: number;
  /** Number of greetings accepted. */
  greetings_accepted_count?: number;
  /** Number of greetings converted. */
  greetings_converted_count?: number;
  /** Number of tickets. */
  tickets_count?: number;
  /** Number of tickets in the inbox. */
  tickets_inbox_count?: number;
  /** Number of archived tickets. */
  tickets_archive_count?: number;
  /** Number of spam tickets. */
  tickets_spam_count?: number;
  /** Number of trashed tickets. */
  tickets_trash_count?: number;
  /** Number of orders. */
  orders_count?: number;
  /** When the last visit started (RFC 3339). */
  last_visit_started_at?: string;
}

/**
 * A customer's session fields: an array of single-pair objects (`[{ "key": "value" }, ...]`), order kept.
 */
export type SessionFields = Array<Record<string, string>>;

/** A customer's address. */
export interface Address {
  /** The street address. */
  address?: string;
  /** The city name. */
  city?: string;
  /** The country name. */
  country?: string;
  /** The state name. */
  state?: string;
  /** The postal code. */
  postal_code?: string;
}

/**
 * The customer's omnichannel data: channel name (e.g. `fb_messenger`, `twilio`) → identities.
 * The identity objects differ by channel and are not documented field by field.
 */
export interface Omnichannel {
  [channel: string]: Array<Record<string, unknown>>;
}

/** A ticket of a customer. */
export interface CustomerTicket {
  /** The ticket ID. */
  ticket_id: string;
  /** When the ticket was created (RFC 3339). */
  created_at: string;
}

/**
 * An item in a shopping cart.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#cart-item
 */
export interface CartItem {
  /** The item ID. */
  id: number;
  /** The quantity in the cart. */
  quantity: number;
  /** The variant ID. */
  variant_id: number;
}

/**
 * A customer's shopping cart.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#cart
 */
export interface Cart {
  /** The store's unique identifier. */
  store_uuid: string;
  /** The store platform, e.g. `shopify`. */
  store_platform: string;
  /** Whether the customer is signed in. */
  customer_signed_in: boolean;
  /** Subtotal in the original currency. */
  subtotal: number;
  /** Total in the original currency. */
  total: number;
  /** Subtotal in USD. */
  subtotal_usd: number;
  /** Total in USD. */
  total_usd: number;
  /** The currency code, e.g. `USD`. */
  currency: string;
  /** The items. */
  items: CartItem[];
  /** When the cart was last updated (RFC 3339). */
  last_updated_at: string;
}

/**
 * A customer. Every field but `id` and `type` is optional: what is present depends on the API
 * (agent/customer), the method, and what the customer has set.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#customer
 */
export interface Customer {
  /** The customer ID. */
  id: string;
  /** The user type. */
  type: 'customer';
  /** The customer's name. */
  name?: string;
  /** The customer's email. */
  email?: string;
  /** Whether the customer confirmed their email address. */
  email_verified?: boolean;
  /** The avatar URL. */
  avatar?: string;
  /** The phone number. */
  phone_number?: string;
  /** The most recent online visit. */
  visit?: Visit;
  /** Custom key-value pairs; expire with the session. */
  session_fields?: SessionFields;
  /** Activity counters. */
  statistics?: CustomerStatistics;
  /** The customer ID from LiveChat 2 (private). */
  __priv_lc2_customer_id?: string;
  /** When an agent last sent an event to the customer (RFC 3339). */
  agent_last_event_created_at?: string;
  /** When the customer last sent an event (RFC 3339). */
  customer_last_event_created_at?: string;
  /** When the customer's identity was created (RFC 3339). */
  created_at?: string;
  /** Whether the customer is present in the chat. */
  present?: boolean;
  /** RFC 3339 timestamp of the most recent event the customer has seen. */
  events_seen_up_to?: string;
  /** Whether the requester follows the customer. */
  followed?: boolean;
  /** Whether the customer is online. */
  online?: boolean;
  /** The groups the customer belongs to. */
  group_ids?: number[];
  /** The customer's tickets. */
  tickets?: CustomerTicket[];
  /** The customer's state, e.g. `browsing`. */
  state?: string;
  /** The customer's shopping carts. */
  carts?: Cart[];
  /** Omnichannel identities. */
  omnichannel?: Omnichannel;
  /** The customer's address. */
  address?: Address;
}

/**
 * A chat user, discriminated by `type`. Bot agents are users of type `agent`; the docs define no
 * separate bot user type.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures#users
 */
export type User = Agent | Customer;

/** The `type` of a chat user. */
export type UserType = User['type'];
