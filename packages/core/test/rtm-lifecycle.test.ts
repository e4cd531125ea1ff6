import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import {
  AuthenticationError,
  ConnectionClosedError,
  createRTMClient,
  DISCONNECT_REASONS,
  reconnectsAfter,
  type RTMApi,
  type RTMClient,
  type RTMClientOptions,
  type RTMEvents,
  type Token,
  type TokenGetter,
  type WebSocketConstructor,
} from '../src/index.js';
import { DISCONNECT } from './helpers/disconnect.js';
import { startRtmServer, type RtmTestServer } from './helpers/ws-server.js';

const WS = WebSocket as unknown as WebSocketConstructor;
const FAKE = { toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] } as Parameters<
  typeof vi.useFakeTimers
>[0];

let server: RtmTestServer;
const clients: RTMClient[] = [];
/** A getter that returns a new token each time, asynchronously. */
function freshTokens() {
  let n = 0;
  const getter = async (): Promise<Token> => {
    await new Promise((r) => setImmediate(r));
    n++;
    return { accessToken: `tok-${n}`, tokenType: 'Bearer', organizationID: 'org-1', region: 'dal' };
  };
  return { getter, calls: () => n };
}
function client(options: Partial<RTMClientOptions> = {}, getter: TokenGetter = freshTokens().getter): RTMClient {
  const c = createRTMClient(WS, getter, {
    api: 'agent',
    apiUrl: server.url,
    reconnect: { initialDelay: 1, maxDelay: 5 },
    disconnect: DISCONNECT[options.api ?? 'agent'],
    ...options,
  });
  clients.push(c);
  return c;
}
function record(c: RTMClient) {
  const log: Array<[keyof RTMEvents, unknown]> = [];
  for (const event of ['state', 'ready', 'close', 'reconnecting', 'disconnected', 'error'] as const) {
    c.onEvent(event, (payload) => log.push([event, payload]));
  }
  return {
    log,
    of: <K extends keyof RTMEvents>(k: K) => log.filter((e) => e[0] === k).map((e) => e[1] as RTMEvents[K]),
  };
}
const until = (c: RTMClient, state: string) => server.waitFor(() => c.state === state);

