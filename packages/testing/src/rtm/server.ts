// RTM: WebSocket upgrade on the shared HTTP server, frames, login/idle timers, pending cap.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { dispatch, runEffects } from '../dispatch.js';
import { SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { isObject, requestUrl } from '../util.js';
import { atLeast, versionProblem } from '../spec.js';
import { Connection, type RtmApi } from './connection.js';
import { agentWentAway } from '../routing.js';

const RTM_PATH = /^\/v(\d+\.\d+)\/(agent|customer)\/rtm\/ws\/?$/;

/** Which sockets a fault applies to; all when empty. */
export interface SocketFilter {
  api?: RtmApi | undefined;
  agentId?: string | undefined;
  customerId?: string | undefined;
}

export class RtmServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  /** Upgrade requests not (yet) handed to `ws`: close() destroys them, or the HTTP server never closes. */
  private readonly upgrading = new Set<Duplex>();

  constructor(private readonly p: Platform) {}

  /** Handles an HTTP upgrade request; answers non-RTM paths with an HTTP error. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const reject = (status: number, type: string, message: string) => {
      const body = JSON.stringify({ error: { type, message } });
      this.upgrading.add(socket);
      socket.on('error', () => {});
      socket.once('close', () => this.upgrading.delete(socket));
      // Hang up once the reply is written: with `end()` alone a client that never closes its side
      // keeps the (half-open) socket, and with it server.close(), alive forever.
      socket.end(
        `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        () => socket.destroy(),
      );
    };
    // Runs in the HTTP server's `upgrade` listener: anything thrown here would be an uncaught exception.
    const url = requestUrl(req.url);
    if (!url) return reject(400, 'validation', 'Malformed request target');
    const match = RTM_PATH.exec(url.pathname);
    if (!match)
      return reject(
        404,
        'not_found',
        `No WebSocket endpoint at ${url.pathname}; use /v3.6/agent/rtm/ws or /v3.6/customer/rtm/ws`,
      );
    const version = match[1]!;
    const unsupported = versionProblem(version);
    if (unsupported) return reject(400, 'unsupported_version', unsupported);
    const organizationId = url.searchParams.get('organization_id');
    if (!organizationId) return reject(400, 'validation', 'The "organization_id" query parameter is required');
    if (organizationId !== this.p.store.organizationId)
      return reject(404, 'license_not_found', `Organization ${JSON.stringify(organizationId)} not found`);
    const api = match[2] as RtmApi;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, api, version, req.socket.remoteAddress));
  }

  private open(ws: WebSocket, api: RtmApi, version: string, remoteAddress: string | undefined): void {
    const p = this.p;
    const conn = new Connection(api, version, ws);
    conn.remoteAddress = remoteAddress;
    p.hub.add(conn);
    p.log(`${api} socket ${conn.id} opened (v${version})`);
    conn.loginTimer = setTimeout(() => {
      if (!conn.principal) this.disconnect(conn, 'connection_timeout');
    }, p.options.loginTimeout);
    ws.on('message', (data, isBinary) => void this.frame(conn, data, isBinary));
    ws.on('ping', () => this.touch(conn));
    ws.on('error', () => {});
    ws.on('close', (code) => {
      conn.closed = true;
      conn.clearTimers();
      p.hub.remove(conn);
      p.log(`${api} socket ${conn.id} closed (${code})`);
      if (conn.principal?.kind === 'agent') agentWentAway(p, conn.principal.id);
      if (conn.principal?.kind === 'customer') p.tracking.customerLeft(conn.principal.id);
    });
  }

  /** Any frame (or WebSocket ping) after login keeps the socket alive. */
  private touch(conn: Connection): void {
    if (!conn.principal || conn.closed) return;
    clearTimeout(conn.idleTimer);
    conn.idleTimer = setTimeout(() => this.disconnect(conn, 'connection_timeout'), this.p.options.idleTimeout);
  }

  private async frame(conn: Connection, data: RawData, isBinary: boolean): Promise<void> {
    this.touch(conn);
    let frame: unknown;
    try {
      if (isBinary) throw new Error('binary');
      frame = JSON.parse(rawText(data));
    } catch {
      return conn.send(failure(undefined, '', new SimError('validation', 'Frames must be JSON text')));
    }
    const requestId =
      isObject(frame) && (typeof frame.request_id === 'string' || typeof frame.request_id === 'number')
        ? frame.request_id
        : undefined;
    if (!isObject(frame) || typeof frame.action !== 'string') {
      return conn.send(
        failure(requestId, '', new SimError('validation', 'A frame must be a JSON object with a string "action"')),
      );
    }
    const action = frame.action;
    const version = frameVersion(frame.version, conn.version);
    if (version instanceof SimError) return conn.send(failure(requestId, action, version));
    if (action === 'ping') return conn.send(response(requestId, 'ping', {}));
    if (conn.pending >= this.p.options.maxPendingRequests) {
      return conn.send(
        failure(
          requestId,
          action,
          new SimError(
            'pending_requests_limit_reached',
            `Too many pending requests (at most ${this.p.options.maxPendingRequests} per connection)`,
          ),
        ),
      );
    }
    conn.pending++;
    let outcome: Awaited<ReturnType<typeof dispatch>>;
    try {
      outcome = await dispatch(this.p, {
        api: conn.api,
        transport: 'rtm',
        version,
        action,
        payload: frame.payload ?? {},
        conn,
        requestId: requestId === undefined ? undefined : String(requestId),
      });
    } finally {
      conn.pending--;
    }
    if (outcome.ok) {
      conn.send(response(requestId, action, outcome.payload));
      if (action === 'login') this.touch(conn);
    } else {
      conn.send(failure(requestId, action, outcome.error!));
    }
    runEffects(this.p, outcome.effects);
  }

  /** Sends `<api>_disconnected` with `reason`, then closes the socket. */
  disconnect(conn: Connection, reason: string, data?: unknown): void {
    this.p.disconnectSocket(conn, reason, data);
  }

  /** Open sockets matching `filter`. */
  select(filter: SocketFilter = {}): Connection[] {
    return [...this.p.hub.connections].filter((c) => {
      if (c.closed) return false;
      if (filter.api && c.api !== filter.api) return false;
      if (filter.agentId && !(c.api === 'agent' && c.principal?.id === filter.agentId)) return false;
      if (filter.customerId && !(c.api === 'customer' && c.principal?.id === filter.customerId)) return false;
      return true;
    });
  }

  close(): void {
    for (const socket of this.upgrading) socket.destroy();
    this.upgrading.clear();
    for (const conn of this.p.hub.connections) {
      conn.clearTimers();
      conn.ws.terminate();
    }
    this.wss.close();
  }
}

function response(requestId: string | number | undefined, action: string, payload: unknown): Record<string, unknown> {
  const frame: Record<string, unknown> = {};
  if (requestId !== undefined) frame.request_id = requestId;
  Object.assign(frame, { action, type: 'response', success: true, payload });
  return frame;
}

function failure(requestId: string | number | undefined, action: string, error: SimError): Record<string, unknown> {
  const frame: Record<string, unknown> = {};
  if (requestId !== undefined) frame.request_id = requestId;
  Object.assign(frame, { action, type: 'response', success: false, payload: error.toBody() });
  return frame;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** The version a frame runs at: the connection's, or a later one the frame names; else the error to answer. */
function frameVersion(requested: unknown, connectionVersion: string): string | SimError {
  if (requested === undefined) return connectionVersion;
  const unsupported = versionProblem(requested);
  if (unsupported) return new SimError('unsupported_version', unsupported);
  if (!atLeast(requested as string, connectionVersion)) {
    return new SimError('validation', `Version ${requested} is lower than the connection's ${connectionVersion}`);
  }
  return requested as string;
}
