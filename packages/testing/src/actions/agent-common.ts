// What the Agent Chat API handlers share: the requesting agent and a chat's active thread.
import type { RequestContext } from '../context.js';
import { SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import type { AgentRecord, ChatRecord } from '../store.js';

/** The agent (or bot) who sent the request. */
export function me(ctx: RequestContext, p: Platform): AgentRecord {
  return p.agent(p.requester(ctx).id);
}

/** The chat's last thread; `chat_inactive` unless it is active. */
export function activeThread(p: Platform, chat: ChatRecord) {
  const thread = p.lastThread(chat);
  if (!thread?.active) throw new SimError('chat_inactive', `Chat ${chat.id} is not active`);
  return thread;
}
