// Chat actions whose behaviour is the same for agents and customers.
import type { RequestContext } from '../context.js';
import { checkRegisteredWrite } from './property-registry.js';
import { invalid, notFound } from '../errors.js';
import type { Platform } from '../platform.js';
import { assertProperties, mergeProperties } from '../properties.js';
import { chatView, eventView, threadView } from '../serialize.js';
import type { ChatRecord, Properties, ThreadRecord } from '../store.js';
import { clone, isObject, ownValue } from '../util.js';
import { checkRating, ratingActivity } from './rating.js';

/** `get_chat`: one thread (default the latest) with the chat. */
export function getChat(ctx: RequestContext, payload: Record<string, unknown>, p: Platform): unknown {
  const chat = p.chat(ctx, payload.chat_id);
  const thread = payload.thread_id === undefined ? p.lastThread(chat) : p.thread(chat, payload.thread_id);
  const view = ctx.api === 'customer' ? 'customer' : 'agent';
  return chatView(p.store, chat, thread, view, ctx.principal?.id);
}

/** `list_threads` with `page_id` pagination, or `min_events_count`. */
export function listThreads(ctx: RequestContext, payload: Record<string, unknown>, p: Platform): unknown {
  const chat = p.chat(ctx, payload.chat_id);
  const view = ctx.api === 'customer' ? 'customer' : 'agent';
  if (payload.min_events_count !== undefined) {
    const n = payload.min_events_count;
    if (payload.limit !== undefined || payload.filters !== undefined || payload.page_id !== undefined) {
      throw invalid(
        'Wrong format of request: "min_events_count" cannot be combined with "limit", "filters" or "page_id"',
      );
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 100) {
      throw invalid('Wrong format of request: "min_events_count" must be an integer from 1 to 100');
    }
    const threads: ThreadRecord[] = [];
    let events = 0;
    for (const t of [...chat.threads].reverse()) {
      if (events >= n) break;
      threads.push(t);
      events += t.events.length;
    }
    if (payload.sort_order === 'asc') threads.reverse();
    return { threads: threads.map((t) => threadView(t, view)), found_threads: chat.threads.length };
  }
  const request = {
    owner: `${ctx.api}/list_threads/${ctx.principal?.id}/${chat.id}`,
    payload,
    defaultLimit: 3,
    maxLimit: 100,
    allowedWithPageId: ['chat_id'],
  };
  const resolved = p.pager.resolve(request);
  const filters = resolved.params.filters ?? {};
  if (!isObject(filters)) throw invalid('Wrong format of request: "filters" must be an object');
  let threads = chat.threads.filter(
    (t) =>
      (typeof filters.from !== 'string' || t.created_at >= filters.from) &&
      (typeof filters.to !== 'string' || t.created_at <= filters.to),
  );
  threads = resolved.params.sort_order === 'asc' ? threads : [...threads].reverse();
  const page = p.pager.page(request, resolved, threads);
  return withPageIds({ threads: page.items.map((t) => threadView(t, view)), found_threads: page.total }, page);
}

export function withPageIds<T extends Record<string, unknown>>(
  body: T,
  page: { next_page_id?: string; previous_page_id?: string },
): T {
  const out: Record<string, unknown> = { ...body };
  if (page.next_page_id) out.next_page_id = page.next_page_id;
  if (page.previous_page_id) out.previous_page_id = page.previous_page_id;
  return out as T;
}

/** Where a properties action writes: the chat, a thread or an event. */
type Target = 'chat' | 'thread' | 'event';

function locate(ctx: RequestContext, payload: Record<string, unknown>, p: Platform, target: Target) {
  const chat = p.chat(ctx, target === 'chat' ? payload.id : payload.chat_id);
  if (target === 'chat') return { chat, bag: chat.properties, ids: { chat_id: chat.id } };
  const thread = p.thread(chat, payload.thread_id);
  if (target === 'thread') return { chat, bag: thread.properties, ids: { chat_id: chat.id, thread_id: thread.id } };
  const event = thread.events.find((e) => e.id === payload.event_id);
  if (!event) throw notFound('Event', payload.event_id);
  event.properties ??= {};
  return { chat, bag: event.properties, ids: { chat_id: chat.id, thread_id: thread.id, event_id: event.id } };
}