beforeEach(async () => {
  server = await startRtmServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

describe('reconnect', () => {
  it('rejects in-flight requests at once, reconnects with a NEW token, logs in with the same payload, keeps pushes', async () => {
    server.handler = (f) => (f.action === 'hang' ? 'none' : { payload: { ok: f.action } });
    const tokens = freshTokens();
    const c = client({}, tokens.getter);
    const rec = record(c);
    const pushes: unknown[] = [];
    c.on('incoming_event', (p) => pushes.push(p));
    await c.login({ pushes: { '3.6': ['incoming_event'] } });
    const inflight = c.call('hang').catch((e: unknown) => e);
    await server.waitFor(() => server.conns[0]!.frames.length === 2);

    server.conns[0]!.close(4001, 'going away');
    const err = await inflight;
    expect(err).toBeInstanceOf(ConnectionClosedError);
    expect(err).toMatchObject({ code: 4001, reason: 'going away', action: 'hang' });

    await until(c, 'ready');
    expect(server.logins).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    expect(tokens.calls()).toBe(2);
    expect(server.conns[1]!.frames[0]!.payload).toEqual({
      pushes: { '3.6': ['incoming_event'] },
      token: 'Bearer tok-2',
    });
    // the hung request was not re-sent
    expect(server.conns[1]!.frames.map((f) => f.action)).toEqual(['login']);

    server.conns[1]!.push('incoming_event', { after: 'reconnect' });
    await server.waitFor(() => pushes.length === 1);
    expect(pushes).toEqual([{ after: 'reconnect' }]);
    await expect(c.call('works')).resolves.toEqual({ ok: 'works' });

    expect(rec.of('state').map((s) => s.to)).toEqual(['connecting', 'logging_in', 'ready', 'reconnecting', 'ready']);
    expect(rec.of('close')).toEqual([{ code: 4001, reason: 'going away', willReconnect: true }]);
    expect(rec.of('reconnecting')).toHaveLength(1);
    expect(rec.of('ready').map((r) => r.reconnected)).toEqual([false, true]);
  });

  it('maps the login payload with `relogin` on re-login only, without touching the caller’s object', async () => {
    const payload = { pushes: { '3.6': ['all'] } };
    const c = client({ relogin: (p) => ({ ...p, reconnect: true }) });
    await c.login(payload);
    server.conns[0]!.close(4001, 'going away');
    await until(c, 'reconnecting');
    await until(c, 'ready');
    expect(server.conns[0]!.frames[0]!.payload).toEqual({ pushes: { '3.6': ['all'] }, token: 'Bearer tok-1' });
    expect(server.conns[1]!.frames[0]!.payload).toEqual({
      pushes: { '3.6': ['all'] },
      reconnect: true,
      token: 'Bearer tok-2',
    });
    expect(payload).toEqual({ pushes: { '3.6': ['all'] } });
  });

  it('a per-call apiVersion puts `version` on that frame only', async () => {
    const c = client();
    await c.login();
    await c.call('list_canned_responses', {}, { apiVersion: '3.7' });
    await c.call('list_chats', {});
    const frames = server.conns[0]!.frames.filter((f) => f.action !== 'login');
    expect(frames.map((f) => [f.action, (f as { version?: string }).version])).toEqual([
      ['list_canned_responses', '3.7'],
      ['list_chats', undefined],
    ]);
    await expect(c.call('list_chats', {}, { apiVersion: 'x' })).rejects.toMatchObject({ name: 'InputError' });
  });

  it('rejects a relogin option that is not a function', () => {
    expect(() => client({ relogin: 'yes' as never })).toThrow(/relogin/);
  });

  it('queues requests made while reconnecting and sends them once ready', async () => {
    let refuse = 2;
    server.loginHandler = () =>
      server.logins.length > 1 && refuse-- > 0
        ? { error: { type: 'internal', message: 'try later' } }
        : { payload: {} };
    const c = client();
    const rec = record(c);
    await c.login();
    server.dropAll();
    await until(c, 'reconnecting');
    const queued = [c.call('a', { n: 1 }), c.call('b', { n: 2 })];
    await expect(Promise.all(queued)).resolves.toEqual([{ echo: { n: 1 } }, { echo: { n: 2 } }]);
    expect(c.state).toBe('ready');
    expect(server.logins).toHaveLength(4); // first + two transient failures + success
    expect(rec.of('error').map((e) => e.error.name)).toEqual(['ApiError', 'ApiError']);
    const last = server.conns.at(-1)!;
    expect(last.frames.map((f) => f.action)).toEqual(['login', 'a', 'b']);
  });

  it('backs off exponentially with jitter and a cap', async () => {
    vi.useFakeTimers(FAKE);
    let fail = true;
    const getter = () => {
      if (fail) throw new Error('token service down');
      return { accessToken: 't', tokenType: 'Bearer' as const, organizationID: 'o' };
    };
    const c = client({ reconnect: { initialDelay: 100, maxDelay: 1000, factor: 2 } }, getter as never);
    const rec = record(c);
    fail = false;
    await c.login();
    fail = true;
    server.dropAll();
    await until(c, 'reconnecting');
    for (let i = 1; i < 8; i++) {
      await vi.advanceTimersByTimeAsync(rec.of('reconnecting').at(-1)!.delay);
      await server.waitFor(() => rec.of('reconnecting').length === i + 1);
    }
    const delays = rec.of('reconnecting').map((r) => r.delay);
    const bases = [100, 200, 400, 800, 1000, 1000, 1000, 1000];
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(bases[i]! / 2);
      expect(d).toBeLessThanOrEqual(bases[i]!);
    });
    expect(rec.of('reconnecting').map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rec.of('error').every((e) => e.error.name === 'TokenError')).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    await until(c, 'ready');
  });

  it('ends closed on an authentication failure while logging in again', async () => {
    const c = client();
    const rec = record(c);
    await c.login();
    server.loginHandler = () => ({ error: { type: 'authentication', message: 'Invalid access token' } });
    server.dropAll();
    await until(c, 'closed');
    const [error] = rec.of('error');
    expect(error!.error).toBeInstanceOf(AuthenticationError);
    expect(rec.of('close').at(-1)).toEqual({ code: 1000, reason: 'authentication', willReconnect: false });
    const err = await c.call('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionClosedError);
    expect((err as ConnectionClosedError).cause).toBeInstanceOf(AuthenticationError);
  });

  it('with reconnect: false, an unexpected close ends in closed', async () => {
    const c = client({ reconnect: false });
    await c.login();
    server.conns[0]!.close(1001, 'bye');
    await until(c, 'closed');
    await expect(c.call('x')).rejects.toMatchObject({ name: 'ConnectionClosedError', code: 1001, reason: 'bye' });
  });

  it('gives up after maxAttempts', async () => {
    const c = client({ reconnect: { initialDelay: 1, maxDelay: 2, maxAttempts: 2 } });
    const rec = record(c);
    await c.login();
    server.loginHandler = () => ({ error: { type: 'internal', message: 'down' } });
    server.dropAll();
    await until(c, 'closed');
    expect(rec.of('reconnecting')).toHaveLength(2);
    expect(rec.of('error').at(-1)!.error.message).toMatch(/Gave up reconnecting after 2 attempts/);
  });
});

describe('timeouts of connecting and logging in', () => {
  it('rejects the first login() with a TimeoutError when login is never answered, and ends idle', async () => {
    vi.useFakeTimers(FAKE);
    server.loginHandler = () => 'none';
    const c = client({ requestTimeout: 2000 });
    const p = c.login().catch((e: unknown) => e);
    await server.waitFor(() => server.logins.length === 1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await p).toMatchObject({ name: 'TimeoutError', action: 'login', timeout: 2000 });
    expect(c.state).toBe('idle');
    await server.waitFor(() => server.conns[0]!.ws.readyState === WebSocket.CLOSED);
  });

  it('gives up a re-login that gets no answer and tries again', async () => {
    vi.useFakeTimers(FAKE);
    const c = client({ requestTimeout: 3000, reconnect: { initialDelay: 10, maxDelay: 10 } });
    const rec = record(c);
    await c.login();
    server.loginHandler = () => 'none';
    server.dropAll();
    await until(c, 'reconnecting');
    await vi.advanceTimersByTimeAsync(10);
    await server.waitFor(() => server.logins.length === 2);
    server.loginHandler = () => ({ payload: { again: true } });
    await vi.advanceTimersByTimeAsync(3000); // the silent attempt is dropped
    await vi.advanceTimersByTimeAsync(10);
    await until(c, 'ready');
    expect(server.logins).toHaveLength(3);
    expect(rec.of('reconnecting').map((r) => r.attempt)).toEqual([1, 2]);
    expect(rec.of('ready').at(-1)).toEqual({ payload: { again: true }, reconnected: true });
  });
});

describe('disconnect pushes', () => {
  async function disconnectWith(api: RTMApi, reason: string) {
    const tokens = freshTokens();
    const c = client({ api }, tokens.getter);
    const rec = record(c);
    const seen: unknown[] = [];
    c.on(`${api}_disconnected`, (p) => seen.push(p));
    server.handler = () => 'none';
    await c.login();
    const inflight = c.call('hang').catch((e: unknown) => e);
    await server.waitFor(() => server.conns[0]!.frames.length === 2);
    server.conns[0]!.push(`${api}_disconnected`, { reason });
    const err = await inflight;
    return { c, rec, err, seen, tokens };
  }

  it('does not reconnect after an agent connection_evicted', async () => {
    const { c, rec, err, seen } = await disconnectWith('agent', 'connection_evicted');
    expect(err).toMatchObject({ name: 'ConnectionClosedError', reason: 'connection_evicted' });
    await until(c, 'closed');
    expect(seen).toEqual([{ reason: 'connection_evicted' }]);
    expect(rec.of('disconnected')).toEqual([{ reason: 'connection_evicted', data: undefined, willReconnect: false }]);
    expect(rec.of('close').at(-1)).toMatchObject({ reason: 'connection_evicted', willReconnect: false });
    expect(server.conns).toHaveLength(1);
  });

  it('reconnects after a customer connection_evicted', async () => {
    const { c, rec } = await disconnectWith('customer', 'connection_evicted');
    await until(c, 'ready');
    expect(rec.of('disconnected')).toEqual([{ reason: 'connection_evicted', data: undefined, willReconnect: true }]);
    expect(server.conns).toHaveLength(2);
  });

  it('reconnects with a fresh token after access_token_expired', async () => {
    const { c, tokens } = await disconnectWith('agent', 'access_token_expired');
    await until(c, 'ready');
    expect(tokens.calls()).toBe(2);
    expect(server.logins).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it.each([
    ['agent', 'agent_logged_out_remotely'],
    ['agent', 'license_expired'],
    ['customer', 'logged_out_remotely'],
    ['customer', 'too_many_connections'],
  ] as const)('%s %s ends in closed', async (api, reason) => {
    const { c } = await disconnectWith(api, reason);
    await until(c, 'closed');
    await expect(c.call('x')).rejects.toMatchObject({ name: 'ConnectionClosedError', reason });
  });

  it('the reconnect table matches spec/pushes-webhooks.json', () => {
    const spec = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../spec/pushes-webhooks.json', import.meta.url)), 'utf8'),
    ) as {
      pushes: Array<{
        api: string;
        name: string;
        version: string;
        reasons?: Array<{ reason: string; suggested_behavior: string }>;
      }>;
    };
    for (const api of ['agent', 'customer'] as const) {
      const push = spec.pushes.find((p) => p.name === `${api}_disconnected` && p.version === '3.6');
      const reasons = push?.reasons ?? [];
      expect(reasons.length).toBeGreaterThan(5);
      const fromSpec = Object.fromEntries(
        reasons.map((r) => [r.reason, !/^don't reconnect/i.test(r.suggested_behavior)]),
      );
      expect(DISCONNECT_REASONS[api]).toEqual(fromSpec);
      for (const [reason, reconnect] of Object.entries(fromSpec)) expect(reconnectsAfter(api, reason)).toBe(reconnect);
    }
    expect(reconnectsAfter('agent', 'some_new_reason')).toBe(true);
  });
});

describe('heartbeat', () => {
  it('pings every 15 s after login and recovers when a ping gets no answer', async () => {
    vi.useFakeTimers(FAKE);
    const c = client();
    const rec = record(c);
    await c.login();
    const pings = (i: number) => server.conns[i]!.frames.filter((f) => f.action === 'ping');
    expect(pings(0)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(15_000);
    await server.waitFor(() => pings(0).length === 1);
    expect(pings(0)[0]).toEqual({ action: 'ping', payload: {} });
    await vi.advanceTimersByTimeAsync(15_000);
    await server.waitFor(() => pings(0).length === 2);
    expect(c.state).toBe('ready');

    server.answerPings = false;
    await vi.advanceTimersByTimeAsync(15_000);
    await server.waitFor(() => pings(0).length === 3);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(c.state).toBe('ready');
    await vi.advanceTimersByTimeAsync(1);
    expect(c.state).toBe('reconnecting');
    expect(rec.of('close').at(-1)).toEqual({ code: 4000, reason: 'heartbeat timeout', willReconnect: true });
    server.answerPings = true;
    await vi.advanceTimersByTimeAsync(10);
    await until(c, 'ready');
    expect(server.conns).toHaveLength(2);
  });

  it('any frame counts as an answer to the ping', async () => {
    vi.useFakeTimers(FAKE);
    server.answerPings = false;
    const c = client();
    let others = 0;
    c.on('other', () => others++);
    await c.login();
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(15_000);
      await server.waitFor(() => server.conns[0]!.frames.filter((f) => f.action === 'ping').length === i + 1);
      server.conns[0]!.push('other', {});
      await server.waitFor(() => others === i + 1);
    }
    expect(c.state).toBe('ready');
    expect(server.conns).toHaveLength(1);
  });
});
