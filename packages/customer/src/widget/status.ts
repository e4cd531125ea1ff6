import type { RTMEvents, RTMState } from '@lc/core';

/**
 * What a chat UI shows about the connection:
 * - `connecting`: the first connection and login;
 * - `connected`: logged in; `unstable` while the browser reports it is offline (the socket may still
 *   recover without a reconnect);
 * - `reconnecting`: the socket dropped; attempt `attempt` starts `delay` ms after the drop, `reason`
 *   is the platform's disconnect reason when it sent one;
 * - `disconnected`: not connected; `reason` is the platform's disconnect reason (e.g.
 *   `inactivity_timeout`), else the close reason; `closed` when the client is closed for good (a new
 *   client is needed), `false` before the first login or after it failed (`login()` may be called again).
 */
export type ConnectionStatus =
  | { status: 'connecting' }
  | { status: 'connected'; unstable?: true }
  | { status: 'reconnecting'; attempt: number; delay: number; reason?: string }
  | { status: 'disconnected'; closed: boolean; reason?: string; code?: number };

/** What {@link connectionStatus} needs: `CustomerRTM` (and `AgentRTM`, or core's RTM client) fits. */
export interface StatusSource {
  readonly state: RTMState;
  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void;
  /** Starts the waiting reconnect attempt now (when the client has it). */
  reconnectNow?(): void;
}

/** A value that changes over time: read it, or subscribe to it. */
export interface ConnectionStatusObservable {
  /** The status now. */
  readonly current: ConnectionStatus;
  /** Calls `listener` with the status now and at every change; returns the unsubscribe function. */
  subscribe(listener: (status: ConnectionStatus) => void): () => void;
}

/** Events of the page that mean "try now" (network back, tab visible again) and "network gone". */
interface PageEvents {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * One observable connection status built on the RTM client's public events (`state`,
 * `reconnecting`, `disconnected`, `close`), for a UI to bind in one line:
 *
 * ```ts
 * const stop = connectionStatus(rtm).subscribe((s) => (badge.textContent = s.status));
 * ```
 *
 * In a browser, while it has subscribers, it also listens to the page: the `online` event and the
 * page turning visible again start a waiting reconnect at once (`reconnectNow()`) instead of
 * waiting out the backoff, and `offline` marks a connected socket `unstable`. The last unsubscribe
 * removes every listener it added.
 */
export function connectionStatus(rtm: StatusSource): ConnectionStatusObservable {
  const listeners = new Set<(status: ConnectionStatus) => void>();
  const tracker: Tracker = {
    current: fromState(rtm.state, undefined),
    set(next) {
      if (JSON.stringify(next) === JSON.stringify(tracker.current)) return;
      tracker.current = next;
      for (const listener of [...listeners]) listener(next);
    },
  };
  let detach: (() => void) | undefined;

  return {
    get current() {
      return tracker.current;
    },
    subscribe(listener) {
      if (typeof listener !== 'function') throw new TypeError('connectionStatus: subscribe needs a function');
      if (!detach) {
        tracker.current = fromState(rtm.state, undefined);
        const offClient = watchClient(rtm, tracker);
        const offPage = watchPage(rtm, tracker);
        detach = () => {
          offClient();
          offPage();
        };
      }
      listeners.add(listener);
      listener(tracker.current);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && detach) {
          detach();
          detach = undefined;
        }
      };
    },
  };
}

/** The status now, and how it changes (telling the subscribers when it really does). */
interface Tracker {
  current: ConnectionStatus;
  set(next: ConnectionStatus): void;
}

/** Follows the client's lifecycle events; returns what removes the listeners. */
function watchClient(rtm: StatusSource, tracker: Tracker): () => void {
  // The platform's reason of the last disconnect push, until the next login.
  let pushReason: string | undefined;
  const offs = [
    rtm.onEvent('state', ({ to }) => {
      if (to === 'ready') pushReason = undefined;
      // `reconnecting` waits for its event, which carries the attempt and the delay.
      if (to !== 'reconnecting') tracker.set(fromState(to, pushReason));
    }),
    rtm.onEvent('disconnected', ({ reason }) => {
      pushReason = reason;
    }),
    rtm.onEvent('reconnecting', ({ attempt, delay }) =>
      tracker.set({
        status: 'reconnecting',
        attempt,
        delay,
        ...(pushReason === undefined ? {} : { reason: pushReason }),
      }),
    ),
    rtm.onEvent('close', ({ code, reason, willReconnect }) => {
      const state = rtm.state;
      if (!willReconnect && (state === 'closed' || state === 'idle'))
        tracker.set({ status: 'disconnected', closed: state === 'closed', reason: pushReason ?? reason, code });
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}

/**
 * In a browser page: `online` and the page turning visible start a waiting reconnect at once;
 * `offline` marks a connected socket unstable. Returns what removes the listeners (nothing to do on Node).
 */
function watchPage(rtm: StatusSource, tracker: Tracker): () => void {
  const page = pageEvents();
  if (!page) return () => {};
  const tryNow = (): void => {
    const current = tracker.current;
    if (current.status === 'connected' && current.unstable) tracker.set({ status: 'connected' });
    if (rtm.state === 'reconnecting') rtm.reconnectNow?.();
  };
  const onVisible = (): void => {
    if ((globalThis as { document?: { visibilityState?: string } }).document?.visibilityState === 'visible') tryNow();
  };
  const onOffline = (): void => {
    if (tracker.current.status === 'connected') tracker.set({ status: 'connected', unstable: true });
  };
  page.window.addEventListener('online', tryNow);
  page.window.addEventListener('offline', onOffline);
  page.document?.addEventListener('visibilitychange', onVisible);
  return () => {
    page.window.removeEventListener('online', tryNow);
    page.window.removeEventListener('offline', onOffline);
    page.document?.removeEventListener('visibilitychange', onVisible);
  };
}

/** The status an RTM state alone says (a `reconnecting` state before its first event: attempt 1, no delay known). */
function fromState(state: RTMState, reason: string | undefined): ConnectionStatus {
  switch (state) {
    case 'connecting':
    case 'logging_in':
      return { status: 'connecting' };
    case 'ready':
      return { status: 'connected' };
    case 'reconnecting':
      return { status: 'reconnecting', attempt: 1, delay: 0, ...(reason === undefined ? {} : { reason }) };
    default:
      return { status: 'disconnected', closed: state === 'closed', ...(reason === undefined ? {} : { reason }) };
  }
}

/** The page's `window` and `document` when there is a page (never on Node). */
function pageEvents(): { window: PageEvents; document: PageEvents | undefined } | undefined {
  const g = globalThis as { window?: PageEvents; document?: PageEvents };
  return typeof g.window?.addEventListener === 'function' ? { window: g.window, document: g.document } : undefined;
}
