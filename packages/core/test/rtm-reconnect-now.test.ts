// reconnectNow(): a UI that knows the network is back skips the rest of the backoff wait.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createRTMClient, type RTMClient, type RTMEvents, type WebSocketConstructor } from '../src/index.js';
import { startRtmServer, type RtmTestServer } from './helpers/ws-server.js';

let server: RtmTestServer;
const clients: RTMClient[] = [];
function client(): RTMClient {
  const c = createRTMClient(
    WebSocket as unknown as WebSocketConstructor,
    () => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'o' }),
    { api: 'agent', apiUrl: server.url, reconnect: { initialDelay: 60_000, maxDelay: 60_000 } },
  );
  clients.push(c);
  return c;
}
function reconnecting(c: RTMClient): Array<RTMEvents['reconnecting']> {
  const log: Array<RTMEvents['reconnecting']> = [];
  c.onEvent('reconnecting', (e) => log.push(e));
  return log;
}

beforeEach(async () => {
  server = await startRtmServer();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

it('starts the announced attempt at once instead of waiting out the backoff', async () => {
  const c = client();
  const log = reconnecting(c);
  await c.login();
  server.dropAll();
  await server.waitFor(() => log.length === 1);
  expect(log[0]!.delay).toBeGreaterThanOrEqual(30_000);
  c.reconnectNow();
  await server.waitFor(() => c.state === 'ready');
  expect(server.logins).toHaveLength(2);
  expect(log.map((e) => e.attempt)).toEqual([1]); // the attempt already announced, not a new one
  // The next drop counts from zero again (a successful login resets the attempts), as after a normal attempt.
  server.conns[1]!.terminate();
  await server.waitFor(() => log.length === 2);
  expect(log[1]!.attempt).toBe(1);
});

it('a failed early attempt backs off as the next attempt', async () => {
  const c = client();
  const log = reconnecting(c);
  await c.login();
  server.loginHandler = () => ({ error: { type: 'internal', message: 'down' } });
  c.onEvent('error', () => {});
  server.dropAll();
  await server.waitFor(() => log.length === 1);
  c.reconnectNow();
  await server.waitFor(() => log.length === 2);
  expect(server.logins).toHaveLength(2);
  expect(log.map((e) => e.attempt)).toEqual([1, 2]);
  expect(c.state).toBe('reconnecting');
});

it('does nothing in any other state, nor while an attempt runs', async () => {
  const c = client();
  const log = reconnecting(c);
  c.reconnectNow(); // idle
  expect(c.state).toBe('idle');
  expect(server.conns).toHaveLength(0);
  await c.login();
  c.reconnectNow(); // ready
  expect(c.state).toBe('ready');
  server.loginHandler = () => 'none';
  server.dropAll();
  await server.waitFor(() => log.length === 1);
  c.reconnectNow();
  await server.waitFor(() => server.logins.length === 2);
  c.reconnectNow(); // an attempt is logging in: no second socket
  c.reconnectNow();
  await vi.advanceTimersByTimeAsync(0);
  expect(server.conns).toHaveLength(2);
  await c.close();
  c.reconnectNow(); // closed
  expect(c.state).toBe('closed');
  expect(server.conns).toHaveLength(2);
});
