/**
 * The chat data structures webhook payloads carry (chat, thread, event, user, properties, access).
 *
 * TEMPORARY: `@lc/core` is getting type-only exports of these structures
 * (`packages/core/src/types/`). Until they land, these are local placeholders that describe only
 * the fields every structure documents and keep the rest open. This is the one file to switch to
 * `export type { Chat, ... } from '@lc/core'` when they do.
 *
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures
 */

/** Properties by namespace, then by property name: `{ "<namespace>": { "<name>": value } }`. */
export type Properties = Record<string, Record<string, unknown>>;

/** Who may see a chat: the groups it belongs to. */
export interface Access {
  group_ids?: number[];
  [key: string]: unknown;
}

/** A chat participant: an agent or a customer (see the docs' "User" structures). */
export interface User {
  id: string;
  type: 'agent' | 'customer' | (string & {});
  [key: string]: unknown;
}

/** A chat event: message, file, rich message, system message, ... (see the docs' "Events"). */
export interface Event {
  id: string;
  type: string;
  created_at?: string;
  author_id?: string;
  [key: string]: unknown;
}

/** One thread of a chat. */
export interface Thread {
  id: string;
  active?: boolean;
  events?: Event[];
  properties?: Properties;
  [key: string]: unknown;
}

/** A chat with its users and (for `incoming_chat`) its new thread. */
export interface Chat {
  id: string;
  users?: User[];
  properties?: Properties;
  access?: Access;
  thread?: Thread;
  [key: string]: unknown;
}
