// Reports API: each report's documented response shape, computed from the simulator's chats (the parameter
// rules are in reports-query.ts). Figures the simulator does not track (greetings, forms, queues,
// availability, status times) are zero or empty.
import type { RequestContext } from '../context.js';
import type { Handler, HandlerTable } from '../dispatch.js';
import type { Platform } from '../platform.js';
import type { ChatRecord, ThreadRecord } from '../store.js';
import { setOwn } from '../util.js';
import { parse, type Query, unit, units } from './reports-query.js';

type Payload = Record<string, unknown>;
/** The `name` of each report, as in the docs' response samples. */
const NAMES: Record<string, string> = {
  'chats/duration': 'duration-report',
  'chats/tags': 'tags-report',
  'chats/total_chats': 'total-chats-report',
  'chats/ratings': 'ratings-report',
  'chats/ranking': 'ranking-report',
  'chats/engagement': 'engagement-report',
  'chats/greetings_conversion': 'greetings-conversion-report',
  'chats/forms': 'form-report',
  'chats/response_time': 'response-time-report',
  'chats/first_response_time': 'first-response-time-report',
  'chats/groups': 'groups-report',
  'chats/queued_visitors': 'queued-visitors-report',
  'chats/queued_visitors_left': 'queued-visitors-left-report',
  'agents/availability': 'availability-report',
  'agents/performance': 'performance-report',
  'customers/unique_visitors': 'visitors-report',
  'tags/chat_usage': 'tags-chat-usage-report',
  'sales/abandoned_carts': 'abandoned_carts',
  'stats/visitor_domains': 'visitor-domains-report',
};

interface Entry {
  chat: ChatRecord;
  thread: ThreadRecord;
  at: number;
  unit: string;
}

/** The threads started within the range, with their distribution unit. */
function entries(p: Platform, q: Query): Entry[] {
  const out: Entry[] = [];
  for (const chat of p.store.chats.values()) {
    for (const thread of chat.threads) {
      const at = Date.parse(thread.created_at);
      if (at >= q.from && at <= q.to) out.push({ chat, thread, at, unit: unit(at, q.distribution) });
    }
  }
  return out;
}

/** `{ <unit>: record }` with every unit of the range (an empty unit is `{}`). */
function perUnit<T>(
  q: Query,
  list: Entry[],
  build: (entries: Entry[]) => T | undefined,
): Record<string, T | Record<string, never>> {
  const groups = new Map<string, Entry[]>();
  for (const u of units(q)) groups.set(u, []);
  for (const e of list) {
    if (!groups.has(e.unit)) groups.set(e.unit, []);
    groups.get(e.unit)!.push(e);
  }
  const out: Record<string, T | Record<string, never>> = {};
  for (const [u, es] of [...groups].sort(([a], [b]) => a.localeCompare(b))) out[u] = (es.length && build(es)) || {};
  return out;
}

function isAgent(p: Platform, chat: ChatRecord, id: string | undefined): boolean {
  return id !== undefined && (chat.users.get(id)?.type === 'agent' || p.store.agents.has(id));
}

/** Seconds from each customer message to the agent reply after it. */
function responseTimes(p: Platform, e: Entry): number[] {
  const out: number[] = [];
  let waitingSince: number | undefined;
  for (const event of e.thread.events) {
    if (event.type === 'system_message' || !event.author_id) continue;
    const at = Date.parse(event.created_at);
    if (isAgent(p, e.chat, event.author_id)) {
      if (waitingSince !== undefined) out.push((at - waitingSince) / 1000);
      waitingSince = undefined;
    } else {
      waitingSince ??= at;
    }
  }
  return out;
}

function durationOf(e: Entry): number {
  const times = e.thread.events.map((ev) => Date.parse(ev.created_at));
  return times.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
}

function rating(e: Entry): 'good' | 'bad' | undefined {
  const score = e.thread.properties.rating?.score;
  return score === 1 ? 'good' : score === 0 ? 'bad' : undefined;
}

const average = (list: number[]) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0);

function count(values: (string | number)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) {
    const key = String(value);
    setOwn(out, key, (Object.hasOwn(out, key) ? out[key]! : 0) + 1);
  }
  return out;
}

/** The agents (and bots) of each thread. */
function agentsOf(p: Platform, e: Entry): string[] {
  return e.thread.user_ids.filter((id) => isAgent(p, e.chat, id));
}

function perAgent(p: Platform, list: Entry[]): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  for (const e of list) for (const id of agentsOf(p, e)) out.set(id, [...(out.get(id) ?? []), e]);
  return out;
}

function agentFigures(p: Platform, list: Entry[]) {
  const first = list.map((e) => responseTimes(p, e)[0]).filter((t): t is number => t !== undefined);
  return {
    chats_count: list.length,
    chats_rated_good: list.filter((e) => rating(e) === 'good').length,
    chats_rated_bad: list.filter((e) => rating(e) === 'bad').length,
    first_response_chats_count: first.length,
    first_response_time: average(first),
  };
}

type Build = (p: Platform, q: Query, list: Entry[], payload: Payload) => Record<string, unknown>;

