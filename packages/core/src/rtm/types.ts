import type { TokenGetter } from '../auth/index.js';
import type { ApiError } from '../errors/index.js';
import type { RTMHooks } from './hooks.js';
import type { RequestOptions } from '../web/types.js';

/** The chat APIs that have an RTM (WebSocket) transport. */
export type RTMApi = 'agent' | 'customer';

/**
 * The WHATWG WebSocket surface shared by the browser's `WebSocket` and the `ws` package.
 * Only what the client uses. The handlers' event types are each implementation's own (the client
 * reads `data` of a message, `code` and `reason` of a close, `target` when `this` is not the
 * socket), so that both the `ws` class and a browser's `WebSocket` fit as they are.
 */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType?: string;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /**
   * Optional (the `ws` package has it, browsers do not): drops the connection at once without a
   * closing handshake. Used only for a socket the heartbeat found dead, or when `close()` gets no
   * closing handshake back in time; `close()` is used otherwise.
   */
  terminate?(): void;
}

/** A WebSocket class: `ws`'s default export, a browser's `WebSocket`, or anything with the same surface. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/**
 * The lifecycle of an RTM client: `idle` → `connecting` → `logging_in` → `ready` → (`reconnecting` →
 * `ready`)* → `closed`. A first connection or login that fails returns to `idle` (login() may be called
 * again); `closed` is final. `connecting` also covers an open socket after a bare `connect()` until
 * `login()` is called; `reconnecting` covers the backoff wait, the new socket and the new login.
 */
export type RTMState = 'idle' | 'connecting' | 'logging_in' | 'ready' | 'reconnecting' | 'closed';

/** How an RTM client reconnects after an unexpected close: exponential backoff with jitter, capped. */
export interface ReconnectOptions {
  /** First delay in ms (default 500). */
  initialDelay?: number;
  /** Largest delay in ms (default 30000). */
  maxDelay?: number;
  /** Growth factor (default 2). */
  factor?: number;
  /** Attempts before giving up and closing (default Infinity). */
  maxAttempts?: number;
}

/** Options of {@link CreateRTMClient | createRTMClient}. */
export interface RTMClientOptions {
  /** `agent` or `customer`. */
  api: RTMApi;
  /** `wss://api.livechatinc.com` by default; tests pass `ws://127.0.0.1:<port>`. */
  apiUrl?: string | undefined;
  /** API version in the path (default `3.6`). */
  apiVersion?: string | undefined;
  /**
   * Default per-request timeout in ms (default 15000, the server's own request timeout). `login()` counts
   * connecting and logging in against it; a request waiting for a (re)connection counts the wait.
   */
  requestTimeout?: number | undefined;
  /** Most requests in flight on the socket (default 10, the platform's limit); the rest queue in order. */
  maxPending?: number | undefined;
  /** Heartbeat interval in ms (default 15000): a `ping` frame is sent this often after login. */
  heartbeatInterval?: number | undefined;
  /**
   * How long in ms the client waits for any frame after a `ping` before it declares the connection
   * dead and recovers (default 10000).
   */
  heartbeatTimeout?: number | undefined;
  /** Reconnect policy, or `false` to end in `closed` on the first unexpected close. */
  reconnect?: ReconnectOptions | false | undefined;
  /**
   * Maps the remembered `login` payload before each re-login after a reconnect (never the first
   * login). `AgentRTM` uses it to add `reconnect: true`, so the agent keeps its last routing status.
   */
  relogin?: ((payload: object) => object) | undefined;
  /**
   * The platform's disconnect push (`push`, with `reason` and `data` in its payload) and the reasons
   * after which the session ends instead of reconnecting (`endsAfter`). `AgentRTM` and `CustomerRTM`
   * pass theirs (`agent_disconnected` with `AGENT_SESSION_ENDS`, `customer_disconnected` with
   * `CUSTOMER_SESSION_ENDS`). Without it, a disconnect push is an ordinary push and the server's close
   * that follows is an unexpected close. A `misdirected_connection` reason is followed to its region.
   */
  disconnect?: DisconnectOptions | undefined;
  /**
   * Observers of every request (`onRequestStart`, `onRequestEnd`), state change (`onStateChange`) and
   * frame (`onFrame`, tokens replaced by `[redacted]`), built from `ClientHooks` by `rtmHooks()`:
   * `hooks: rtmHooks({ onFrame })` (a page that never imports `rtmHooks` ships no hook code).
   * Payloads reach them only with `includePayloads: true`. `login` and the heartbeat show as frames
   * and state changes only.
   */
  hooks?: RTMHooks | undefined;
}

