// Integration tests of @lc/agent against the local LiveChat simulator (@lc/testing): the real
// AgentRTM / AgentWeb clients over real sockets, one simulator for the file. The customer side is
// driven with plain `fetch` and `ws` frames (an API package never depends on another API package).
import { ConnectionClosedError, NotFoundError, ValidationError, type Token, type WebSocketConstructor } from '@lc/core';
import { startSimulator, type Simulator, type SimulatorAgent } from '@lc/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { AgentRTM, AgentWeb, type IncomingChatPush, type IncomingEventPush } from '../src/index.js';

let sim: Simulator;
const clients: Array<{ close(): unknown }> = [];

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    agents: [
      { id: 'smith@example.com', name: 'Agent Smith', role: 'owner' },
      { id: 'jones@example.com', name: 'Agent Jones' },
      { id: 'brown@example.com', name: 'Agent Brown' },
      { id: 'white@example.com', name: 'Agent White' },
    ],
  });
});
afterEach(async () => {
  sim.resetFaults();
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await sim?.close();
});

// `ws`'s class is what AgentRTM wants at run time, but it does not type-check as WebSocketConstructor
// (its `on*` handlers take `ws` event types where WebSocketLike declares `unknown`): reported, cast here.
const WS = WebSocket as unknown as WebSocketConstructor;

const agent = (i: number): SimulatorAgent => sim.agents[i]!;
const bearer = (accessToken: string): Token => ({
  accessToken,
  organizationID: sim.organizationId,
  tokenType: 'Bearer',
});

function rtmFor(
  tokenGetter: () => Token | Promise<Token>,
  options: ConstructorParameters<typeof AgentRTM>[2] = {},
): AgentRTM {
  const rtm = new AgentRTM(WS, tokenGetter, {
    apiUrl: sim.wsUrl,
    reconnect: { initialDelay: 50, maxDelay: 100 },
    ...options,
  });
  clients.push(rtm);
  return rtm;
}

function webFor(a: SimulatorAgent, options: ConstructorParameters<typeof AgentWeb>[1] = {}): AgentWeb {
  return new AgentWeb(() => bearer(a.accessToken), { apiUrl: sim.url, ...options });
}

/** The first push of `name` the client receives (the handler stays subscribed only until then). */
function nextPush<K extends 'incoming_chat' | 'incoming_event'>(
  rtm: AgentRTM,
  name: K,
  where: (p: K extends 'incoming_chat' ? IncomingChatPush : IncomingEventPush) => boolean = () => true,
): Promise<K extends 'incoming_chat' ? IncomingChatPush : IncomingEventPush> {
  return new Promise((resolve) => {
    const off = rtm.on(name, (payload) => {
      const p = payload as K extends 'incoming_chat' ? IncomingChatPush : IncomingEventPush;
      if (!where(p)) return;
      off();
      resolve(p);
    });
  });
}

// ------------------------------------------------------------------ the customer side, raw

/** Customer Web action by plain fetch; resolves with the parsed body or throws with the error body. */
async function customerWeb(token: string, action: string, payload: object): Promise<any> {
  const res = await fetch(`${sim.url}/v3.6/customer/action/${action}?organization_id=${sim.organizationId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${action}: ${JSON.stringify(body)}`);
  return body;
}

/** A logged-in Customer RTM socket that records its pushes. */
async function customerSocket(token: string): Promise<{ pushes: any[]; close(): void }> {
  const ws = new WebSocket(`${sim.wsUrl}/v3.6/customer/rtm/ws?organization_id=${sim.organizationId}`);
  const pushes: any[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'push') pushes.push(frame);
      else if (frame.action === 'login') frame.success ? resolve() : reject(new Error(JSON.stringify(frame.payload)));
    });
    ws.once('open', () =>
      ws.send(JSON.stringify({ request_id: 'login', action: 'login', payload: { token: `Bearer ${token}` } })),
    );
  });
  const client = { pushes, close: () => ws.close() };
  clients.push(client);
  return client;
}

const message = (text: string) => ({ type: 'message' as const, text, visibility: 'all' as const });

// ------------------------------------------------------------------ tests

