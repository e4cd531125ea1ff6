import { ConnectionClosedError, ConnectionError, TimeoutError } from '../errors/index.js';
import { regionFrom } from '../region.js';
import { beatFrom, nextBeat, PING_FRAME } from './heartbeat.js';
import { MAX_DELAY } from '../timers.js';
import { now, type PendingRequest, RequestQueue, timedOut } from './requests.js';
import { abandonSocket, detach, dropAll, finishClosing, type Sock } from './socket.js';
import type { DisconnectOptions, ReconnectOptions, RTMApi, RTMState } from './types.js';

// The lifecycle of the RTM client, its third layer (over the request queue and the listeners): the
// state machine drawn in packages/core/README.md ("RTM client: states"), with the one teardown
// (`end_`), the decisions after a lost socket (reconnect, follow a region, or end), the backoff and
// the one timer that runs every deadline. Connecting and logging in are the client's (client.ts).

/** The disconnect reason that names the region to connect to instead. */
const MISDIRECTED = 'misdirected_connection';

const fire = (client: Lifecycle): void => client.tick_();
const notLoggedIn = (action: string, cause: Error): ConnectionClosedError =>
  new ConnectionClosedError(`${action}: not logged in (${cause.message})`, { action, cause });

export abstract class Lifecycle extends RequestQueue {
  declare readonly api: RTMApi;
  declare baseUrl_: string;
  declare heartbeatInterval_: number;
  declare heartbeatTimeout_: number;
  declare reconnect_: Required<ReconnectOptions> | false;
  declare disconnect_: DisconnectOptions | undefined;

  state_: RTMState = 'idle';
  declare socket_: Sock | undefined;
  /** The current socket has opened. */
  socketOpen_ = false;
  declare socketError_: unknown;
  /** Sockets we stopped listening to that are still closing: closing for good finishes them off. */
  declare closingSockets_: Set<Sock> | undefined;
  /** Bumped by every attempt and every stop: stale async continuations bail out. */
  attemptId_ = 0;
  /** An attempt is resolving the token or creating the socket. */
  attemptStarting_ = false;
  /** The login token of the current attempt (a closure, so it never shows in logs or JSON). */
  declare loginToken_: (() => string) | undefined;
  /** The login payload (a copy, without `token`); `undefined` until `login()` was called. */
  declare loginPayload_: object | undefined;
  /** The `request_id` of the login on the wire. */
  declare loginId_: string | undefined;
  /** Callers of connect() (until the socket opens) and of the first login() (until it is answered). */
  declare waiters_: PendingRequest[] | undefined;
  /** The reason (and data) of the platform's disconnect push seen on the current socket. */
  declare disconnectedBy_: { reason: string; data: unknown } | undefined;
  /** The region a `misdirected_connection` push named: every later connection goes there. */
  declare region_: string | undefined;
  /** A `misdirected_connection` push was followed since the last login (never twice: no loop). */
  redirected_ = false;
  /** Why the client closed: the fields of a later call's ConnectionClosedError. */
  declare closedBy_: { code: number; reason: string; cause: Error | undefined } | undefined;
  declare closing_: Promise<void> | undefined;
  /** Reconnect attempts since the last login. */
  reconnectAttempts_ = 0;
  /** While `reconnecting`: when the next attempt starts, or when the running one gives up. */
  reconnectAt_ = 0;
  declare timer_: ReturnType<typeof setTimeout> | undefined;
  /** When the timer fires; 0: no timer. (Small integers only: no field of an idle client holds a boxed number.) */
  timerAt_ = 0;
  lastPingAt_ = 0;
  awaitingPong_ = false;

  /** Starts a connection attempt (client.ts). */
  abstract attempt_(): void;
  /** The running attempt failed (client.ts). */
  abstract attemptFailed_(error: Error): void;
  /** A connect() or login() caller gives up (client.ts). */
  abstract quit_(waiter: PendingRequest, error: Error): void;

  closed_(action: string): ConnectionClosedError {
    const by = this.closedBy_;
    return new ConnectionClosedError(`RTM client closed${by ? ` (${by.reason})` : ''}`, { ...by, action });
  }

  sendText_(ws: Sock, text: string): void {
    ws.send(text);
  }

  // ------------------------------------------------------------------------------------------
  // Losing a socket, reconnecting, ending

  /** The socket closed (the server, the network, or our own close). */
  onClose_(ws: Sock, code: number, reason: string): void {
    if (ws === this.socket_) this.dropSocket_(code, reason, false);
  }

  /** Stops using the current socket (dead heartbeat, disconnect push, re-login trouble, its close), then decides. */
  dropSocket_(code: number, reason: string, force: boolean): void {
    const ws = this.socket_;
    if (!ws) return;
    const wasOpen = this.socketOpen_;
    this.abandon_(ws, code, reason, force);
    this.socketLost_(wasOpen, code, reason);
  }

