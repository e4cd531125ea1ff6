import type { LcError } from '../errors/index.js';
import { callHook } from '../hooks/call.js';
import type { ClientHooks, RequestInfo } from '../hooks/types.js';
import type { PendingRequest } from './requests.js';

// The RTM client's calls of `options.hooks`. The client calls in here only when hooks are set, so a
// client without hooks pays one `if` per request, per frame and per state change.

/** What a request keeps for the hooks from when it went out until it settles. */
export interface HookedRequest {
  info: RequestInfo;
  /** When its frame went out (ms, `performance.now()`). */
  sentAt: number;
}

interface HookedClient {
  readonly api: string;
  hooks_: ClientHooks | undefined;
  apiVersion_: string;
}

/** `onFrame`, with the value of every `…token…` field replaced by `[redacted]`. */
export function frameHook(client: HookedClient, direction: 'in' | 'out', text: string): void {
  const hooks = client.hooks_!;
  if (hooks.onFrame)
    callHook(hooks, 'onFrame', {
      api: client.api,
      direction,
      frame: text.replace(/("[^"\\]*token[^"\\]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"'),
    });
}

/**
 * The request's frame goes out: `onFrame`, then `onRequestStart`. The version and payload are read
 * back from the frame (parsed again only here, when hooks are set); a `token` in it (callWithToken)
 * never reaches a hook.
 */
export function requestSent(client: HookedClient, request: PendingRequest, text: string): void {
  frameHook(client, 'out', text);
  const hooks = client.hooks_!;
  const frame = JSON.parse(text) as { version?: string; payload: { token?: unknown } };
  const info: { -readonly [K in keyof RequestInfo]: RequestInfo[K] } = {
    api: client.api,
    transport: 'rtm',
    action: request.action_,
    version: frame.version ?? client.apiVersion_,
    attempt: 1,
  };
  if (hooks.includePayloads) {
    delete frame.payload.token;
    info.payload = frame.payload;
  }
  request.hooked_ = { info, sentAt: performance.now() };
  callHook(hooks, 'onRequestStart', info);
}

/** The request settled: `onRequestEnd`, when it had gone out. */
export function requestEnded(
  client: HookedClient,
  request: PendingRequest,
  error: Error | undefined,
  value: unknown,
): void {
  const hooked = request.hooked_;
  request.hooked_ = undefined;
  if (hooked)
    callHook(client.hooks_!, 'onRequestEnd', {
      ...hooked.info,
      duration: performance.now() - hooked.sentAt,
      requestId: request.requestId_,
      ...(error ? { error: error as LcError } : client.hooks_!.includePayloads ? { response: value } : {}),
    });
}
