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

/** Starts counting (at login): the first ping is due one interval from `t`. */
export function startHeartbeat(h: Heartbeat, t: number): number {
  h.awaitingPong_ = false;
  return (h.lastPingAt_ = t) + h.heartbeatInterval_;
}

/** When the heartbeat next needs the timer: the next ping, or the end of the wait for an answer. */
export const nextBeat = (h: Heartbeat): number =>
  h.lastPingAt_ + (h.awaitingPong_ ? h.heartbeatTimeout_ : h.heartbeatInterval_);

/** A ping went out at `t`; returns when the wait for its answer ends. */
export function pinged(h: Heartbeat, t: number): number {
  h.awaitingPong_ = true;
  return (h.lastPingAt_ = t) + h.heartbeatTimeout_;
}
