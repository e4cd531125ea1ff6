import type { TokenGetter } from '../auth/index.js';
import { Client } from '../rtm/client.js';
import type { PushFrame, RTMClientOptions, RTMEvents, RTMState, WebSocketConstructor } from '../rtm/types.js';
import type { ChatClient } from './client.js';
import type { CallOptions, ChatTypes, Entry } from './types.js';

/** The RTM client options an API package fixes for its clients: the caller's options cannot change them. */
export type ChatRTMFixed = Pick<RTMClientOptions, 'api' | 'disconnect'>;

/** Options of a Chat RTM client: everything the core RTM client takes except what the package fixes. */
export type ChatRTMOptions = Omit<RTMClientOptions, keyof ChatRTMFixed>;

/**
 * The core RTM client's methods as a Chat RTM client offers them, typed with the package's maps `T`
 * (`call` and `paginate` come from {@link ChatClient}).
 */
export interface ChatRTMConnection<T extends ChatTypes> {
  /** The connection state: `idle`, `connecting`, `logging_in`, `ready`, `reconnecting` or `closed`. */
  readonly state: RTMState;
  /**
   * Login (`login`): connects if needed and logs in with the getter's token. The payload is
   * remembered and sent again (with a fresh token) after every reconnect.
   */
  login(payload?: Entry<T['Payloads'], 'login'>, options?: CallOptions): Promise<Entry<T['Responses'], 'login'>>;
  /**
   * Opens the socket without logging in (optional: `login` connects by itself); lets a caller fail
   * fast on an unreachable server. The platform closes a socket that does not log in within 30 s.
   */
  connect(options?: CallOptions): Promise<void>;
  /** Subscribes to a push by name (typed payload); returns the unsubscribe function. */
  on<K extends keyof T['Pushes'] & string>(
    push: K,
    handler: (payload: T['Pushes'][K], frame: PushFrame<K, T['Pushes'][K]>) => void,
  ): () => void;
  /** Subscribes to every push; returns the unsubscribe function. */
  onAny(handler: (frame: PushFrame) => void): () => void;
  /**
   * While waiting out a reconnect backoff, starts the next attempt at once (the network is back, the
   * page is visible again); does nothing otherwise.
   */
  reconnectNow(): void;
  /** Subscribes to a lifecycle event (`ready`, `state`, `close`, `reconnecting`, `disconnected`, `error`). */
  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void;
  /** Closes for good: rejects what is pending, clears every timer. */
  close(): Promise<void>;
}

/** {@link ChatClient} as the core RTM client implements it (its `_call` included). */
declare abstract class ChatClientOverRTM<T extends ChatTypes> extends ChatClient<T> {
  protected _call(action: string, payload: object | undefined, options?: CallOptions): Promise<any>;
}

/**
 * The core RTM client's class, typed as what a Chat RTM client shows: its internals (members ending
 * in `_`, renamed short by the build) stay off the public type.
 */
const ChatRTMClient = Client as unknown as abstract new <T extends ChatTypes>(
  WebSocket: WebSocketConstructor | undefined,
  tokenGetter: TokenGetter,
  options: RTMClientOptions,
) => ChatClientOverRTM<T> & ChatRTMConnection<T>;

/**
 * What the Agent and Customer Chat RTM clients share: `login` (repeated with a fresh token after
 * every reconnect), typed pushes, lifecycle events, `close` and pagination. A Chat RTM client is the
 * core RTM client itself (no object in between), typed with the package's maps `T`; the package puts
 * its generated action methods on top (`<Api>RTMMethods(Base)`, built by `actionMethods`) and adds
 * what only its API has.
 */
export abstract class ChatRTM<T extends ChatTypes> extends ChatRTMClient<T> {
  /**
   * @param setup what the package fixes (`api`, its disconnect push and the reasons that end the session).
   * @param WebSocket the WebSocket class: the browser's (`undefined` uses `globalThis.WebSocket`), or `ws`'s on Node.
   * @param tokenGetter called at every login (first connect, each reconnect).
   * @param options base URL, API version, timeouts, heartbeat and reconnect policy.
   */
  constructor(
    setup: ChatRTMFixed,
    WebSocket: WebSocketConstructor | undefined,
    tokenGetter: TokenGetter,
    options?: ChatRTMOptions,
  ) {
    super(WebSocket, tokenGetter, { ...options, ...setup });
  }

  /** @internal `login` goes through `login`. */
  protected override _dispatch(action: string, payload: object | undefined, options?: CallOptions): Promise<unknown> {
    if (action === 'login') return this.login(payload as never, options);
    return this._call(action, payload, options);
  }
}
