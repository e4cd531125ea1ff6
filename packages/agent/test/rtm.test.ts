import { AbortError, ApiError, ConnectionClosedError, type Token } from '@lc/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Agent, AgentRTM } from '../src/index.js';
import { camel, methodsOf, samplePayload } from '../../../test-utils/chat-spec.js';
import { startRtm, type RtmServer } from '../../../test-utils/chat-servers.js';

let server: RtmServer;
let rtm: AgentRTM;
let tokens: string[];

const loginPayload = { license: { id: '1' }, my_profile: { id: 'a@b.c' }, chats_summary: [] };

beforeAll(async () => {
  server = await startRtm();
});
afterAll(() => server.close());
beforeEach(() => {
  server.frames.length = 0;
  server.connections.length = 0;
  server.reply = (f) => (f.action === 'login' ? loginPayload : {});
  tokens = ['first-secret', 'second-secret'];
  let i = 0;
  const getter = (): Token => ({
    accessToken: tokens[Math.min(i++, tokens.length - 1)]!,
    organizationID: 'org-1',
    tokenType: 'Bearer',
  });
  rtm = new AgentRTM(WebSocket as never, getter, { apiUrl: server.url, reconnect: false });
});
afterEach(() => rtm.close());

const rtmMethods = methodsOf('agent', 'rtm').filter((m) => !['login', 'update_session'].includes(m.method));

describe('every documented Agent RTM method', () => {
  it('covers the 40 documented actions', () => {
    expect(methodsOf('agent', 'rtm')).toHaveLength(40);
  });

  it('logs in with the getter token and the remembered payload', async () => {
    await expect(rtm.login({ pushes: { '3.6': ['incoming_event'] } })).resolves.toEqual(loginPayload);
    expect(rtm.state).toBe('ready');
    expect(server.connections[0]).toMatch(/^\/v3\.6\/agent\/rtm\/ws(\?|$)/);
    expect(server.frames[0]).toMatchObject({
      action: 'login',
      payload: { token: 'Bearer first-secret', pushes: { '3.6': ['incoming_event'] } },
    });
  });

  it.each(rtmMethods.map((m) => [m.method, m] as const))(
    '%s: sends the action with the payload unchanged',
    async (name, m) => {
      await rtm.login();
      const payload = samplePayload(m);
      server.reply = (f) => ({ answered: f.action });
      const fn = (rtm as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)];
      expect(typeof fn).toBe('function');
      await expect(fn!.call(rtm, payload)).resolves.toEqual({ answered: name });
      const frame = server.frames.at(-1)!;
      expect(frame.action).toBe(name);
      expect(frame.payload ?? {}).toEqual(payload);
    },
  );

  it.each<[{ reconnect?: boolean }, boolean]>([
    [{}, true],
    [{ reconnect: false }, false],
  ])('after a reconnect, logs in again with reconnect: true unless the caller chose (%j)', async (chosen, expected) => {
    const again = new AgentRTM(
      WebSocket as never,
      () => ({ accessToken: 't', organizationID: 'org-1', tokenType: 'Bearer' }),
      {
        apiUrl: server.url,
        reconnect: { initialDelay: 1, maxDelay: 5 },
      },
    );
    try {
      await again.login({ ...chosen, pushes: { '3.6': ['all'] } });
      for (const s of server.sockets) s.terminate();
      await new Promise<void>((resolve) => {
        const off = again.onEvent('ready', ({ reconnected }) => {
          if (!reconnected) return;
          off();
          resolve();
        });
      });
      const logins = server.frames.filter((f) => f.action === 'login').map((f) => f.payload);
      expect(logins).toHaveLength(2);
      expect(logins[0]!.reconnect).toBe(chosen.reconnect);
      expect(logins[1]).toMatchObject({ reconnect: expected, pushes: { '3.6': ['all'] } });
    } finally {
      await again.close();
    }
  });

  it('updateSession sends a fresh token from the getter', async () => {
    await rtm.login();
    await rtm.updateSession();
    expect(server.frames.map((f) => [f.action, f.payload?.token])).toEqual([
      ['login', 'Bearer first-secret'],
      ['update_session', 'Bearer second-secret'],
    ]);
  });

  it('call() routes login and update_session through the token getter', async () => {
    await rtm.call('login', { away: true });
    await rtm.call('update_session');
    expect(server.frames.map((f) => f.payload)).toEqual([
      { token: 'Bearer first-secret', away: true },
      { token: 'Bearer second-secret' },
    ]);
    await rtm.call('set_away_status', { away: false });
    expect(server.frames.at(-1)).toMatchObject({ action: 'set_away_status', payload: { away: false } });
  });

  it('call() accepts an action it does not know', async () => {
    await rtm.login();
    server.reply = () => ({ fine: true });
    await expect(rtm.call('some_3_7_action', { x: 1 })).resolves.toEqual({ fine: true });
    expect(server.frames.at(-1)).toMatchObject({ action: 'some_3_7_action', payload: { x: 1 } });
  });
});

