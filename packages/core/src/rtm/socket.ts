import { unexpected } from './frames.js';
import type { WebSocketLike } from './types.js';

// The socket side of the RTM client: the four handlers every socket shares, attaching and detaching
// them, and closing a socket we no longer listen to so that nothing of it outlives `close()`.

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

/** A socket knows its client: the four socket handlers are shared by every socket, not closures. */
const OWNER = Symbol();
export type Sock = WebSocketLike & { [OWNER]?: SocketOwner | null };

const CLOSED = 3; // WebSocket.CLOSED
/** How long closing for good waits for a closing handshake before dropping the socket. */
const CLOSE_WAIT = 2000;

export function attach(ws: Sock, owner: SocketOwner): void {
  ws[OWNER] = owner;
  ws.onopen = onopen;
  ws.onmessage = onmessage;
  ws.onclose = onclose;
  ws.onerror = onerror;
}

/** Stops listening: the socket's events reach nobody any more. */
export function detach(ws: Sock): void {
  ws[OWNER] = ws.onopen = ws.onmessage = ws.onclose = null;
  // `ws` throws on an `error` event nobody listens to: the (now inert) error handler stays.
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

// Socket handlers (shared by every socket: `this` is the socket, `event.target` the fallback)

const sock = (self: Sock | undefined, event: any): Sock | undefined => (self?.[OWNER] ? self : event?.target);

function onopen(this: Sock | undefined, event: unknown): void {
  const ws = sock(this, event);
  ws?.[OWNER]?.onOpen_(ws);
}
function onmessage(this: Sock | undefined, event: { data: unknown }): void {
  let ws = this;
  let owner = ws?.[OWNER]; // the hot path: one property read
  if (!owner) owner = (ws = (event as { target?: Sock }).target)?.[OWNER];
  if (owner && owner.socket_ === ws) {
    // Nothing a frame contains may throw out of the socket's callback (it would crash a Node process);
    // whatever does is reported as the typed error of a frame the client could not use.
    try {
      owner.onMessage_(event.data);
    } catch (error) {
      owner.report_(unexpected(undefined, error));
    }
  }
}
function onclose(this: Sock | undefined, event: { code: number; reason: string }): void {
  const ws = sock(this, event);
  ws?.[OWNER]?.onClose_(ws, event.code, event.reason);
}
function onerror(this: Sock | undefined, event: unknown): void {
  const ws = sock(this, event);
  const owner = ws?.[OWNER];
  if (owner && owner.socket_ === ws) owner.socketError_ = event;
}
