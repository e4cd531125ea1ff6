// connectionStatus: the real RTM client against a `ws` server on port 0 (drops, disconnect pushes),
// and the browser triggers (online, visible again, offline) with fake timers over a stand-in client
// that emits the core client's events in the core client's order.
import type { AddressInfo } from 'node:net';
import type { RTMEvents, RTMState } from '@lc/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { type ConnectionStatus, CustomerRTM, connectionStatus, type StatusSource } from '../src/index.js';
import { WS } from './sim-helpers.js';

const servers: WebSocketServer[] = [];
const clients: CustomerRTM[] = [];
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const server of servers.splice(0)) {
    for (const socket of server.clients) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A platform stand-in that answers every login; `sockets` are the live connections. */
async function platform() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const sockets: ServerSocket[] = [];
  server.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => {
      const { request_id, action } = JSON.parse(data.toString());
      ws.send(JSON.stringify({ request_id, action, type: 'response', success: true, payload: {} }));
    });
  });
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

describe('connectionStatus over the RTM client', () => {
  it('connecting, connected, reconnecting with attempt and delay, connected again, then the platform reason', async () => {
    const server = await platform();
    const rtm = new CustomerRTM(WS, () => ({ accessToken: 't', organizationID: 'o', tokenType: 'Bearer' }), {
      apiUrl: server.url,
      reconnect: { initialDelay: 40, maxDelay: 40 },
    });
    clients.push(rtm);
    const seen: ConnectionStatus[] = [];
    const stop = connectionStatus(rtm).subscribe((status) => seen.push(status));
    await rtm.login();
    server.sockets[0]!.terminate();
    await vi.waitFor(() => expect(seen).toHaveLength(5));
    expect(seen.at(-1)).toEqual({ status: 'connected' });
    expect(seen.slice(0, 3)).toEqual([
      { status: 'disconnected', closed: false },
      { status: 'connecting' },
      { status: 'connected' },
    ]);
    expect(seen[3]).toMatchObject({ status: 'reconnecting', attempt: 1 });
    const { delay } = seen[3] as { delay: number };
    expect(delay).toBeGreaterThanOrEqual(20);
    expect(delay).toBeLessThanOrEqual(40);

    // The platform ends the session for a reason after which a customer does not reconnect.
    server.sockets[1]!.send(
      JSON.stringify({ action: 'customer_disconnected', type: 'push', payload: { reason: 'too_many_connections' } }),
    );
    server.sockets[1]!.close();
    await vi.waitFor(() =>
      expect(seen.at(-1)).toMatchObject({ status: 'disconnected', closed: true, reason: 'too_many_connections' }),
    );
    stop();
  });

  it('says why a session that reconnects was dropped', async () => {
    const server = await platform();
    const rtm = new CustomerRTM(WS, () => ({ accessToken: 't', organizationID: 'o', tokenType: 'Bearer' }), {
      apiUrl: server.url,
      reconnect: { initialDelay: 40, maxDelay: 40 },
    });
    clients.push(rtm);
    await rtm.login();
    const seen: ConnectionStatus[] = [];
    connectionStatus(rtm).subscribe((status) => seen.push(status));
    server.sockets[0]!.send(
      JSON.stringify({ action: 'customer_disconnected', type: 'push', payload: { reason: 'access_token_expired' } }),
    );
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen.at(-1)).toEqual({ status: 'connected' });
    expect(seen[1]).toMatchObject({ status: 'reconnecting', attempt: 1, reason: 'access_token_expired' });
  });
});

