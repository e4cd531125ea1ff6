import type { LcError } from '../errors/index.js';
import { callHook } from '../hooks/call.js';
import type { ClientHooks, RequestInfo } from '../hooks/types.js';
import type { PendingRequest } from './requests.js';
import type { RTMState } from './types.js';

// The RTM client's side of `ClientHooks`. The client reaches this code only through the object
// `rtmHooks()` returns, so a page that never imports `rtmHooks` ships none of it: a client without
// hooks pays one `?.` per request, per frame and per state change.

/** What a request keeps for the hooks from when it went out until it settles. */
export interface HookedRequest {
  info: RequestInfo;
  /** When its frame went out (ms, `performance.now()`). */
  sentAt: number;
}

/** What the observer reads of the client. */
interface HookedClient {
  readonly api: string;
  apiVersion_: string;
}

/**
 * The `hooks` option of an RTM client: `ClientHooks` made into the observer the client calls. Build
 * it with {@link rtmHooks}.
 */
export interface RTMHooks {
  /** Every frame in and out (`onFrame`). */
  frameSeen_(client: HookedClient, direction: 'in' | 'out', text: string): void;
  /** A request's frame goes out (`onFrame`, then `onRequestStart`). */
  sent_(client: HookedClient, request: PendingRequest, text: string): void;
  /** A request settled (`onRequestEnd`, when it had gone out). */
  ended_(client: HookedClient, request: PendingRequest, error: Error | undefined, value: unknown): void;
  /** `onStateChange`. */
  stateChanged_(client: HookedClient, from: RTMState, to: RTMState): void;
}

/**
 * Turns `ClientHooks` into the `hooks` option of an RTM client (`createRTMClient`, `AgentRTM`,
 * `CustomerRTM`). Hooks never receive a token (its value in a frame is replaced by `[redacted]`),
 * and receive payloads only with `includePayloads: true`.
 *
 * @example
 * ```ts
 * const rtm = new AgentRTM(WebSocket, getToken, { hooks: rtmHooks({ onFrame: (f) => console.debug(f.frame) }) });
 * ```
 */
export function rtmHooks(hooks: ClientHooks): RTMHooks {
  const frame = (client: HookedClient, direction: 'in' | 'out', text: string): void => {
    if (hooks.onFrame)
      callHook(hooks, 'onFrame', {
        api: client.api,
        direction,
        frame: text.replace(/("[^"\\]*token[^"\\]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"'),
      });
  };
  return {
    frameSeen_: frame,
    // The version and payload are read back from the frame (parsed again only here); a `token` in it
    // (callWithToken) never reaches a hook.
    sent_(client, request, text) {
      frame(client, 'out', text);
      const sent = JSON.parse(text) as { version?: string; payload: { token?: unknown } };
      const info: { -readonly [K in keyof RequestInfo]: RequestInfo[K] } = {
        api: client.api,
        transport: 'rtm',
        action: request.action_,
        version: sent.version ?? client.apiVersion_,
        attempt: 1,
      };
      if (hooks.includePayloads) {
        delete sent.payload.token;
        info.payload = sent.payload;
      }
      request.hooked_ = { info, sentAt: performance.now() };
      callHook(hooks, 'onRequestStart', info);
    },
    ended_(_client, request, error, value) {
      const hooked = request.hooked_;
      request.hooked_ = undefined;
      if (hooked)
        callHook(hooks, 'onRequestEnd', {
          ...hooked.info,
          duration: performance.now() - hooked.sentAt,
          requestId: request.requestId_,
          ...(error ? { error: error as LcError } : hooks.includePayloads ? { response: value } : {}),
        });
    },
    stateChanged_(client, from, to) {
      callHook(hooks, 'onStateChange', { api: client.api, from, to });
    },
  };
}
