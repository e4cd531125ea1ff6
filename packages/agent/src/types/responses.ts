// Responses of every Agent Chat API 3.6 action (Web and RTM), from the docs' response tables and
// samples. Type-only. Checked against spec/methods.json by scripts/check-types-complete.mjs.
import type {
  Access,
  AgentRoutingStatus,
  Chat,
  ChatSummary,
  Customer,
  EmptyResponse,
  MyProfile,
  Properties,
  Thread,
} from '@lc/core';

/** Fields of a paginated list response. */
export interface PageInfo {
  /** The next page; present only when there is one. Send it as `page_id`. */
  next_page_id?: string;
  /** The previous page; present only when there is one. */
  previous_page_id?: string;
}

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
 * Response of `list_threads`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-threads
 */
export interface ListThreadsResponse extends PageInfo {
  /** The threads, newest first by default. */
  threads: Thread[];
  /** The number of found threads. */
  found_threads: number;
}

/**
 * Response of `get_chat`: the chat with the requested (or latest) thread.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#get-chat
 */
export interface GetChatResponse extends Chat {}

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
 * Response of `start_chat`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#start-chat
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
 * @see https://platform.text.com/docs/messaging/agent-chat-api#resume-chat
 */
export interface ResumeChatResponse {
  /** The new thread's ID. */
  thread_id: string;
  /** The IDs of the user-generated initial events; only when resumed with events. */
  event_ids?: string[];
}

/** Response of `deactivate_chat`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#deactivate-chat */
export type DeactivateChatResponse = EmptyResponse;

/** Response of `follow_chat`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#follow-chat */
export type FollowChatResponse = EmptyResponse;

/**
 * Response of `unfollow_chat`. The Web docs say "no response payload"; the RTM sample returns the
 * `chat_id`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#unfollow-chat
 */
export interface UnfollowChatResponse {
  /** The unfollowed chat (RTM only). */
  chat_id?: string;
}

/** Response of `transfer_chat`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#transfer-chat */
export type TransferChatResponse = EmptyResponse;

/** Response of `add_user_to_chat`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#add-user-to-chat */
export type AddUserToChatResponse = EmptyResponse;

/** Response of `remove_user_from_chat`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#remove-user-from-chat */
export type RemoveUserFromChatResponse = EmptyResponse;

/** Response of `send_event_preview`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#send-event-preview */
export type SendEventPreviewResponse = EmptyResponse;

/**
 * Response of `send_event`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#send-event
 */
export interface SendEventResponse {
  /** The ID of the stored event. */
  event_id: string;
}

/**
 * Response of `upload_file` (Web only).
 * @see https://platform.text.com/docs/messaging/agent-chat-api#upload-file
 */
export interface UploadFileResponse {
  /** The file's CDN URL; valid 24 h unless used in a `file` event. */
  url: string;
}

/** Response of `send_rich_message_postback`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#send-rich-message-postback */
export type SendRichMessagePostbackResponse = EmptyResponse;

/** Response of `update_chat_properties`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#update-chat-properties */
export type UpdateChatPropertiesResponse = EmptyResponse;

/** Response of `delete_chat_properties`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#delete-chat-properties */
export type DeleteChatPropertiesResponse = EmptyResponse;

/** Response of `update_thread_properties`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#update-thread-properties */
export type UpdateThreadPropertiesResponse = EmptyResponse;

/** Response of `delete_thread_properties`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#delete-thread-properties */
export type DeleteThreadPropertiesResponse = EmptyResponse;

/** Response of `update_event_properties`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#update-event-properties */
export type UpdateEventPropertiesResponse = EmptyResponse;

/** Response of `delete_event_properties`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#delete-event-properties */
export type DeleteEventPropertiesResponse = EmptyResponse;

/** Response of `tag_thread`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#tag-thread */
export type TagThreadResponse = EmptyResponse;

/** Response of `untag_thread`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#untag-thread */
export type UntagThreadResponse = EmptyResponse;

/**
 * Response of `get_customer`: the customer, with the IDs of their chats.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#get-customer
 */
export interface GetCustomerResponse extends Customer {
  /** The IDs of the customer's chats; only if they had at least one. */
  chat_ids?: string[];
}

/** Response of `update_customer`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#update-customer */
export type UpdateCustomerResponse = EmptyResponse;

/** Response of `ban_customer`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#ban-customer */
export type BanCustomerResponse = EmptyResponse;

/** Response of `set_routing_status`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#set-routing-status */
export type SetRoutingStatusResponse = EmptyResponse;

/**
 * Response of `list_routing_statuses`: an ARRAY of agent statuses.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-routing-statuses
 */
export type ListRoutingStatusesResponse = AgentRoutingStatus[];

/** Response of `mark_events_as_seen`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#mark-events-as-seen */
export type MarkEventsAsSeenResponse = EmptyResponse;

/** Response of `send_thinking_indicator`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#send-thinking-indicator */
export type SendThinkingIndicatorResponse = EmptyResponse;

/** Response of `send_typing_indicator`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#send-typing-indicator */
export type SendTypingIndicatorResponse = EmptyResponse;

/** Response of `multicast`: no payload. @see https://platform.text.com/docs/messaging/agent-chat-api#multicast */
export type MulticastResponse = EmptyResponse;

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

