import { ApiError, ConnectionError, HttpError, TimeoutError } from '../errors/index.js';
import { invalid } from './check.js';
import type { RetryOptions } from './types.js';

/**
 * A retry policy as data; {@link retryDelay} is the only code that reads it.
 *
 * Two classes of failure:
 * - "not processed": the platform says it did not do the work (`too_many_requests`, HTTP 429,
 *   HTTP 503). Safe to re-send for every action.
 * - "maybe processed": the request may have reached the server (network error, timeout, other
 *   5xx). Re-sent only for read-only actions, so a write is never duplicated.
 *
 * Backoff before retry `n` (0-based) is `min(maxDelay, baseDelay * 2^n)`, half of it random.
 */
export type RetryPolicy = Readonly<Required<RetryOptions>>;

/** The default policy: 2 retries, 500 ms → 8 s backoff with 50 % jitter, `Retry-After` up to 60 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { limit: 2, baseDelay: 500, maxDelay: 8000, maxRetryAfter: 60_000 };

/** Never retries. (A marked call, not a spread: bundlers drop it from pages that do not use it.) */
export const NO_RETRY_POLICY: RetryPolicy = /* @__PURE__ */ Object.assign({}, DEFAULT_RETRY_POLICY, { limit: 0 });

/** Builds the policy for `WebClientOptions.retry`; bad numbers are an `InputError`. */
export function retryPolicyFrom(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return NO_RETRY_POLICY;
  if (options === undefined) return DEFAULT_RETRY_POLICY;
  if (typeof options !== 'object' || !options) invalid('retry', 'an object or false');
  const policy = { ...DEFAULT_RETRY_POLICY };
  for (const key of Object.keys(policy) as (keyof RetryPolicy)[]) {
    const value: unknown = options[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0 && value < Infinity) || (key === 'limit' && value % 1))
      invalid(`retry.${key}`, 'a number ≥ 0');
    policy[key] = value;
  }
  return policy;
}

/**
 * Milliseconds to wait for a `Retry-After` value (delta-seconds or an HTTP date), or `undefined`
 * when absent or unreadable. A date in the past means 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(+text * 1000);
  // An HTTP date starts with a weekday; bare numbers like "-1" are not dates here.
  const date = /^[a-z]{3}, /i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** What {@link retryDelay} needs to know about one failed attempt. */
export interface RetryContext {
  /** Whether the action is read-only (the wire table's `s` flag) or marked idempotent. */
  readOnly: boolean;
  /** Retries already made (0 before the first retry). */
  retries: number;
  /** `Date.now()`, for HTTP-date `Retry-After`. */
  now: number;
  /** A number in [0, 1) for jitter. */
  random: number;
}

/**
 * The pure heart of retrying: how long to wait before re-sending after `error`, or `undefined`
 * to give up and reject with `error`.
 */
export function retryDelay(policy: RetryPolicy, error: unknown, ctx: RetryContext): number | undefined {
  if (ctx.retries >= policy.limit) return undefined;
  if (error instanceof ApiError || error instanceof HttpError) {
    const status = error.status ?? 0;
    const notProcessed = status === 429 || status === 503 || (error as ApiError).type === 'too_many_requests';
    if (!notProcessed && !(ctx.readOnly && status > 499 && status < 600)) return undefined;
    const after = parseRetryAfter(error.headers?.['retry-after'], ctx.now);
    if (after !== undefined) return after <= policy.maxRetryAfter ? after : undefined;
  } else if (!(ctx.readOnly && (error instanceof TimeoutError || error instanceof ConnectionError))) {
    return undefined;
  }
  return backoffDelay(policy, ctx.retries, ctx.random);
}

/** Capped exponential backoff with 50 % jitter for retry `retries` (0-based). */
export function backoffDelay(policy: RetryPolicy, retries: number, random: number): number {
  return Math.round(Math.min(policy.maxDelay, policy.baseDelay * 2 ** retries) * (0.5 + random / 2));
}
