import type { LcError } from '../errors/index.js';
import { callHook } from '../hooks/call.js';
import type { ClientHooks, RequestInfo } from '../hooks/types.js';
import type { Client } from './client.js';
import { frameText } from './frames.js';
import type { PendingRequest } from './requests.js';

// The RTM client's side of `ClientHooks`. The client has no hook call sites: `rtmHooks()` wraps five
// of its internal methods on the one instance it is given to, so a page that never imports
// `rtmHooks` ships none of this and a client without hooks does no hook work at all.

/**
 * The `hooks` option of an RTM client: `ClientHooks` made into what the client installs on itself.
 * Build it with {@link rtmHooks}.
 */
export interface RTMHooks {
  /** Wraps the client's frame, request and state methods to call the hooks (once, when it is built). */
  install_(client: Client): void;
}

/** What a request keeps for the hooks from when it went out until it settles. */
interface Started {
  info: RequestInfo;
  /** When its frame went out (ms, `performance.now()`). */
  sentAt: number;
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
  return {
    install_(client) {
      const frame = (direction: 'in' | 'out', text: string): void => {
        if (hooks.onFrame)
          callHook(hooks, 'onFrame', {
            api: client.api,
            direction,
            frame: text.replace(/("[^"\\]*token[^"\\]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"'),
          });
      };
      const started = new Map<PendingRequest, Started>();
      const { onMessage_, sendText_, send_, settle_, setState_ } = client;

      client.onMessage_ = (data) => {
        frame('in', frameText(data));
        onMessage_.call(client, data);
      };
      // login and the heartbeat
      client.sendText_ = (ws, text) => {
        frame('out', text);
        sendText_.call(client, ws, text);
      };
      client.send_ = (request) => {
        // The frame is read here as send_ will read it (a token's closure gives the same text), then
        // parsed again for the version and payload; its `token` (callWithToken) never reaches a hook.
        const text = typeof request.frame_ === 'string' ? request.frame_ : request.frame_();
        frame('out', text);
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
        started.set(request, { info, sentAt: performance.now() });
        callHook(hooks, 'onRequestStart', info);
        send_.call(client, request);
      };
      client.settle_ = (request, error, value) => {
        const start = started.get(request);
        if (start) {
          started.delete(request);
          callHook(hooks, 'onRequestEnd', {
            ...start.info,
            duration: performance.now() - start.sentAt,
            requestId: request.requestId_,
            ...(error ? { error: error as LcError } : hooks.includePayloads ? { response: value } : {}),
          });
        }
        settle_.call(client, request, error, value);
      };
      client.setState_ = (to) => {
        const from = client.state;
        if (from !== to) callHook(hooks, 'onStateChange', { api: client.api, from, to });
        setState_.call(client, to);
      };
    },
  };
}