const BUILDERS: Record<string, Build> = {
  'chats/total_chats': (_params, q, list) => ({
    total: list.length,
    records: perUnit(q, list, (es) => ({
      total: es.length,
      continuous: es.filter((e) => e.chat.properties.routing?.continuous === true).length,
    })),
  }),
  'chats/duration': (_p, q, list) => ({
    total: list.length,
    records: perUnit(q, list, (es) => {
      const duration = average(es.map(durationOf));
      return { count: es.length, agents_chatting_duration: duration, duration };
    }),
  }),
  'chats/tags': (_p, q, list) => ({
    total: list.length,
    records: perUnit(q, list, (es) => count(es.flatMap((e) => e.thread.tags))),
  }),
  'chats/ratings': (_p, q, list) => ({
    total: list.length,
    records: perUnit(q, list, (es) => {
      const out: Record<string, number> = { chats: es.length };
      const good = es.filter((e) => rating(e) === 'good').length;
      const bad = es.filter((e) => rating(e) === 'bad').length;
      if (good) out.good = good;
      if (bad) out.bad = bad;
      return out;
    }),
  }),
  'chats/ranking': (p, _q, list) => {
    const records: Record<string, unknown> = {};
    for (const [id, es] of perAgent(p, list)) {
      const good = es.filter((e) => rating(e) === 'good').length;
      const bad = es.filter((e) => rating(e) === 'bad').length;
      setOwn(records, id, { total: es.length, good, bad, score: good + bad ? good / (good + bad) : 0 });
    }
    return { records };
  },
  'chats/engagement': (p, q, list) => ({
    total: list.length,
    records: perUnit(q, list, (es) => {
      const byAgent = es.filter((e) =>
        isAgent(p, e.chat, e.thread.events.find((ev) => ev.author_id)?.author_id),
      ).length;
      // The docs' table lists a per-day `total`, their sample does not: the sample is followed.
      return {
        started_by_customer_from_greeting: 0,
        started_by_customer_without_greeting: es.length - byAgent,
        started_by_agent: byAgent,
      };
    }),
  }),
  'chats/greetings_conversion': (_p, q) => ({ total: 0, records: perUnit(q, [], () => undefined) }),
  'chats/forms': () => ({ records: [] }),
  'chats/response_time': (p, q, list) => ({
    total: list.length,
    records: perUnit(q, list, (es) => {
      const times = es.flatMap((e) => responseTimes(p, e));
      return times.length ? { count: times.length, response_time: average(times) } : undefined;
    }),
  }),
  'chats/first_response_time': (p, q, list) => ({
    total: list.length,
    records: perUnit(q, list, (es) => {
      const times = es.map((e) => responseTimes(p, e)[0]).filter((t): t is number => t !== undefined);
      return times.length ? { count: times.length, first_response_time: average(times) } : undefined;
    }),
  }),
  'chats/groups': (_p, q, list) => ({
    total: list.length,
    records: perUnit(q, list, (es) => count(es.map((e) => e.thread.access.group_ids[0] ?? 0))),
  }),
  'chats/queued_visitors': (_p, q) => ({ total: 0, records: perUnit(q, [], () => undefined) }),
  'chats/queued_visitors_left': () => ({ total: 0, summary: { left_without_details: 0, total_pages: 0 }, records: {} }),
  'agents/availability': (_p, q) => {
    const key = q.distribution === 'hour' ? 'minutes' : 'hours';
    const records: Record<string, unknown> = {};
    for (const u of units(q)) records[u] = { [key]: 0 };
    return { total: 0, records };
  },
  'agents/performance': (p, _q, list) => {
    const records: Record<string, unknown> = {};
    for (const [id, es] of perAgent(p, list)) {
      const chattingTime = es.reduce((sum, e) => sum + durationOf(e), 0);
      setOwn(records, id, {
        ...agentFigures(p, es),
        accepting_chats_time: 0,
        chatting_time: chattingTime,
        logged_in_time: 0,
        not_accepting_chats_time: 0,
      });
    }
    return { records, summary: agentFigures(p, list) };
  },
  'customers/unique_visitors': (p, q, list) => {
    const visitors = new Set<string>();
    let views = 0;
    for (const customer of p.store.customers.values()) {
      const pages = customer.last_pages.filter((page) => {
        const at = Date.parse(page.opened_at);
        return at >= q.from && at <= q.to;
      });
      views += pages.length;
      if (pages.length) visitors.add(customer.id);
    }
    for (const e of list) for (const [id, u] of e.chat.users) if (u.type === 'customer') visitors.add(id);
    return { summary: { unique_visitors: visitors.size, page_views: views } };
  },
  'tags/chat_usage': (_p, _q, list) => ({ records: count(list.flatMap((e) => e.thread.tags)) }),
  // 3.7. Carts and the referring domains of page views are not simulated: zero and empty (README).
  'sales/abandoned_carts': (_p, q, _list, payload) => ({
    request: payload,
    records: Object.fromEntries(units(q).map((u) => [u, { abandoned_cart_count: 0, total_abandoned_value_usd: 0 }])),
    summary: { total_abandoned_cart_count: 0, total_abandoned_value_usd: 0 },
  }),
  'stats/visitor_domains': () => ({ summary: {} }),
};

function report(path: string, build: Build): Handler {
  return (_ctx: RequestContext, payload: Payload, p: Platform) => {
    const q = parse(path, payload);
    return { name: NAMES[path], ...build(p, q, entries(p, q), payload) };
  };
}

// One handler per report with a documented shape: a report the spec gains without one is not
// simulated, and test/spec-data.test.ts says so.
const handlers: Record<string, Handler> = {};
for (const [path, build] of Object.entries(BUILDERS)) handlers[path] = report(path, build);

/** Reports are keyed `<resource>/<name>`, as in their URL. */
export const reportsHandlers: HandlerTable = { handlers };
