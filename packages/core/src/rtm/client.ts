import { loginToken, resolveToken, type ResolvedToken, type TokenGetter } from '../auth/index.js';
import {
  AbortError,
  ApiError,
  ConnectionClosedError,
  ConnectionError,
  InputError,
  ResponseParseError,
  TimeoutError,
} from '../errors/index.js';
import type { RequestOptions } from '../web/types.js';
import { reconnectsAfter } from './disconnect-reasons.js';
import { ListenerError, ProtocolError } from './errors.js';
import type {
  PushFrame,
  ReconnectOptions,
  RTMApi,
  RTMClient,
  RTMClientOptions,
  RTMEvents,
  RTMState,
  WebSocketConstructor,
  WebSocketLike,
} from './types.js';

// Size matters here (a page that only chats over RTM ships this file): the client is a class whose
// internal members end in `_`; the build (packages/core/tsup.config.ts) renames those to short names.
// Nothing at the top level runs code, so a bundler drops the whole file from a page that does not use it.

/**
 * A request (or the caller's first login, or a `connect()` waiter) until it settles.
 * `at_` is its deadline; for a request given up on after sending (`HELD`), when its slot is free again.
 */
interface Req {
  id_: string;
  action_: string;
  /** The frame to send; a function for a frame that holds a token (a closure never shows in logs or `inspect`). */
  frame_: string | (() => string);
  /** When it was created (clock ms). */
  t0_: number;
  at_: number;
  st_: number;
  ok_: (value: unknown) => void;
  no_: (error: Error) => void;
  signal_: AbortSignal | undefined;
  abort_: (() => void) | undefined;
  p_: Promise<any>;
  /** The next queued request. */
  next_: Req | undefined;
}
// Req.st_: waiting to be sent, sent, given up on but still pending on the server, settled.
const QUEUED = 0;
const SENT = 1;
const HELD = 2;
const DONE = 3;

type Handler = (a: any, b?: any) => void;
/** A socket knows its client: the four socket handlers are shared by every socket, not closures. */
const CLIENT = Symbol();
type Sock = WebSocketLike & { [CLIENT]?: Client | null };

/** The platform's own request timeout (15 s): a request given up on keeps its slot until then, plus 1 s. */
const SERVER_TIMEOUT = 15_000;
/** Login errors after which a reconnect attempt is retried instead of ending the session. */
const TRANSIENT = /^(internal|service_unavailable|request_timeout|too_many_requests|pending_requests_limit_reached)$/;
const CLOSED = 3; // WebSocket.CLOSED

/** The default reconnect policy (shared by every client). */
const RECONNECT = { initialDelay: 500, maxDelay: 30_000, factor: 2, maxAttempts: Infinity };
/** The login payload of `login()` without one (shared, never written to). */
const EMPTY = {};

/** Whole milliseconds on the monotonic clock (immune to wall-clock jumps). */
const now = (): number => Math.floor(performance.now());
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
const fire = (c: Client): void => c.tick_();
let decoder: TextDecoder | undefined;

/**
 * Creates an RTM (WebSocket) client for the Agent or Customer Chat API.
 *
 * - `WebSocket`: the constructor to use — `ws` on Node 20/21, the page's own `WebSocket` in a browser
 *   (Node 22+ has a global one). `undefined` falls back to `globalThis.WebSocket`; an `InputError`
 *   is thrown when there is none. Core never imports `ws` itself.
 * - `tokenGetter`: called for every connection attempt (the URL carries `organization_id` and
 *   `region`; `login` carries the token) and by {@link callWithToken}; it may be async and
 *   return a fresh token each time.
 *
 * Behaviour, in short:
 * - Nothing is sent until {@link RTMClient.login} (or {@link RTMClient.connect}). A call before
 *   `login()` rejects with `InputError`; calls made while connecting, logging in or reconnecting wait
 *   for `ready`, bounded by their timeout.
 * - At most `maxPending` (10, the platform's limit) requests are in flight; the rest queue in order.
 *   A request that times out (default 15 s) or is aborted rejects at once; because the server may still
 *   be working on it, its slot stays taken until its late answer arrives (then ignored) or 16 s passed.
 * - After login a `ping` goes out every 15 s; no frame within `heartbeatTimeout` marks the socket dead.
 * - On an unexpected close every request in flight rejects with `ConnectionClosedError` and is never
 *   re-sent (the server may have processed it); queued requests are sent after the reconnect. The
 *   client reconnects with jittered exponential backoff, asks the getter for a token, logs in again with
 *   the same payload and keeps every push subscription — unless the platform's disconnect reason says
 *   not to (`DISCONNECT_REASONS`) or re-login fails for good (e.g. `authentication`): then it ends
 *   `closed`, reporting the reason through the `close` (and `error`) events.
 * - Frames the client cannot use and handlers that throw are reported through the `error` event, never
 *   thrown. With no `error` listener they are dropped.
 * - One timer per client covers every deadline (requests, heartbeat, backoff); `close()` leaves none behind.
 *
 * @example
 * ```ts
 * import WebSocket from 'ws';
 * const rtm = createRTMClient(WebSocket, getToken, { api: 'agent' });
 * await rtm.login({ pushes: { '3.6': ['incoming_event'] } });
 * rtm.on('incoming_event', (payload) => console.log(payload));
 * const chats = await rtm.call('list_chats', {});
 * ```
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-reference
 * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-reference
 */
