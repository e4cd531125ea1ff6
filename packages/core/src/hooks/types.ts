import type { LcError } from '../errors/index.js';
import type { RTMState } from '../rtm/types.js';

/**
 * Observer hooks of a Web or RTM client (`options.hooks`): what a logger, a tracer or the CLI's
 * `--verbose` sees of each request. Hooks never receive a token, and receive payloads only with
 * `includePayloads: true`. A hook that throws does not change the request; its error is re-thrown
 * in a microtask, as an event listener's would be. Unset hooks cost nothing.
 */
export interface ClientHooks {
  /** Called as each attempt of a request starts (after the token getter, before the bytes go out). */
  onRequestStart?(info: RequestStartInfo): void;
  /** Called as each attempt settles: with `error` when it failed, `retryDelay` when it will be re-sent. */
  onRequestEnd?(info: RequestEndInfo): void;
  /** RTM only: every state transition. */
  onStateChange?(info: StateChangeInfo): void;
  /** RTM only: every frame, as text; a token in a frame is replaced by `[redacted]`. */
  onFrame?(info: FrameInfo): void;
  /** Whether request and response payloads reach the hooks (default false). */
  includePayloads?: boolean;
}

/** What every request hook receives. */
export interface RequestInfo {
  readonly api: string;
  readonly transport: 'web' | 'rtm';
  readonly action: string;
  /** The API version the request went to, e.g. `3.6`. */
  readonly version: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
  /** The request payload, only with `includePayloads`. */
  readonly payload?: unknown;
}

export type RequestStartInfo = RequestInfo;

export interface RequestEndInfo extends RequestInfo {
  /** Milliseconds from this attempt's start to its end. */
  readonly duration: number;
  /** The HTTP status (Web), when a response arrived. */
  readonly status?: number;
  /** Why the attempt failed; absent on success. */
  readonly error?: LcError;
  /** Milliseconds until the next attempt, when this one will be retried. */
  readonly retryDelay?: number;
  /** The platform's request id: the RTM `request_id`, or the `x-request-id` header over Web. */
  readonly requestId?: string;
  /** The `x-debug-id` header, when the platform sends one. */
  readonly debugId?: string;
  /** The response payload, only with `includePayloads`. */
  readonly response?: unknown;
}

export interface StateChangeInfo {
  readonly api: string;
  readonly from: RTMState;
  readonly to: RTMState;
}

export interface FrameInfo {
  readonly api: string;
  readonly direction: 'in' | 'out';
  readonly frame: string;
}
