import { loginToken, type ResolvedToken, resolveToken, type TokenGetter } from '../auth/index.js';
import { AbortError, ConnectionError, InputError } from '../errors/index.js';
import type { RequestOptions } from '../web/types.js';
import { apiError, disconnectOf, type Frame, frameText, parseFrame, unexpected } from './frames.js';
import { beatFrom } from './heartbeat.js';
import { Lifecycle } from './lifecycle.js';
import { checkCall, checkOptions, checkPayload, readOptions } from './options.js';
import { now, type PendingRequest, SENT } from './requests.js';
import { attach, type Sock } from './socket.js';
import type { RTMApi, RTMClient, RTMClientOptions, RTMState, WebSocketConstructor } from './types.js';

// The RTM client: its public methods, connecting and logging in, and the frames that arrive. It is
// the last of four layers, each in its own file: listeners.ts (push handlers, lifecycle events) ←
// requests.ts (the queue and the pending cap) ← lifecycle.ts (the state machine, the one teardown,
// reconnecting, the one timer) ← this file, over ../chat/client.ts (`call`, `paginate`). AgentRTM
// and CustomerRTM are this class (../chat/rtm.ts types it), not wrappers around an instance of it.
// The state machine is drawn in packages/core/README.md. Size matters here (a page that only chats
// over RTM ships this file): internal members end in `_`, and the build (packages/core/tsup.config.ts)
// renames those to short names. Nothing at the top level runs code, so a bundler drops the whole
// client from a page that does not use it.