describe('connectionStatus with the RTM client in a page', () => {
  it('starts the waiting reconnect at once on `online`, long before the backoff ends', async () => {
    const window = new EventTarget();
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
    const server = await platform();
    const rtm = new CustomerRTM(WS, () => ({ accessToken: 't', organizationID: 'o', tokenType: 'Bearer' }), {
      apiUrl: server.url,
      reconnect: { initialDelay: 60_000, maxDelay: 60_000 },
    });
    clients.push(rtm);
    const seen: ConnectionStatus[] = [];
    connectionStatus(rtm).subscribe((status) => seen.push(status));
    await rtm.login();
    server.sockets[0]!.terminate();
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ status: 'reconnecting', attempt: 1 }));
    expect((seen.at(-1) as { delay: number }).delay).toBeGreaterThanOrEqual(30_000);
    window.dispatchEvent(new Event('online'));
    // Connected again on a second socket while the backoff still had at least 30 s to run.
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ status: 'connected' }));
    expect(server.sockets).toHaveLength(2);
  });
});

/** A client that emits the core RTM client's events in its order, reconnecting after `delay` ms. */
class StandIn implements StatusSource {
  state: RTMState = 'ready';
  reconnectNow = vi.fn(() => this.reconnected());
  private listeners = new Map<string, Set<(payload: never) => void>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(handler as (payload: never) => void);
    return () => set.delete(handler as (payload: never) => void);
  }
  emit<K extends keyof RTMEvents>(event: K, payload: RTMEvents[K]): void {
    for (const handler of this.listeners.get(event) ?? []) handler(payload as never);
  }
  setState(to: RTMState): void {
    const from = this.state;
    this.state = to;
    this.emit('state', { from, to });
  }
  drop(delay: number): void {
    this.setState('reconnecting');
    this.emit('close', { code: 1006, reason: '', willReconnect: true });
    this.emit('reconnecting', { attempt: 1, delay });
    this.timer = setTimeout(() => this.reconnected(), delay);
  }
  reconnected(): void {
    clearTimeout(this.timer);
    if (this.state === 'reconnecting') this.setState('ready');
  }
  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

describe('connectionStatus in a browser page', () => {
  function page() {
    const window = new EventTarget();
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', document);
    return { window, document };
  }

  it('reconnects at once when the network is back or the page is visible again, not after the backoff', () => {
    vi.useFakeTimers();
    const { window, document } = page();
    const rtm = new StandIn();
    const seen: string[] = [];
    connectionStatus(rtm).subscribe((s) => seen.push(s.status));

    rtm.drop(30_000);
    vi.advanceTimersByTime(1_000);
    expect(rtm.state).toBe('reconnecting');
    window.dispatchEvent(new Event('online'));
    expect(rtm.reconnectNow).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['connected', 'reconnecting', 'connected']);

    rtm.drop(30_000);
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(rtm.reconnectNow).toHaveBeenCalledTimes(1);
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(rtm.reconnectNow).toHaveBeenCalledTimes(2);
    expect(seen.at(-1)).toBe('connected');

    // Connected already: nothing to hurry.
    window.dispatchEvent(new Event('online'));
    expect(rtm.reconnectNow).toHaveBeenCalledTimes(2);
  });

  it('marks a connected socket unstable while the browser is offline', () => {
    const { window } = page();
    const rtm = new StandIn();
    const status = connectionStatus(rtm);
    const seen: ConnectionStatus[] = [];
    status.subscribe((s) => seen.push(s));
    window.dispatchEvent(new Event('offline'));
    expect(status.current).toEqual({ status: 'connected', unstable: true });
    window.dispatchEvent(new Event('online'));
    expect(seen).toEqual([{ status: 'connected' }, { status: 'connected', unstable: true }, { status: 'connected' }]);
  });

  it('the last unsubscribe removes every listener it added', () => {
    vi.useFakeTimers();
    const { window } = page();
    const rtm = new StandIn();
    const status = connectionStatus(rtm);
    const first = status.subscribe(() => {});
    const second = status.subscribe(() => {});
    expect(rtm.listenerCount()).toBe(4);
    first();
    expect(rtm.listenerCount()).toBe(4);
    second();
    expect(rtm.listenerCount()).toBe(0);
    rtm.drop(30_000);
    window.dispatchEvent(new Event('online'));
    expect(rtm.reconnectNow).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    expect(rtm.state).toBe('ready');
  });
});
