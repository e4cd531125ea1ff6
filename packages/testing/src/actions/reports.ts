// Reports API: the documented parameter rules ("Available parameters and filters") and each report's
// documented response shape, computed from the simulator's chats. Figures the simulator does not
// track (greetings, forms, queues, availability, status times) are zero or empty.
import type { RequestContext } from '../context.js';
import type { Handler, HandlerTable } from '../dispatch.js';
import { invalid } from '../errors.js';
import type { Platform } from '../platform.js';
import type { ChatRecord, ThreadRecord } from '../store.js';
import { isObject, setOwn } from '../util.js';

type Payload = Record<string, unknown>;
/** Which "Available parameters and filters" table a report follows. */
type Family = 'chats' | 'agents' | 'customers' | 'tags';

/** `distribution` values per family (docs); the customers and tags reports take none. */
const DISTRIBUTIONS: Partial<Record<Family, readonly string[]>> = {
  chats: ['hour', 'day', 'day-hours', 'month', 'year'],
  agents: ['hour', 'day'],
};

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

const WEEK_MS = 7 * 86_400_000;
/** Past this many distribution units, empty units are not filled in. */
const MAX_UNITS = 1000;

function familyOf(path: string): Family {
  const resource = path.split('/')[0];
  return resource === 'agents' || resource === 'customers' || resource === 'tags' ? resource : 'chats';
}

interface Query {
  distribution: string;
  /** Epoch ms, inclusive. */
  from: number;
  to: number;
}

function time(value: unknown, field: string): number {
  const ms =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i.test(value)
      ? Date.parse(value)
      : Number.NaN;
  if (Number.isNaN(ms))
    throw invalid(`Wrong format of request: "${field}" must be an RFC 3339 date-time, e.g. 2021-04-08T00:00:00-00:00`);
  return ms;
}

/** The time ranges given in `filters` (docs: exactly one pair when filters are given). */
function timeRanges(filters: Payload, family: Family): { field: string; from: unknown; to: unknown }[] {
  const out: { field: string; from: unknown; to: unknown }[] = [];
  if (filters.from !== undefined || filters.to !== undefined)
    out.push({ field: 'filters', from: filters.from, to: filters.to });
  if (family !== 'chats') return out;
  for (const key of ['greetings', 'surveys']) {
    const nested = filters[key];
    if (isObject(nested) && (nested.from !== undefined || nested.to !== undefined))
      out.push({ field: `filters.${key}`, from: nested.from, to: nested.to });
  }
  // The docs' survey filter sample gives the survey range in each `forms[]` item.
  if (Array.isArray(filters.forms)) {
    const dated = filters.forms.filter((f) => isObject(f) && (f.from !== undefined || f.to !== undefined)) as Payload[];
    if (dated.length) {
      const incomplete = dated.find((f) => f.from === undefined || f.to === undefined);
      out.push({ field: 'filters.forms[]', from: (incomplete ?? dated[0]!).from, to: (incomplete ?? dated[0]!).to });
    }
  }
  return out;
}

/** Checks the request against the docs' parameter rules; returns the distribution and the time range. */
function parse(path: string, payload: Payload): Query {
  const family = familyOf(path);
  const allowed = DISTRIBUTIONS[family];
  let distribution = 'day';
  if (allowed && payload.distribution !== undefined) {
    if (typeof payload.distribution !== 'string' || !allowed.includes(payload.distribution)) {
      throw invalid(
        `Wrong format of request: "distribution" must be one of ${allowed.join(', ')} for the ${family} reports`,
      );
    }
    distribution = payload.distribution;
  }
  if (payload.timezone !== undefined) {
    try {
      if (typeof payload.timezone !== 'string') throw new RangeError('not a string');
      new Intl.DateTimeFormat('en', { timeZone: payload.timezone });
    } catch {
      throw invalid('Wrong format of request: "timezone" must be an IANA time zone, e.g. America/Phoenix');
    }
  }
  if (path === 'chats/queued_visitors_left' && payload.page !== undefined) {
    const page = typeof payload.page === 'string' && /^\d+$/.test(payload.page) ? Number(payload.page) : payload.page;
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 0)
      throw invalid('Wrong format of request: "page" must be a non-negative integer');
  }
  // No filters, or an empty `filters` object ("If none provided, your report will span the last seven days").
  if (payload.filters === undefined || (isObject(payload.filters) && Object.keys(payload.filters).length === 0)) {
    const to = Date.now();
    return { distribution, from: to - WEEK_MS, to };
  }
  if (!isObject(payload.filters)) throw invalid('Wrong format of request: "filters" must be an object');
  const ranges = timeRanges(payload.filters, family);
  const pairs =
    family === 'chats'
      ? '(filters.from/to, filters.greetings.from/to or filters.surveys.from/to)'
      : '(filters.from/to)';
  if (ranges.length !== 1)
    throw invalid(`Wrong format of request: "filters" must contain exactly one pair of time-based filters ${pairs}`);
  const [range] = ranges as [(typeof ranges)[number]];
  if (range.from === undefined || range.to === undefined) {
    throw invalid(`Wrong format of request: "${range.field}" needs both "from" and "to"`);
  }
  const from = time(range.from, `${range.field}.from`);
  const to = time(range.to, `${range.field}.to`);
  if (from > to) throw invalid(`Wrong format of request: "${range.field}.from" is later than "${range.field}.to"`);
  return { distribution, from, to };
}

/** The distribution unit of an instant (UTC): `2021-04-08` for `day`, `2021-04` for `month`, ... */
function unit(ms: number, distribution: string): string {
  const iso = new Date(ms).toISOString(); // 2021-04-08T07:11:28.288Z
  switch (distribution) {
    case 'hour':
      return `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00`;
    case 'day-hours':
      return `${iso.slice(11, 13)}:00`;
    case 'month':
      return iso.slice(0, 7);
    case 'year':
      return iso.slice(0, 4);
    default:
      return iso.slice(0, 10);
  }
}

/** Every unit of the range, oldest first (empty when there would be too many). */
function units(q: Query): string[] {
  const step = q.distribution === 'hour' || q.distribution === 'day-hours' ? 3_600_000 : 86_400_000;
  if ((q.to - q.from) / step > MAX_UNITS) return [];
  const out = new Set<string>();
  for (let t = q.from; t <= q.to; t += step) out.add(unit(t, q.distribution));
  out.add(unit(q.to, q.distribution));
  return [...out];
}

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