describe('AgentRTM against the simulator', () => {
  it('logs in, accepts chats, gets a typed incoming_chat and its reply reaches the customer', async () => {
    const smith = agent(0);
    const rtm = rtmFor(() => bearer(smith.accessToken));
    const login = await rtm.login();
    expect(rtm.state).toBe('ready');
    expect(login.my_profile).toMatchObject({ id: smith.id, name: smith.name, email: smith.email });
    expect(login.license).toMatchObject({ organization_id: sim.organizationId, id: String(sim.licenseId) });

    await rtm.setRoutingStatus({ status: 'not_accepting_chats' });
    expect(sim.routingStatus(smith.id)).toBe('not_accepting_chats');
    await rtm.setRoutingStatus({ status: 'accepting_chats' });
    expect(sim.routingStatus(smith.id)).toBe('accepting_chats');

    const customer = sim.createCustomer({ name: 'Ada' });
    const socket = await customerSocket(customer.accessToken);
    const incoming = nextPush(rtm, 'incoming_chat');
    const started = await customerWeb(customer.accessToken, 'start_chat', {
      chat: { thread: { events: [message('Where is my order?')] } },
    });

    const chat = (await incoming).chat;
    expect(chat.id).toBe(started.chat_id);
    expect(chat.users.map((u) => u.id)).toEqual(expect.arrayContaining([customer.id, smith.id]));
    expect(chat.thread?.events?.[0]).toMatchObject({
      type: 'message',
      text: 'Where is my order?',
      author_id: customer.id,
    });

    const sent = await rtm.sendEvent({ chat_id: chat.id, event: message('It ships today.') });
    expect(sent.event_id).toEqual(expect.any(String));
    await vi.waitFor(() => {
      const push = socket.pushes.find((f) => f.action === 'incoming_event' && f.payload.event.id === sent.event_id);
      expect(push?.payload).toMatchObject({
        chat_id: chat.id,
        event: { type: 'message', text: 'It ships today.', author_id: smith.id },
      });
    });

    // The customer's answer reaches the agent as a typed incoming_event.
    const answer = nextPush(
      rtm,
      'incoming_event',
      (p) => p.chat_id === chat.id && 'author_id' in p.event && p.event.author_id === customer.id,
    );
    await customerWeb(customer.accessToken, 'send_event', { chat_id: chat.id, event: message('Thanks!') });
    const { event } = await answer;
    expect(event.type === 'message' && event.text).toBe('Thanks!');
  });

  it('a dropped socket rejects the request in flight, re-logs in with a fresh token and keeps the handlers', async () => {
    const jones = agent(1);
    const issued: string[] = [];
    const getter = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 5));
      const token = sim.issueAgentToken(jones.id);
      issued.push(token);
      return bearer(token);
    });
    const rtm = rtmFor(getter);
    const events: string[] = [];
    rtm.onEvent('reconnecting', () => events.push('reconnecting'));
    rtm.onEvent('ready', ({ reconnected }) => events.push(reconnected ? 'ready (reconnected)' : 'ready'));
    const texts: string[] = [];
    rtm.on('incoming_event', ({ event }) => {
      if (event.type === 'message') texts.push(event.text);
    });

    await rtm.login();
    // A chat with jones in it (smith is not accepting, so the customer's chat goes to jones).
    sim.setRoutingStatus(agent(0).id, 'not_accepting_chats');
    const customer = sim.createCustomer();
    const { chat_id } = await customerWeb(customer.accessToken, 'start_chat', {
      chat: { thread: { events: [message('hello')] } },
    });
    await vi.waitFor(() =>
      expect(sim.chat(chat_id)?.users).toEqual(expect.arrayContaining([expect.objectContaining({ id: jones.id })])),
    );

    sim.delayNext(1, 2000, { api: 'agent', action: 'list_chats', transport: 'rtm' });
    const inFlight = rtm.listChats();
    await vi.waitFor(() => expect(sim.requests({ action: 'list_chats', transport: 'rtm' })).toHaveLength(1));
    expect(sim.dropSockets({ api: 'agent', agentId: jones.id })).toBe(1);
    // The first token no longer works: only a fresh one from the getter can log in again. (Revoked
    // after the drop: revoking it before would end the socket with access_token_revoked instead.)
    sim.revokeToken(issued[0]!);

    const error = await inFlight.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect((error as ConnectionClosedError).code).toBe(1006);

    await vi.waitFor(() => expect(events).toEqual(['ready', 'reconnecting', 'ready (reconnected)']), { timeout: 3000 });
    expect(rtm.state).toBe('ready');
    expect(getter).toHaveBeenCalledTimes(2);
    expect(sim.connections().filter((c) => c.userId === jones.id)).toHaveLength(1);

    // A push after the reconnect reaches the handler registered before it.
    await customerWeb(customer.accessToken, 'send_event', { chat_id, event: message('still there?') });
    await vi.waitFor(() => expect(texts).toContain('still there?'));
    // And requests work on the new socket.
    const chats = await rtm.listChats();
    expect(chats.chats_summary.map((c) => c.id)).toContain(chat_id);
  });

  it('a disconnect push with a do-not-reconnect reason ends the client closed with that reason', async () => {
    const brown = agent(2);
    const rtm = rtmFor(() => bearer(brown.accessToken));
    const disconnected = new Promise((resolve) => rtm.onEvent('disconnected', resolve));
    const closed = new Promise((resolve) => rtm.onEvent('close', resolve));
    const reconnecting = vi.fn();
    rtm.onEvent('reconnecting', reconnecting);
    await rtm.login();

    expect(sim.disconnect({ agentId: brown.id, reason: 'too_many_connections' })).toBe(1);
    await expect(disconnected).resolves.toMatchObject({ reason: 'too_many_connections', willReconnect: false });
    await expect(closed).resolves.toMatchObject({ reason: 'too_many_connections', willReconnect: false });
    expect(rtm.state).toBe('closed');
    expect(reconnecting).not.toHaveBeenCalled();

    const after = await rtm.listChats().catch((e: unknown) => e);
    expect(after).toBeInstanceOf(ConnectionClosedError);
    expect((after as ConnectionClosedError).message).toContain('too_many_connections');
    await new Promise((r) => setTimeout(r, 150)); // longer than the reconnect delay: still no new socket
    expect(sim.connections().filter((c) => c.userId === brown.id)).toHaveLength(0);
  });

  it('an action answered with an error rejects with the typed ApiError', async () => {
    const rtm = rtmFor(() => bearer(agent(3).accessToken));
    await rtm.login();
    const error = await rtm.getChat({ chat_id: 'NO_SUCH_CHAT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).type).toBe('not_found');
    expect(rtm.state).toBe('ready');
  });
});

