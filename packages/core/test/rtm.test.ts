import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import {
  AbortError,
  ApiError,
  ConnectionClosedError,
  ConnectionError,
  callWithToken,
  createRTMClient,
  InputError,
  ListenerError,
  ProtocolError,
  TimeoutError,
  ValidationError,
  type RTMClient,
  type RTMClientOptions,
  type RTMEvents,
  type Token,
  type TokenGetter,
  type WebSocketConstructor,
} from '../src/index.js';
import { startRtmServer, type RtmTestServer } from './helpers/ws-server.js';

const WS = WebSocket as unknown as WebSocketConstructor;
const token =
  (accessToken = 'tok-1', extra: Partial<Token> = {}) =>
  (): Token => ({
    accessToken,
    tokenType: 'Bearer',
    organizationID: 'org-1',
    region: 'dal',
    ...extra,
  });

let server: RtmTestServer;
const clients: RTMClient[] = [];
function client(options: Partial<RTMClientOptions> = {}, getter: TokenGetter = token()): RTMClient {
  const c = createRTMClient(WS, getter, { api: 'agent', apiUrl: server.url, ...options });
  clients.push(c);
  return c;
}
/** Records lifecycle events of a client, in order. */
function record(c: RTMClient) {
  const log: Array<{ event: keyof RTMEvents; payload: unknown }> = [];
  for (const event of ['state', 'ready', 'close', 'reconnecting', 'disconnected', 'error'] as const) {
    c.onEvent(event, (payload) => log.push({ event, payload }));
  }
  return {
    log,
    states: () => log.filter((e) => e.event === 'state').map((e) => (e.payload as RTMEvents['state']).to),
    errors: () => log.filter((e) => e.event === 'error').map((e) => (e.payload as RTMEvents['error']).error),
  };
}

