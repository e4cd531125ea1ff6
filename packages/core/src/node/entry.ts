/**
 * The `node` export condition of `@lc/core`: the same API as the default entry, except that
 * `createWebClient` defaults its `fetch` to the `node:http` keep-alive transport ({@link createNodeFetch}).
 * Chosen by the resolver (package `exports`), never by sniffing the runtime.
 * @packageDocumentation
 */
import type { WebClient, WebClientOptions } from '../web/types.js';
import { createWebClientFor, type WebRuntime } from '../web/client.js';
import { createNodeFetch } from './fetch.js';
import type { FetchLike } from '../web/types.js';

export * from '../index.js';

let sharedFetch: FetchLike | undefined;

const nodeRuntime: WebRuntime = {
  // One keep-alive pool per process, created on first use (no import-time side effects).
  defaultFetch: () => (sharedFetch ??= createNodeFetch()),
  userAgent: true,
};

/**
 * Creates the generic Web (HTTP) client of one API; see the default entry's `createWebClient`.
 * Under Node its default `fetch` is a keep-alive `node:http`/`node:https` transport, several times
 * cheaper in CPU than the global `fetch`; pass `fetch` to use another one. `clientId` is sent as
 * `User-Agent: JS SDK Application <clientId>`.
 * @see https://platform.text.com/docs/messaging/agent-chat-api
 */
export function createWebClient(options: WebClientOptions): WebClient {
  return createWebClientFor(nodeRuntime, options);
}
