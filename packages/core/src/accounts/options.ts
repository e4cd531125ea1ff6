import { InputError } from '../errors/index.js';
import { MAX_DELAY } from '../timers.js';
import type { FetchLike } from '../web/types.js';

/** Where the accounts service lives unless `accountsUrl` says otherwise. */
export const DEFAULT_ACCOUNTS_URL = 'https://accounts.livechat.com';

/** Options every token getter that talks to the accounts service takes. */
export interface AccountsOptions {
  /**
   * Base URL of the accounts service (default `https://accounts.livechat.com`); tests and the
   * local simulator pass `http://127.0.0.1:<port>`.
   */
  accountsUrl?: string | undefined;
  /** Custom `fetch` (default: the global one). */
  fetch?: FetchLike | undefined;
  /** Milliseconds before a call to the accounts service rejects with `TimeoutError` (1 to 2^31 - 1). */
  timeout?: number | undefined;
}

/** The checked transport settings of one token getter. */
export interface Accounts {
  /** Base URL without a trailing slash. */
  readonly url: string;
  readonly fetch: FetchLike;
  /** Milliseconds. */
  readonly timeout: number;
}

/**
 * A number option of milliseconds: `fallback` when absent (undefined or null), else checked (`min` to
 * `max`, or `InputError` naming `field`).
 */
export function milliseconds(value: unknown, field: string, fallback: number, min = 0, max = Infinity): number {
  if (value == null) return fallback;
  if (typeof value !== 'number' || !(value >= min) || value > max || !Number.isFinite(value)) {
    throw new InputError(`${field} must be a number of milliseconds from ${min}${max < Infinity ? ` to ${max}` : ''}`, {
      field,
    });
  }
  return value;
}

/** Checks the options every accounts client shares; every problem is an `InputError` thrown at once. */
export function accountsFrom(options: AccountsOptions, defaultTimeout: number): Accounts {
  const raw = options.accountsUrl ?? DEFAULT_ACCOUNTS_URL;
  // A plain http(s) base URL: no credentials (`@`), query or fragment, no spaces.
  if (typeof raw !== 'string' || !/^https?:\/\/[^\s/?#@]+[^\s?#@]*$/i.test(raw)) {
    throw new InputError('accountsUrl must be an http(s) URL without credentials, query or fragment', {
      field: 'accountsUrl',
    });
  }
  if (typeof (options.fetch ?? globalThis.fetch) !== 'function') {
    throw new InputError('No global fetch in this environment; pass options.fetch', { field: 'fetch' });
  }
  const timeout = milliseconds(options.timeout, 'timeout', defaultTimeout, 1, MAX_DELAY);
  // The global one through a wrapper: called as a method of `accounts`, it would throw (Illegal invocation).
  const fetch = options.fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init));
  return { url: raw.replace(/\/+$/, ''), fetch, timeout };
}
