// The chat operations both Chat APIs share: start, resume and deactivate a chat, send an event.
import type { RequestContext } from './context.js';
import { invalid, notFound, SimError } from './errors.js';
import { addEvent, checkEvent, makeEvent, systemMessage } from './chat-events.js';
import type { Platform } from './platform.js';
import { assertProperties, mergeProperties } from './properties.js';
import { processQueue, route } from './routing.js';
import { chatView } from './serialize.js';
import type { ChatRecord, ThreadRecord } from './store.js';
import { clone, isObject, platformId } from './util.js';

export function newThread(p: Platform, chat: ChatRecord, active: boolean): ThreadRecord {
  const previous = p.lastThread(chat);
  const thread: ThreadRecord = {
    id: platformId(),
    active,
    user_ids: [],
    events: [],
    properties: {},
    access: clone(chat.access),
    tags: [],
    created_at: p.store.clock.timestamp(),
    previous_thread_id: previous?.id,
    next_thread_id: undefined,
    queue: undefined,
    eventSeq: 0,
  };
  if (previous) previous.next_thread_id = thread.id;
  for (const [id, u] of chat.users) if (u.present) thread.user_ids.push(id);
  chat.threads.push(thread);
  return thread;
}

/** `start_chat` of both APIs. */
export function startChat(p: Platform, ctx: RequestContext, payload: Record<string, unknown>): Record<string, unknown> {
  const me = p.requester(ctx);
  const input = payload.chat === undefined ? {} : payload.chat;
  if (!isObject(input)) throw invalid('Wrong format of request: "chat" must be an object');
  const chat: ChatRecord = {
    id: platformId(),
    users: new Map(),
    properties: {},
    access: { group_ids: [0] },
    threads: [],
    followers: new Set(),
    created_at: p.store.clock.timestamp(),
  };
  if (me.kind === 'customer') {
    chat.users.set(me.id, { type: 'customer', present: true, events_seen_up_to: undefined });
  } else {
    chat.users.set(me.id, { type: 'agent', present: true, events_seen_up_to: undefined });
    addInitialUsers(p, chat, input.users);
  }
  return openThread(p, ctx, chat, input, payload, true);
}

function addInitialUsers(p: Platform, chat: ChatRecord, users: unknown): void {
  if (users === undefined) return;
  if (!Array.isArray(users)) throw invalid('Wrong format of request: "chat.users" must be an array');
  for (const [i, u] of users.entries()) {
    if (!isObject(u) || typeof u.id !== 'string' || (u.type !== 'agent' && u.type !== 'customer')) {
      throw invalid(`Wrong format of request: "chat.users[${i}]" needs "id" and "type" (agent or customer)`);
    }
    if (u.type === 'customer') p.customer(u.id);
    else p.agent(u.id);
    chat.users.set(u.id, { type: u.type, present: true, events_seen_up_to: undefined });
  }
}

