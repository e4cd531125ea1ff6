import { loginToken, resolveToken, type ResolvedToken, type TokenGetter } from '../auth/index.js';
import {
  AbortError,
  ApiError,
  ConnectionClosedError,
  ConnectionError,
  InputError,
  ResponseParseError,
  TimeoutError,
  type ApiErrorBody,
} from '../errors/index.js';
import { Emitter } from '../events/index.js';
import type { RequestOptions } from '../web/types.js';
import { reconnectsAfter } from './disconnect-reasons.js';
import { ListenerError, ProtocolError } from './errors.js';
import { AT, clock, RUN, schedule, unschedule, type Timed } from './scheduler.js';
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

// ----------------------------------------------------------------------------------------------
// Defaults and protocol constants

const DEFAULT_API_URL = 'wss://api.livechatinc.com';
const DEFAULT_API_VERSION = '3.6';
/** The platform answers every request within 15 s (`request_timeout`); we wait as long by default. */
const DEFAULT_REQUEST_TIMEOUT = 15_000;
/** The platform allows 10 pending requests per socket (`pending_requests_limit_reached`). */
const DEFAULT_MAX_PENDING = 10;
const DEFAULT_HEARTBEAT_INTERVAL = 15_000;
const DEFAULT_HEARTBEAT_TIMEOUT = 10_000;
const DEFAULT_RECONNECT: Required<ReconnectOptions> = { initialDelay: 500, maxDelay: 30_000, factor: 2, maxAttempts: Infinity };
/**
 * A request that timed out or was aborted after it was sent keeps its slot (it is still pending on
 * the server) until its late answer arrives, the socket closes, or the server's own 15 s timeout plus
 * this margin has passed.
 */
const SERVER_REQUEST_TIMEOUT = 15_000;
const SLOT_GRACE = 1_000;
/** How long `close()` waits for the closing handshake before dropping the socket. */
const CLOSE_WAIT = 2_000;
const PING_FRAME = '{"action":"ping","payload":{}}';
const CLOSED = 3; // WebSocket.CLOSED
/** Login error types after which a reconnect attempt is retried instead of ending the session. */
const TRANSIENT_LOGIN_ERRORS = new Set(['internal', 'service_unavailable', 'request_timeout', 'too_many_requests', 'pending_requests_limit_reached']);

// Entry.status
const QUEUED = 0;
const SENT = 1;
const DONE = 2;
// Entry.kind
const USER = 0;
const LOGIN = 1;
const OPEN = 2;

const EMPTY: object = Object.freeze({});
/** Shared by every client until it needs a queue of its own (never written to). */
const NO_QUEUE: (Entry | undefined)[] = [];

/** Where a socket keeps its client (the socket handlers are shared, not closures per socket). */
const CLIENT: unique symbol = Symbol('lc.rtm.client');
type Tagged = WebSocketLike & { [CLIENT]?: RTMClientImpl<Record<string, unknown>> | undefined };
const noop = (): void => {};

/** One request (or login, or `connect()` waiter) from creation until it settles. */
class Entry {
  status = QUEUED;
  resolve: (value: unknown) => void = noop;
  reject: (error: Error) => void = noop;
  signal: AbortSignal | undefined = undefined;
  onAbort: (() => void) | undefined = undefined;
  constructor(
    readonly id: string,
    readonly action: string,
    readonly frame: string,
    readonly start: number,
    readonly deadline: number,
    readonly kind: number,
  ) {}
}

type PushHandler = (payload: never, frame: never) => void;
type AnyHandler = (frame: PushFrame) => void;

