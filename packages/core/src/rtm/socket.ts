import { unexpected } from './frames.js';
import type { WebSocketLike } from './types.js';

// The socket side of the RTM client: attaching its handler and detaching it, and closing a socket we
// no longer listen to so that nothing of it outlives `close()`.

/** What a socket's handlers call on the client that owns it. */
export interface SocketOwner {
  socket_: Sock | undefined;
  /** The last `error` event of the current socket (for the message of a failed connect). */
  socketError_: unknown;
  onOpen_(ws: Sock): void;
  onMessage_(data: unknown): void;
  onClose_(ws: Sock, code: number, reason: string): void;
  report_(error: Error): void;
}

/** A socket knows its client: the one socket handler is shared by every socket, not a closure. */
const OWNER = Symbol();
export type Sock = WebSocketLike & { [OWNER]?: SocketOwner | null };

const CLOSED = 3; // WebSocket.CLOSED
/** How long closing for good waits for a closing handshake before dropping the socket. */
const CLOSE_WAIT = 2000;

/** What a socket hands its handler (the WHATWG event's fields the client reads). */
interface SocketEvent {
  type: string;
  target?: Sock;
  data?: unknown;
  code?: number;
  reason?: string;
}

export function attach(ws: Sock, owner: SocketOwner): void {
  ws[OWNER] = owner;
  ws.onopen = ws.onmessage = ws.onclose = ws.onerror = onEvent;
}

/**
 * The one handler every socket shares (no closure per socket): the socket is `this`, or
 * `event.target` for an implementation that calls handlers as plain functions; the event's `type`
 * says which. Only `close` reaches a client that has moved on to another socket.
 */
function onEvent(this: Sock | undefined, event: SocketEvent): void {
  let ws = this;
  let owner = ws?.[OWNER]; // the hot path: one property read
  if (!owner) owner = (ws = event.target)?.[OWNER];
  if (!owner) return;
  const type = event.type;
  if (type === 'close') owner.onClose_(ws!, event.code!, event.reason!);
  else if (owner.socket_ !== ws) return;
  else if (type === 'message') {
    // Nothing a frame contains may throw out of the socket's callback (it would crash a Node process);
    // whatever does is reported as the typed error of a frame the client could not use.
    try {
      owner.onMessage_(event.data);
    } catch (error) {
      owner.report_(unexpected(undefined, error));
    }
  } else if (type === 'open') owner.onOpen_(ws!);
  else owner.socketError_ = event;
}

/** Stops listening: the socket's events reach nobody any more. */
export function detach(ws: Sock): void {
  ws[OWNER] = ws.onopen = ws.onmessage = ws.onclose = null;
  // `ws` throws on an `error` event nobody listens to: the handler stays as the error handler (inert:
  // the socket has no owner any more).
}

/** Closes a detached socket; `force` drops it without the closing handshake when possible. */
export function closeSocket(ws: WebSocketLike, reason: string, force: boolean, code = 1000): void {
  try {
    if (force && ws.terminate) ws.terminate();
    else if (ws.readyState !== CLOSED) ws.close(code, reason);
  } catch {
    // A reason the socket refuses (over 123 bytes, e.g. a server's disconnect reason): close without
    // it, so the socket never stays open behind our back.
    try {
      if (ws.terminate) ws.terminate();
      else ws.close(code);
    } catch {
      // already closed or closing
    }
  }
}

/**
 * Closes a detached socket and, unless it is closed already, adds it to `closing` until its close
 * event, so that closing for good can finish it off ({@link finishClosing}).
 */
export function abandonSocket(ws: Sock, closing: Set<Sock>, code: number, reason: string, force: boolean): void {
  closeSocket(ws, reason, force, code);
  if (ws.readyState !== CLOSED) {
    closing.add(ws);
    ws.onclose = () => closing.delete(ws);
  }
}

/** Drops every socket still closing without waiting for its closing handshake. */
export function dropAll(closing: Set<Sock> | undefined): void {
  for (const ws of closing ?? []) closeSocket(ws, '', true);
  closing?.clear();
}

/**
 * Closing for good: waits for the closing handshake of every socket still closing, at most 2 s, then
 * drops what is left (a peer that stopped reading would otherwise keep `ws`'s own 30 s timer and the
 * TCP socket alive). Resolves when no socket and no timer of ours is left.
 */
export function finishClosing(closing: Set<Sock>): Promise<void> {
  return new Promise((resolve) => {
    if (!closing.size) return resolve();
    const timer = setTimeout(() => {
      dropAll(closing);
      resolve();
    }, CLOSE_WAIT);
    for (const ws of closing) {
      ws.onclose = () => {
        closing.delete(ws);
        if (!closing.size) {
          clearTimeout(timer);
          resolve();
        }
      };
    }
  });
}