beforeEach(async () => {
  server = await startRtmServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

describe('createRTMClient: input', () => {
  it('rejects bad options before anything is sent', () => {
    expect(() => createRTMClient(WS, token(), { api: 'reports' as never })).toThrow(InputError);
    expect(() => createRTMClient(WS, 'nope' as never, { api: 'agent' })).toThrow(InputError);
    expect(() => createRTMClient(WS, token(), { api: 'agent', maxPending: 0 })).toThrow(InputError);
    expect(() => createRTMClient(WS, token(), { api: 'agent', apiUrl: 'ftp://x' })).toThrow(InputError);
    expect(() => createRTMClient(WS, token(), { api: 'agent', apiVersion: 'latest' })).toThrow(InputError);
  });

  it('falls back to globalThis.WebSocket and fails clearly when there is none', () => {
    expect(typeof (globalThis as { WebSocket?: unknown }).WebSocket).toBe('undefined'); // Node 20
    expect(() => createRTMClient(undefined, token(), { api: 'customer' })).toThrow(/No WebSocket implementation/);
    vi.stubGlobal('WebSocket', WS);
    try {
      expect(createRTMClient(undefined, token(), { api: 'customer' }).state).toBe('idle');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('rejects a call before login() with an InputError and sends nothing', async () => {
    const c = client();
    await expect(c.call('list_chats', {})).rejects.toThrow(/call login\(\) first/);
    await expect(c.call('list_chats', {})).rejects.toBeInstanceOf(InputError);
    expect(server.conns).toHaveLength(0);
  });

  it('validates action, payload and options of a call', async () => {
    const c = client();
    await c.login();
    await expect(c.call('', {})).rejects.toBeInstanceOf(InputError);
    await expect(c.call('login', {})).rejects.toBeInstanceOf(InputError);
    await expect(c.call('x', [] as never)).rejects.toBeInstanceOf(InputError);
    await expect(c.call('x', {}, { timeout: -1 })).rejects.toBeInstanceOf(InputError);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(c.call('x', circular)).rejects.toMatchObject({ name: 'InputError', field: 'payload' });
    expect(server.conns[0]!.frames.map((f) => f.action)).toEqual(['login']);
  });
});

describe('URL', () => {
  function recordingWS(urls: string[]): WebSocketConstructor {
    return class extends WebSocket {
      constructor(url: string) {
        urls.push(url);
        super(url);
      }
    } as unknown as WebSocketConstructor;
  }

  it('carries organization_id and region from the token getter', async () => {
    const urls: string[] = [];
    const c = createRTMClient(recordingWS(urls), token('t', { organizationID: 'org / 1', region: 'fra' }), {
      api: 'customer',
      apiUrl: server.url,
    });
    clients.push(c);
    await c.login();
    // Query-string encoding (a space is `+`); the server reads the organization back below.
    expect(urls).toEqual([`${server.url}/v3.6/customer/rtm/ws?organization_id=org+%2F+1&region=fra`]);
    const conn = await server.conn(0);
    expect(conn.url.pathname).toBe('/v3.6/customer/rtm/ws');
    expect(conn.url.searchParams.get('organization_id')).toBe('org / 1');
  });

  it('omits region when unknown, takes it from a dal:/fra: token prefix, honours apiVersion', async () => {
    const urls: string[] = [];
    const a = createRTMClient(recordingWS(urls), token('plain', { region: undefined }), {
      api: 'agent',
      apiUrl: server.url,
      apiVersion: '3.7',
    });
    const b = createRTMClient(recordingWS(urls), token('fra:abc', { region: undefined }), {
      api: 'agent',
      apiUrl: `${server.url}/`,
    });
    clients.push(a, b);
    await a.login();
    await b.login();
    expect(urls).toEqual([
      `${server.url}/v3.7/agent/rtm/ws?organization_id=org-1`,
      `${server.url}/v3.6/agent/rtm/ws?organization_id=org-1&region=fra`,
    ]);
  });

  it('uses wss:// for a bare host and for the default', async () => {
    const urls: string[] = [];
    const Throwing = class {
      constructor(url: string) {
        urls.push(url);
        throw new Error('no network in tests');
      }
    } as unknown as WebSocketConstructor;
    const bare = createRTMClient(Throwing, token(), { api: 'agent', apiUrl: 'example.test:8443' });
    const def = createRTMClient(Throwing, token(), { api: 'customer' });
    await expect(bare.login()).rejects.toBeInstanceOf(ConnectionError);
    await expect(def.login()).rejects.toBeInstanceOf(ConnectionError);
    expect(urls).toEqual([
      'wss://example.test:8443/v3.6/agent/rtm/ws?organization_id=org-1&region=dal',
      'wss://api.livechatinc.com/v3.6/customer/rtm/ws?organization_id=org-1&region=dal',
    ]);
    expect(bare.state).toBe('idle');
  });
});

describe('login and lifecycle', () => {
  it('goes idle → connecting → logging_in → ready and sends the token from the getter', async () => {
    const c = client({}, async () => token('secret-1')());
    const rec = record(c);
    const payload = { pushes: { '3.6': ['incoming_event'] } };
    const res = await c.login<{ login: number }>(payload);
    expect(res).toEqual({ login: 1 });
    expect(c.state).toBe('ready');
    expect(rec.states()).toEqual(['connecting', 'logging_in', 'ready']);
    expect(rec.log.find((e) => e.event === 'ready')?.payload).toEqual({ payload: { login: 1 }, reconnected: false });
    const login = server.conns[0]!.frames[0]!;
    expect(login.action).toBe('login');
    expect(login.payload).toEqual({ pushes: { '3.6': ['incoming_event'] }, token: 'Bearer secret-1' });
    expect(payload).toEqual({ pushes: { '3.6': ['incoming_event'] } }); // caller's object untouched
  });

  it('connect() resolves once the socket is open; login() then logs in on it', async () => {
    const c = client();
    await c.connect();
    expect(c.state).toBe('connecting');
    await server.conn(0);
    await c.login();
    expect(server.conns).toHaveLength(1);
    expect(c.state).toBe('ready');
  });

  it('rejects login() with the ApiError and returns to idle when the first login fails', async () => {
    server.loginHandler = () => ({ error: { type: 'authentication', message: 'Invalid access token' } });
    const c = client();
    const rec = record(c);
    const err = await c.login().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ name: 'AuthenticationError', type: 'authentication', action: 'login' });
    expect(c.state).toBe('idle');
    expect(rec.states()).toEqual(['connecting', 'logging_in', 'idle']);
    await expect(c.call('x')).rejects.toBeInstanceOf(InputError);
    server.loginHandler = () => ({ payload: { second: true } });
    await expect(c.login()).resolves.toEqual({ second: true });
  });

  it('rejects login() with a ConnectionError when nobody listens, and ends idle', async () => {
    const dead = await startRtmServer();
    const url = dead.url;
    await dead.close();
    const c = client({ apiUrl: url });
    const err = await c.login().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as Error).message).toMatch(/Could not connect/);
    expect(c.state).toBe('idle');
    await expect(client({ apiUrl: url }).connect()).rejects.toBeInstanceOf(ConnectionError);
  });

  it('rejects a second login() and a login() without a valid token', async () => {
    const c = client();
    await c.login();
    await expect(c.login()).rejects.toBeInstanceOf(InputError);
    const bad = client({}, () => ({ accessToken: '', tokenType: 'Bearer', organizationID: 'o' }));
    await expect(bad.login()).rejects.toMatchObject({ name: 'TokenError', field: 'accessToken' });
    expect(bad.state).toBe('idle');
  });
});

describe('requests', () => {
  it('correlates responses by request_id with unique ids', async () => {
    server.handler = (f) =>
      f.action === 'slow'
        ? new Promise((r) => setTimeout(() => r({ payload: { n: f.payload.n } }), 20))
        : { payload: { n: f.payload.n } };
    const c = client();
    await c.login();
    const results = await Promise.all([c.call('slow', { n: 1 }), c.call('fast', { n: 2 }), c.call('fast', { n: 3 })]);
    expect(results).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const ids = server.conns[0]!.frames.map((f) => f.request_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects success:false with the ApiError subclass, carrying action and request id', async () => {
    server.handler = () => ({
      error: { type: 'validation', message: 'Wrong format of request', data: { field: 'chat_id' } },
    });
    const c = client();
    await c.login();
    const err = (await c.call('get_chat', { chat_id: 'X' }).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({
      type: 'validation',
      message: 'Wrong format of request',
      action: 'get_chat',
      data: { field: 'chat_id' },
    });
    expect(err.requestId).toBe(server.conns[0]!.frames[1]!.request_id);
  });

  it('keeps at most 10 requests pending on the socket and sends the rest in order', async () => {
    const held: Array<() => void> = [];
    server.handler = (f, conn) => {
      held.push(() => conn.reply(f, { payload: { n: f.payload.n } }));
      return 'none';
    };
    const c = client();
    await c.login();
    const calls = Array.from({ length: 35 }, (_, n) => c.call('work', { n }));
    const conn = server.conns[0]!;
    await server.waitFor(() => held.length === 10);
    expect(conn.pending).toBe(10);
    // answer one at a time, out of order sometimes
    while (held.length) {
      const i = held.length > 3 ? 1 : 0;
      held.splice(i, 1)[0]!();
      await server.waitFor(() => held.length > 0 || conn.frames.length === 36);
      if (conn.frames.length === 36 && held.length === 0) break;
    }
    const results = await Promise.all(calls);
    expect(results).toEqual(Array.from({ length: 35 }, (_, n) => ({ n })));
    expect(conn.maxPending).toBe(10);
    expect(conn.frames.slice(1).map((f) => f.payload.n)).toEqual(Array.from({ length: 35 }, (_, n) => n));
  });

  it('honours maxPending', async () => {
    server.handler = () => new Promise((r) => setTimeout(() => r({ payload: {} }), 5));
    const c = client({ maxPending: 3 });
    await c.login();
    await Promise.all(Array.from({ length: 20 }, () => c.call('x')));
    expect(server.conns[0]!.maxPending).toBe(3);
  });

  it('times out a request, frees it, and ignores its late answer', async () => {
    let late: (() => void) | undefined;
    server.handler = (f, conn) => {
      if (f.action === 'slow') {
        late = () => conn.reply(f, { payload: { late: true } });
        return 'none';
      }
      return { payload: { ok: true } };
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const c = client();
    const rec = record(c);
    await c.login();
    const p = c.call('slow', {}, { timeout: 1000 });
    const settled = p.catch((e: unknown) => e);
    await server.waitFor(() => late);
    await vi.advanceTimersByTimeAsync(1000);
    const err = await settled;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ timeout: 1000, action: 'slow' });
    late!();
    await expect(c.call('fast')).resolves.toEqual({ ok: true });
    expect(rec.errors()).toEqual([]);
  });

  it('uses the default request timeout (requestTimeout) for queued requests too', async () => {
    server.handler = () => 'none';
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const c = client({ requestTimeout: 5000, maxPending: 1 });
    await c.login();
    const a = c.call('a').catch((e: unknown) => e);
    const b = c.call('b').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4999);
    await vi.advanceTimersByTimeAsync(1);
    expect(await a).toBeInstanceOf(TimeoutError);
    expect(await b).toBeInstanceOf(TimeoutError);
    expect(server.conns[0]!.frames.map((f) => f.action)).toEqual(['login', 'a']); // b never reached the server
  });

  it('aborts with an AbortSignal, before and after sending', async () => {
    server.handler = () => 'none';
    const c = client();
    await c.login();
    const pre = new AbortController();
    pre.abort(new Error('user gave up'));
    await expect(c.call('a', {}, { signal: pre.signal })).rejects.toBeInstanceOf(AbortError);
    const ac = new AbortController();
    const p = c.call('b', {}, { signal: ac.signal });
    await server.waitFor(() => server.conns[0]!.frames.length === 2);
    ac.abort('stop');
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toBe('stop');
    expect(server.conns[0]!.frames.map((f) => f.action)).toEqual(['login', 'b']);
  });

  it('callWithToken sends a fresh token from the getter (update_session)', async () => {
    let n = 0;
    const c = client({}, async () => token(`tok-${++n}`)());
    await c.login();
    await callWithToken(c, 'update_session');
    const frame = server.conns[0]!.frames[1]!;
    expect(frame).toMatchObject({ action: 'update_session', payload: { token: 'Bearer tok-2' } });
  });
});

describe('pushes', () => {
  it('dispatches to every handler of a push and to onAny, until unsubscribed', async () => {
    const c = client();
    await c.login();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const any: string[] = [];
    const offA = c.on('incoming_event', (payload) => a.push(payload));
    c.on('incoming_event', (payload, frame) => b.push([payload, frame.action]));
    c.onAny((frame) => any.push(frame.action));
    const conn = server.conns[0]!;
    conn.push('incoming_event', { n: 1 });
    conn.push('other', {});
    await server.waitFor(() => any.length === 2);
    offA();
    offA();
    conn.push('incoming_event', { n: 2 });
    await server.waitFor(() => any.length === 3);
    expect(a).toEqual([{ n: 1 }]);
    expect(b).toEqual([
      [{ n: 1 }, 'incoming_event'],
      [{ n: 2 }, 'incoming_event'],
    ]);
    expect(any).toEqual(['incoming_event', 'other', 'incoming_event']);
  });

  it('reports bad frames and throwing handlers through `error` and keeps dispatching', async () => {
    const c = client();
    const rec = record(c);
    await c.login();
    const got: unknown[] = [];
    c.on('incoming_event', () => {
      throw new Error('handler bug');
    });
    c.on('incoming_event', (p) => got.push(p));
    c.onEvent('error', () => {
      throw new Error('an error listener that throws is dropped');
    });
    const conn = server.conns[0]!;
    conn.sendRaw('not json {');
    conn.sendRaw('[1,2]');
    conn.send({ type: 'push', payload: {} });
    conn.send({ request_id: 'nobody', action: 'x', type: 'response', success: true, payload: {} });
    conn.push('incoming_event', { n: 1 });
    const answer = c.call('still_works');
    await expect(answer).resolves.toEqual({ echo: {} });
    await server.waitFor(() => got.length === 1);
    const errors = rec.errors();
    expect(errors.map((e) => e.name)).toEqual([
      'ProtocolError',
      'ProtocolError',
      'ProtocolError',
      'ProtocolError',
      'ListenerError',
    ]);
    // Not JSON: the frame is kept, the parser's error is the cause.
    expect((errors[0] as ProtocolError).frame).toBe('not json {');
    expect(errors[0]!.cause).toBeInstanceOf(SyntaxError);
    expect(errors[1]).toBeInstanceOf(ProtocolError);
    expect(errors[4]).toBeInstanceOf(ListenerError);
    expect((errors[4]!.cause as Error).message).toBe('handler bug');
    expect(c.state).toBe('ready');
  });

  it('a throwing lifecycle listener is reported through `error`', async () => {
    const c = client();
    const errors: Error[] = [];
    c.onEvent('error', ({ error }) => errors.push(error));
    c.onEvent('ready', () => {
      throw new Error('listener bug');
    });
    await c.login();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ListenerError);
  });
});