/** `update_<target>_properties`. */
export function updateProperties(target: Target) {
  return (ctx: RequestContext, payload: Record<string, unknown>, p: Platform): unknown => {
    const update = assertProperties(payload.properties, 'properties');
    if (target === 'thread') checkRating(update);
    const { chat, bag, ids } = locate(ctx, payload, p, target);
    checkRegisteredWrite(p, target, p.requester(ctx).kind, update);
    mergeProperties(bag, update);
    const body = { ...ids, properties: clone(update) };
    p.emitChat(ctx, chat, `${target}_properties_updated`, () => body, { webhook: body });
    if (target === 'thread' && isObject(update.rating))
      ratingActivity(ctx, p, chat, p.thread(chat, payload.thread_id), { set: update.rating });
    return {};
  };
}

/** `delete_<target>_properties`: `{ <namespace>: [<name>, ...] }`. */
export function deleteProperties(target: Target) {
  return (ctx: RequestContext, payload: Record<string, unknown>, p: Platform): unknown => {
    const names = payload.properties;
    if (
      !isObject(names) ||
      !Object.values(names).every((v) => Array.isArray(v) && v.every((n) => typeof n === 'string'))
    ) {
      throw invalid('Wrong format of request: "properties" must map each namespace to an array of property names');
    }
    const { chat, bag, ids } = locate(ctx, payload, p, target);
    const hadRating = target === 'thread' && bag.rating?.score !== undefined;
    deleteFrom(bag, names as Record<string, string[]>);
    const body = { ...ids, properties: clone(names) };
    p.emitChat(ctx, chat, `${target}_properties_deleted`, () => body, { webhook: body });
    // Canceling a rating that was there (not a no-op delete) is a documented system message.
    if (hadRating && bag.rating?.score === undefined)
      ratingActivity(ctx, p, chat, p.thread(chat, payload.thread_id), { deleted: ['score'] });
    return {};
  };
}

function deleteFrom(bag: Properties, names: Record<string, string[]>): void {
  for (const [ns, list] of Object.entries(names)) {
    // Own properties only: `__proto__` / `constructor` must not lead to Object.prototype or Object.
    const values = ownValue(bag, ns);
    if (!values) continue;
    for (const name of list) if (Object.hasOwn(values, name)) delete values[name];
    if (Object.keys(values).length === 0) delete bag[ns];
  }
}

/** `mark_events_as_seen`. */
export function markEventsAsSeen(ctx: RequestContext, payload: Record<string, unknown>, p: Platform): unknown {
  const me = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  if (typeof payload.seen_up_to !== 'string' || Number.isNaN(Date.parse(payload.seen_up_to))) {
    throw invalid('Wrong format of request: "seen_up_to" must be an RFC 3339 date-time');
  }
  const user = chat.users.get(me.id);
  if (user && (!user.events_seen_up_to || user.events_seen_up_to < payload.seen_up_to))
    user.events_seen_up_to = payload.seen_up_to;
  const body = { user_id: me.id, chat_id: chat.id, seen_up_to: payload.seen_up_to };
  p.emitChat(ctx, chat, 'events_marked_as_seen', () => body, { webhook: body });
  return {};
}

/** `send_rich_message_postback`. */
export function sendRichMessagePostback(ctx: RequestContext, payload: Record<string, unknown>, p: Platform): unknown {
  const me = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = p.thread(chat, payload.thread_id);
  const event = thread.events.find((e) => e.id === payload.event_id);
  if (!event) throw notFound('Event', payload.event_id);
  if (event.type !== 'rich_message') throw invalid(`Event ${event.id} is not a rich message`);
  const body = {
    user_id: me.id,
    chat_id: chat.id,
    thread_id: thread.id,
    event_id: event.id,
    postback: clone(payload.postback),
  };
  p.emitChat(ctx, chat, 'incoming_rich_message_postback', () => body, { webhook: body });
  return {};
}

/** The events of a chat a viewer may see, flattened (for `sim.events()`). */
export function chatEvents(chat: ChatRecord): Record<string, unknown>[] {
  return chat.threads.flatMap((t) => t.events.map((e) => ({ thread_id: t.id, ...eventView(e, 'agent') })));
}
