/**
 * The `node` export condition of `@lc/core`: the same API as the default entry, except that
 * `createWebClient` sends over `node:http`/`node:https` directly. Chosen by the resolver (package
 * `exports`), never by sniffing the runtime.
 * @packageDocumentation
 */
import { createWebClientFor } from '../web/client.js';
import type { WebRuntime } from '../web/transport.js';
import { fetchSend } from '../web/fetch.js';
import type { WebClient, WebClientOptions } from '../web/types.js';
import { nodeSend } from './http.js';

export * from '../index.js';

const nodeRuntime: WebRuntime = {
  // A user's fetch gets `fetch(new Request(url, { method }), init)`, as from the default entry.
  send: (base, fetch) =>
    fetch ? fetchSend(base, fetch, (url, method, send) => send(new Request(url, { method }))) : nodeSend(base),
  userAgent: true,
};

/**
 * Creates the generic Web (HTTP) client of one API; see the default entry's `createWebClient`.
 * Under Node it sends over `node:http`/`node:https` with one keep-alive pool per process (at most
 * 32 connections per origin, idle ones closed after 4 s), several times cheaper in CPU than the
 * global `fetch`; pass `fetch` to use another transport (it gets `fetch(request, init)` as from the
 * default entry). `clientId` is sent as `User-Agent: JS SDK Application <clientId>`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api
 */
export function createWebClient(options: WebClientOptions): WebClient {
  return createWebClientFor(nodeRuntime, options);
}
