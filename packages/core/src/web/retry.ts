import { ApiError, ConnectionError, HttpError, InputError, TimeoutError } from '../errors/index.js';
import type { RetryOptions } from './types.js';

/**
 * A retry policy as data. {@link retryDelay} is the only code that reads it.
 *
 * Two classes of failure:
 * - "not processed" (`anyAction`): the platform says it did not do the work (`too_many_requests`,
 *   HTTP 429, HTTP 503). Safe to re-send for every action.
 * - "maybe processed" (`readOnlyOnly`): the request may have reached the server (network error,
 *   timeout, other 5xx). Re-sent only for read-only actions, so a write is never duplicated.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly limit: number;
  /** Backoff before retry `n` (0-based) is `min(maxDelay, baseDelay * 2^n)`, then jittered. */
  readonly baseDelay: number;
  readonly maxDelay: number;
  /** Longest `Retry-After` honoured, in ms; a longer one rejects at once. */
  readonly maxRetryAfter: number;
  /** Fraction of the backoff that is random: delay = d * (1 - jitter) + d * jitter * random. */
  readonly jitter: number;
  readonly anyAction: { readonly errorTypes: readonly string[]; readonly statuses: readonly number[] };
  readonly readOnlyOnly: { readonly network: boolean; readonly timeout: boolean; readonly statuses: (status: number) => boolean };
}

/** The default policy: 2 retries, 500 ms → 8 s backoff with 50 % jitter, `Retry-After` up to 60 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  limit: 2,
  baseDelay: 500,
  maxDelay: 8000,
  maxRetryAfter: 60_000,
  jitter: 0.5,
  anyAction: Object.freeze({ errorTypes: Object.freeze(['too_many_requests']), statuses: Object.freeze([429, 503]) }),
  readOnlyOnly: Object.freeze({ network: true, timeout: true, statuses: (status: number) => status >= 500 && status <= 599 }),
});

/** Never retries. */
export const NO_RETRY_POLICY: RetryPolicy = Object.freeze({ ...DEFAULT_RETRY_POLICY, limit: 0 });

/** Builds the policy for `WebClientOptions.retry`; bad numbers are an `InputError`. */
export function retryPolicyFrom(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return NO_RETRY_POLICY;
  if (options === undefined) return DEFAULT_RETRY_POLICY;
  if (typeof options !== 'object' || options === null) {
    throw new InputError('retry must be an object or false', { field: 'retry' });
  }
  const pick = (key: keyof RetryOptions, integer: boolean): number => {
    const value = options[key];
    if (value === undefined) return DEFAULT_RETRY_POLICY[key];
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw new InputError(`retry.${key} must be a non-negative ${integer ? 'integer' : 'number'}`, { field: `retry.${key}` });
    }
    return value;
  };
  return Object.freeze({
    ...DEFAULT_RETRY_POLICY,
    limit: pick('limit', true),
    baseDelay: pick('baseDelay', false),
    maxDelay: pick('maxDelay', false),
    maxRetryAfter: pick('maxRetryAfter', false),
  });
}

/**
 * Milliseconds to wait for a `Retry-After` value (delta-seconds or an HTTP date), or `undefined`
 * when absent or unreadable. A date in the past means 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date has a weekday and month name; bare numbers like "-1" are not dates here.
  if (!/^[a-z]{3}, /i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** What {@link retryDelay} needs to know about one failed attempt. */
export interface RetryContext {
  /** Whether the action is read-only (`get_*`, `list_*`, Reports) or marked idempotent. */
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
  let status: number | undefined;
  let headers: Record<string, string> | undefined;
  let notProcessed = false;
  if (error instanceof ApiError) {
    status = error.status;
    headers = error.headers;
    notProcessed = policy.anyAction.errorTypes.includes(error.type);
  } else if (error instanceof HttpError) {
    status = error.status;
    headers = error.headers;
  } else if (error instanceof TimeoutError) {
    if (!(ctx.readOnly && policy.readOnlyOnly.timeout)) return undefined;
  } else if (error instanceof ConnectionError) {
    if (!(ctx.readOnly && policy.readOnlyOnly.network)) return undefined;
  } else {
    return undefined;
  }
  if (status !== undefined) {
    if (policy.anyAction.statuses.includes(status)) notProcessed = true;
    if (!notProcessed && !(ctx.readOnly && policy.readOnlyOnly.statuses(status))) return undefined;
    const after = parseRetryAfter(headers?.['retry-after'], ctx.now);
    if (after !== undefined) return after <= policy.maxRetryAfter ? after : undefined;
  }
  return backoffDelay(policy, ctx.retries, ctx.random);
}

/** Capped exponential backoff with jitter for retry `retries` (0-based). */
export function backoffDelay(policy: RetryPolicy, retries: number, random: number): number {
  const capped = Math.min(policy.maxDelay, policy.baseDelay * 2 ** retries);
  return Math.round(capped * (1 - policy.jitter) + capped * policy.jitter * random);
}

/** Read-only by name: `get_*`, `list_*`, and every Reports call. */
export function isReadOnlyAction(api: string, action: string): boolean {
  return api === 'reports' || action.startsWith('get_') || action.startsWith('list_');
}