/** The `disconnect` option of {@link RTMClientOptions}. */
export interface DisconnectOptions {
  /** The push's action, e.g. `customer_disconnected`. */
  push: string;
  /** The reasons after which the session ends in `closed` (any other reason reconnects). */
  endsAfter: readonly string[];
}

/** A frame the server pushed (`type: "push"`). */
export interface PushFrame<A extends string = string, P = unknown> {
  action: A;
  payload: P;
  version?: string;
  request_id?: string;
}

/** Lifecycle events of an RTM client. */
export type RTMEvents = {
  /** Every state transition. */
  state: { from: RTMState; to: RTMState };
  /** Logged in (first time and after each reconnect); the login response payload. */
  ready: { payload: unknown; reconnected: boolean };
  /** The socket closed (expected or not). */
  close: { code: number; reason: string; willReconnect: boolean };
  /** A reconnect attempt is scheduled. */
  reconnecting: { attempt: number; delay: number };
  /** The platform's disconnect push (`options.disconnect`: `agent_disconnected`, `customer_disconnected`). */
  disconnected: { reason: string; data?: unknown; willReconnect: boolean };
  /** Something went wrong that is not tied to one request (bad frame, throwing handler, failed re-login). */
  error: { error: Error };
};

/** The generic RTM client every API package wraps. */
export interface RTMClient<Pushes extends Record<string, unknown> = Record<string, unknown>> {
  readonly api: RTMApi;
  readonly state: RTMState;
  /**
   * Connects (if not connected) and sends `login` with `token` from the getter plus `payload`.
   * The payload is remembered and re-sent (with a fresh token) after every reconnect.
   */
  login<R = unknown>(payload?: object, options?: RequestOptions): Promise<R>;
  /**
   * Opens the socket without logging in; resolves once it is open. `login()` does this by itself, so
   * calling `connect()` is optional (it lets a caller fail fast on an unreachable server). The
   * platform closes a socket that does not log in within 30 s.
   */
  connect(options?: RequestOptions): Promise<void>;
  /** Sends `action`; resolves with the response payload or rejects with a typed error. */
  call<R = unknown>(action: string, payload?: object, options?: RequestOptions): Promise<R>;
  /** Subscribes to a push; returns the unsubscribe function. */
  on<K extends keyof Pushes & string>(
    push: K,
    handler: (payload: Pushes[K], frame: PushFrame<K, Pushes[K]>) => void,
  ): () => void;
  /** Subscribes to every push. */
  onAny(handler: (frame: PushFrame) => void): () => void;
  /** Subscribes to a lifecycle event. */
  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void;
  /**
   * While the client waits out a reconnect backoff (`reconnecting`, no attempt running), starts the
   * attempt at once instead of at the end of the delay; it counts as the attempt already announced
   * by the last `reconnecting` event. In any other state it does nothing. For a UI that knows the
   * network is back (a browser's `online` event, a page turning visible).
   */
  reconnectNow(): void;
  /** Closes for good: rejects what is pending or queued, clears every timer. */
  close(): Promise<void>;
}

/** The signature of `createRTMClient`. */
export type CreateRTMClient = <Pushes extends Record<string, unknown>>(
  WebSocket: WebSocketConstructor | undefined,
  tokenGetter: TokenGetter,
  options: RTMClientOptions,
) => RTMClient<Pushes>;

/** Re-exported for the RTM contract: `success:false` rejects with this class (or a subclass). */
export type { ApiError };