  /** Stops listening to a socket and closes it (at once with `force`); closing for good waits for it. */
  abandon_(ws: Sock, code: number, reason: string, force: boolean): void {
    detach(ws);
    if (ws === this.socket_) {
      this.socket_ = this.writable_ = undefined;
      this.socketOpen_ = false;
    }
    abandonSocket(ws, this.closingSockets_ || (this.closingSockets_ = new Set()), code, reason, force);
  }

  /** The current socket is gone: rejects what was sent on it (never re-sent), then reconnects or ends. */
  socketLost_(wasOpen: boolean, code: number, reason: string): void {
    const s = this.state_;
    const disconnect = this.disconnectedBy_;
    const why = disconnect?.reason ?? reason;
    this.disconnectedBy_ = this.loginId_ = undefined;
    this.awaitingPong_ = false;
    const lost = (action: string): Error =>
      new ConnectionClosedError(`Connection lost during ${action} (it may have been processed)`, {
        action,
        code,
        reason: why,
        data: disconnect?.data,
      });
    for (const request of this.takeInFlight_()) this.settle_(request, lost(request.action_));
    if (s === 'connecting' || s === 'logging_in') {
      const region = this.redirect_(disconnect);
      if (disconnect) {
        this.emit_('disconnected', { ...disconnect, willReconnect: !!region });
        if (this.state_ !== s) return;
      }
      // Followed at once: the login() caller keeps waiting, bounded by its timeout.
      if (region) return this.attempt_();
      const se = this.socketError_ as { message?: string; error?: unknown } | undefined;
      return this.end_(
        'idle',
        wasOpen
          ? lost('login')
          : new ConnectionError(`Could not connect to ${this.baseUrl_}${se?.message ? `: ${se.message}` : ''}`, {
              cause: se?.error ?? se,
            }),
      );
    }
    if (s === 'ready' || s === 'reconnecting') this.reconnectOrEnd_(wasOpen, code, why, disconnect);
  }

  /** After a lost socket of a logged-in session: reconnect (or follow the region named), or end `closed`. */
  reconnectOrEnd_(wasOpen: boolean, code: number, reason: string, disconnect = this.disconnectedBy_): void {
    const s = this.state_;
    const region = this.reconnect_ ? this.redirect_(disconnect) : undefined;
    const again =
      !!this.reconnect_ && (!!region || !disconnect || !this.disconnect_?.endsAfter.includes(disconnect.reason));
    const gaveUp = again && !region ? this.exhausted_() : undefined;
    if (disconnect) {
      this.emit_('disconnected', { ...disconnect, willReconnect: again && !gaveUp });
      if (this.state_ !== s) return;
    }
    if (!again || gaveUp) return this.end_('closed', gaveUp, code, reason);
    this.setState_('reconnecting');
    // A `state` listener may have closed the client: then its final `close` event was the last word.
    if (this.state_ !== 'reconnecting') return;
    if (wasOpen) {
      this.emit_('close', { code, reason, willReconnect: true });
      if (this.state_ !== 'reconnecting') return;
    }
    this.backoff_(region ? 0 : undefined);
  }

  /**
   * The region a `misdirected_connection` push names, when the client follows it: once between two
   * successful logins, so two data centers that name each other cannot make it loop. Remembered for
   * every later connection.
   */
  redirect_(disconnect: { reason: string; data: unknown } | undefined): string | undefined {
    const region = disconnect?.reason === MISDIRECTED && !this.redirected_ ? regionFrom(disconnect.data) : undefined;
    if (region) {
      this.region_ = region;
      this.redirected_ = true;
    }
    return region;
  }

  /** The error to end with when no reconnect attempt is left. */
  exhausted_(): Error | undefined {
    const r = this.reconnect_;
    if (r && this.reconnectAttempts_ >= r.maxAttempts)
      return new ConnectionError(`Gave up reconnecting after ${this.reconnectAttempts_} attempts`);
  }

  /** Schedules the next reconnect attempt: exponential backoff with "equal jitter" ([base / 2, base]), or `delay`. */
  backoff_(delay?: number): void {
    const r = this.reconnect_ as Required<ReconnectOptions>;
    const gaveUp = this.exhausted_();
    if (gaveUp) return this.end_('closed', gaveUp, 1006, 'reconnect failed');
    const attempt = ++this.reconnectAttempts_;
    if (delay === undefined) {
      const base = Math.min(r.maxDelay, r.initialDelay * r.factor ** (attempt - 1));
      delay = Math.round(base / 2 + (Math.random() * base) / 2);
    }
    this.arm_((this.reconnectAt_ = now() + delay));
    this.emit_('reconnecting', { attempt, delay });
  }

