// Cases found in the second review: tokens left on a queued frame, a socket left open after a long
// disconnect reason, timeouts no timer can hold, callWithToken cleanup, event order when a listener
// closes the client, and a disconnect push during the first login.
import { inspect } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  AbortError,
  callWithToken,
  ConnectionClosedError,
  createRTMClient,
  InputError,
  TimeoutError,
  type RTMClient,
  type RTMClientOptions,
  type Token,
  type WebSocketConstructor,
} from '../src/index.js';
import { startRtmServer, type RtmTestServer } from './helpers/ws-server.js';

const WS = WebSocket as unknown as WebSocketConstructor;
let server: RtmTestServer;
const clients: RTMClient[] = [];
const token = (accessToken = 'SECRET-ACCESS-1'): Token => ({
  accessToken,
  tokenType: 'Bearer',
  organizationID: 'org-1',
});
beforeEach(async () => {
  server = await startRtmServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});
function client(getter: () => Token | Promise<Token> = () => token(), o: Partial<RTMClientOptions> = {}): RTMClient {
  const c = createRTMClient(WS, getter, { api: 'agent', apiUrl: server.url, ...o });
  clients.push(c);
  return c;
}
const timers = (): number =>
  (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().filter((r) => r === 'Timeout')
    .length;

it('an update_session frame queued behind a full socket does not show its token (inspect), then goes out with it', async () => {
  let n = 0;
  const c = client(() => token(`SECRET-ACCESS-${++n}`), { maxPending: 1 });
  await c.login();
  let answer: (() => void) | undefined;
  server.handler = (f) =>
    f.action === 'list_chats' ? new Promise((r) => (answer = () => r({ payload: {} }))) : { payload: {} };
  const first = c.call('list_chats', {});
  const p = callWithToken(c, 'update_session', {});
  await server.waitFor(() => answer);
  await new Promise((r) => setTimeout(r, 20)); // the token arrived; the frame waits for a free slot
  expect(inspect(c, { depth: 8, showHidden: true })).not.toContain('SECRET-ACCESS-2');
  answer!();
  await first;
  await p;
  expect(server.conns[0]!.frames.find((f) => f.action === 'update_session')!.payload).toEqual({
    token: 'Bearer SECRET-ACCESS-2',
  });
});

it('an update_session queued while reconnecting that times out leaves nothing of its token on the client', async () => {
  let n = 0;
  const c = client(() => token(`SECRET-ACCESS-${++n}`), { reconnect: { initialDelay: 5000, maxDelay: 5000 } });
  await c.login();
  server.conns[0]!.terminate();
  await server.waitFor(() => c.state === 'reconnecting');
  expect(await callWithToken(c, 'update_session', {}, { timeout: 100 }).catch((e: unknown) => e)).toBeInstanceOf(
    TimeoutError,
  );
  expect(inspect(c, { depth: 8, showHidden: true })).not.toContain('SECRET-ACCESS-2');
});

it('a disconnect push with a reason too long for a close frame still closes the socket', async () => {
  const c = client(() => token(), { reconnect: false });
  await c.login();
  const conn = server.conns[0]!;
  conn.push('agent_disconnected', { reason: 'x'.repeat(200) });
  await server.waitFor(() => c.state === 'closed');
  await server.waitFor(() => conn.ws.readyState >= 2, 2000);
  expect(conn.ws.readyState).toBeGreaterThanOrEqual(2);
});

it('a timeout longer than a timer can hold (or Infinity: no deadline) works, callWithToken included', async () => {
  let n = 0;
  const slowSecond = (): Token | Promise<Token> =>
    ++n === 1 ? token() : new Promise<Token>((r) => setTimeout(() => r(token('SECRET-ACCESS-2')), 30));
  const c = client(slowSecond, { requestTimeout: Infinity, heartbeatInterval: Infinity });
  await c.login();
  await expect(c.call('list_chats', {}, { timeout: 3e9 })).resolves.toBeDefined();
  await expect(callWithToken(c, 'update_session', {}, { timeout: 3e9 })).resolves.toBeDefined();
  await expect(callWithToken(c, 'update_session', {})).resolves.toBeDefined(); // requestTimeout: Infinity
});

it('callWithToken aborted or timed out while the getter hangs leaves no timer behind', async () => {
  let calls = 0;
  const c = client(() => (++calls === 1 ? token() : new Promise<Token>(() => {})));
  await c.login();
  const before = timers();
  const ac = new AbortController();
  const p = callWithToken(c, 'update_session', {}, { signal: ac.signal, timeout: 60_000 });
  ac.abort();
  await expect(p).rejects.toBeInstanceOf(AbortError);
  expect(timers()).toBe(before);
  await expect(callWithToken(c, 'update_session', {}, { timeout: 20 })).rejects.toBeInstanceOf(TimeoutError);
  expect(timers()).toBe(before);
});

it('close() settles a callWithToken whose getter hangs', async () => {
  let calls = 0;
  const c = client(() => (++calls === 1 ? token() : new Promise<Token>(() => {})));
  await c.login();
  const p = callWithToken(c, 'update_session', {}, { timeout: 60_000 }).catch((e: unknown) => e);
  await c.close();
  expect(await p).toBeInstanceOf(ConnectionClosedError);
});

it('no close event with willReconnect: true follows the final close when a state listener closes the client', async () => {
  const c = client(() => token(), { reconnect: { initialDelay: 10, maxDelay: 10 } });
  await c.login();
  const log: string[] = [];
  c.onEvent('state', ({ to }) => {
    log.push(`state:${to}`);
    if (to === 'reconnecting') void c.close();
  });
  c.onEvent('close', ({ willReconnect }) => log.push(`close:${willReconnect}`));
  server.conns[0]!.close(1011, 'bye');
  await server.waitFor(() => c.state === 'closed');
  await new Promise((r) => setTimeout(r, 50));
  expect(log).toEqual(['state:reconnecting', 'state:closed', 'close:false']);
});

it('a disconnect push during the first login is reported (disconnected event) and its data is on the error', async () => {
  const c = client(() => token());
  const events: unknown[] = [];
  c.onEvent('disconnected', (d) => events.push(d));
  server.loginHandler = (_f, conn) => {
    conn.push('agent_disconnected', { reason: 'misdirected_connection', data: { region: 'fra' } });
    return 'none';
  };
  const err = await c.login().catch((e: unknown) => e);
  expect(events).toEqual([{ reason: 'misdirected_connection', data: { region: 'fra' }, willReconnect: false }]);
  expect(err).toBeInstanceOf(ConnectionClosedError);
  expect(err).toMatchObject({ action: 'login', reason: 'misdirected_connection', data: { region: 'fra' } });
});

it('login keeps a deep copy of its payload without any token: later changes by the caller and tokens never reach the client', async () => {
  let n = 0;
  const c = client(() => token(`SECRET-ACCESS-${++n}`), { reconnect: { initialDelay: 1, maxDelay: 1 } });
  const payload = { token: 'Bearer OLD-SECRET', pushes: { '3.6': ['incoming_event'] } };
  await c.login(payload);
  expect(inspect(c, { depth: 8, showHidden: true })).not.toContain('OLD-SECRET');
  payload.pushes['3.6'].push('incoming_chat'); // after login: must not change what a re-login sends
  server.conns[0]!.terminate();
  await server.waitFor(() => server.conns[1]?.frames.find((f) => f.action === 'login'));
  expect(server.conns[1]!.frames[0]!.payload).toEqual({
    pushes: { '3.6': ['incoming_event'] },
    token: 'Bearer SECRET-ACCESS-2',
  });
  expect(payload.token).toBe('Bearer OLD-SECRET'); // the caller's object is untouched
});

it('login refuses a payload that cannot be sent as JSON, before anything is sent', async () => {
  const c = client();
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  await expect(c.login({ customer_page: circular })).rejects.toBeInstanceOf(InputError);
  expect(server.conns).toHaveLength(0);
});

it('login copies its payload as JSON sends it: Proxies (reactive state), function members and toJSON', async () => {
  class Version {
    constructor(readonly v: string) {}
    toJSON(): string {
      return this.v;
    }
  }
  const c = client();
  const state = new Proxy(
    {
      pushes: { '3.6': ['incoming_chat'] },
      application: { name: 'app', version: new Version('1.2'), toString: () => 'x' },
    },
    {},
  );
  await c.login(state);
  expect(server.conns[0]!.frames[0]!.payload).toEqual({
    pushes: { '3.6': ['incoming_chat'] },
    application: { name: 'app', version: '1.2' },
    token: 'Bearer SECRET-ACCESS-1',
  });
});