export function createRTMClient<Pushes extends Record<string, unknown> = Record<string, unknown>>(
  WebSocket: WebSocketConstructor | undefined,
  tokenGetter: TokenGetter,
  options: RTMClientOptions,
): RTMClient<Pushes> {
  return new Client(WebSocket, tokenGetter, options) as RTMClient<Pushes>;
}

class Client implements RTMClient {
  readonly api: RTMApi;
  WS_: WebSocketConstructor;
  getter_: TokenGetter;
  /** `<scheme>://<host>/v<version>/<api>/rtm/ws` */
  base_: string;
  timeout_: number;
  max_: number;
  pingEvery_: number;
  pongWithin_: number;
  retry_: Required<ReconnectOptions> | false;
  relogin_: ((payload: object) => object) | undefined;
  /** Request ids are `<prefix><n>`: unique per client. */
  prefix_ = `${Math.random().toString(36).slice(2, 8)}.`;
  seq_ = 0;

  state_: RTMState = 'idle';
  ws_: Sock | undefined = undefined;
  isOpen_ = false;
  /** The last `error` event of the current socket (for the message of a failed connect). */
  sockErr_: any = undefined;
  /** Bumped by every attempt and every stop: stale async continuations bail out. */
  gen_ = 0;
  /** An attempt is resolving the token or creating the socket. */
  busy_ = false;
  /** The login token of the current attempt (a closure, so it never shows in logs or JSON). */
  tok_: (() => string) | undefined = undefined;
  /** The login payload (a copy, without `token`); `undefined` until `login()` was called. */
  payload_: object | undefined = undefined;
  /** The `request_id` of the login on the wire. */
  loginId_: string | undefined = undefined;
  /** Callers of connect() (until the socket opens) and of the first login() (until it is answered). */
  waiters_: Req[] | undefined = undefined;
  /** Sent (and held) requests by id (created on first use). */
  sent_: Map<string, Req> | undefined = undefined;
  /** Requests waiting to be sent: a list from `head_` through `next_` to `tail_`. */
  head_: Req | undefined = undefined;
  tail_: Req | undefined = undefined;
  /** The platform's disconnect push seen on the current socket. */
  disc_: { reason: string; data: unknown } | undefined = undefined;
  /** Why the client closed: the fields of a later call's ConnectionClosedError. */
  info_: { code: number; reason: string; cause: Error | undefined } | undefined = undefined;
  closing_: Promise<void> | undefined = undefined;
  /** Reconnect attempts since the last login. */
  tries_ = 0;
  /** While `reconnecting`: when the next attempt starts, or when the running one gives up. */
  wait_ = 0;
  timer_: ReturnType<typeof setTimeout> | undefined = undefined;
  /** When the timer fires; 0: no timer. (Small integers only: no field of an idle client holds a boxed number.) */
  timerAt_ = 0;
  /** When the last ping went out (or the login completed). */
  pingAt_ = 0;
  /** A ping is out and no frame came since. */
  awaiting_ = false;
  /** Push handlers by action; `''` holds the `onAny` handlers, also kept in `any_` for the hot path. */
  on_: Map<string, Handler[]> | undefined = undefined;
  any_: Handler[] | undefined = undefined;
  /** Lifecycle listeners by event. */
  ev_: Map<string, Handler[]> | undefined = undefined;

  constructor(WebSocket: WebSocketConstructor | undefined, getter: TokenGetter, o: RTMClientOptions) {
    const api = o?.api;
    if (api !== 'agent' && api !== 'customer') invalid('api');
    if (typeof getter !== 'function') invalid('tokenGetter');
    const WS = WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (typeof WS !== 'function')
      throw new InputError('createRTMClient: no WebSocket implementation; pass one (e.g. `ws` on Node < 22)', {
        field: 'WebSocket',
      });
    const r = o.reconnect;
    if (r !== false && r !== undefined && !isObject(r)) invalid('reconnect');
    this.api = api;
    this.WS_ = WS;
    this.getter_ = getter;
    // One flat string shared by every client with the same settings (property keys are interned).
    this.base_ = Object.keys({
      [[apiUrl(o.apiUrl), '/v', apiVersion(o.apiVersion), '/', api, '/rtm/ws'].join('')]: 0,
    })[0]!;
    this.timeout_ = num(o.requestTimeout, 15_000, 'requestTimeout');
    this.max_ = num(o.maxPending, 10, 'maxPending', (n) => n > 0 && n % 1 === 0);
    this.pingEvery_ = num(o.heartbeatInterval, 15_000, 'heartbeatInterval');
    this.pongWithin_ = num(o.heartbeatTimeout, 10_000, 'heartbeatTimeout');
    if (o.relogin !== undefined && typeof o.relogin !== 'function') invalid('relogin');
    this.relogin_ = o.relogin;
    this.retry_ = r
      ? {
          initialDelay: num(r.initialDelay, 500, 'reconnect.initialDelay', nonNegative),
          maxDelay: num(r.maxDelay, 30_000, 'reconnect.maxDelay', nonNegative),
          factor: num(r.factor, 2, 'reconnect.factor', (n) => n > 0 && n < Infinity),
          maxAttempts: num(r.maxAttempts, Infinity, 'reconnect.maxAttempts', nonNegative),
        }
      : (r ?? RECONNECT);
  }

