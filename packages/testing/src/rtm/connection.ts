import type { WebSocket } from 'ws';
import type { Principal } from '../auth.js';

/** The APIs with an RTM transport. */
export type RtmApi = 'agent' | 'customer';
/** Whose view of the data a payload is built for. */
export type View = 'agent' | 'customer';

let nextId = 1;

/** One RTM socket and what the simulator knows about it. */
export class Connection {
  readonly id = nextId++;
  principal: Principal | undefined;
  /** Requests received and not yet answered (ping excluded). */
  pending = 0;
  away = false;
  /** Push names this socket subscribed to at login (`undefined` = all). */
  pushFilter: Set<string> | undefined;
  loginTimer: NodeJS.Timeout | undefined;
  idleTimer: NodeJS.Timeout | undefined;
  /** The access token the socket lives on: the login token, or the one `update_session` swapped in. */
  token: string | undefined;
  /** Ends the socket when {@link token} expires. */
  tokenTimer: NodeJS.Timeout | undefined;
  readonly openedAt = Date.now();
  closed = false;
  /** The client's address, from the upgrade request. */
  remoteAddress: string | undefined;
  /** `subscribe_customers` subscriptions of this socket, by subscription id. */
  readonly customerSubscriptions = new Map<string, CustomerSubscription>();

  constructor(
    readonly api: RtmApi,
    readonly version: string,
    readonly ws: WebSocket,
  ) {}

  get userId(): string | undefined {
    return this.principal?.id;
  }

  /** Sends a frame when the socket is open; a frame for a closed socket is dropped. */
  send(frame: unknown): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(JSON.stringify(frame));
  }

  push(action: string, payload: unknown, requestId?: string): void {
    if (this.pushFilter && !this.pushFilter.has(action) && !action.endsWith('_disconnected')) return;
    const frame: Record<string, unknown> = { version: this.version };
    if (requestId !== undefined) frame.request_id = requestId;
    Object.assign(frame, { action, type: 'push', payload });
    this.send(frame);
  }

  clearTimers(): void {
    clearTimeout(this.loginTimer);
    clearTimeout(this.idleTimer);
    clearTimeout(this.tokenTimer);
    this.loginTimer = undefined;
    this.idleTimer = undefined;
    this.tokenTimer = undefined;
  }
}

/** What `subscribe_customers` asked for. */
export interface CustomerSubscription {
  /** Undefined: customers of every group. */
  groupIds: number[] | undefined;
  limit: number;
}

/** Where a request came from, so the pushes it causes carry its `request_id` on its own socket. */
export interface Origin {
  conn?: Connection | undefined;
  requestId?: string | undefined;
}

/** Every open RTM socket, and push fan-out by user. */
export class Hub {
  readonly connections = new Set<Connection>();

  add(conn: Connection): void {
    this.connections.add(conn);
  }

  remove(conn: Connection): void {
    this.connections.delete(conn);
  }

  /** Logged-in sockets of a user. */
  of(userId: string, api?: RtmApi): Connection[] {
    const out: Connection[] = [];
    for (const c of this.connections) {
      if (c.principal?.id === userId && !c.closed && (!api || c.api === api)) out.push(c);
    }
    return out;
  }

  /** Logged-in agent sockets. */
  agents(): Connection[] {
    return [...this.connections].filter((c) => c.api === 'agent' && c.principal && !c.closed);
  }

  /**
   * Pushes `action` to every logged-in socket of `userIds`. `build(view)` makes the payload for agents
   * or customers; returning undefined skips that side (e.g. an agents-only event).
   */
  push(userIds: Iterable<string>, action: string, build: (view: View) => unknown, origin?: Origin): void {
    const ids = new Set(userIds);
    const sockets = [...this.connections].filter((c) => c.principal && ids.has(c.principal.id));
    this.pushTo(sockets, action, build, origin);
  }

  /** Pushes `action` to each of `sockets` that is logged in and open (each socket once). */
  pushTo(sockets: Iterable<Connection>, action: string, build: (view: View) => unknown, origin?: Origin): void {
    const cache = new Map<View, unknown>();
    for (const c of new Set(sockets)) {
      if (!c.principal || c.closed) continue;
      const view: View = c.api;
      if (!cache.has(view)) cache.set(view, build(view));
      const payload = cache.get(view);
      if (payload === undefined) continue;
      c.push(action, payload, origin?.conn === c ? origin.requestId : undefined);
    }
  }
}
