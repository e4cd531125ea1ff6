// options.hooks of the RTM client: what a logger or tracer sees of each request, state change and
// frame. Tokens never reach a hook; payloads only with includePayloads.
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  callWithToken,
  type ClientHooks,
  createRTMClient,
  type FrameInfo,
  type RequestEndInfo,
  type RequestStartInfo,
  type RTMClient,
  rtmHooks,
  type StateChangeInfo,
  type WebSocketConstructor,
} from '../src/index.js';
import { startRtmServer, type RtmTestServer } from './helpers/ws-server.js';

let server: RtmTestServer;
const clients: RTMClient[] = [];
function recorder(includePayloads = false) {
  const seen = {
    start: [] as RequestStartInfo[],
    end: [] as RequestEndInfo[],
    state: [] as StateChangeInfo[],
    frames: [] as FrameInfo[],
  };
  const hooks: ClientHooks = {
    onRequestStart: (i) => seen.start.push(i),
    onRequestEnd: (i) => seen.end.push(i),
    onStateChange: (i) => seen.state.push(i),
    onFrame: (i) => seen.frames.push(i),
    includePayloads,
  };
  return { hooks, seen };
}
function client(hooks: ClientHooks | undefined): RTMClient {
  let n = 0;
  const c = createRTMClient(
    WebSocket as unknown as WebSocketConstructor,
    () => ({ accessToken: `SECRET-${++n}`, tokenType: 'Bearer', organizationID: 'o' }),
    { api: 'customer', apiUrl: server.url, hooks: hooks && rtmHooks(hooks) },
  );
  clients.push(c);
  return c;
}

beforeEach(async () => {
  server = await startRtmServer();
  server.handler = (f) => {
    if (f.action === 'fail') return { error: { type: 'validation', message: 'bad' } };
    return { payload: f.action === 'update_session' ? {} : { echo: f.payload } };
  };
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

it('reports each request as it starts and ends, without payloads by default', async () => {
  const { hooks, seen } = recorder();
  const c = client(hooks);
  await c.login();
  await c.call('list_chats', { limit: 1 });
  await c.call('fail', {}, { apiVersion: '3.7' }).catch(() => {});
  const base = { api: 'customer', transport: 'rtm', attempt: 1 };
  expect(seen.start).toEqual([
    { ...base, action: 'list_chats', version: '3.6' },
    { ...base, action: 'fail', version: '3.7' },
  ]);
  const [ok, failed] = seen.end;
  expect(ok).toEqual({
    ...base,
    action: 'list_chats',
    version: '3.6',
    duration: expect.any(Number),
    requestId: expect.any(String),
  });
  expect(failed).toMatchObject({
    ...base,
    action: 'fail',
    version: '3.7',
    error: { name: 'ValidationError', type: 'validation' },
  });
  expect(ok!.requestId).toBe(server.conns[0]!.frames[1]!.request_id);
  expect(ok!.duration).toBeGreaterThanOrEqual(0);
  expect(JSON.stringify(seen)).not.toContain('SECRET');
});

it('passes request and response payloads with includePayloads, never a token', async () => {
  const { hooks, seen } = recorder(true);
  const c = client(hooks);
  await c.login();
  await c.call('list_chats', { limit: 1 });
  await callWithToken(c, 'update_session', {});
  expect(seen.start.map((i) => i.payload)).toEqual([{ limit: 1 }, {}]);
  expect(seen.end[0]).toMatchObject({ payload: { limit: 1 }, response: { echo: { limit: 1 } } });
  expect(JSON.stringify(seen)).not.toContain('SECRET');
});

it('reports every state change and every frame in and out, tokens redacted', async () => {
  const { hooks, seen } = recorder();
  const c = client(hooks);
  await c.login({ customer_page: { url: 'https://example.com' } });
  await callWithToken(c, 'update_session', {});
  await c.close();
  expect(seen.state.map((s) => `${s.from}>${s.to}`)).toEqual([
    'idle>connecting',
    'connecting>logging_in',
    'logging_in>ready',
    'ready>closed',
  ]);
  expect(seen.state[0]).toEqual({ api: 'customer', from: 'idle', to: 'connecting' });
  const frames = seen.frames.map((f) => [f.direction, JSON.parse(f.frame).action]);
  expect(frames).toEqual([
    ['out', 'login'],
    ['in', 'login'],
    ['out', 'update_session'],
    ['in', 'update_session'],
  ]);
  expect(JSON.parse(seen.frames[0]!.frame).payload).toEqual({
    customer_page: { url: 'https://example.com' },
    token: '[redacted]',
  });
  expect(JSON.stringify(seen)).not.toContain('SECRET');
  expect(server.logins).toEqual(['Bearer SECRET-1']); // what went out on the wire is untouched
});

it('a client without hooks sends the same frames', async () => {
  const c = client(undefined);
  await c.login();
  await expect(c.call('list_chats', {})).resolves.toEqual({ echo: {} });
});

it('plain ClientHooks, not built by rtmHooks(), are an InputError (never silently ignored)', () => {
  expect(() =>
    createRTMClient(
      WebSocket as unknown as WebSocketConstructor,
      () => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'o' }),
      {
        api: 'agent',
        hooks: { onFrame: () => {} } as never,
      },
    ),
  ).toThrow(expect.objectContaining({ name: 'InputError', field: 'hooks' }));
});