/** Creates the new thread of `start_chat` / `resume_chat`, routes it and announces it. */
function openThread(
  p: Platform,
  ctx: RequestContext,
  chat: ChatRecord,
  input: Record<string, unknown>,
  payload: Record<string, unknown>,
  isNew: boolean,
): Record<string, unknown> {
  const me = p.requester(ctx);
  const side = me.kind === 'customer' ? 'customer' : 'agent';
  // Check everything before changing anything.
  const threadInput = input.thread === undefined ? {} : input.thread;
  if (!isObject(threadInput)) throw invalid('Wrong format of request: "chat.thread" must be an object');
  const rawEvents = threadInput.events ?? [];
  if (!Array.isArray(rawEvents)) throw invalid('Wrong format of request: "chat.thread.events" must be an array');
  const eventInputs = rawEvents.map((e, i) => checkEvent(e, side, `chat.thread.events[${i}]`));
  const threadProps =
    threadInput.properties === undefined ? {} : assertProperties(threadInput.properties, 'chat.thread.properties');
  const chatProps = input.properties === undefined ? undefined : assertProperties(input.properties, 'chat.properties');
  const access = input.access === undefined ? undefined : { group_ids: groupIdsOf(input.access, p) };
  if (!isNew) {
    if (chatProps) mergeProperties(chat.properties, chatProps);
    if (access) chat.access = access;
    // A new thread starts with the customer and the requester; other agents leave.
    for (const [id, u] of chat.users) if (u.type === 'agent' && id !== me.id) u.present = false;
    if (me.kind === 'agent') {
      chat.users.set(me.id, {
        type: 'agent',
        present: true,
        events_seen_up_to: chat.users.get(me.id)?.events_seen_up_to,
      });
    }
  } else {
    if (chatProps) chat.properties = clone(chatProps);
    if (access) chat.access = access;
  }
  p.store.chats.set(chat.id, chat);
  const active = payload.active !== false;
  const thread = newThread(p, chat, active);
  thread.properties = clone(threadProps);
  const events = eventInputs.map((e) => makeEvent(p, thread, e, me.id));
  thread.events.push(...events);
  if (active && me.kind === 'customer') route(p, chat, thread);
  const result: Record<string, unknown> = isNew ? { chat_id: chat.id, thread_id: thread.id } : { thread_id: thread.id };
  if (events.length) result.event_ids = events.map((e) => e.id);
  p.emitChat(
    ctx,
    chat,
    'incoming_chat',
    (view) => ({ requester_id: me.id, chat: chatView(p.store, chat, thread, view) }),
    {
      webhook: { chat: chatView(p.store, chat, thread, 'agent') },
    },
  );
  return result;
}

/** `resume_chat` of both APIs. */
export function resumeChat(
  p: Platform,
  ctx: RequestContext,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const input = payload.chat as Record<string, unknown>;
  if (!isObject(input)) throw invalid('Wrong format of request: "chat" must be an object');
  const chat = p.chat(ctx, input.id);
  if (p.lastThread(chat)?.active) throw invalid(`Chat ${chat.id} is already active`);
  return openThread(p, ctx, chat, input, payload, false);
}

/** `deactivate_chat` of both APIs. */
export function deactivateChat(
  p: Platform,
  ctx: RequestContext,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const me = p.requester(ctx);
  const chat = p.chat(ctx, payload.id);
  const thread = p.lastThread(chat);
  if (!thread?.active) throw new SimError('chat_inactive', `Chat ${chat.id} is not active`);
  if (me.kind === 'customer') {
    const name = p.store.customers.get(me.id)?.name ?? 'Customer';
    addEvent(
      p,
      ctx,
      chat,
      thread,
      systemMessage(p, chat, thread, `${name} closed the chat.`, 'manual_archived_customer'),
      undefined,
    );
  }
  thread.active = false;
  thread.queue = undefined;
  const body = { chat_id: chat.id, thread_id: thread.id, user_id: me.id };
  p.emitChat(ctx, chat, 'chat_deactivated', () => body, { webhook: body });
  ctx.after(() => processQueue(p));
  return {};
}

/** `send_event` of both APIs. */
export function sendEvent(p: Platform, ctx: RequestContext, payload: Record<string, unknown>): Record<string, unknown> {
  const me = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  p.assertPresent(chat, me);
  const thread = p.lastThread(chat);
  if (!thread) throw notFound('Thread of chat', chat.id);
  if (!thread.active && !(me.kind === 'customer' && payload.attach_to_last_thread === true)) {
    throw new SimError('chat_inactive', `Chat ${chat.id} is not active; resume it first`);
  }
  const side = me.kind === 'customer' ? 'customer' : 'agent';
  const event = makeEvent(p, thread, checkEvent(payload.event, side), me.id);
  addEvent(p, ctx, chat, thread, event, side);
  return { event_id: event.id };
}

function groupIdsOf(access: unknown, p: Platform): number[] {
  if (access === undefined) return [0];
  if (!isObject(access)) throw invalid('Wrong format of request: "access" must be an object');
  const ids = access.group_ids ?? [0];
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id)))
    throw invalid('Wrong format of request: "access.group_ids" must be an array of group ids');
  for (const id of ids as number[])
    if (!p.store.groups.has(id)) throw new SimError('group_not_found', `Group ${id} not found`);
  return [...(ids as number[])];
}
