// The heartbeat: after login a `ping` goes out every `heartbeatInterval_` ms; when no frame at all
// arrives within `heartbeatTimeout_` ms of a ping, the socket is dead. The client's one timer asks
// here what is due; any frame that arrives clears `awaitingPong_`.

export const PING_FRAME = '{"action":"ping","payload":{}}';

export interface Heartbeat {
  heartbeatInterval_: number;
  heartbeatTimeout_: number;
  /** When the last ping went out (or the login completed). */
  lastPingAt_: number;
  /** A ping is out and no frame came since. */
  awaitingPong_: boolean;
}

/** When the heartbeat next needs the timer: the next ping, or the end of the wait for an answer. */
export const nextBeat = (h: Heartbeat): number =>
  h.lastPingAt_ + (h.awaitingPong_ ? h.heartbeatTimeout_ : h.heartbeatInterval_);

/**
 * Starts a wait at `t` and returns when it ends: at login (`pinged` false) the wait for the first
 * ping, after a ping went out (`pinged` true) the wait for an answer.
 */
export function beatFrom(h: Heartbeat, t: number, pinged: boolean): number {
  h.awaitingPong_ = pinged;
  h.lastPingAt_ = t;
  return nextBeat(h);
}
