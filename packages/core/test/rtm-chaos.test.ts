import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ApiError,
  ConnectionClosedError,
  createRTMClient,
  LcError,
  type RTMClient,
  type WebSocketConstructor,
} from '../src/index.js';
import { DISCONNECT } from './helpers/disconnect.js';
import { startRtmServer, type RtmTestServer } from './helpers/ws-server.js';

let server: RtmTestServer;
let client: RTMClient | undefined;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(async () => {
  server = await startRtmServer();
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await client?.close();
  await server.close();
});

/** Deterministic pseudo-random numbers (so a failure can be replayed). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

it('5,000 requests while the server drops the socket at random points: all settle, none is re-sent, client ends ready', async () => {
  const rnd = lcg(0xc0ffee);
  let drops = 0;
  const dropAt = (conn: (typeof server.conns)[number]) => {
    drops++;
    const how = rnd();
    if (how < 0.4) conn.terminate();
    else if (how < 0.7) conn.close(1011, 'server error');
    else conn.push('agent_disconnected', { reason: 'internal_error' });
  };
  server.loginHandler = (_f, conn) => {
    if (rnd() < 0.05) {
      dropAt(conn); // drop during login
      return 'none';
    }
    return { payload: {} };
  };
  server.handler = (f, conn) => {
    const r = rnd();
    if (r < 0.004) {
      dropAt(conn);
      return 'none';
    }
    if (r < 0.02) return { error: { type: 'validation', message: 'nope' } };
    if (r < 0.3) return new Promise((res) => setTimeout(() => res({ payload: { n: f.payload.n } }), rnd() * 3));
    return { payload: { n: f.payload.n } };
  };

  client = createRTMClient(
    WebSocket as unknown as WebSocketConstructor,
    () => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'o' }),
    {
      api: 'agent',
      apiUrl: server.url,
      reconnect: { initialDelay: 1, maxDelay: 10 },
      disconnect: DISCONNECT.agent,
    },
  );
  const c = client;
  await c.login();

  const N = 5000;
  const outcomes = { resolved: 0, apiError: 0, closed: 0, other: [] as unknown[] };
  const all: Promise<void>[] = [];
  for (let n = 0; n < N; n++) {
    const p = c.call<{ n: number }>('work', { n }).then(
      (res) => {
        expect(res.n).toBe(n);
        outcomes.resolved++;
      },
      (e: unknown) => {
        if (e instanceof ApiError) outcomes.apiError++;
        else if (e instanceof ConnectionClosedError) outcomes.closed++;
        else outcomes.other.push(e);
      },
    );
    all.push(p);
    // spread the calls over time so drops hit every phase (queued, in flight, reconnecting)
    if (n % 250 === 0) await new Promise((r) => setTimeout(r, rnd() * 5));
  }
  await Promise.all(all);
  await server.waitFor(() => c.state === 'ready');
  await expect(c.call('work', { n: -1 })).resolves.toEqual({ n: -1 });

  expect(outcomes.other).toEqual([]);
  expect(outcomes.resolved + outcomes.apiError + outcomes.closed).toBe(N);
  expect(drops).toBeGreaterThan(5);
  expect(outcomes.closed).toBeGreaterThan(0);
  expect(unhandled).toEqual([]);
  // never more than 10 pending per socket; no request was sent twice
  const sent = server.conns.flatMap((conn) => conn.frames.filter((f) => f.action === 'work').map((f) => f.request_id));
  expect(new Set(sent).size).toBe(sent.length);
  expect(Math.max(...server.conns.map((conn) => conn.maxPending))).toBeLessThanOrEqual(10);
  // every rejection is typed
  expect(outcomes.other.every((e) => e instanceof LcError)).toBe(true);
}, 20_000);
