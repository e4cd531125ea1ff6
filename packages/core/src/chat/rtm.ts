import type { TokenGetter } from '../auth/index.js';
import { createRTMClient } from '../rtm/client.js';
import type {
  PushFrame,
  RTMClient,
  RTMClientOptions,
  RTMEvents,
  RTMState,
  WebSocketConstructor,
} from '../rtm/types.js';
import { ChatClient } from './client.js';
import type { CallOptions, ChatTypes, Entry } from './types.js';

/** The RTM client options an API package fixes for its clients: the caller's options cannot change them. */
export type ChatRTMFixed = Pick<RTMClientOptions, 'api' | 'disconnect'>;

/** Options of a Chat RTM client: everything the core RTM client takes except what the package fixes. */
export type ChatRTMOptions = Omit<RTMClientOptions, keyof ChatRTMFixed>;

/**
 * What the Agent and Customer Chat RTM clients share: `login` (repeated with a fresh
 * token after every reconnect), typed pushes, lifecycle events and `close`, over one core RTM client
 * (pagination comes from {@link ChatClient}). `T` holds the package's type maps; the package puts
 * its generated action methods on top (`<Api>RTMMethods(Base)`, built by `actionMethods`) and
 * adds what only its API has.
 */
export abstract class ChatRTM<T extends ChatTypes> extends ChatClient<T> {
  /** @internal The core RTM client. */
  declare protected readonly _rtm: RTMClient;

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
    options: ChatRTMOptions = {},
  ) {
    super();
    this._rtm = createRTMClient(WebSocket, tokenGetter, { ...options, ...setup });
  }

  /** The connection state: `idle`, `connecting`, `logging_in`, `ready`, `reconnecting` or `closed`. */
  get state(): RTMState {
    return this._rtm.state;
  }

  /** @internal */
  protected _call(action: string, payload: object | undefined, options?: CallOptions): Promise<any> {
    return this._rtm.call(action, payload, options);
  }

  /** @internal `login` goes through `login`. */
  protected override _dispatch(action: string, payload: object | undefined, options?: CallOptions): Promise<unknown> {
    if (action === 'login') return this.login(payload as never, options);
    return this._call(action, payload, options);
  }

  /**
   * Login (`login`): connects if needed and logs in with the getter's token. The payload is
   * remembered and sent again (with a fresh token) after every reconnect.
   */
  login(
    payload: Entry<T['Payloads'], 'login'> = {} as never,
    options?: CallOptions,
  ): Promise<Entry<T['Responses'], 'login'>> {
    return this._rtm.login(payload as object, options);
  }

  /**
   * Opens the socket without logging in (optional: `login` connects by itself); lets a caller fail
   * fast on an unreachable server. The platform closes a socket that does not log in within 30 s.
   */
  connect(options?: CallOptions): Promise<void> {
    return this._rtm.connect(options);
  }

  /** Subscribes to a push by name (typed payload); returns the unsubscribe function. */
  on<K extends keyof T['Pushes'] & string>(
    push: K,
    handler: (payload: T['Pushes'][K], frame: PushFrame<K, T['Pushes'][K]>) => void,
  ): () => void {
    return this._rtm.on(push, handler as never);
  }

  /** Subscribes to every push; returns the unsubscribe function. */
  onAny(handler: (frame: PushFrame) => void): () => void {
    return this._rtm.onAny(handler);
  }

  /**
   * While waiting out a reconnect backoff, starts the next attempt at once (the network is back, the
   * page is visible again); does nothing otherwise.
   */
  reconnectNow(): void {
    this._rtm.reconnectNow();
  }

  /** Subscribes to a lifecycle event (`ready`, `state`, `close`, `reconnecting`, `disconnected`, `error`). */
  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void {
    return this._rtm.onEvent(event, handler);
  }

  /** Closes for good: rejects what is pending, clears every timer. */
  close(): Promise<void> {
    return this._rtm.close();
  }
}