  /**
   * The one teardown: every end of a session comes here. `idle`: the first connection or login failed
   * with `cause`, and login() may be called again. `closed`: for good (close(), a disconnect reason or
   * login error that ends the session, no reconnect attempt left; `cause` is reported). Drops the
   * socket and the running attempt, stops the timer, rejects everything pending or queued, enters
   * `to` and announces it with a `close` event. Closing for good also finishes off every socket still
   * closing (`closing_`, what close() resolves with).
   */
  end_(to: 'idle' | 'closed', cause: Error | undefined, code = 1000, reason = cause ? cause.message : ''): void {
    if (to === 'closed' && cause) this.report_(cause);
    const from = this.state_;
    if (from === 'closed' || from === to) return;
    const wasOpen = this.socketOpen_;
    const ws = this.socket_;
    // Closing for good: sockets abandoned earlier had their chance to close (a server that stopped
    // reading never lets them); dropped now. The current one still gets its closing handshake.
    if (to === 'closed') dropAll(this.closingSockets_);
    if (ws) this.abandon_(ws, 1000, to === 'closed' ? 'client closed' : 'login failed', to === 'idle' && !wasOpen);
    clearTimeout(this.timer_);
    this.timerAt_ = 0;
    this.attemptId_++;
    this.attemptStarting_ = this.awaitingPong_ = false;
    if (to === 'closed') this.closedBy_ = { code, reason, cause };
    else this.loginPayload_ = undefined;
    const pending = [...this.takeInFlight_(), ...(this.waiters_ ?? [])];
    let queued = this.queueHead_;
    this.loginToken_ =
      this.loginId_ =
      this.disconnectedBy_ =
      this.waiters_ =
      this.queueHead_ =
      this.queueTail_ =
        undefined;
    const closed = to === 'closed' ? (action: string) => this.closed_(action) : undefined;
    for (const request of pending) this.settle_(request, closed ? closed(request.action_) : cause);
    for (; queued; queued = queued.next_)
      this.settle_(queued, closed ? closed(queued.action_) : notLoggedIn(queued.action_, cause!));
    // Set before the `state` event: a listener that calls close() gets this promise.
    if (to === 'closed') this.closing_ = finishClosing(this.closingSockets_ ?? new Set());
    this.setState_(to);
    // `idle`: only a client whose socket had opened was connected, and only if no listener moved on.
    if (to === 'closed' || (wasOpen && this.state_ === 'idle'))
      this.emit_('close', { code, reason, willReconnect: false });
  }

  // ------------------------------------------------------------------------------------------
  // The one timer, and the state

  /** Makes the timer fire at `at` (clock ms) or earlier. */
  arm_(at: number): void {
    if (at < (this.timerAt_ || Infinity)) {
      clearTimeout(this.timer_);
      this.timerAt_ = at;
      this.timer_ = setTimeout(fire, Math.min(at - now(), MAX_DELAY), this);
    }
  }

  /** Every deadline: connect() and login() waiters, requests, held slots, heartbeat, reconnect. */
  tick_(): void {
    this.timerAt_ = 0;
    const t = now();
    let next = Infinity;
    const due = (at: number): boolean => {
      if (at <= t) return true;
      next = Math.min(next, at);
      return false;
    };
    for (const w of this.waiters_ ?? []) if (due(w.deadline_)) this.quit_(w, timedOut(w));
    this.expireRequests_(t, due);
    const s = this.state_;
    if (s === 'ready' && due(nextBeat(this))) {
      if (this.awaitingPong_) this.dropSocket_(4000, 'heartbeat timeout', true);
      else {
        try {
          this.sendText_(this.socket_!, PING_FRAME);
        } catch {
          // a failing socket reports itself through close
        }
        due(beatFrom(this, t, true));
      }
    } else if (s === 'reconnecting' && due(this.reconnectAt_)) {
      if (this.socket_ || this.attemptStarting_)
        this.attemptFailed_(new TimeoutError(this.requestTimeout_, { action: 'connect' }));
      else {
        due((this.reconnectAt_ = t + this.requestTimeout_));
        this.attempt_();
      }
    }
    if (this.state_ === 'ready') this.pump_();
    if (this.state_ !== 'closed' && this.state_ !== 'idle') this.arm_(next);
  }

  /** Every transition goes through here and is announced by a `state` event (README: "RTM client: states"). */
  setState_(to: RTMState): void {
    const from = this.state_;
    if (from !== to) {
      this.state_ = to;
      if (to !== 'ready') this.writable_ = undefined;
      this.emit_('state', { from, to });
    }
  }
}