describe('close()', () => {
  it('settles everything, ends closed, and later calls reject', async () => {
    server.handler = () => 'none';
    const c = client();
    const rec = record(c);
    await c.login();
    const sent = c.call('a').catch((e: unknown) => e);
    await server.waitFor(() => server.conns[0]!.frames.length === 2);
    await c.close();
    await c.close(); // idempotent
    const err = await sent;
    expect(err).toBeInstanceOf(ConnectionClosedError);
    expect(err).toMatchObject({ code: 1000, action: 'a' });
    expect(c.state).toBe('closed');
    await expect(c.call('b')).rejects.toBeInstanceOf(ConnectionClosedError);
    await expect(c.login()).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(rec.log.filter((e) => e.event === 'close').map((e) => e.payload)).toEqual([
      { code: 1000, reason: 'client closed', willReconnect: false },
    ]);
    await server.waitFor(() => server.conns[0]!.ws.readyState === WebSocket.CLOSED);
  });

  it('closes while connecting: login() rejects and nothing is left open', async () => {
    const c = client();
    const p = c.login().catch((e: unknown) => e);
    await c.close();
    expect(await p).toBeInstanceOf(ConnectionClosedError);
    expect(c.state).toBe('closed');
  });
});

describe('any WHATWG-shaped socket', () => {
  /**
   * A socket that calls its handlers as plain functions (no `this`), with `event.target` set and the
   * event's `type`, as every WHATWG event has.
   */
  class MockSocket {
    static last: MockSocket | undefined;
    readyState = 0;
    binaryType = 'blob';
    sent: string[] = [];
    onopen: ((e: unknown) => void) | null = null;
    onmessage: ((e: { data: unknown }) => void) | null = null;
    onclose: ((e: { code: number; reason: string }) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    constructor(readonly url: string) {
      MockSocket.last = this;
      queueMicrotask(() => {
        this.readyState = 1;
        const h = this.onopen;
        h?.({ type: 'open', target: this });
      });
    }
    send(data: string) {
      this.sent.push(data);
      const frame = JSON.parse(data) as { request_id: string; action: string; payload: unknown };
      // answer as binary (ArrayBuffer), the way a browser delivers binary frames with binaryType "arraybuffer"
      const text = JSON.stringify({
        request_id: frame.request_id,
        action: frame.action,
        type: 'response',
        success: true,
        payload: { got: frame.action },
      });
      queueMicrotask(() => {
        const h = this.onmessage;
        h?.({ type: 'message', data: new TextEncoder().encode(text).buffer, target: this } as { data: unknown });
      });
    }
    close(code = 1000, reason = '') {
      this.readyState = 3;
      queueMicrotask(() => {
        const h = this.onclose;
        h?.({ type: 'close', code, reason, target: this } as { code: number; reason: string });
      });
    }
  }

  it('works with handlers called without `this` and binary frames', async () => {
    const c = createRTMClient(MockSocket as unknown as WebSocketConstructor, token(), {
      api: 'customer',
      apiUrl: 'wss://example.test',
    });
    clients.push(c);
    await expect(c.login()).resolves.toEqual({ got: 'login' });
    await expect(c.call('get_chat', { chat_id: 'X' })).resolves.toEqual({ got: 'get_chat' });
    expect(MockSocket.last!.binaryType).toBe('arraybuffer');
    expect(MockSocket.last!.url).toBe('wss://example.test/v3.6/customer/rtm/ws?organization_id=org-1&region=dal');
    await c.close();
    expect(MockSocket.last!.readyState).toBe(3);
  });
});
