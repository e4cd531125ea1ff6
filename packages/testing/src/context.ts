import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from './auth.js';
import type { Connection, Origin } from './rtm/connection.js';
import type { ApiName, Transport } from './spec.js';

/** What a handler knows about the request it serves. */
export interface RequestContext {
  readonly api: ApiName;
  readonly transport: Transport;
  readonly action: string;
  readonly version: string;
  /** Undefined only for actions that need no authorization (and for RTM `login`). */
  readonly principal: Principal | undefined;
  /** The RTM socket and request id the request came with. */
  readonly origin: Origin;
  readonly conn: Connection | undefined;
  /** The client id of the Bearer token the request was authorized with; undefined for PATs and without a token. */
  readonly clientId: string | undefined;
  /** HTTP request headers (Web only). */
  readonly headers: IncomingHttpHeaders | undefined;
  /** Runs `fn` after the response has been sent (pushes and webhooks a request causes). */
  after(fn: () => void): void;
}

/** A context for work the simulator does by itself (routing after a status change, timers). */
export function systemContext(version = '3.6'): RequestContext {
  return {
    api: 'agent',
    transport: 'rtm',
    action: 'system',
    version,
    principal: undefined,
    origin: {},
    conn: undefined,
    clientId: undefined,
    headers: undefined,
    after: (fn) => fn(),
  };
}
