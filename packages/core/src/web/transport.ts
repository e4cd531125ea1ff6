import type { FetchLike } from './types.js';

/** A response as the client reads it: the whole body as text, headers looked up by name. */
export interface RawResponse {
  readonly status: number;
  readonly statusText: string;
  readonly text: string;
  readonly headers: { get(name: string): string | null; forEach(fn: (value: string, name: string) => void): void };
}

/** One request in flight: the transport sets `abort` so that the client can cancel it (timeout, abort). */
export interface Control {
  /** The action, for errors the transport makes. */
  readonly action: string;
  abort?: ((reason: unknown) => void) | undefined;
  /** Called by a transport that can tell how much of the request body is sent (uploads). */
  readonly onProgress?: ((sent: number, total: number) => void) | undefined;
}

/**
 * Sends one request to `<base><path>` and resolves with the whole response. Rejects with an
 * `LcError` when the request cannot be built, with anything else for a network failure.
 */
export type Send = (
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body: string | FormData | undefined,
  control: Control,
) => Promise<RawResponse>;

/** What differs between the browser/default entry and the Node entry. */
export interface WebRuntime {
  /** The transport of one client: `base` is the normalised `apiUrl`, `fetch` the user's fetch, if any. */
  send(base: string, fetch: FetchLike | undefined): Send;
  /** Whether `clientId` may be sent as `User-Agent` (not from browsers: it is a forbidden header there). */
  userAgent?: boolean;
}