/** Login errors after which a reconnect attempt is retried instead of ending the session. */
const TRANSIENT = /^(internal|service_unavailable|request_timeout|too_many_requests|pending_requests_limit_reached)$/;

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
 * Behaviour, in short (the whole story, with the state machine, is in the core README):
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
 *   `closed`, reporting the reason through the `close` (and `error`) events. A `misdirected_connection`
 *   push is followed once to the region it names, which later connections keep.
 * - Frames the client cannot use and handlers that throw are reported through the `error` event, never
 *   thrown. With no `error` listener they are dropped.
 * - One timer per client covers every deadline (requests, heartbeat, backoff); `close()` leaves no
 *   timer and no socket behind.
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
export class Client extends Lifecycle implements RTMClient {
  override readonly api: RTMApi;
  // The settings (options.ts: readOptions), copied in by the constructor.
  declare WebSocket_: WebSocketConstructor;
  declare tokenGetter_: TokenGetter;
  declare relogin_: ((payload: object) => object) | undefined;
  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, o: RTMClientOptions) {
    super();
    Object.assign(this, readOptions(WebSocket, tokenGetter, o));
    this.api = o.api;
    o.hooks?.install_(this);
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
    if (!this.socketOpen_ && s !== 'logging_in' && s !== 'ready') return this.await_('connect', options);
  }

  async login<R = unknown>(payload?: object, options?: RequestOptions): Promise<R> {
    checkPayload(payload, 'login');
    if (this.state_ === 'closed') throw this.closed_('login');
    if (this.loginPayload_)
      throw new InputError('login() was already called; create a new client to log in again', { action: 'login' });
    checkOptions(options, 'login');
    // A deep copy, as JSON (what is sent): later changes to the caller's objects do not leak into a
    // re-login; a `token` in the payload is dropped (the getter supplies it, and it must not sit on
    // the client).
    let copy: { token?: unknown };
    try {
      copy = JSON.parse(JSON.stringify(payload ?? {}));
    } catch (cause) {
      throw new InputError('login: payload is not JSON-serializable', { action: 'login', field: 'payload', cause });
    }
    delete copy.token;
    const promise = this.await_('login', options);
    this.loginPayload_ = copy;
    if (this.socketOpen_) this.sendLogin_();
    return promise;
  }

  /** Sends one action (what `call` and the generated methods end in); `login` has its own method. */
  protected _call(action: string, payload: object | undefined, options?: RequestOptions): Promise<any> {
    try {
      return this.request_(action, checkCall(action, payload), options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  reconnectNow(): void {
    // Waiting out the backoff: no socket and no running attempt.
    if (this.state_ === 'reconnecting' && !this.socket_ && !this.attemptStarting_) {
      this.arm_((this.reconnectAt_ = now() + this.requestTimeout_));
      this.attempt_();
    }
  }

  close(): Promise<void> {
    this.end_('closed', undefined, 1000, 'client closed');
    return this.closing_!;
  }

  // ------------------------------------------------------------------------------------------
  // Requests and waiters

  /** `secret`: the payload holds a token (callWithToken). */
  request_(action: string, payload: object, options: RequestOptions | undefined, secret?: boolean): Promise<any> {
    if (this.state_ === 'closed') throw this.closed_(action);
    if (!this.loginPayload_) throw new InputError(`${action}: call login() first`, { action });
    checkOptions(options, action);
    return this.enqueue_(action, payload, options, secret);
  }

  /** A connect() or login() caller waits (for the socket to open, or for the login answer). */
  await_(action: string, options: RequestOptions | undefined): Promise<any> {
    const waiter = this.createRequest_(action, options);
    (this.waiters_ || (this.waiters_ = [])).push(waiter);
    if (this.state_ === 'idle') {
      this.setState_('connecting');
      this.attempt_();
    }
    return waiter.promise_;
  }

  /** A connect() or login() caller gives up; the attempt is abandoned with the login, or when nobody waits for it. */
  quit_(waiter: PendingRequest, error: Error): void {
    this.waiters_ = this.waiters_?.filter((w) => w !== waiter);
    this.settle_(waiter, error);
    if (
      waiter.action_ === 'login' ||
      (this.state_ === 'connecting' && !this.socketOpen_ && !this.loginPayload_ && !this.waiters_?.length)
    )
      this.end_('idle', error);
  }

  abort_(request: PendingRequest): void {
    request.onAbort_ = undefined;
    const error = new AbortError({ action: request.action_, cause: request.signal_?.reason });
    if (this.waiters_?.includes(request)) this.quit_(request, error);
    else this.giveUp_(request, error);
  }

  // ------------------------------------------------------------------------------------------
  // Connecting and logging in

  token_(): Promise<ResolvedToken> {
    return resolveToken(this.tokenGetter_, { requireOrganization: this.api === 'customer' });
  }

  /** Starts an attempt: a token from the getter, then a socket. */
  attempt_(): void {
    const attemptId = ++this.attemptId_;
    this.attemptStarting_ = true;
    this.token_().then(
      (token) => attemptId === this.attemptId_ && this.open_(token),
      (error: Error) => attemptId === this.attemptId_ && this.attemptFailed_(error),
    );
  }

  open_(token: ResolvedToken): void {
    const url = new URL(this.baseUrl_);
    const org = token.organizationID;
    const region = this.region_ ?? token.region;
    if (org) url.searchParams.set('organization_id', org);
    if (region) url.searchParams.set('region', region);
    let ws: Sock;
    try {
      ws = new this.WebSocket_(url.href);
    } catch (cause) {
      return this.attemptFailed_(new ConnectionError(`Could not connect to ${this.baseUrl_}`, { cause }));
    }
    this.attemptStarting_ = false;
    this.socket_ = ws;
    this.socketError_ = undefined;
    this.loginToken_ = () => loginToken(token);
    try {
      ws.binaryType = 'arraybuffer';
    } catch {
      // not settable: binary frames are decoded as they come
    }
    attach(ws, this);
  }

  /** The running attempt failed: a first one ends `idle`; a reconnect attempt is reported and tried again. */
  attemptFailed_(error: Error): void {
    this.attemptId_++;
    this.attemptStarting_ = false;
    if (this.state_ !== 'reconnecting') return this.end_('idle', error);
    this.report_(error);
    if (this.socket_) this.dropSocket_(1000, 'login failed', true);
    else this.backoff_();
  }

  onOpen_(ws: Sock): void {
    if (ws !== this.socket_) return;
    this.socketOpen_ = true;
    ws.onopen = null; // not needed any more (and `ws` keeps a wrapper per handler)
    this.waiters_ = this.waiters_?.filter((w) => {
      if (w.action_ === 'login') return true;
      this.settle_(w);
      return false;
    });
    this.sendLogin_();
  }

  sendLogin_(): void {
    const ws = this.socket_;
    const token = this.loginToken_;
    if (!ws || !token || !this.loginPayload_) return;
    this.loginToken_ = undefined; // not kept: every attempt asks the getter
    const id = (this.loginId_ = this.nextId_());
    if (this.state_ === 'connecting') this.setState_('logging_in');
    try {
      // The caller's payload is copied, never mutated; the token comes from the getter.
      const payload =
        this.state_ === 'reconnecting' && this.relogin_ ? this.relogin_(this.loginPayload_) : this.loginPayload_;
      this.sendText_(ws, JSON.stringify({ request_id: id, action: 'login', payload: { ...payload, token: token() } }));
    } catch (cause) {
      this.attemptFailed_(new ConnectionError('Could not send login', { action: 'login', cause }));
    }
  }

  onLogin_(frame: Frame, id: string): void {
    this.loginId_ = undefined;
    const first = this.state_ !== 'reconnecting';
    if (frame.success === false) {
      const error = apiError(frame.payload, 'login', id);
      // A first login rejects the caller's login(); a re-login is tried again unless the error is for good.
      return first
        ? this.end_('idle', error)
        : TRANSIENT.test(error.type)
          ? this.attemptFailed_(error)
          : this.end_('closed', error, 1000, error.type);
    }
    const payload = frame.payload === undefined ? {} : frame.payload;
    const waiters = this.waiters_;
    this.waiters_ = undefined;
    this.reconnectAttempts_ = 0;
    this.redirected_ = false;
    this.arm_(beatFrom(this, now(), false));
    this.writable_ = this.socket_;
    this.setState_('ready');
    for (const w of waiters ?? []) this.settle_(w, undefined, payload);
    if (this.state_ === 'ready') {
      this.pump_();
      this.emit_('ready', { payload, reconnected: !first });
    }
  }
  // ------------------------------------------------------------------------------------------
  // Frames in

  onMessage_(data: unknown): void {
    this.awaitingPong_ = false; // any frame proves the connection is alive
    const text = frameText(data);
    let frame: Frame;
    try {
      frame = parseFrame(text);
    } catch (error) {
      return this.report_(error as Error);
    }
    const { type, request_id: id, action } = frame;
    if (type !== 'push' && id !== undefined) {
      if (id === this.loginId_) return this.onLogin_(frame, id as string);
      const request = this.inFlight_?.get(id as string);
      if (request) {
        // The error is built before the request leaves the map, so nothing can strand it there unsettled.
        const error =
          frame.success === false && request.status_ === SENT
            ? apiError(frame.payload, request.action_, request.requestId_)
            : undefined;
        return this.answered_(request, error, frame.payload);
      }
    }
    if (type === 'response' || typeof action !== 'string' || !action) {
      // Only the answer to our heartbeat `ping` (sent without request_id) is expected here.
      if (action !== 'ping' || id !== undefined) this.report_(unexpected(text));
      return;
    }
    this.onPush_(action, frame);
  }

  onPush_(action: string, frame: Frame): void {
    const ws = this.socket_;
    const disconnect = action === this.disconnect_?.push;
    if (disconnect) this.disconnectedBy_ = disconnectOf(frame.payload);
    this.dispatchPush_(action, frame);
    // The server closes the socket after a disconnect push; we do not wait for it.
    if (disconnect && ws === this.socket_)
      this.dropSocket_(1000, this.disconnectedBy_?.reason ?? 'disconnected', false);
  }
}
