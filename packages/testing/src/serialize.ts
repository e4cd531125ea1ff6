// Store records → wire shapes of the docs' data structures, as an agent or as a customer sees them.
import type { View } from './rtm/connection.js';
import type { AgentRecord, ChatRecord, ChatUser, CustomerRecord, EventRecord, Store, ThreadRecord } from './store.js';
import { atLeast } from './spec.js';
import { clone, isObject } from './util.js';

/** An event as `view` sees it; undefined when hidden from that side (`visibility: agents`). */
export function eventView(event: EventRecord, view: View): Record<string, unknown> | undefined {
  if (view === 'customer' && event.visibility === 'agents') return undefined;
  const out = clone(event) as Record<string, unknown>;
  if (view === 'customer') delete out.visibility;
  return out;
}

export function threadView(
  thread: ThreadRecord,
  view: View,
  options: { events?: boolean } = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: thread.id,
    created_at: thread.created_at,
    active: thread.active,
    user_ids: [...thread.user_ids],
  };
  if (options.events !== false) out.events = eventsView(thread, view);
  out.properties = clone(thread.properties);
  out.access = clone(thread.access);
  if (view === 'agent') out.tags = [...thread.tags];
  if (thread.queue) out.queue = { ...thread.queue, wait_time: waitTime(thread.queue.queued_at) };
  if (thread.previous_thread_id) out.previous_thread_id = thread.previous_thread_id;
  if (thread.next_thread_id) out.next_thread_id = thread.next_thread_id;
  return out;
}

function waitTime(queuedAt: string): number {
  return Math.max(0, Math.round((Date.now() - Date.parse(queuedAt)) / 1000));
}

export function eventsView(thread: ThreadRecord, view: View): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const e of thread.events) {
    const v = eventView(e, view);
    if (v) out.push(v);
  }
  return out;
}

export function agentUserView(agent: AgentRecord, chatUser: ChatUser | undefined, view: View): Record<string, unknown> {
  if (view === 'customer') {
    const out: Record<string, unknown> = { id: agent.id, type: 'agent', name: agent.name, avatar: agent.avatar };
    if (agent.jobTitle) out.job_title = agent.jobTitle;
    if (chatUser) {
      out.present = chatUser.present;
      if (chatUser.events_seen_up_to) out.events_seen_up_to = chatUser.events_seen_up_to;
    }
    return out;
  }
  const out: Record<string, unknown> = { id: agent.id, name: agent.name, type: 'agent' };
  if (!agent.isBot) out.email = agent.id;
  if (chatUser) {
    out.present = chatUser.present;
    if (chatUser.events_seen_up_to) out.events_seen_up_to = chatUser.events_seen_up_to;
  }
  out.avatar = agent.avatar;
  out.visibility = 'all';
  return out;
}

export function customerUserView(
  store: Store,
  customer: CustomerRecord,
  chatUser: ChatUser | undefined,
  view: View,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: customer.id, type: 'customer' };
  if (customer.name !== undefined) out.name = customer.name;
  if (customer.email !== undefined) out.email = customer.email;
  if (customer.avatar !== undefined) out.avatar = customer.avatar;
  if (chatUser) {
    out.present = chatUser.present;
    if (chatUser.events_seen_up_to) out.events_seen_up_to = chatUser.events_seen_up_to;
  }
  if (view === 'agent') {
    out.created_at = customer.created_at;
    if (customer.session_fields.length) out.session_fields = clone(customer.session_fields);
    out.statistics = customerStatistics(store, customer.id);
    if (customer.last_pages.length) {
      out.visit = { started_at: customer.last_pages[0]!.opened_at, last_pages: clone(customer.last_pages) };
    }
    Object.assign(out, clone(customer.extra));
    // The Agent Chat API's Customer has `carts`; the Customer Chat API's has none.
    if (customer.carts.length) out.carts = clone(customer.carts);
  }
  return out;
}

/**
 * The payload of `customer_updated`: the customer as the socket's side sees them, without `carts`
 * (the docs' push sample has none; a cart change carries the one `cart` that changed).
 */
export function customerUpdatedPayload(store: Store, customer: CustomerRecord, view: View): Record<string, unknown> {
  const { carts: _carts, ...rest } = customerUserView(store, customer, undefined, view);
  return rest;
}

export function customerStatistics(store: Store, customerId: string): Record<string, number> {
  let chats = 0;
  let threads = 0;
  for (const chat of store.chats.values()) {
    if (!chat.users.has(customerId)) continue;
    chats++;
    threads += chat.threads.length;
  }
  const customer = store.customers.get(customerId);
  let shown = 0;
  let accepted = 0;
  for (const greeting of store.shownGreetings.values()) {
    if (greeting.customerId !== customerId) continue;
    shown++;
    if (greeting.state === 'accepted') accepted++;
  }
  return {
    chats_count: chats,
    threads_count: threads,
    visits_count: 1,
    page_views_count: customer?.last_pages.length ?? 0,
    greetings_shown_count: shown,
    greetings_accepted_count: accepted,
  };
}

/** When an agent and when the customer last wrote in the customer's chats (`<side>_last_event_created_at`). */
export function lastEventTimes(store: Store, customerId: string, chats?: Iterable<ChatRecord>): Record<string, string> {
  let agent = '';
  let customer = '';
  for (const chat of chats ?? store.chats.values()) {
    if (!chat.users.has(customerId)) continue;
    for (const thread of chat.threads) {
      for (const event of thread.events) {
        if (event.author_id === customerId) customer = event.created_at > customer ? event.created_at : customer;
        else if (event.author_id && store.agents.has(event.author_id))
          agent = event.created_at > agent ? event.created_at : agent;
      }
    }
  }
  const out: Record<string, string> = {};
  if (agent) out.agent_last_event_created_at = agent;
  if (customer) out.customer_last_event_created_at = customer;
  return out;
}