/**
 * Creates an RTM (WebSocket) client for the Agent or Customer Chat API.
 *
 * - `WebSocket`: the constructor to use — `ws` on Node 20/21, the page's own `WebSocket` in a browser
 *   (Node 22+ has a global one). `undefined` falls back to `globalThis.WebSocket`; an `InputError`
 *   is thrown when there is none. Core never imports `ws` itself.
 * - `tokenGetter`: called for every connection attempt (the URL carries `organization_id` and
 *   `region`; `login` carries the token) and by {@link RTMClient.callWithToken}; it may be async and
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
 * - All deadlines of all clients share one timer; `close()` leaves none behind.
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
  return new RTMClientImpl<Pushes>(WebSocket, tokenGetter, options);
}

class RTMClientImpl<Pushes extends Record<string, unknown>> implements RTMClient<Pushes>, Timed {
  readonly api: RTMApi;
  readonly #WebSocket: WebSocketConstructor;
  readonly #getter: TokenGetter;
  readonly #baseUrl: string;
  readonly #timeout: number;
  readonly #maxPending: number;
  readonly #hbInterval: number;
  readonly #hbTimeout: number;
  readonly #reconnect: Required<ReconnectOptions> | false;
  readonly #prefix: string;

  #state: RTMState = 'idle';
  #ws: WebSocketLike | undefined = undefined;
  /** The current socket is open. */
  #open = false;
  /** The last `error` event of the current socket (for the message of a failed connect). */
  #socketError: unknown = undefined;
  /** Bumped by every attempt and every terminal transition: stale async continuations bail out. */
  #gen = 0;
  /** A connection attempt is resolving the token or opening the socket. */
  #connecting = false;
  #token: ResolvedToken | undefined = undefined;
  /** The login payload (a copy, without `token`); `undefined` until `login()` was called. */
  #loginPayload: object | undefined = undefined;
  /** The caller's first `login()`, until it settles. */
  #loginEntry: Entry | undefined = undefined;
  #openWaiters: Entry[] | undefined = undefined;
  /** The platform's disconnect push seen on the current socket. */
  #disconnect: { reason: string; data: unknown } | undefined = undefined;
  #closeInfo: { code: number; reason: string; cause: Error | undefined } | undefined = undefined;
  #closing: Promise<void> | undefined = undefined;

  #attempt = 0;
  /** When the next reconnect attempt starts (state `reconnecting`, no attempt running). */
  #reconnectAt = 0;
  /** When the running reconnect attempt gives up (-1: no attempt running). */
  #attemptDeadline = -1;

  #seq = 0;
  /** Sent requests by request_id (created on first use: an idle client holds none). */
  #inflight: Map<string, Entry> | undefined = undefined;
  /** Timed-out or aborted requests still pending on the server: id → when the slot is given back. */
  #held: Map<string, number> | undefined = undefined;
  #queue: (Entry | undefined)[] = NO_QUEUE;
  #qHead = 0;

  // Every deadline (requests, heartbeat, backoff) goes through the process-wide scheduler: the client is
  // registered for its earliest one. `[AT]` is that time, -1 when not registered.
  [AT] = -1;
  #nextPing = 0;
  #pongDeadline = 0;
  #awaitingPong = false;

  #pushHandlers: Map<string, PushHandler[]> | undefined = undefined;
  #anyHandlers: AnyHandler[] | undefined = undefined;
  #events: Emitter<RTMEvents> | undefined = undefined;

  constructor(WebSocket: WebSocketConstructor | undefined, tokenGetter: TokenGetter, options: RTMClientOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new InputError('createRTMClient: options with `api` ("agent" or "customer") are required', { field: 'options' });
    }
    if (options.api !== 'agent' && options.api !== 'customer') {
      throw new InputError('createRTMClient: `api` must be "agent" or "customer"', { field: 'api' });
    }
    if (typeof tokenGetter !== 'function') {
      throw new InputError('createRTMClient: tokenGetter must be a function returning a token', { field: 'tokenGetter' });
    }
    const WS = WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (typeof WS !== 'function') {
      throw new InputError(
        'createRTMClient: no WebSocket implementation. Pass one as the first argument (e.g. the `ws` package on Node < 22)',
        { field: 'WebSocket' },
      );
    }
    this.api = options.api;
    this.#WebSocket = WS;
    this.#getter = tokenGetter;
    this.#baseUrl = baseUrl(options.apiUrl, options.apiVersion, options.api);
    this.#timeout = positive(options.requestTimeout, DEFAULT_REQUEST_TIMEOUT, 'requestTimeout', true);
    this.#maxPending = positive(options.maxPending, DEFAULT_MAX_PENDING, 'maxPending', false);
    if (!Number.isInteger(this.#maxPending)) throw new InputError('`maxPending` must be a whole number', { field: 'maxPending' });
    this.#hbInterval = positive(options.heartbeatInterval, DEFAULT_HEARTBEAT_INTERVAL, 'heartbeatInterval', true);
    this.#hbTimeout = positive(options.heartbeatTimeout, DEFAULT_HEARTBEAT_TIMEOUT, 'heartbeatTimeout', true);
    const r = options.reconnect;
    if (r === false) this.#reconnect = false;
    else if (r === undefined) this.#reconnect = DEFAULT_RECONNECT;
    else if (typeof r !== 'object' || r === null) throw new InputError('`reconnect` must be an object or false', { field: 'reconnect' });
    else {
      this.#reconnect = {
        initialDelay: nonNegative(r.initialDelay, DEFAULT_RECONNECT.initialDelay, 'reconnect.initialDelay'),
        maxDelay: nonNegative(r.maxDelay, DEFAULT_RECONNECT.maxDelay, 'reconnect.maxDelay'),
        factor: positive(r.factor, DEFAULT_RECONNECT.factor, 'reconnect.factor', false),
        maxAttempts: nonNegative(r.maxAttempts, DEFAULT_RECONNECT.maxAttempts, 'reconnect.maxAttempts'),
      };
    }
    this.#prefix = [Math.random().toString(36).slice(2, 8), '.'].join('');
  }

  get state(): RTMState {
    return this.#state;
  }

  // ------------------------------------------------------------------------------------------
  // Public API

  connect(options?: RequestOptions): Promise<void> {
    if (this.#state === 'closed') return Promise.reject(this.#closedError('connect'));
    const bad = checkOptions(options, 'connect');
    if (bad) return Promise.reject(bad);
    if (this.#open || this.#state === 'logging_in' || this.#state === 'ready') return Promise.resolve();
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(new AbortError({ action: 'connect', cause: signal.reason }));
    const start = clock();
    const w = new Entry('', 'connect', '', start, start + (options?.timeout ?? this.#timeout), OPEN);
    const p = new Promise<void>((resolve, reject) => {
      w.resolve = resolve as (value: unknown) => void;
      w.reject = reject;
    });
    this.#watch(w, signal);
    (this.#openWaiters ??= []).push(w);
    this.#arm(w.deadline);
    if (this.#state === 'idle') {
      this.#setState('connecting');
      this.#startAttempt();
    }
    return p;
  }

  login<R = unknown>(payload?: object, options?: RequestOptions): Promise<R> {
    if (payload !== undefined && !isPayload(payload)) {
      return Promise.reject(new InputError('login: payload must be a plain object', { action: 'login', field: 'payload' }));
    }
    if (this.#state === 'closed') return Promise.reject(this.#closedError('login'));
    if (this.#loginPayload !== undefined) {
      return Promise.reject(new InputError('login() was already called on this client; create a new client to log in again', { action: 'login' }));
    }
    const bad = checkOptions(options, 'login');
    if (bad) return Promise.reject(bad);
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(new AbortError({ action: 'login', cause: signal.reason }));
    this.#loginPayload = payload === undefined ? EMPTY : { ...payload };
    const start = clock();
    const e = new Entry(this.#nextId(), 'login', '', start, start + (options?.timeout ?? this.#timeout), LOGIN);
    const p = new Promise<R>((resolve, reject) => {
      e.resolve = resolve as (value: unknown) => void;
      e.reject = reject;
    });
    this.#loginEntry = e;
    this.#watch(e, signal);
    this.#arm(e.deadline);
    if (this.#state === 'idle') {
      this.#setState('connecting');
      this.#startAttempt();
    } else if (this.#open) {
      this.#sendLogin();
    }
    return p;
  }

  call<R = unknown>(action: string, payload?: object, options?: RequestOptions): Promise<R> {
    if (typeof action !== 'string' || action === '') {
      return Promise.reject(new InputError('call: action must be a non-empty string', { field: 'action' }));
    }
    if (action === 'login') return Promise.reject(new InputError('Use login() to log in', { action, field: 'action' }));
    if (payload === undefined) payload = EMPTY;
    else if (!isPayload(payload)) return Promise.reject(new InputError(`${action}: payload must be a plain object`, { action, field: 'payload' }));
    return this.#request(action, payload, options) as Promise<R>;
  }

  async callWithToken<R = unknown>(action: string, payload?: object, options?: RequestOptions): Promise<R> {
    if (typeof action !== 'string' || action === '') throw new InputError('callWithToken: action must be a non-empty string', { field: 'action' });
    if (payload !== undefined && !isPayload(payload)) throw new InputError(`${action}: payload must be a plain object`, { action, field: 'payload' });
    const bad = checkOptions(options, action);
    if (bad) throw bad;
    if (this.#state === 'closed' || this.#loginPayload === undefined) return this.call<R>(action, payload, options);
    const start = clock();
    const token = await resolveToken(this.#getter, { requireOrganization: this.api === 'customer' });
    const timeout = options?.timeout ?? this.#timeout;
    const left = Math.max(1, timeout - (clock() - start));
    return this.call<R>(action, { ...payload, token: loginToken(token) }, { signal: options?.signal, timeout: left });
  }

  on<K extends keyof Pushes & string>(
    push: K,
    handler: (payload: Pushes[K], frame: PushFrame<K, Pushes[K]>) => void,
  ): () => void {
    if (typeof push !== 'string' || push === '') throw new InputError('on: push must be a non-empty string', { field: 'push' });
    if (typeof handler !== 'function') throw new InputError('on: handler must be a function', { field: 'handler' });
    const map = (this.#pushHandlers ??= new Map());
    const h = handler as unknown as PushHandler;
    map.set(push, [...(map.get(push) ?? []), h]);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      const list = map.get(push);
      if (list === undefined) return;
      const i = list.indexOf(h);
      if (i < 0) return;
      if (list.length === 1) map.delete(push);
      else map.set(push, list.slice(0, i).concat(list.slice(i + 1)));
    };
  }

  onAny(handler: (frame: PushFrame) => void): () => void {
    if (typeof handler !== 'function') throw new InputError('onAny: handler must be a function', { field: 'handler' });
    this.#anyHandlers = [...(this.#anyHandlers ?? []), handler];
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      const list = this.#anyHandlers;
      const i = list ? list.indexOf(handler) : -1;
      if (list === undefined || i < 0) return;
      this.#anyHandlers = list.length === 1 ? undefined : list.slice(0, i).concat(list.slice(i + 1));
    };
  }

  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void {
    if (typeof handler !== 'function') throw new InputError('onEvent: handler must be a function', { field: 'handler' });
    const events = (this.#events ??= new Emitter<RTMEvents>((error, name) => {
      // A throwing `error` listener has nowhere left to report to: dropped.
      if (name !== 'error') this.#report(new ListenerError(String(name), { cause: error }));
    }));
    return events.on(event, handler);
  }

  close(): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    const ws = this.#ws;
    let done: Promise<void> = Promise.resolve();
    if (ws !== undefined) {
      this.#detach(ws);
      if (ws.readyState !== CLOSED) {
        done = new Promise<void>((resolve) => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const finish = (): void => {
            if (timer !== undefined) clearTimeout(timer);
            timer = undefined;
            ws.onclose = null;
            resolve();
          };
          ws.onclose = finish;
          timer = setTimeout(() => {
            timer = undefined;
            dropSocket(ws, 1000, 'client closed', true);
            finish();
          }, CLOSE_WAIT);
          try {
            ws.close(1000, 'client closed');
          } catch {
            finish();
          }
        });
      }
    }
    this.#closing = done;
    this.#shutdown(1000, 'client closed', undefined, 'The client was closed');
    return done;
  }

  // ------------------------------------------------------------------------------------------
  // Requests

  #nextId(): string {
    return this.#prefix + ++this.#seq;
  }

  #request(action: string, payload: object, options: RequestOptions | undefined): Promise<unknown> {
    const state = this.#state;
    if (state === 'closed') return Promise.reject(this.#closedError(action));
    if (this.#loginPayload === undefined) {
      return Promise.reject(new InputError(`Not logged in: call login() first (${action})`, { action }));
    }
    let timeout = this.#timeout;
    let signal: AbortSignal | undefined;
    if (options !== undefined) {
      const bad = checkOptions(options, action);
      if (bad) return Promise.reject(bad);
      if (options.timeout !== undefined) timeout = options.timeout;
      signal = options.signal;
      if (signal?.aborted) return Promise.reject(new AbortError({ action, cause: signal.reason }));
    }
    const id = this.#prefix + ++this.#seq;
    let frame: string;
    try {
      frame = JSON.stringify({ request_id: id, action, payload });
    } catch (cause) {
      return Promise.reject(new InputError(`${action}: payload cannot be serialized to JSON`, { action, field: 'payload', cause }));
    }
    const start = clock();
    const e = new Entry(id, action, frame, start, start + timeout, USER);
    const p = new Promise<unknown>((resolve, reject) => {
      e.resolve = resolve;
      e.reject = reject;
    });
    if (signal !== undefined) this.#watch(e, signal);
    if (this[AT] < 0 || e.deadline < this[AT]) this.#arm(e.deadline);
    if (state === 'ready' && this.#qHead === this.#queue.length && this.#slotsUsed() < this.#maxPending) {
      this.#send(e);
    } else {
      if (this.#queue === NO_QUEUE) this.#queue = [];
      this.#queue.push(e);
    }
    return p;
  }

  #watch(e: Entry, signal: AbortSignal | undefined): void {
    if (signal === undefined) return;
    e.signal = signal;
    e.onAbort = () => this.#abort(e);
    signal.addEventListener('abort', e.onAbort, { once: true });
  }

  #unwatch(e: Entry): void {
    if (e.onAbort !== undefined) {
      e.signal?.removeEventListener('abort', e.onAbort);
      e.onAbort = undefined;
    }
  }

  /** Requests pending on the server: in flight plus given up on but not answered yet. */
  #slotsUsed(): number {
    return (this.#inflight?.size ?? 0) + (this.#held?.size ?? 0);
  }

  #send(e: Entry): void {
    const ws = this.#ws;
    e.status = SENT;
    (this.#inflight ??= new Map()).set(e.id, e);
    try {
      ws!.send(e.frame);
    } catch (cause) {
      this.#inflight.delete(e.id);
      this.#reject(e, new ConnectionError(`Could not send ${e.action}`, { action: e.action, cause }));
    }
  }

  /** Sends queued requests while there are free slots. */
  #pump(): void {
    const q = this.#queue;
    let h = this.#qHead;
    const max = this.#maxPending;
    while (h < q.length && this.#state === 'ready') {
      if (this.#slotsUsed() >= max) break;
      const e = q[h]!;
      q[h++] = undefined;
      if (e.status === QUEUED) this.#send(e);
    }
    if (h >= q.length) {
      if (q.length !== 0) q.length = 0;
      h = 0;
    } else if (h > 1024 && h * 2 > q.length) {
      q.splice(0, h);
      h = 0;
    }
    this.#qHead = h;
  }

  #reject(e: Entry, error: Error): void {
    if (e.status === DONE) return;
    e.status = DONE;
    this.#unwatch(e);
    e.reject(error);
  }

  /** Keeps the slot of a sent request that the caller gave up on (it is still pending on the server). */
  #hold(e: Entry, now: number): void {
    const at = Math.max(now, e.start + SERVER_REQUEST_TIMEOUT) + SLOT_GRACE;
    (this.#held ??= new Map()).set(e.id, at);
    this.#arm(at);
  }

  #abort(e: Entry): void {
    if (e.status === DONE) return;
    e.onAbort = undefined;
    const error = new AbortError({ action: e.action, cause: e.signal?.reason });
    if (e.kind === LOGIN) {
      this.#failFirst(error);
    } else if (e.kind === OPEN) {
      this.#dropWaiter(e, error);
    } else {
      if (e.status === SENT && this.#inflight?.delete(e.id)) this.#hold(e, clock());
      this.#reject(e, error);
    }
  }

  /** A `connect()` waiter gave up; the attempt is abandoned when nobody else waits for it. */
  #dropWaiter(w: Entry, error: Error): void {
    const ws = this.#openWaiters;
    const i = ws ? ws.indexOf(w) : -1;
    if (ws !== undefined && i >= 0) ws.splice(i, 1);
    this.#reject(w, error);
    if (this.#state === 'connecting' && !this.#open && this.#loginEntry === undefined && !this.#openWaiters?.length) {
      this.#failFirst(error);
    }
  }

  #rejectQueue(make: (e: Entry) => Error): void {
    const q = this.#queue;
    this.#queue = NO_QUEUE;
    const h = this.#qHead;
    this.#qHead = 0;
    for (let i = h; i < q.length; i++) {
      const e = q[i];
      if (e !== undefined && e.status === QUEUED) this.#reject(e, make(e));
    }
  }

  #closedError(action: string | undefined): ConnectionClosedError {
    const info = this.#closeInfo;
    return new ConnectionClosedError(`The RTM client is closed${info && info.reason ? ` (${info.reason})` : ''}`, {
      action,
      code: info?.code,
      reason: info?.reason,
      cause: info?.cause,
    });
  }

  // ------------------------------------------------------------------------------------------
  // Connection

  #url(token: ResolvedToken): string {
    const parts = [this.#baseUrl];
    if (token.organizationID) parts.push('?organization_id=', encodeURIComponent(token.organizationID));
    if (token.region) parts.push(parts.length > 1 ? '&region=' : '?region=', encodeURIComponent(token.region));
    return parts.join('');
  }

  #startAttempt(): void {
    const gen = ++this.#gen;
    this.#connecting = true;
    resolveToken(this.#getter, { requireOrganization: this.api === 'customer' }).then(
      (token) => this.#openSocket(gen, token),
      (error: Error) => this.#attemptFailed(gen, error),
    );
  }

  #openSocket(gen: number, token: ResolvedToken): void {
    if (gen !== this.#gen) return;
    this.#token = token;
    let ws: WebSocketLike;
    try {
      ws = new this.#WebSocket(this.#url(token));
    } catch (cause) {
      this.#attemptFailed(gen, new ConnectionError(`Could not open a WebSocket to ${this.#baseUrl}`, { cause }));
      return;
    }
    this.#connecting = false;
    this.#ws = ws;
    this.#open = false;
    this.#socketError = undefined;
    try {
      ws.binaryType = 'arraybuffer';
    } catch {
      // not settable: binary frames are decoded as they come
    }
    (ws as Tagged)[CLIENT] = this as RTMClientImpl<Record<string, unknown>>;
    ws.onopen = RTMClientImpl.#onopen;
    ws.onmessage = RTMClientImpl.#onmessage;
    ws.onclose = RTMClientImpl.#onclose;
    ws.onerror = RTMClientImpl.#onerror;
  }

  #attemptFailed(gen: number, error: Error): void {
    if (gen !== this.#gen) return;
    this.#connecting = false;
    if (this.#state === 'reconnecting') {
      this.#report(error);
      this.#scheduleReconnect();
    } else {
      this.#failFirst(error);
    }
  }

  // Socket handlers, shared by every socket: `this` is the socket (WHATWG calls handlers on their
  // target; `event.target` is the fallback), and the socket knows its client.
  static #onopen(this: Tagged | undefined, event: unknown): void {
    const ws = socketOf(this, event);
    const c = ws?.[CLIENT];
    if (c !== undefined) c.#onOpen(ws!);
  }
  static #onmessage(this: Tagged | undefined, event: { data: unknown }): void {
    const c = this?.[CLIENT]; // the hot path: one property read
    if (c !== undefined) {
      if (c.#ws === this) c.#onMessage(event.data);
      return;
    }
    const ws = socketOf(undefined, event);
    const c2 = ws?.[CLIENT];
    if (c2 !== undefined && c2.#ws === ws) c2.#onMessage(event.data);
  }
  static #onclose(this: Tagged | undefined, event: { code: number; reason: string }): void {
    const ws = socketOf(this, event);
    const c = ws?.[CLIENT];
    if (c !== undefined) c.#onSocketClose(ws!, event.code, event.reason);
  }
  static #onerror(this: Tagged | undefined, event: unknown): void {
    const ws = socketOf(this, event);
    const c = ws?.[CLIENT];
    if (c !== undefined && c.#ws === ws) c.#socketError = event;
  }

  #onOpen(ws: WebSocketLike): void {
    if (ws !== this.#ws) return;
    this.#open = true;
    ws.onopen = null; // not needed any more (and `ws` keeps a wrapper per handler)
    const waiters = this.#openWaiters;
    if (waiters !== undefined) {
      this.#openWaiters = undefined;
      for (const w of waiters) {
        if (w.status !== DONE) {
          w.status = DONE;
          this.#unwatch(w);
          w.resolve(undefined);
        }
      }
    }
    if (this.#state === 'reconnecting' || this.#loginEntry !== undefined) this.#sendLogin();
  }

  #sendLogin(): void {
    const ws = this.#ws;
    const token = this.#token;
    if (ws === undefined || token === undefined || this.#loginPayload === undefined) return;
    let e = this.#loginEntry;
    if (e === undefined) e = new Entry(this.#nextId(), 'login', '', clock(), Infinity, LOGIN);
    else if (e.status !== QUEUED) return;
    e.status = SENT;
    (this.#inflight ??= new Map()).set(e.id, e);
    this.#token = undefined; // not kept: every attempt asks the getter
    if (this.#state === 'connecting') this.#setState('logging_in');
    try {
      // The caller's payload is copied, never mutated; the token comes from the getter.
      ws.send(JSON.stringify({ request_id: e.id, action: 'login', payload: { ...this.#loginPayload, token: loginToken(token) } }));
    } catch (cause) {
      this.#inflight.delete(e.id);
      const error = new ConnectionError('Could not send login', { action: 'login', cause });
      if (e === this.#loginEntry) this.#failFirst(error);
      else this.#dropSocket(1000, 'login failed', true);
    }
  }

  #onLoginResponse(e: Entry, msg: Frame): void {
    const first = e === this.#loginEntry;
    if (msg.success === false) {
      const error = toApiError(msg.payload, 'login', e.id);
      if (first) {
        this.#failFirst(error); // rejects the caller's login() with the ApiError
        return;
      }
      e.status = DONE;
      this.#report(error);
      if (TRANSIENT_LOGIN_ERRORS.has(error.type)) this.#dropSocket(1000, 'login failed', false);
      else this.#shutdown(1000, error.type, error, `Re-login failed: ${error.message}`);
      return;
    }
    const payload = msg.payload === undefined ? {} : msg.payload;
    e.status = DONE;
    if (first) {
      this.#loginEntry = undefined;
      this.#unwatch(e);
    }
    this.#attempt = 0;
    this.#attemptDeadline = -1;
    this.#awaitingPong = false;
    // An idle client keeps no request map (memory per idle connection); it comes back on first use.
    if (this.#inflight?.size === 0) this.#inflight = undefined;
    this.#nextPing = clock() + this.#hbInterval;
    this.#arm(this.#nextPing);
    this.#setState('ready');
    if (first) e.resolve(payload);
    if (this.#state !== 'ready') return;
    this.#pump();
    this.#emit('ready', { payload, reconnected: !first });
  }

  /** The first connection or login failed: back to `idle` (the caller may call login() again). */
  #failFirst(error: Error): void {
    if (this.#state === 'closed' || this.#state === 'idle') return;
    const ws = this.#ws;
    const wasOpen = this.#open;
    this.#gen++;
    this.#connecting = false;
    if (ws !== undefined) {
      this.#detach(ws);
      dropSocket(ws, 1000, 'login failed', !wasOpen);
    }
    const login = this.#loginEntry;
    this.#loginEntry = undefined;
    this.#loginPayload = undefined;
    this.#token = undefined;
    this.#inflight = undefined;
    this.#held = undefined;
    this.#clearTimer();
    if (login !== undefined) this.#reject(login, error);
    const waiters = this.#openWaiters;
    this.#openWaiters = undefined;
    if (waiters !== undefined) for (const w of waiters) this.#reject(w, error);
    this.#rejectQueue((e) => new ConnectionClosedError(`Not logged in: ${error.message}`, { action: e.action, cause: error }));
    this.#setState('idle');
    if (wasOpen && (this.#state as RTMState) === 'idle') this.#emit('close', { code: 1000, reason: error.message, willReconnect: false });
  }

  #onSocketClose(ws: WebSocketLike, code: number, reason: string): void {
    if (ws !== this.#ws) return;
    const wasOpen = this.#open;
    this.#detach(ws);
    this.#lost(code, reason, wasOpen);
  }

  /** Drops the current socket on our side (dead heartbeat, disconnect push, re-login trouble). */
  #dropSocket(code: number, reason: string, force: boolean): void {
    const ws = this.#ws;
    if (ws === undefined) return;
    const wasOpen = this.#open;
    this.#detach(ws);
    dropSocket(ws, code, reason, force);
    this.#lost(code, reason, wasOpen);
  }

  #detach(ws: WebSocketLike): void {
    (ws as Tagged)[CLIENT] = undefined;
    ws.onopen = null;
    ws.onmessage = null;
    ws.onclose = null;
    // `ws` throws on an `error` event nobody listens to: the (now inert) error handler stays.
    if (this.#ws === ws) {
      this.#ws = undefined;
      this.#open = false;
    }
  }

  /** The socket is gone (closed by the server, the network or us): settle what was sent, then decide. */
  #lost(code: number, reason: string, wasOpen: boolean): void {
    const state = this.#state;
    const d = this.#disconnect;
    this.#disconnect = undefined;
    const why = d?.reason ?? reason;
    this.#awaitingPong = false;
    this.#held = undefined;
    this.#connecting = false;
    const inflight = this.#inflight;
    if (inflight !== undefined && inflight.size > 0) {
      const sent = [...inflight.values()];
      inflight.clear();
      for (const e of sent) {
        if (e.kind !== USER) continue;
        this.#reject(
          e,
          new ConnectionClosedError(`The connection closed before ${e.action} was answered (it may have been processed)`, {
            action: e.action,
            code,
            reason: why,
          }),
        );
      }
    }
    if (state === 'connecting' || state === 'logging_in') {
      const socketError = this.#socketError as { message?: unknown; error?: unknown } | undefined;
      const detail = typeof socketError?.message === 'string' && socketError.message ? `: ${socketError.message}` : '';
      this.#failFirst(
        !wasOpen
          ? new ConnectionError(`Could not connect to ${this.#baseUrl}${detail}`, { cause: socketError?.error ?? socketError })
          : new ConnectionClosedError(`The connection closed before login completed${why ? ` (${why})` : ''}`, { action: 'login', code, reason: why }),
      );
      return;
    }
    if (state !== 'ready' && state !== 'reconnecting') return;
    const r = this.#reconnect;
    let willReconnect = r !== false && (d === undefined || reconnectsAfter(this.api, d.reason));
    if (willReconnect && r !== false && this.#attempt >= r.maxAttempts) willReconnect = false;
    if (d !== undefined) {
      this.#emit('disconnected', { reason: d.reason, data: d.data, willReconnect });
      if (this.#state !== state) return;
    }
    if (!willReconnect) {
      const gaveUp = r !== false && this.#attempt >= r.maxAttempts && (d === undefined || reconnectsAfter(this.api, d.reason));
      const cause = gaveUp ? new ConnectionError(`Gave up reconnecting after ${this.#attempt} attempts`) : undefined;
      if (cause) this.#report(cause);
      this.#shutdown(code, why, cause, `The connection closed${why ? ` (${why})` : ''}`);
      return;
    }
    this.#setState('reconnecting');
    if (wasOpen) {
      this.#emit('close', { code, reason: why, willReconnect: true });
      if (this.#state !== 'reconnecting') return;
    }
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const r = this.#reconnect;
    if (r === false) return;
    if (this.#attempt >= r.maxAttempts) {
      const error = new ConnectionError(`Gave up reconnecting after ${this.#attempt} attempts`);
      this.#report(error);
      this.#shutdown(1006, 'reconnect failed', error, 'Gave up reconnecting');
      return;
    }
    const attempt = ++this.#attempt;
    const base = Math.min(r.maxDelay, r.initialDelay * r.factor ** (attempt - 1));
    // "Equal jitter": somewhere in [base / 2, base], never all clients at the same moment.
    const delay = Math.round(base / 2 + (Math.random() * base) / 2);
    this.#reconnectAt = clock() + delay;
    this.#attemptDeadline = -1;
    this.#arm(this.#reconnectAt);
    this.#emit('reconnecting', { attempt, delay });
  }

  /** Enters `closed` for good: settles everything, clears the timer. */
  #shutdown(code: number, reason: string, cause: Error | undefined, message: string): void {
    if (this.#state === 'closed') return;
    this.#gen++;
    this.#connecting = false;
    this.#closeInfo = { code, reason, cause };
    const ws = this.#ws;
    if (ws !== undefined) {
      this.#detach(ws);
      dropSocket(ws, 1000, 'closed', false);
    }
    this.#clearTimer();
    this.#awaitingPong = false;
    this.#attemptDeadline = -1;
    const make = (e: Entry): ConnectionClosedError =>
      new ConnectionClosedError(`${message} (${e.action})`, { action: e.action, code, reason, cause });
    const sent = this.#inflight === undefined ? [] : [...this.#inflight.values()];
    this.#inflight = undefined;
    this.#held = undefined;
    for (const e of sent) this.#reject(e, make(e));
    const login = this.#loginEntry;
    this.#loginEntry = undefined;
    if (login !== undefined) this.#reject(login, make(login));
    const waiters = this.#openWaiters;
    this.#openWaiters = undefined;
    if (waiters !== undefined) for (const w of waiters) this.#reject(w, make(w));
    this.#rejectQueue(make);
    this.#token = undefined;
    this.#setState('closed');
    this.#emit('close', { code, reason, willReconnect: false });
  }

  // ------------------------------------------------------------------------------------------
  // Frames in

  #onMessage(data: unknown): void {
    this.#awaitingPong = false; // any frame proves the connection is alive
    let text: string;
    if (typeof data === 'string') text = data;
    else {
      const decoded = decode(data);
      if (decoded === undefined) {
        this.#report(new ProtocolError('Received a binary frame of an unsupported type'));
        return;
      }
      text = decoded;
    }
    let msg: Frame;
    try {
      msg = JSON.parse(text) as Frame;
    } catch (cause) {
      this.#report(new ResponseParseError({ body: text.slice(0, 256) }, { cause }));
      return;
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      this.#report(new ProtocolError('Received a frame that is not a JSON object', { frame: text }));
      return;
    }
    const type = msg.type;
    const rid = msg.request_id;
    if (type !== 'push' && rid !== undefined) {
      const inflight = this.#inflight;
      const e = inflight === undefined ? undefined : inflight.get(rid as string);
      if (e !== undefined) {
        inflight!.delete(rid as string);
        if (e.kind === LOGIN) this.#onLoginResponse(e, msg);
        else if (e.status === SENT) {
          e.status = DONE;
          if (e.onAbort !== undefined) this.#unwatch(e);
          if (msg.success === false) e.reject(toApiError(msg.payload, e.action, e.id));
          else e.resolve(msg.payload === undefined ? {} : msg.payload);
        }
        if (this.#qHead < this.#queue.length) this.#pump();
        return;
      }
      if (this.#held !== undefined && this.#held.delete(rid as string)) {
        // The late answer of a request that timed out or was aborted: ignored, its slot is free again.
        if (this.#qHead < this.#queue.length) this.#pump();
        return;
      }
      if (type === 'response' || typeof msg.action !== 'string') {
        this.#report(new ProtocolError(`Received a response to an unknown request_id`, { frame: text, action: typeof msg.action === 'string' ? msg.action : undefined }));
        return;
      }
    }
    const action = msg.action;
    if (typeof action !== 'string' || action === '') {
      this.#report(new ProtocolError('Received a frame without "action"', { frame: text }));
      return;
    }
    if (type === 'response') {
      // The answer to our heartbeat `ping` (sent without request_id).
      if (action !== 'ping') this.#report(new ProtocolError('Received a response without request_id', { frame: text, action }));
      return;
    }
    const ws = this.#ws;
    const isDisconnect = action === 'agent_disconnected' || action === 'customer_disconnected';
    if (isDisconnect) {
      const p = msg.payload as { reason?: unknown; data?: unknown } | null | undefined;
      this.#disconnect = { reason: typeof p?.reason === 'string' ? p.reason : 'unknown', data: p?.data };
    }
    this.#dispatch(action, msg);
    if (isDisconnect && ws !== undefined && ws === this.#ws) {
      // The server closes the socket after this push; we do not wait for it.
      this.#dropSocket(1000, this.#disconnect?.reason ?? 'disconnected', false);
    }
  }

  #dispatch(action: string, msg: Frame): void {
    const handlers = this.#pushHandlers?.get(action);
    if (handlers !== undefined) {
      const payload = msg.payload as never;
      for (let i = 0; i < handlers.length; i++) {
        try {
          handlers[i]!(payload, msg as never);
        } catch (error) {
          this.#report(new ListenerError(action, { action, cause: error }));
        }
      }
    }
    const any = this.#anyHandlers;
    if (any !== undefined) {
      for (let i = 0; i < any.length; i++) {
        try {
          any[i]!(msg as unknown as PushFrame);
        } catch (error) {
          this.#report(new ListenerError(action, { action, cause: error }));
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Timer, heartbeat, events

  /** Makes the scheduler run this client at `at` (clock ms) or earlier. */
  #arm(at: number): void {
    if (at === Infinity) return;
    const current = this[AT];
    if (current >= 0 && at >= current) return;
    schedule(this, at);
  }

  #clearTimer(): void {
    unschedule(this); // also drops stale entries, so that nothing keeps the process alive
  }

  /** Called by the scheduler. */
  [RUN](now: number): void {
    this.#tick(now);
  }

  #tick(now: number): void {
    let next = Infinity;

    const login = this.#loginEntry;
    if (login !== undefined) {
      if (login.deadline <= now) this.#failFirst(new TimeoutError(login.deadline - login.start, { action: 'login' }));
      else next = login.deadline;
    }
    const waiters = this.#openWaiters;
    if (waiters !== undefined) {
      for (const w of [...waiters]) {
        if (w.status === DONE) continue;
        if (w.deadline <= now) this.#dropWaiter(w, new TimeoutError(w.deadline - w.start, { action: 'connect' }));
        else if (w.deadline < next) next = w.deadline;
      }
    }

    let expired: Entry[] | undefined;
    const inflight = this.#inflight;
    if (inflight !== undefined) {
      for (const e of inflight.values()) {
        if (e.kind !== USER) continue;
        if (e.deadline <= now) (expired ??= []).push(e);
        else if (e.deadline < next) next = e.deadline;
      }
    }
    const q = this.#queue;
    for (let i = this.#qHead; i < q.length; i++) {
      const e = q[i];
      if (e === undefined || e.status !== QUEUED) continue;
      if (e.deadline <= now) (expired ??= []).push(e);
      else if (e.deadline < next) next = e.deadline;
    }
    if (expired !== undefined) {
      for (const e of expired) {
        if (e.status === DONE) continue;
        if (e.status === SENT && this.#inflight?.delete(e.id)) this.#hold(e, now);
        this.#reject(e, new TimeoutError(e.deadline - e.start, { action: e.action }));
      }
    }
    const held = this.#held;
    if (held !== undefined) {
      for (const [id, at] of held) {
        if (at <= now) held.delete(id);
        else if (at < next) next = at;
      }
    }

    const state = this.#state;
    if (state === 'ready') {
      if (this.#awaitingPong && this.#pongDeadline <= now) {
        this.#dropSocket(4000, 'heartbeat timeout', true);
      } else {
        if (this.#nextPing <= now) {
          try {
            this.#ws?.send(PING_FRAME);
          } catch {
            // a failing socket reports itself through close
          }
          this.#awaitingPong = true;
          this.#pongDeadline = now + this.#hbTimeout;
          this.#nextPing = now + this.#hbInterval;
        }
        if (this.#awaitingPong && this.#pongDeadline < next) next = this.#pongDeadline;
        if (this.#nextPing < next) next = this.#nextPing;
      }
    } else if (state === 'reconnecting') {
      if (this.#ws === undefined && !this.#connecting) {
        if (this.#reconnectAt <= now) {
          this.#attemptDeadline = now + this.#timeout;
          this.#startAttempt();
        } else if (this.#reconnectAt < next) next = this.#reconnectAt;
      }
      if (this.#attemptDeadline >= 0 && this.#attemptDeadline <= now) {
        this.#attemptDeadline = -1;
        if (this.#ws !== undefined) this.#dropSocket(4000, 'reconnect attempt timed out', true);
        else {
          this.#gen++;
          this.#connecting = false;
          this.#report(new TimeoutError(this.#timeout, { action: 'connect' }));
          this.#scheduleReconnect();
        }
      } else if (this.#attemptDeadline >= 0 && this.#attemptDeadline < next) next = this.#attemptDeadline;
    }

    if (this.#state === 'ready' && this.#qHead < this.#queue.length) this.#pump();
    const end = this.#state as RTMState;
    if (end !== 'closed' && end !== 'idle') this.#arm(next);
  }

  #setState(to: RTMState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.#emit('state', { from, to });
  }

  #emit<K extends keyof RTMEvents>(event: K, payload: RTMEvents[K]): void {
    this.#events?.emit(event, payload);
  }

  #report(error: Error): void {
    this.#emit('error', { error });
  }
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
  version?: unknown;
}

function toApiError(payload: unknown, action: string, requestId: string): ApiError {
  const p = payload as { error?: unknown } | null | undefined;
  const raw = (p !== null && typeof p === 'object' && p.error !== null && typeof p.error === 'object' ? p.error : p) as
    | { type?: unknown; message?: unknown; data?: unknown }
    | null
    | undefined;
  const body: ApiErrorBody =
    raw !== null && typeof raw === 'object' && typeof raw.type === 'string'
      ? { type: raw.type, message: typeof raw.message === 'string' ? raw.message : raw.type, data: raw.data }
      : { type: 'unknown', message: `${action} failed without an error description` };
  return ApiError.from(body, { action, requestId });
}

/** The socket an event handler was called for: `this`, else `event.target`. */
function socketOf(self: Tagged | undefined, event: unknown): Tagged | undefined {
  if (self !== undefined && self !== null && typeof self === 'object' && self[CLIENT] !== undefined) return self;
  const target = (event as { target?: unknown } | null | undefined)?.target;
  return typeof target === 'object' && target !== null ? (target as Tagged) : undefined;
}

/** Closes a socket we no longer listen to; `force` drops it without the closing handshake when possible. */
function dropSocket(ws: WebSocketLike, code: number, reason: string, force: boolean): void {
  try {
    if (force && typeof ws.terminate === 'function') ws.terminate();
    else if (ws.readyState !== CLOSED) ws.close(code, reason);
  } catch {
    // already closed or closing
  }
}

let decoder: TextDecoder | undefined;
function decode(data: unknown): string | undefined {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    decoder ??= new TextDecoder();
    return decoder.decode(data as ArrayBuffer | ArrayBufferView);
  }
  return undefined;
}

function isPayload(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkOptions(options: RequestOptions | undefined, action: string): InputError | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) return new InputError(`${action}: options must be an object`, { action, field: 'options' });
  const t = options.timeout;
  if (t !== undefined && !(typeof t === 'number' && t > 0)) {
    return new InputError(`${action}: timeout must be a positive number of milliseconds`, { action, field: 'timeout' });
  }
  const s = options.signal;
  if (s !== undefined && (typeof s !== 'object' || s === null || typeof s.addEventListener !== 'function')) {
    return new InputError(`${action}: signal must be an AbortSignal`, { action, field: 'signal' });
  }
  return undefined;
}

function positive(value: number | undefined, fallback: number, field: string, allowInfinity: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || (!allowInfinity && !Number.isFinite(value))) {
    throw new InputError(`\`${field}\` must be a positive number`, { field });
  }
  return value;
}

function nonNegative(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0)) throw new InputError(`\`${field}\` must be a number >= 0`, { field });
  return value;
}

let baseUrls: Map<string, string> | undefined;
/** `<scheme>://<host>/v<version>/<api>/rtm/ws`, one string shared by every client with the same settings. */
function baseUrl(apiUrl: string | undefined, apiVersion: string | undefined, api: RTMApi): string {
  // Joined, not concatenated: a template literal would keep a tree of string pieces alive.
  const url = [normalizeApiUrl(apiUrl), '/v', normalizeVersion(apiVersion), '/', api, '/rtm/ws'].join('');
  const cache = (baseUrls ??= new Map());
  const hit = cache.get(url);
  if (hit !== undefined) return hit;
  if (cache.size >= 64) cache.clear();
  cache.set(url, url);
  return url;
}

/** `wss://api.livechatinc.com` by default; `ws(s)://` kept, `http(s)://` mapped to `ws(s)://`, a bare host gets `wss://`. */
function normalizeApiUrl(apiUrl: string | undefined): string {
  if (apiUrl === undefined) return DEFAULT_API_URL;
  if (typeof apiUrl !== 'string' || apiUrl.trim() === '') throw new InputError('`apiUrl` must be a non-empty string', { field: 'apiUrl' });
  let url = apiUrl.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) url = `wss://${url}`;
  else if (scheme === 'http' || scheme === 'https') url = `ws${url.slice(4)}`;
  else if (scheme !== 'ws' && scheme !== 'wss') {
    throw new InputError('`apiUrl` must be a host or a ws://, wss://, http:// or https:// URL', { field: 'apiUrl' });
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new InputError('`apiUrl` is not a valid URL', { field: 'apiUrl', cause });
  }
  if (parsed.search || parsed.hash) throw new InputError('`apiUrl` must not have a query or fragment', { field: 'apiUrl' });
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}

function normalizeVersion(version: string | undefined): string {
  if (version === undefined) return DEFAULT_API_VERSION;
  const v = typeof version === 'string' ? version.replace(/^v/, '') : '';
  if (!/^\d+\.\d+$/.test(v)) throw new InputError('`apiVersion` must look like "3.6"', { field: 'apiVersion' });
  return v;
}
