// Responses that the Agent and the Customer Chat API 3.6 document with the same fields. Each API's
// generated response map (`packages/<api>/src/generated/responses.ts`) re-exports them under these
// names. Type-only.
import type { Chat, Thread } from './chats.js';

/** Fields of a paginated list response. */
export interface PageInfo {
  /** The next page; present only when there is one. Send it as `page_id`. */
  next_page_id?: string;
  /** The previous page; present only when there is one. */
  previous_page_id?: string;
}

/**
 * Response of `list_threads`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#list-threads
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
 * @see https://platform.text.com/docs/messaging/agent-chat-api#get-chat
 * @see https://platform.text.com/docs/messaging/customer-chat-api#get-chat
 */
export interface GetChatResponse extends Chat {}

/**
 * Response of `start_chat`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#start-chat
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
 * @see https://platform.text.com/docs/messaging/agent-chat-api#resume-chat
 * @see https://platform.text.com/docs/messaging/customer-chat-api#resume-chat
 */
export interface ResumeChatResponse {
  /** The new thread's ID. */
  thread_id: string;
  /** The IDs of the user-generated initial events; only when resumed with events. */
  event_ids?: string[];
}

/**
 * Response of `send_event`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api#send-event
 * @see https://platform.text.com/docs/messaging/customer-chat-api#send-event
 */
export interface SendEventResponse {
  /** The ID of the stored event. */
  event_id: string;
}

/**
 * Response of `upload_file` (Web only).
 * @see https://platform.text.com/docs/messaging/agent-chat-api#upload-file
 * @see https://platform.text.com/docs/messaging/customer-chat-api#upload-file
 */
export interface UploadFileResponse {
  /** The file's CDN URL; valid 24 h unless used in a `file` event. */
  url: string;
}
