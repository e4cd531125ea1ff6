import { randomBytes, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An id like the platform's chat and thread ids (`PJ0MRSHTDG`). */
export function platformId(length = 10): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const b of bytes) id += ALNUM[b % ALNUM.length];
  return id;
}

/** `length` random hex characters. */
export function hexId(length = 32): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

export const uuid = (): string => randomUUID();

/** A URL-safe random token. */
export function secret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * A clock that never repeats itself: each call returns a strictly later microsecond timestamp, so
 * events and threads sort in creation order even when created within the same millisecond.
 */
export class Clock {
  private last = 0;

  /** Microseconds since the epoch, strictly increasing. */
  micros(): number {
    const now = Date.now() * 1000;
    this.last = now > this.last ? now : this.last + 1;
    return this.last;
  }

  /** RFC 3339 with microseconds, as the platform writes `created_at`: `2020-05-07T07:11:28.288340Z`. */
  timestamp(): string {
    return formatMicros(this.micros());
  }
}

export function formatMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // 2020-05-07T07:11:28.288Z
  const extra = String(micros % 1000).padStart(3, '0');
  return `${iso.slice(0, -1)}${extra}Z`;
}

/** `obj[key]` when `key` is an own property of `obj` (never something inherited from Object.prototype). */
export function ownValue<T>(obj: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * Sets `obj[key]` as an own data property, also for `key === '__proto__'` (which plain assignment would
 * treat as "change the prototype"). For objects built from request input.
 */
export function setOwn(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** `decodeURIComponent(text)`, or undefined when `text` is not valid percent-encoding. */
export function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The URL of a request target (`req.url`), or undefined when it does not parse (e.g. `http://[`). */
export function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of JSON-like data (what goes out on the wire never aliases the store). */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * `true` when `value` nests objects or arrays more than `limit` levels. Iterative, so a request nesting
 * thousands of levels is refused instead of overflowing a recursive walker (the request log, a handler).
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null || ArrayBuffer.isView(item)) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