  get state(): RTMState {
    return this.state_;
  }

  // ------------------------------------------------------------------------------------------
  // Public API

  async connect(options?: RequestOptions): Promise<void> {
    const s = this.state_;
    if (s === 'closed') throw this.closed_('connect');
    checkOptions(options, 'connect');
    if (!this.isOpen_ && s !== 'logging_in' && s !== 'ready') return this.await_('connect', options);
  }

  async login<R = unknown>(payload?: object, options?: RequestOptions): Promise<R> {
    checkPayload(payload, 'login');
    if (this.state_ === 'closed') throw this.closed_('login');
    if (this.payload_)
      throw new InputError('login() was already called; create a new client to log in again', { action: 'login' });
    checkOptions(options, 'login');
    let copy: object = EMPTY;
    if (payload) {
      // A deep copy, as JSON (what is sent): later changes to the caller's objects do not leak into
      // a re-login; a `token` in the payload is dropped (the getter supplies it, and it must not sit
      // on the client).
      try {
        copy = JSON.parse(JSON.stringify(payload));
      } catch (cause) {
        throw new InputError('login: payload is not JSON-serializable', { action: 'login', field: 'payload', cause });
      }
      delete (copy as { token?: unknown }).token;
    }
    const p = this.await_('login', options);
    this.payload_ = copy;
    if (this.isOpen_) this.sendLogin_();
    return p;
  }