describe('logout', () => {
  it('closes the client after a successful logout, so it never logs in again by itself', async () => {
    const agent = new AgentRTM(
      WebSocket as never,
      () => ({ accessToken: 'secret', organizationID: 'org-1', tokenType: 'Bearer' }),
      {
        apiUrl: server.url,
        reconnect: { initialDelay: 10, maxDelay: 20 },
      },
    );
    server.reply = (f) => {
      // like the platform: the socket is closed once the agent is logged out
      if (f.action === 'logout')
        setTimeout(() => {
          for (const s of server.sockets) s.close(1000, 'logout');
        }, 5);
      return f.action === 'login' ? loginPayload : {};
    };
    await agent.login();
    await expect(agent.logout()).resolves.toEqual({});
    await new Promise((r) => setTimeout(r, 200));
    expect(agent.state).toBe('closed');
    expect(server.frames.filter((f) => f.action === 'login')).toHaveLength(1);
  });

  it('a logout whose answer is lost (the socket dropped) still closes the client: it may have been processed', async () => {
    const agent = new AgentRTM(
      WebSocket as never,
      () => ({ accessToken: 'secret', organizationID: 'org-1', tokenType: 'Bearer' }),
      {
        apiUrl: server.url,
        reconnect: { initialDelay: 10, maxDelay: 20 },
      },
    );
    await agent.login();
    const socket = [...server.sockets][0]!;
    socket.removeAllListeners('message');
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { action: string }).action === 'logout') socket.close(1000, 'logout'); // processed, never answered
    });
    await expect(agent.logout()).rejects.toBeInstanceOf(ConnectionClosedError);
    await new Promise((r) => setTimeout(r, 200));
    expect(agent.state).toBe('closed');
    expect(server.frames.filter((f) => f.action === 'login')).toHaveLength(1);
  });

  it("call('logout') does the same; a failed logout leaves the client as it was", async () => {
    await rtm.login();
    const socket = [...server.sockets][0]!;
    const answer = socket.listeners('message');
    socket.removeAllListeners('message');
    socket.once('message', (data) => {
      const f = JSON.parse(String(data)) as { request_id: string; action: string };
      socket.send(
        JSON.stringify({
          request_id: f.request_id,
          action: f.action,
          type: 'response',
          success: false,
          payload: { error: { type: 'internal', message: 'try again' } },
        }),
      );
      for (const l of answer) socket.on('message', l as (data: unknown) => void);
    });
    await expect(rtm.call('logout')).rejects.toBeInstanceOf(ApiError);
    expect(rtm.state).toBe('ready');
    await rtm.call('logout');
    expect(rtm.state).toBe('closed');
  });
});

describe('errors', () => {
  it('success:false rejects the method with a typed ApiError', async () => {
    await rtm.login();
    const socket = [...server.sockets][0]!;
    socket.removeAllListeners('message');
    socket.on('message', (data) => {
      const f = JSON.parse(String(data)) as { request_id: string; action: string };
      const payload = f.action === 'ping' ? {} : { error: { type: 'chat_inactive', message: 'Chat is inactive' } };
      socket.send(
        JSON.stringify({
          request_id: f.request_id,
          action: f.action,
          type: 'response',
          success: f.action === 'ping',
          payload,
        }),
      );
    });
    const error = await rtm.sendEvent({ chat_id: 'c', event: { type: 'message', text: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ type: 'chat_inactive', action: 'send_event' });
  });
});

describe('pushes', () => {
  it('on(name) gets the payload of that push only; onAny gets every frame', async () => {
    await rtm.login();
    const events: unknown[] = [];
    const any: string[] = [];
    const off = rtm.on('incoming_event', (p) => events.push(p.event));
    rtm.onAny((f) => any.push(f.action));
    server.push('incoming_chat', { chat: { id: 'c' } });
    server.push('incoming_event', { chat_id: 'c', thread_id: 't', event: { id: 'e1', type: 'message', text: 'hi' } });
    await expect.poll(() => any.length).toBe(2);
    expect(events).toEqual([{ id: 'e1', type: 'message', text: 'hi' }]);
    off();
    server.push('incoming_event', { chat_id: 'c', thread_id: 't', event: { id: 'e2' } });
    await expect.poll(() => any.length).toBe(3);
    expect(events).toHaveLength(1);
  });
});

describe('pagination over RTM', () => {
  it('listThreadsPages follows next_page_id, sending chat_id + page_id after the first page', async () => {
    await rtm.login();
    server.reply = (f) => {
      const id = f.payload?.page_id;
      return id === undefined
        ? { threads: [1], next_page_id: 'p2' }
        : id === 'p2'
          ? { threads: [2], next_page_id: 'p3' }
          : { threads: [3] };
    };
    const got: unknown[] = [];
    for await (const page of rtm.listThreadsPages({ chat_id: 'c1', min_events_count: 5 })) got.push(page.threads);
    expect(got).toEqual([[1], [2], [3]]);
    expect(server.frames.slice(1).map((f) => f.payload)).toEqual([
      { chat_id: 'c1', min_events_count: 5 },
      { chat_id: 'c1', page_id: 'p2' },
      { chat_id: 'c1', page_id: 'p3' },
    ]);
  });

  it('listChatsPages aborts with the signal', async () => {
    await rtm.login();
    server.reply = () => ({ chats_summary: [], next_page_id: 'more' });
    const ac = new AbortController();
    let pages = 0;
    const error = await (async () => {
      for await (const _ of rtm.listChatsPages({ limit: 1 }, { signal: ac.signal })) {
        if (++pages === 2) ac.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(pages).toBe(2);
    expect(server.frames.filter((f) => f.action === 'list_chats')).toHaveLength(2);
  });
});

it('Agent.RTM is the AgentRTM class', () => {
  expect(Agent.RTM).toBe(AgentRTM);
});
