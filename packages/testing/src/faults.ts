import { SimError, statusOf } from './errors.js';
import type { ApiName, Transport } from './spec.js';
import { sleep } from './util.js';

/** Which requests a fault applies to; every field left out matches everything. */
export interface FaultFilter {
  /** `agent`, `customer`, `configuration` or `reports`. */
  api?: ApiName | undefined;
  /** Only this action (e.g. `send_event`, `login`). */
  action?: string | undefined;
  /** Only over `web` or only over `rtm`. */
  transport?: Transport | undefined;
}

/** How {@link Faults.failNext} fails a request. */
export interface FailOptions extends FaultFilter {
  /** Platform error type (default `internal`). `too_many_requests` answers HTTP 429 over Web. */
  type?: string | undefined;
  message?: string | undefined;
  /** HTTP status over Web (default: the usual one for `type`, e.g. 429, 500, 503). */
  status?: number | undefined;
  /** `error.data`, e.g. `{ region: 'fra' }` for `misdirected_request`. */
  data?: unknown;
  /** Seconds to send as `Retry-After` over Web. */
  retryAfter?: number | undefined;
}

/** A rate limit: more than `requests` matching requests per `windowMs` answer `too_many_requests`. */
export interface RateLimitOptions extends FaultFilter {
  requests: number;
  windowMs: number;
  /** Seconds to send as `Retry-After` over Web. */
  retryAfter?: number | undefined;
}

export interface FaultTarget {
  api: ApiName;
  action: string;
  transport: Transport;
}

interface Counted<T> {
  remaining: number;
  rule: T;
}

const matches = (f: FaultFilter, t: FaultTarget): boolean =>
  (!f.api || f.api === t.api) && (!f.action || f.action === t.action) && (!f.transport || f.transport === t.transport);

const DEFAULT_MESSAGES: Record<string, string> = {
  internal: 'Internal server error',
  too_many_requests: 'Too many requests',
  service_unavailable: 'Service unavailable',
  request_timeout: 'Request timeout',
  authentication: 'Authentication error',
};

/** Injected failures, delays and rate limits, consumed by the requests they match (RTM `ping` excluded). */
export class Faults {
  private fails: Counted<FailOptions>[] = [];
  private delays: Counted<{ ms: number } & FaultFilter>[] = [];
  private limit: RateLimitOptions | undefined;
  private hits: number[] = [];

  failNext(count: number, options: FailOptions = {}): void {
    if (count > 0) this.fails.push({ remaining: count, rule: options });
  }

  delayNext(count: number, ms: number, filter: FaultFilter = {}): void {
    if (count > 0) this.delays.push({ remaining: count, rule: { ...filter, ms } });
  }

  rateLimit(options: RateLimitOptions | null): void {
    this.limit = options ?? undefined;
    this.hits = [];
  }

  reset(): void {
    this.fails = [];
    this.delays = [];
    this.rateLimit(null);
  }

  /** Applies the faults that match this request: waits for a delay, throws for a failure. */
  async apply(target: FaultTarget, signal: AbortSignal): Promise<void> {
    const delay = take(this.delays, target);
    if (delay) await sleep(delay.ms, signal);
    const fail = take(this.fails, target);
    if (fail) {
      const type = fail.type ?? 'internal';
      throw new SimError(type, fail.message ?? DEFAULT_MESSAGES[type] ?? `Simulated ${type} error`, {
        status: fail.status ?? statusOf(type),
        data: fail.data,
        headers: fail.retryAfter !== undefined ? { 'retry-after': String(fail.retryAfter) } : {},
      });
    }
    const limit = this.limit;
    if (limit && matches(limit, target)) {
      const now = Date.now();
      this.hits = this.hits.filter((t) => t > now - limit.windowMs);
      if (this.hits.length >= limit.requests) {
        throw new SimError('too_many_requests', 'Too many requests', {
          headers: limit.retryAfter !== undefined ? { 'retry-after': String(limit.retryAfter) } : {},
        });
      }
      this.hits.push(now);
    }
  }
}

function take<T extends FaultFilter>(list: Counted<T>[], target: FaultTarget): T | undefined {
  const i = list.findIndex((c) => c.remaining > 0 && matches(c.rule, target));
  if (i < 0) return undefined;
  const entry = list[i]!;
  entry.remaining--;
  if (entry.remaining === 0) list.splice(i, 1);
  return entry.rule;
}