  call<R = unknown>(action: string, payload?: object, options?: RequestOptions): Promise<R> {
    try {
      return this.request_(action, checkCall(action, payload), options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  on(push: string, handler: (payload: never, frame: never) => void): () => void {
    if (typeof push !== 'string' || !push) invalid('push');
    return this.sub_(this.on_ || (this.on_ = new Map()), push, handler as Handler);
  }

  onAny(handler: (frame: PushFrame) => void): () => void {
    return this.sub_(this.on_ || (this.on_ = new Map()), '', handler);
  }

  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void {
    return this.sub_(this.ev_ || (this.ev_ = new Map()), event, handler);
  }

  reconnectNow(): void {
    // Waiting out the backoff: no socket and no token request of a running attempt.
    if (this.state_ === 'reconnecting' && !this.ws_ && !this.busy_) {
      this.arm_((this.wait_ = now() + this.timeout_));
      this.attempt_();
    }
  }

  close(): Promise<void> {
    if (!this.closing_) {
      const ws = this.ws_;
      this.closing_ = new Promise((resolve) => {
        if (!ws || ws.readyState === CLOSED) return resolve();
        this.detach_(ws);
        // Wait for the closing handshake, at most 2 s, then drop the socket.
        const finish = (): void => {
          clearTimeout(timer);
          ws.onclose = null;
          resolve();
        };
        const timer = setTimeout(() => {
          closeSocket(ws, 'client closed', true);
          finish();
        }, 2000);
        ws.onclose = finish;
        closeSocket(ws, 'client closed', false);
      });
      this.shutdown_(1000, 'client closed');
    }
    return this.closing_;
  }

  // ------------------------------------------------------------------------------------------
  // Requests

  /** Creates a request, login or connect() waiter with its deadline and abort listener. */
  make_(action: string, options: RequestOptions | undefined, id = '', frame: Req['frame_'] = ''): Req {
    const ms = options?.timeout ?? this.timeout_;
    const signal = options?.signal;
    if (signal?.aborted) throw new AbortError({ action, cause: signal.reason });
    const t0 = now();
    let e!: Req;
    const p = new Promise((ok_, no_) => {
      e = {
        id_: id,
        action_: action,
        frame_: frame,
        t0_: t0,
        at_: t0 + ms,
        st_: QUEUED,
        ok_,
        no_,
        signal_: signal,
        abort_: undefined,
        p_: undefined!,
        next_: undefined,
      };
    });
    e.p_ = p;
    if (signal) signal.addEventListener('abort', (e.abort_ = () => this.abort_(e)), { once: true });
    this.arm_(e.at_);
    return e;
  }

  /** A connect() or login() caller waits (for the socket to open, or for the login answer). */
  await_(action: string, options: RequestOptions | undefined): Promise<any> {
    const w = this.make_(action, options);
    (this.waiters_ || (this.waiters_ = [])).push(w);
    if (this.state_ === 'idle') {
      this.setState_('connecting');
      this.attempt_();
    }
    return w.p_;
  }

  /** `secret`: the payload holds a token; its frame is kept in a closure until sent. */
  request_(action: string, payload: object, options: RequestOptions | undefined, secret?: boolean): Promise<any> {
    const s = this.state_;
    if (s === 'closed') throw this.closed_(action);
    if (!this.payload_) throw new InputError(`${action}: call login() first`, { action });
    checkOptions(options, action);
    const id = this.prefix_ + ++this.seq_;
    let frame: string;
    try {
      const version = options?.apiVersion;
      frame = JSON.stringify(
        version === undefined ? { request_id: id, action, payload } : { version, request_id: id, action, payload },
      );
    } catch (cause) {
      throw new InputError(`${action}: payload is not JSON-serializable`, { action, field: 'payload', cause });
    }
    const e = this.make_(action, options, id, secret ? () => frame : frame);
    // `ready` without a socket: a `disconnected` listener calling while the socket is being dropped; queue it.
    if (s === 'ready' && this.ws_ && !this.head_ && (this.sent_?.size ?? 0) < this.max_) this.send_(e);
    else if (this.tail_) this.tail_ = this.tail_.next_ = e;
    else this.head_ = this.tail_ = e;
    return e.p_;
  }

  send_(e: Req): void {
    const sent = this.sent_ || (this.sent_ = new Map());
    e.st_ = SENT;
    sent.set(e.id_, e);
    try {
      const f = e.frame_;
      e.frame_ = ''; // never re-sent
      this.ws_!.send(typeof f === 'string' ? f : f());
    } catch (cause) {
      sent.delete(e.id_);
      this.settle_(e, new ConnectionError(`Could not send ${e.action_}`, { action: e.action_, cause }));
    }
  }

  /** Sends queued requests while there are free slots (sent and held requests take one each). */
  pump_(): void {
    let e: Req | undefined;
    while (this.state_ === 'ready' && this.ws_ && (e = this.head_) && (this.sent_?.size ?? 0) < this.max_) {
      if (!(this.head_ = e.next_)) this.tail_ = undefined;
      e.next_ = undefined;
      if (e.st_ === QUEUED) this.send_(e);
    }
  }

  settle_(e: Req, error?: Error, value?: unknown): void {
    if (e.st_ > SENT) return;
    e.st_ = DONE;
    e.frame_ = ''; // a settled request still in the queue keeps nothing
    if (e.abort_) e.signal_!.removeEventListener('abort', e.abort_);
    if (error) e.no_(error);
    else e.ok_(value);
  }

  /**
   * The caller gives up on a request (timeout, abort): it rejects at once. If it was sent, the server
   * may still be working on it, so its slot stays taken (`HELD`) until its late answer or the server's timeout.
   */
  giveUp_(e: Req, error: Error, t = now()): void {
    const sent = e.st_ === SENT;
    this.settle_(e, error);
    if (sent) {
      e.st_ = HELD;
      this.arm_((e.at_ = Math.max(t, e.t0_ + SERVER_TIMEOUT) + 1000));
    }
  }

  /** A connect() or login() caller gives up; the attempt is abandoned with the login, or when nobody waits for it. */
  quit_(w: Req, error: Error): void {
    this.waiters_ = this.waiters_?.filter((x) => x !== w);
    this.settle_(w, error);
    if (
      w.action_ === 'login' ||
      (this.state_ === 'connecting' && !this.isOpen_ && !this.payload_ && !this.waiters_?.length)
    )
      this.failFirst_(error);
  }

  abort_(e: Req): void {
    e.abort_ = undefined;
    const error = new AbortError({ action: e.action_, cause: e.signal_?.reason });
    if (this.waiters_?.includes(e)) this.quit_(e, error);
    else this.giveUp_(e, error);
  }

  closed_(action: string): ConnectionClosedError {
    const i = this.info_;
    return new ConnectionClosedError(`RTM client closed${i ? ` (${i.reason})` : ''}`, { ...i, action });
  }

  // ------------------------------------------------------------------------------------------
  // Connection

  token_(): Promise<ResolvedToken> {
    return resolveToken(this.getter_, { requireOrganization: this.api === 'customer' });
  }

  attempt_(): void {
    const gen = ++this.gen_;
    this.busy_ = true;
    this.token_().then(
      (token) => gen === this.gen_ && this.open_(token),
      (error: Error) => gen === this.gen_ && this.fail_(error),
    );
  }

  open_(token: ResolvedToken): void {
    const { organizationID: org, region } = token;
    const url = [this.base_];
    if (org) url.push('?organization_id=', encodeURIComponent(org));
    if (region) url.push(org ? '&' : '?', 'region=', encodeURIComponent(region));
    let ws: Sock;
    try {
      ws = new this.WS_(url.join(''));
    } catch (cause) {
      return this.fail_(new ConnectionError(`Could not connect to ${this.base_}`, { cause }));
    }
    this.busy_ = false;
    this.ws_ = ws;
    this.sockErr_ = undefined;
    this.tok_ = () => loginToken(token);
    try {
      ws.binaryType = 'arraybuffer';
    } catch {
      // not settable: binary frames are decoded as they come
    }
    ws[CLIENT] = this;
    ws.onopen = onopen;
    ws.onmessage = onmessage;
    ws.onclose = onclose;
    ws.onerror = onerror;
  }

  /** The running attempt failed: a first one ends `idle`; a reconnect attempt is reported and tried again. */
  fail_(error: Error): void {
    this.gen_++;
    this.busy_ = false;
    if (this.state_ !== 'reconnecting') return this.failFirst_(error);
    this.report_(error);
    if (this.ws_) this.drop_(1000, 'login failed', true);
    else this.backoff_();
  }

  onOpen_(ws: Sock): void {
    if (ws !== this.ws_) return;
    this.isOpen_ = true;
    ws.onopen = null; // not needed any more (and `ws` keeps a wrapper per handler)
    this.waiters_ = this.waiters_?.filter((w) => {
      if (w.action_ === 'login') return true;
      this.settle_(w);
      return false;
    });
    this.sendLogin_();
  }

  sendLogin_(): void {
    const ws = this.ws_;
    const tok = this.tok_;
    if (!ws || !tok || !this.payload_) return;
    this.tok_ = undefined; // not kept: every attempt asks the getter
    const id = (this.loginId_ = this.prefix_ + ++this.seq_);
    if (this.state_ === 'connecting') this.setState_('logging_in');
    try {
      // The caller's payload is copied, never mutated; the token comes from the getter.
      const payload = this.state_ === 'reconnecting' && this.relogin_ ? this.relogin_(this.payload_) : this.payload_;
      ws.send(JSON.stringify({ request_id: id, action: 'login', payload: { ...payload, token: tok() } }));
    } catch (cause) {
      this.fail_(new ConnectionError('Could not send login', { action: 'login', cause }));
    }
  }

  onLogin_(msg: Frame, id: string): void {
    this.loginId_ = undefined;
    const first = this.state_ !== 'reconnecting';
    if (msg.success === false) {
      const error = apiError(msg.payload, 'login', id);
      // A first login rejects the caller's login(); a re-login is tried again unless the error is for good.
      return first
        ? this.failFirst_(error)
        : TRANSIENT.test(error.type)
          ? this.fail_(error)
          : this.shutdown_(1000, error.type, error);
    }
    const payload = msg.payload === undefined ? {} : msg.payload;
    const w = this.waiters_;
    this.waiters_ = undefined;
    this.tries_ = 0;
    this.awaiting_ = false;
    this.arm_((this.pingAt_ = now()) + this.pingEvery_);
    this.setState_('ready');
    for (const e of w ?? []) this.settle_(e, undefined, payload);
    if (this.state_ === 'ready') {
      this.pump_();
      this.emit_('ready', { payload, reconnected: !first });
    }
  }

  /** The first connection or login failed: back to `idle` (the caller may call login() again). */
  failFirst_(error: Error): void {
    const s = this.state_;
    if (s === 'closed' || s === 'idle') return;
    const wasOpen = this.isOpen_;
    this.end_(
      'idle',
      'login failed',
      !wasOpen,
      () => error,
      (action) => new ConnectionClosedError(`${action}: not logged in (${error.message})`, { action, cause: error }),
    );
    if (wasOpen && this.state_ === 'idle')
      this.emit_('close', { code: 1000, reason: error.message, willReconnect: false });
  }

  /** Enters `closed` for good: reports `cause`, settles everything, clears the timer. */
  shutdown_(code: number, reason: string, cause?: Error): void {
    if (cause) this.report_(cause);
    if (this.state_ === 'closed') return;
    this.info_ = { code, reason, cause };
    this.end_('closed', 'closed', false, (action) => this.closed_(action));
    this.emit_('close', { code, reason, willReconnect: false });
  }

  /** Stops the attempt, socket (closed with `reason`) and timer, settles everything, enters `to`. */
  end_(to: RTMState, reason: string, force: boolean, error: (action: string) => Error, queued = error): void {
    const ws = this.ws_;
    if (ws) {
      this.detach_(ws);
      closeSocket(ws, reason, force);
    }
    clearTimeout(this.timer_);
    this.gen_++;
    this.timerAt_ = 0;
    this.busy_ = this.awaiting_ = false;
    const pending = [...(this.sent_?.values() ?? []), ...(this.waiters_ ?? [])];
    let q = this.head_;
    this.tok_ = this.loginId_ = this.sent_ = this.waiters_ = this.head_ = this.tail_ = undefined;
    if (to === 'idle') this.payload_ = undefined;
    for (const e of pending) this.settle_(e, error(e.action_));
    for (; q; q = q.next_) this.settle_(q, queued(q.action_));
    this.setState_(to);
  }

  detach_(ws: Sock): void {
    ws[CLIENT] = ws.onopen = ws.onmessage = ws.onclose = null;
    // `ws` throws on an `error` event nobody listens to: the (now inert) error handler stays.
    if (ws === this.ws_) {
      this.ws_ = undefined;
      this.isOpen_ = false;
    }
  }

  /** Drops the current socket on our side (dead heartbeat, disconnect push, re-login trouble). */
  drop_(code: number, reason: string, force: boolean): void {
    const ws = this.ws_;
    if (ws) {
      this.onClose_(ws, code, reason);
      closeSocket(ws, reason, force, code);
    }
  }

  /** The socket is gone (closed by the server, the network or us): settle what was sent, then decide. */
  onClose_(ws: Sock, code: number, reason: string): void {
    if (ws !== this.ws_) return;
    const wasOpen = this.isOpen_;
    const s = this.state_;
    const d = this.disc_;
    const why = d?.reason ?? reason;
    const sent = this.sent_;
    const lost = (action: string): Error =>
      new ConnectionClosedError(`Connection lost during ${action} (it may have been processed)`, {
        action,
        code,
        reason: why,
        data: d?.data,
      });
    this.detach_(ws);
    this.disc_ = this.sent_ = this.loginId_ = undefined;
    this.awaiting_ = false;
    for (const e of sent?.values() ?? []) this.settle_(e, lost(e.action_));
    if (s === 'connecting' || s === 'logging_in') {
      // A disconnect push during the first login (e.g. `misdirected_connection` with the region to use).
      if (d) {
        this.emit_('disconnected', { reason: d.reason, data: d.data, willReconnect: false });
        if (this.state_ !== s) return;
      }
      const se = this.sockErr_;
      return this.failFirst_(
        wasOpen
          ? lost('login')
          : new ConnectionError(`Could not connect to ${this.base_}${se?.message ? `: ${se.message}` : ''}`, {
              cause: se?.error ?? se,
            }),
      );
    }
    if (s !== 'ready' && s !== 'reconnecting') return;
    const again = !!this.retry_ && (!d || reconnectsAfter(this.api, d.reason));
    const gaveUp = again ? this.exhausted_() : undefined;
    if (d) {
      this.emit_('disconnected', { reason: d.reason, data: d.data, willReconnect: again && !gaveUp });
      if (this.state_ !== s) return;
    }
    if (!again || gaveUp) return this.shutdown_(code, why, gaveUp);
    this.setState_('reconnecting');
    // A `state` listener may have closed the client: then its final `close` event was the last word.
    if (this.state_ !== 'reconnecting') return;
    if (wasOpen) {
      this.emit_('close', { code, reason: why, willReconnect: true });
      if (this.state_ !== 'reconnecting') return;
    }
    this.backoff_();
  }

  /** The error to end with when no reconnect attempt is left. */
  exhausted_(): Error | undefined {
    const r = this.retry_;
    if (r && this.tries_ >= r.maxAttempts)
      return new ConnectionError(`Gave up reconnecting after ${this.tries_} attempts`);
  }

  /** Schedules the next reconnect attempt: exponential backoff with "equal jitter" ([base / 2, base]). */
  backoff_(): void {
    const r = this.retry_ as Required<ReconnectOptions>;
    const gaveUp = this.exhausted_();
    if (gaveUp) return this.shutdown_(1006, 'reconnect failed', gaveUp);
    const attempt = ++this.tries_;
    const base = Math.min(r.maxDelay, r.initialDelay * r.factor ** (attempt - 1));
    const delay = Math.round(base / 2 + (Math.random() * base) / 2);
    this.arm_((this.wait_ = now() + delay));
    this.emit_('reconnecting', { attempt, delay });
  }

  // ------------------------------------------------------------------------------------------
  // Frames in

  onMessage_(data: unknown): void {
    this.awaiting_ = false; // any frame proves the connection is alive
    let text = '';
    let msg: Frame;
    try {
      msg = JSON.parse(
        (text =
          typeof data === 'string' ? data : (decoder || (decoder = new TextDecoder())).decode(data as ArrayBuffer)),
      );
    } catch (cause) {
      return this.report_(new ResponseParseError({ body: text.slice(0, 256) }, { cause }));
    }
    if (!isObject(msg)) return this.unexpected_(text);
    const { type, request_id: rid, action } = msg;
    if (type !== 'push' && rid !== undefined) {
      if (rid === this.loginId_) return this.onLogin_(msg, rid as string);
      const e = this.sent_?.get(rid as string);
      if (e) {
        // The error is built before the entry leaves the map, so nothing can strand it there unsettled.
        const error = msg.success === false && e.st_ === SENT ? apiError(msg.payload, e.action_, e.id_) : undefined;
        this.sent_!.delete(e.id_);
        // A held request's late answer is ignored: its slot is free again.
        if (e.st_ === SENT) this.settle_(e, error, msg.payload === undefined ? {} : msg.payload);
        return this.pump_();
      }
    }
    if (type === 'response' || typeof action !== 'string' || !action) {
      // Only the answer to our heartbeat `ping` (sent without request_id) is expected here.
      if (action !== 'ping' || rid !== undefined) this.unexpected_(text);
      return;
    }
    const ws = this.ws_;
    const bye = action === 'agent_disconnected' || action === 'customer_disconnected';
    if (bye) {
      const p = msg.payload as { reason?: unknown; data?: unknown } | null | undefined;
      this.disc_ = { reason: typeof p?.reason === 'string' ? p.reason : 'unknown', data: p?.data };
    }
    const handlers = this.on_?.get(action);
    if (handlers) this.run_(handlers, action, action, msg.payload, msg);
    if (this.any_) this.run_(this.any_, action, action, msg);
    // The server closes the socket after a disconnect push; we do not wait for it.
    if (bye && ws === this.ws_) this.drop_(1000, this.disc_?.reason ?? 'disconnected', false);
  }

  unexpected_(frame: string): void {
    this.report_(new ProtocolError('Unexpected frame', { frame }));
  }

  // ------------------------------------------------------------------------------------------
  // Timer, heartbeat, events

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
    const late = (e: Req): TimeoutError => new TimeoutError(e.at_ - e.t0_, { action: e.action_ });
    for (const w of this.waiters_ ?? []) if (due(w.at_)) this.quit_(w, late(w));
    this.sent_?.forEach((e, id, sent) => {
      if (!due(e.at_)) return;
      if (e.st_ === HELD) sent.delete(id);
      else this.giveUp_(e, late(e), t);
    });
    for (let e = this.head_; e; e = e.next_) if (e.st_ === QUEUED && due(e.at_)) this.settle_(e, late(e));
    const s = this.state_;
    if (s === 'ready') {
      if (due(this.pingAt_ + (this.awaiting_ ? this.pongWithin_ : this.pingEvery_))) {
        if (this.awaiting_) this.drop_(4000, 'heartbeat timeout', true);
        else {
          try {
            this.ws_!.send('{"action":"ping","payload":{}}');
          } catch {
            // a failing socket reports itself through close
          }
          this.awaiting_ = true;
          due((this.pingAt_ = t) + this.pongWithin_);
        }
      }
    } else if (s === 'reconnecting' && due(this.wait_)) {
      if (this.ws_ || this.busy_) this.fail_(new TimeoutError(this.timeout_, { action: 'connect' }));
      else {
        due((this.wait_ = t + this.timeout_));
        this.attempt_();
      }
    }
    if (this.state_ === 'ready') this.pump_();
    if (this.state_ !== 'closed' && this.state_ !== 'idle') this.arm_(next);
  }

  /**
   * The state machine: every transition goes through here and is announced by a `state` event.
   * idle → connecting → logging_in → ready ⇄ reconnecting; connecting / logging_in → idle (the first
   * attempt failed); any → closed (final).
   */
  setState_(to: RTMState): void {
    const from = this.state_;
    if (from !== to) {
      this.state_ = to;
      this.emit_('state', { from, to });
    }
  }

  sub_(map: Map<string, Handler[]>, key: string, handler: Handler): () => void {
    if (typeof handler !== 'function') invalid('handler');
    map.set(key, [...(map.get(key) ?? []), handler]);
    this.any_ = this.on_?.get('');
    let on = true;
    return () => {
      const list = map.get(key) ?? [];
      const i = list.indexOf(handler);
      if (on && i >= 0) {
        on = false;
        if (list.length > 1) map.set(key, list.slice(0, i).concat(list.slice(i + 1)));
        else map.delete(key);
        this.any_ = this.on_?.get('');
      }
    };
  }

  /** Calls every handler; one that throws is reported as a ListenerError (dropped for `error` listeners). */
  run_(list: Handler[] | undefined, name: string, action: string | undefined, a: unknown, b?: unknown): void {
    if (list) {
      for (const h of list) {
        try {
          h(a, b);
        } catch (cause) {
          if (action || name !== 'error') this.report_(new ListenerError(name, { action, cause }));
        }
      }
    }
  }

  emit_<K extends keyof RTMEvents>(event: K, payload: RTMEvents[K]): void {
    this.run_(this.ev_?.get(event), event, undefined, payload);
  }

  report_(error: Error): void {
    this.emit_('error', { error });
  }
}

/**
 * Sends `action` over a logged-in RTM client like `client.call`, but first asks the client's token
 * getter for a token and sends it as the payload's `token` field (`"<tokenType> <accessToken>"`).
 * This is how `update_session` swaps the token of a live connection without reconnecting. The getter
 * counts against the call's timeout and abort: a getter that never settles cannot hang the call.
 *
 * A function rather than a client method, so a page that never swaps tokens does not ship it.
 */
export async function callWithToken<R = unknown>(
  client: RTMClient,
  action: string,
  payload?: object,
  options?: RequestOptions,
): Promise<R> {
  const c = client as unknown as Client;
  if (!(c instanceof Client)) invalid('client');
  const p = checkCall(action, payload);
  checkOptions(options, action);
  if (c.state_ === 'closed' || !c.payload_) return c.call<R>(action, p, options);
  const start = now();
  const ms = options?.timeout ?? c.timeout_;
  const signal = options?.signal;
  if (signal?.aborted) throw new AbortError({ action, cause: signal.reason });
  const token = await new Promise<ResolvedToken>((resolve, reject) => {
    let off: (() => void) | undefined;
    // Whichever comes first settles the wait and removes the others: getter, timeout, abort, close().
    const done = (error: Error | undefined, value?: ResolvedToken): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      off?.();
      if (error) reject(error);
      else resolve(value!);
    };
    const onAbort = (): void => done(new AbortError({ action, cause: signal!.reason }));
    const timer = setTimeout(() => done(new TimeoutError(ms, { action })), Math.min(ms, MAX_DELAY));
    signal?.addEventListener('abort', onAbort, { once: true });
    off = c.onEvent('state', ({ to }) => to === 'closed' && done(c.closed_(action)));
    c.token_().then(
      (value) => done(undefined, value),
      (error: Error) => done(error),
    );
  });
  const timeout = Math.max(1, ms - (now() - start));
  return c.request_(action, { ...p, token: loginToken(token) }, { ...options, timeout }, true);
}

// ----------------------------------------------------------------------------------------------
// Socket handlers (shared by every socket: `this` is the socket, `event.target` the fallback)

const sock = (self: Sock | undefined, event: any): Sock | undefined => (self?.[CLIENT] ? self : event?.target);

function onopen(this: Sock | undefined, event: unknown): void {
  const ws = sock(this, event);
  ws?.[CLIENT]?.onOpen_(ws);
}
function onmessage(this: Sock | undefined, event: { data: unknown }): void {
  let ws = this;
  let c = ws?.[CLIENT]; // the hot path: one property read
  if (!c) c = (ws = (event as { target?: Sock }).target)?.[CLIENT];
  if (c && c.ws_ === ws) {
    // Nothing a frame contains may throw out of the socket's callback (it would crash a Node process).
    try {
      c.onMessage_(event.data);
    } catch (error) {
      c.report_(error instanceof Error ? error : new ProtocolError('Unexpected frame', { cause: error }));
    }
  }
}
function onclose(this: Sock | undefined, event: { code: number; reason: string }): void {
  const ws = sock(this, event);
  ws?.[CLIENT]?.onClose_(ws, event.code, event.reason);
}
function onerror(this: Sock | undefined, event: unknown): void {
  const ws = sock(this, event);
  const c = ws?.[CLIENT];
  if (c && c.ws_ === ws) c.sockErr_ = event;
}

// ----------------------------------------------------------------------------------------------
// Helpers

/** An RTM frame as it arrives (response or push). */
interface Frame {
  request_id?: unknown;
  action?: unknown;
  type?: unknown;
  success?: unknown;
  payload?: unknown;
}

/** Closes a socket we no longer listen to; `force` drops it without the closing handshake when possible. */
function closeSocket(ws: WebSocketLike, reason: string, force: boolean, code = 1000): void {
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

/** The ApiError of a `success: false` response (payload `{ error: { type, message, data } }` or `{ type, ... }`). */
function apiError(payload: any, action: string, requestId: string): ApiError {
  const raw = isObject(payload?.error) ? payload.error : payload;
  return ApiError.from(
    typeof raw?.type === 'string'
      ? { type: raw.type, message: typeof raw.message === 'string' ? raw.message : '', data: raw.data }
      : { type: 'unknown', message: `${action} failed` },
    { action, requestId },
  );
}

const invalid = (field: string, action?: string): never => {
  throw new InputError(`Invalid ${field}`, { field, action });
};

function checkPayload(payload: unknown, action: string): void {
  if (payload !== undefined && !isObject(payload))
    throw new InputError(`${action}: payload must be an object`, { action, field: 'payload' });
}

/** The action and payload of call() and callWithToken(). */
function checkCall(action: string, payload: object | undefined): object {
  if (typeof action !== 'string' || !action || action === 'login')
    throw new InputError(action === 'login' ? 'Use login() to log in' : 'Invalid action', { field: 'action' });
  checkPayload(payload, action);
  return payload ?? {};
}

function checkOptions(options: RequestOptions | undefined, action: string): void {
  if (options !== undefined) {
    const { timeout, signal, apiVersion } = isObject(options) ? options : invalid('options', action);
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) invalid('timeout', action);
    if (apiVersion !== undefined && !(typeof apiVersion === 'string' && /^\d+\.\d+$/.test(apiVersion)))
      invalid('apiVersion', action);
    if (signal !== undefined && typeof signal?.addEventListener !== 'function') invalid('signal', action);
  }
}

const nonNegative = (n: number): boolean => n >= 0;
/** The longest delay a timer takes (2^31 - 1 ms, about 24.8 days); longer ones (`Infinity`: never) are clamped to it. */
const MAX_DELAY = 2_147_483_647;
/** A numeric option (`ok`: a number > 0 unless told, `Infinity` included), or its default. */
const num = (value: number | undefined, fallback: number, field: string, ok = (n: number): boolean => n > 0): number =>
  value === undefined ? fallback : typeof value === 'number' && ok(value) ? value : invalid(field);

/** `wss://api.livechatinc.com` by default; `ws(s)://` kept, `http(s)://` mapped to `ws(s)://`, a bare host gets `wss://`. */
function apiUrl(value: unknown = 'wss://api.livechatinc.com'): string {
  let url: URL | undefined;
  try {
    const s = (value as string).trim();
    url = new URL((s.includes('://') ? s : `wss://${s}`).replace(/^http/i, 'ws'));
  } catch {
    // not a string, or not a URL: reported below
  }
  if (!url || !/^wss?:$/.test(url.protocol) || url.search || url.hash) invalid('apiUrl');
  return `${url!.protocol}//${url!.host}${url!.pathname.replace(/\/+$/, '')}`;
}

function apiVersion(value: unknown = '3.6'): string {
  const v = typeof value === 'string' ? value.replace(/^v/, '') : '';
  return /^\d+\.\d+$/.test(v) ? v : invalid('apiVersion');
}