/** Response of `unsubscribe_customers` (RTM only): no payload. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#unsubscribe-customers */
export type UnsubscribeCustomersResponse = EmptyResponse;

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

/** Response of `set_away_status` (RTM only): no payload. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#set-away-status */
export type SetAwayStatusResponse = EmptyResponse;

/** Response of `logout` (RTM only): no payload. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#logout */
export type LogoutResponse = EmptyResponse;

/** Response of `update_session` (RTM only): no payload. @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference#update-session */
export type UpdateSessionResponse = EmptyResponse;

/**
 * Every Agent Chat API 3.6 action (Web and RTM, without `ping`) → its response payload type.
 * `AgentResponses['list_chats']` is {@link ListChatsResponse}.
 */
export interface AgentResponses {
  /** `list_chats` action: {@link ListChatsResponse}. */
  list_chats: ListChatsResponse;
  /** `list_threads` action: {@link ListThreadsResponse}. */
  list_threads: ListThreadsResponse;
  /** `get_chat` action: {@link GetChatResponse}. */
  get_chat: GetChatResponse;
  /** `list_archives` action: {@link ListArchivesResponse}. */
  list_archives: ListArchivesResponse;
  /** `start_chat` action: {@link StartChatResponse}. */
  start_chat: StartChatResponse;
  /** `resume_chat` action: {@link ResumeChatResponse}. */
  resume_chat: ResumeChatResponse;
  /** `deactivate_chat` action: {@link DeactivateChatResponse}. */
  deactivate_chat: DeactivateChatResponse;
  /** `follow_chat` action: {@link FollowChatResponse}. */
  follow_chat: FollowChatResponse;
  /** `unfollow_chat` action: {@link UnfollowChatResponse}. */
  unfollow_chat: UnfollowChatResponse;
  /** `transfer_chat` action: {@link TransferChatResponse}. */
  transfer_chat: TransferChatResponse;
  /** `add_user_to_chat` action: {@link AddUserToChatResponse}. */
  add_user_to_chat: AddUserToChatResponse;
  /** `remove_user_from_chat` action: {@link RemoveUserFromChatResponse}. */
  remove_user_from_chat: RemoveUserFromChatResponse;
  /** `send_event_preview` action: {@link SendEventPreviewResponse}. */
  send_event_preview: SendEventPreviewResponse;
  /** `send_event` action: {@link SendEventResponse}. */
  send_event: SendEventResponse;
  /** `upload_file` action: {@link UploadFileResponse}. */
  upload_file: UploadFileResponse;
  /** `send_rich_message_postback` action: {@link SendRichMessagePostbackResponse}. */
  send_rich_message_postback: SendRichMessagePostbackResponse;
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
  /** `tag_thread` action: {@link TagThreadResponse}. */
  tag_thread: TagThreadResponse;
  /** `untag_thread` action: {@link UntagThreadResponse}. */
  untag_thread: UntagThreadResponse;
  /** `get_customer` action: {@link GetCustomerResponse}. */
  get_customer: GetCustomerResponse;
  /** `update_customer` action: {@link UpdateCustomerResponse}. */
  update_customer: UpdateCustomerResponse;
  /** `ban_customer` action: {@link BanCustomerResponse}. */
  ban_customer: BanCustomerResponse;
  /** `set_routing_status` action: {@link SetRoutingStatusResponse}. */
  set_routing_status: SetRoutingStatusResponse;
  /** `list_routing_statuses` action: {@link ListRoutingStatusesResponse}. */
  list_routing_statuses: ListRoutingStatusesResponse;
  /** `mark_events_as_seen` action: {@link MarkEventsAsSeenResponse}. */
  mark_events_as_seen: MarkEventsAsSeenResponse;
  /** `send_thinking_indicator` action: {@link SendThinkingIndicatorResponse}. */
  send_thinking_indicator: SendThinkingIndicatorResponse;
  /** `send_typing_indicator` action: {@link SendTypingIndicatorResponse}. */
  send_typing_indicator: SendTypingIndicatorResponse;
  /** `multicast` action: {@link MulticastResponse}. */
  multicast: MulticastResponse;
  /** `list_agents_for_transfer` action: {@link ListAgentsForTransferResponse}. */
  list_agents_for_transfer: ListAgentsForTransferResponse;
  /** `request_thread_summary` action: {@link RequestThreadSummaryResponse}. */
  request_thread_summary: RequestThreadSummaryResponse;
  /** `subscribe_customers` action: {@link SubscribeCustomersResponse}. */
  subscribe_customers: SubscribeCustomersResponse;
  /** `unsubscribe_customers` action: {@link UnsubscribeCustomersResponse}. */
  unsubscribe_customers: UnsubscribeCustomersResponse;
  /** `login` action: {@link LoginResponse}. */
  login: LoginResponse;
  /** `set_away_status` action: {@link SetAwayStatusResponse}. */
  set_away_status: SetAwayStatusResponse;
  /** `logout` action: {@link LogoutResponse}. */
  logout: LogoutResponse;
  /** `update_session` action: {@link UpdateSessionResponse}. */
  update_session: UpdateSessionResponse;
}
