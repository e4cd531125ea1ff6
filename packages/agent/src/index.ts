/**
 * `@lc/agent`: the LiveChat Agent Chat API 3.6 over Web (HTTP) and RTM (WebSocket).
 *
 * ```ts
 * import { Agent } from '@lc/agent';          // or: import { AgentWeb, AgentRTM } from '@lc/agent';
 * const web = new Agent.Web(tokenGetter);
 * const rtm = new Agent.RTM(WebSocket, tokenGetter);
 * ```
 * @packageDocumentation
 */
import { AgentRTM } from './rtm.js';
import { AgentWeb } from './web.js';

export { AgentWeb, type AgentWebOptions, type AgentWebPayload } from './web.js';
export { AgentRTM, type AgentRTMOptions, type AgentLoginPayload, type AgentRTMPayload } from './rtm.js';
export type { CallOptions, CallArgs, AgentPaginatedAction } from './options.js';
export type { UploadFileInput, UploadBody } from '@lc/core';
export { MAX_UPLOAD_BYTES } from '@lc/core';
export type * from './generated/requests.js';
// The wire facts of every action per API version, generated from the docs (src/generated/wire.ts).
export { AGENT_WIRE } from './generated/wire.js';
export type * from './types/index.js';

/**
 * The two Agent clients under the names of the classic SDK: `new Agent.Web(tokenGetter, options?)`
 * and `new Agent.RTM(WebSocket, tokenGetter, options?)`. A plain object, so a bundler drops
 * whichever class you do not use.
 */
export const Agent = /* @__PURE__ */ Object.freeze({ Web: AgentWeb, RTM: AgentRTM });

/** Instance types of the `Agent` clients: `let web: Agent.Web`. */
export declare namespace Agent {
  /** An {@link AgentWeb} client. */
  export type Web = AgentWeb;
  /** An {@link AgentRTM} client. */
  export type RTM = AgentRTM;
}
