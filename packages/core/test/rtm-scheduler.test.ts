// Every deadline of a client (requests, heartbeat, reconnect) shares one timer: a request never
// creates a timer of its own, deadlines fire in order, and close() leaves no timer behind.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createRTMClient, type RTMClient, type WebSocketConstructor } from '../src/index.js';
import { startRtmServer, type RtmTestServer } from './helpers/ws-server.js';

let server: RtmTestServer;
const clients: RTMClient[] = [];
function client(): RTMClient {
  const c = createRTMClient(
    WebSocket as unknown as WebSocketConstructor,
    () => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'o' }),
    {
      api: 'agent',
      apiUrl: server.url,
    },
  );
  clients.push(c);
  return c;
}

beforeEach(async () => {
  server = await startRtmServer();
  server.handler = () => 'none';
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

it('runs each deadline at its time with one timer per client', async () => {
  const c = client();
  await c.login();
  const log: string[] = [];
  const t0 = performance.now();
  const calls = [300, 100, 200, 50].map((timeout) =>
    c
      .call(`t${timeout}`, {}, { timeout })
      .catch((e: { action: string }) => log.push(`${e.action}@${Math.round(performance.now() - t0)}`)),
  );
  await server.waitFor(() => server.conns[0]!.frames.length === 5);
  expect(vi.getTimerCount()).toBe(1);
  await vi.advanceTimersByTimeAsync(1000);
  await Promise.all(calls);
  expect(log).toEqual(['t50@50', 't100@100', 't200@200', 't300@300']);
  expect(vi.getTimerCount()).toBe(1); // the heartbeat
});

it('close() stops the timer at once, whatever is pending', async () => {
  const c = client();
  await c.login();
  const pending = [c.call('a', {}, { timeout: 10_000 }), c.call('b', {}, { timeout: 20_000 })].map((p) =>
    p.catch((e: Error) => e.name),
  );
  await c.close();
  expect(await Promise.all(pending)).toEqual(['ConnectionClosedError', 'ConnectionClosedError']);
  expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(30_000);
  expect(c.state).toBe('closed');
});

it('keeps order with many clients', async () => {
  const times = Array.from({ length: 20 }, (_, i) => 10 + ((i * 7919) % 1000));
  const all = times.map(() => client());
  await Promise.all(all.map((c) => c.login()));
  expect(vi.getTimerCount()).toBe(all.length);
  const seen: number[] = [];
  const t0 = performance.now();
  const calls = all.map((c, i) =>
    c.call('x', {}, { timeout: times[i] }).catch(() => seen.push(Math.round(performance.now() - t0))),
  );
  await server.waitFor(
    () => server.conns.length === all.length && server.conns.every((conn) => conn.frames.length === 2),
  );
  await vi.advanceTimersByTimeAsync(1100);
  await Promise.all(calls);
  expect(seen).toEqual([...times].sort((x, y) => x - y));
});