/**
 * The customer as `get_customer` / `login` return it. The docs' samples differ: a customer's own
 * `get_customer` has no `statistics`, their `login` has (`withStatistics`).
 */
export function customerRecordView(
  store: Store,
  customer: CustomerRecord,
  view: View,
  withStatistics = false,
): Record<string, unknown> {
  const out = customerUserView(store, customer, undefined, view);
  if (view === 'agent') {
    out.chat_ids = [...store.chats.values()].filter((c) => c.users.has(customer.id)).map((c) => c.id);
    Object.assign(out, lastEventTimes(store, customer.id));
  } else {
    if (withStatistics) out.statistics = customerStatistics(store, customer.id);
    if (customer.session_fields.length) out.session_fields = clone(customer.session_fields);
    Object.assign(out, clone(customer.extra));
  }
  return out;
}

export function chatUsersView(store: Store, chat: ChatRecord, view: View): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [id, user] of chat.users) {
    if (user.type === 'agent') {
      const agent = store.agents.get(id);
      if (agent) out.push(agentUserView(agent, user, view));
    } else {
      const customer = store.customers.get(id);
      if (!customer) continue;
      const entry = customerUserView(store, customer, user, view);
      const agentLast = lastEventTimes(store, id, [chat]).agent_last_event_created_at;
      if (view === 'agent' && agentLast) entry.agent_last_event_created_at = agentLast;
      out.push(entry);
    }
  }
  return out;
}

/** A chat with one thread (`get_chat`, `incoming_chat`, `list_archives`). */
export function chatView(
  store: Store,
  chat: ChatRecord,
  thread: ThreadRecord | undefined,
  view: View,
  viewerId?: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: chat.id };
  if (thread) out.thread = threadView(thread, view);
  out.users = chatUsersView(store, chat, view);
  out.properties = clone(chat.properties);
  out.access = clone(chat.access);
  if (view === 'agent') out.is_followed = viewerId !== undefined && chat.followers.has(viewerId);
  return out;
}

export function lastEventPerType(chat: ChatRecord, view: View): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const thread of chat.threads) {
    for (const e of thread.events) {
      const v = eventView(e, view);
      if (v) out[e.type] = { thread_id: thread.id, thread_created_at: thread.created_at, event: v };
    }
  }
  return out;
}

/** An item of agent `list_chats` / the agent `login` response. */
export function agentChatSummary(store: Store, chat: ChatRecord, viewerId: string): Record<string, unknown> {
  const last = chat.threads.at(-1);
  const out: Record<string, unknown> = {
    id: chat.id,
    last_event_per_type: lastEventPerType(chat, 'agent'),
    users: chatUsersView(store, chat, 'agent'),
  };
  if (last) {
    const summary: Record<string, unknown> = {
      id: last.id,
      created_at: last.created_at,
      user_ids: [...last.user_ids],
      properties: clone(last.properties),
      active: last.active,
      access: clone(last.access),
    };
    if (last.queue) summary.queue = { ...last.queue, wait_time: waitTime(last.queue.queued_at) };
    out.last_thread_summary = summary;
  }
  out.properties = clone(chat.properties);
  out.access = clone(chat.access);
  out.is_followed = chat.followers.has(viewerId);
  return out;
}

/** An item of customer `list_chats`. */
export function customerChatSummary(store: Store, chat: ChatRecord): Record<string, unknown> {
  const last = chat.threads.at(-1);
  const out: Record<string, unknown> = { id: chat.id };
  if (last) {
    out.last_thread_id = last.id;
    out.last_thread_created_at = last.created_at;
  }
  out.last_event_per_type = lastEventPerType(chat, 'customer');
  out.users = chatUsersView(store, chat, 'customer');
  out.access = clone(chat.access);
  out.properties = clone(chat.properties);
  out.active = last?.active ?? false;
  return out;
}

/**
 * The chat list of `list_chats` (both APIs) and the agent `login` at `version`: 3.6 `chats_summary`;
 * from 3.7 `chats_info`, whose items carry the last thread as `last_thread_info` with
 * `last_event_per_type` moved inside it (3.7 changelog; the customer's `last_thread_id` and
 * `last_thread_created_at` become its `id` and `created_at`, as the 3.7 samples show).
 */
export function chatList(version: string, items: Record<string, unknown>[]): Record<string, unknown> {
  if (!atLeast(version, '3.7')) return { chats_summary: items };
  return { chats_info: items.map(toChatInfo) };
}

/**
 * `last_event_per_type` inside `last_thread_info`: that thread's events, and so an entry no longer
 * names its thread (3.7 samples).
 */
function ofThread(perType: unknown, threadId: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isObject(perType)) return out;
  for (const [type, entry] of Object.entries(perType)) {
    if (isObject(entry) && entry.thread_id === threadId) out[type] = { event: entry.event };
  }
  return out;
}

function toChatInfo(item: Record<string, unknown>): Record<string, unknown> {
  const { last_event_per_type, last_thread_summary, last_thread_id, last_thread_created_at, ...rest } = item;
  const thread = isObject(last_thread_summary)
    ? last_thread_summary
    : last_thread_id !== undefined
      ? { id: last_thread_id, created_at: last_thread_created_at }
      : undefined;
  const out: Record<string, unknown> = { id: rest.id };
  if (thread) out.last_thread_info = { ...thread, last_event_per_type: ofThread(last_event_per_type, thread.id) };
  return { ...out, ...rest };
}