describe('AgentWeb against the simulator', () => {
  it('walks every page of list_chats, sending only page_id after the first request', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const customer = sim.createCustomer({ name: `Customer ${i}` });
      created.push(
        (
          await customerWeb(customer.accessToken, 'start_chat', {
            chat: { thread: { events: [message(`chat ${i}`)] } },
          })
        ).chat_id,
      );
    }
    const total = sim.chats().length;
    const web = webFor(agent(0));
    sim.clearRequests();

    const pages = [];
    for await (const page of web.listChatsPages({ limit: 2, sort_order: 'asc' })) pages.push(page);

    expect(pages).toHaveLength(Math.ceil(total / 2));
    const ids = pages.flatMap((p) => p.chats_summary.map((c) => c.id));
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual(expect.arrayContaining(created));
    expect(pages.every((p) => p.found_chats === total)).toBe(true);
    expect(pages.at(-1)?.next_page_id).toBeUndefined();

    const sent = sim
      .requests({ action: 'list_chats', transport: 'web' })
      .map((r) => r.payload as Record<string, unknown>);
    expect(sent[0]).toEqual({ limit: 2, sort_order: 'asc' });
    for (const later of sent.slice(1)) expect(Object.keys(later)).toEqual(['page_id']);
  });

  it('get_chat of an unknown chat rejects with NotFoundError', async () => {
    const error = await webFor(agent(0))
      .getChat({ chat_id: 'NO_SUCH_CHAT' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ type: 'not_found', status: 404, action: 'get_chat' });
  });

  it('a missing required field is a compile error, and at run time the server ValidationError names it', async () => {
    const web = webFor(agent(0));
    // @ts-expect-error `event` is required by the types.
    const error = await web.sendEvent({ chat_id: 'ANY' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ type: 'validation', status: 400, action: 'send_event' });
    expect((error as ValidationError).message).toContain('"event"');
  });

  it('retries too_many_requests (failNext) and succeeds; a rate-limited send_event is sent once per attempt and lands once', async () => {
    const web = webFor(agent(0), { retry: { limit: 3, baseDelay: 20, maxDelay: 50 } });
    sim.clearRequests();
    sim.failNext(2, { type: 'too_many_requests', api: 'agent', transport: 'web' });
    const result = await web.listRoutingStatuses();
    expect(result).toEqual(expect.any(Array));
    const log = sim.requests({ action: 'list_routing_statuses', transport: 'web' });
    expect(log.map((r) => r.ok)).toEqual([false, false, true]);
    expect(log[0]?.error?.type).toBe('too_many_requests');

    // A write: the 429 means it was not processed, so it is retried, and the chat gets it once.
    const customer = sim.createCustomer();
    const { chat_id } = await customerWeb(customer.accessToken, 'start_chat', {});
    await webFor(agent(0)).addUserToChat({ chat_id, user_id: agent(0).id, user_type: 'agent', visibility: 'all' });
    sim.failNext(1, { type: 'too_many_requests', api: 'agent', action: 'send_event', transport: 'web' });
    const sent = await web.sendEvent({ chat_id, event: message('after a 429') });
    expect(sim.events(chat_id).filter((e) => e.text === 'after a 429')).toEqual([
      expect.objectContaining({ id: sent.event_id }),
    ]);
  });

  it('rides out a rate limit window with its backoff', async () => {
    const web = webFor(agent(0), { retry: { limit: 5, baseDelay: 100, maxDelay: 300 } });
    sim.rateLimit({ requests: 2, windowMs: 250, api: 'agent', transport: 'web' });
    sim.clearRequests();
    const results = await Promise.all(Array.from({ length: 4 }, () => web.listRoutingStatuses()));
    expect(results).toHaveLength(4);
    const log = sim.requests({ action: 'list_routing_statuses', transport: 'web' });
    expect(log.filter((r) => r.ok)).toHaveLength(4);
    expect(log.some((r) => r.error?.type === 'too_many_requests')).toBe(true);
  });
});
