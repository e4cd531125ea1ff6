// Reports API requests: the documented parameter rules ("Available parameters and filters"), the time
// range a request covers, and its distribution units.
import { invalid } from '../errors.js';
import { isObject } from '../util.js';

type Payload = Record<string, unknown>;
/** Which "Available parameters and filters" table a report follows. */
type Family = 'chats' | 'agents' | 'customers' | 'tags';

/** `distribution` values per family (docs); the customers and tags reports take none. */
const DISTRIBUTIONS: Partial<Record<Family, readonly string[]>> = {
  chats: ['hour', 'day', 'day-hours', 'month', 'year'],
  agents: ['hour', 'day'],
};

const WEEK_MS = 7 * 86_400_000;
/** Past this many distribution units, empty units are not filled in. */
const MAX_UNITS = 1000;

function familyOf(path: string): Family {
  const resource = path.split('/')[0];
  return resource === 'agents' || resource === 'customers' || resource === 'tags' ? resource : 'chats';
}

export interface Query {
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
export function parse(path: string, payload: Payload): Query {
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
export function unit(ms: number, distribution: string): string {
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
export function units(q: Query): string[] {
  const step = q.distribution === 'hour' || q.distribution === 'day-hours' ? 3_600_000 : 86_400_000;
  if ((q.to - q.from) / step > MAX_UNITS) return [];
  const out = new Set<string>();
  for (let t = q.from; t <= q.to; t += step) out.add(unit(t, q.distribution));
  out.add(unit(q.to, q.distribution));
  return [...out];
}
