// Responses of the Agent Chat API 3.6 actions (Web and RTM) that are the Agent's own, from the docs'
// response tables and samples. Type-only. The generated `AgentResponses` map
// (src/generated/responses.ts) adds the shared ones from @lc/core and the empty ones.
import type {
  Access,
  AgentRoutingStatus,
  Chat,
  ChatSummary,
  Customer,
  EmptyResponse,
  MyProfile,
  PageInfo,
  Properties,
} from '@lc/core';

export type { PageInfo } from '@lc/core';

/**
 * Response of `list_chats`: chat summaries of the chats the agent has access to.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-chats
 */
export interface ListChatsResponse extends PageInfo {
  /** The chat summaries. */
  chats_summary: ChatSummary[];
  /** An estimated number of found chats. */
  found_chats: number;
}

/**
 * Response of `list_archives`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-archives
 */
export interface ListArchivesResponse extends PageInfo {
  /** The archived chats, each with one thread. */
  chats: Chat[];
  /** The number of found chats. */
  found_chats: number;
}

/**
 * Response of `unfollow_chat`. The Web docs say "no response payload"; the RTM sample returns the
 * `chat_id`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#unfollow-chat
 */
export interface UnfollowChatResponse {
  /** The unfollowed chat (RTM only). */
  chat_id?: string;
}

/**
 * Response of `get_customer`: the customer, with the IDs of their chats.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#get-customer
 */
export interface GetCustomerResponse extends Customer {
  /** The IDs of the customer's chats; only if they had at least one. */
  chat_ids?: string[];
}

/**
 * Response of `list_routing_statuses`: an ARRAY of agent statuses.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-routing-statuses
 */
export type ListRoutingStatusesResponse = AgentRoutingStatus[];

/**
 * An agent that a chat can be transferred to, with their load. The Web sample names the count
 * `total_active_chats`, the RTM sample `active_chats`: read whichever is present.
 */
export interface AgentForTransfer {
  /** The agent ID. */
  agent_id: string;
  /** The agent's active chats (Web sample). */
  total_active_chats?: number;
  /** The agent's active chats (RTM sample). */
  active_chats?: number;
}

/**
 * Response of `list_agents_for_transfer`: an ARRAY of agents, best candidates first.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-agents-for-transfer
 */
export type ListAgentsForTransferResponse = AgentForTransfer[];

/** Response of `request_thread_summary`: no payload; the summary arrives later (`thread_summary_set`). @see https://platform.text.com/docs/messaging/agent-chat-api#request-thread-summary */
export type RequestThreadSummaryResponse = EmptyResponse;

/**
 * Response of `subscribe_customers` (RTM only).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#subscribe-customers
 */
export interface SubscribeCustomersResponse {
  /** The subscription ID (keys of `subscribed_customers_totals_updated`). */
  subscription_id: string;
  /** The customers currently matching the subscription. */
  customers: Customer[];
}

/**
 * The license the agent logged in to (`login` response).
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#login
 */
export interface License {
  /** The LiveChat license ID (a numeric string). */
  id: string;
  /** The organization ID. */
  organization_id: string;
  /** The plan, e.g. `enterprise`. */
  plan: string;
  /** When the license expires (Unix seconds). */
  expiration_timestamp: number;
  /** When the license was created (Unix seconds). */
  creation_timestamp: number;
  /** Whether the license is in trial. */
  in_trial: boolean;
  /** The date of the last website activity, `YYYY-MM-DD`. */
  website_last_activity?: string;
}

/**
 * Response of `login` (RTM only): the initial state of the agent.
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#login
 */
export interface LoginResponse {
  /** The license. */
  license: License;
  /** The logged-in agent's profile. */
  my_profile: MyProfile;
  /** Summaries of the agent's chats. */
  chats_summary: ChatSummary[];
  /** Listed in the docs' response table (but not in the sample). */
  access?: Access;
  /** Listed in the docs' response table (but not in the sample). */
  properties?: Properties;
}
