// onGreeting / greetingActions against a `ws` server on port 0 that answers as the platform does:
// a login response with a greeting, `incoming_greeting` pushes, and accept_greeting / cancel_greeting.
import type { AddressInfo } from 'node:net';
import { ApiError, InputError } from '@lc/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { CustomerRTM, debugClient, type Greeting, greetingActions, onGreeting } from '../src/index.js';
import { WS } from './sim-helpers.js';

const greeting = (id: number, uniqueId: string, extra: Partial<Greeting> = {}): Greeting =>
  ({
    id,
    unique_id: uniqueId,
    displayed_first_time: true,
    subtype: 'announcement',
    is_exit_intent: false,
    event: { id: `${uniqueId}_1`, type: 'message', text: `Greeting ${id}`, created_at: '2026-12-07T00:00:00.000000Z' },
    agent: { id: 'agent@example.com', name: 'Agent', avatar: '', job_title: 'Support', is_bot: false },
    ...extra,
  }) as Greeting;

const servers: WebSocketServer[] = [];
const clients: CustomerRTM[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const server of servers.splice(0)) {
    for (const socket of server.clients) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A platform stand-in: answers login with `loginGreeting`, records the greeting requests, known ids only. */
async function platform(loginGreeting?: Greeting) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const requests: { action: string; payload: unknown }[] = [];
  const known = new Set(loginGreeting ? [loginGreeting.unique_id] : []);
  let socket: import('ws').WebSocket | undefined;
  server.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const { request_id, action, payload } = JSON.parse(data.toString());
      const reply = (success: boolean, body: object) =>
        ws.send(JSON.stringify({ request_id, action, type: 'response', success, payload: body }));
      if (action === 'login')
        return reply(true, { customer_id: 'c1', ...(loginGreeting ? { greeting: loginGreeting } : {}) });
      requests.push({ action, payload });
      if (!known.has(payload.unique_id))
        return reply(false, { error: { type: 'greeting_not_found', message: 'Greeting not found' } });
      known.delete(payload.unique_id);
      reply(true, {});
    });
  });
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    push(g: Greeting) {
      known.add(g.unique_id);
      socket!.send(JSON.stringify({ action: 'incoming_greeting', type: 'push', payload: g }));
    },
  };
}

async function connect(url: string): Promise<CustomerRTM> {
  const rtm = new CustomerRTM(WS, () => ({ accessToken: 't', organizationID: 'o', tokenType: 'Bearer' }), {
    apiUrl: url,
  });
  clients.push(rtm);
  return rtm;
}

describe('onGreeting', () => {
  it('hands each greeting over once with accept and cancel bound to it', async () => {
    const server = await platform(greeting(7, 'LOGIN1'));
    const rtm = await connect(server.url);
    const seen: Greeting[] = [];
    const actions: Record<string, ReturnType<typeof greetingActions>> = {};
    onGreeting(rtm, (g, bound) => {
      seen.push(g);
      actions[g.unique_id] = bound;
    });
    await rtm.login();
    // The greeting of the login response (sent before the page could subscribe to pushes).
    await vi.waitFor(() => expect(seen.map((g) => g.unique_id)).toEqual(['LOGIN1']));
    server.push(greeting(8, 'PUSH2'));
    server.push(greeting(8, 'PUSH2')); // the same greeting again: handed over once
    server.push(greeting(9, 'PUSH3'));
    await vi.waitFor(() => expect(seen.map((g) => g.unique_id)).toEqual(['LOGIN1', 'PUSH2', 'PUSH3']));

    await actions.LOGIN1!.accept();
    await actions.PUSH2!.cancel();
    expect(server.requests).toEqual([
      { action: 'accept_greeting', payload: { greeting_id: 7, unique_id: 'LOGIN1' } },
      { action: 'cancel_greeting', payload: { unique_id: 'PUSH2' } },
    ]);
    // The platform's own error for a greeting it no longer has.
    await expect(actions.PUSH2!.accept()).rejects.toMatchObject({ type: 'greeting_not_found' });
    await expect(actions.PUSH2!.accept()).rejects.toBeInstanceOf(ApiError);
  });

  it('skips an accepted login greeting and stops after unsubscribe', async () => {
    const server = await platform(greeting(7, 'SEEN', { accepted: true }));
    const rtm = await connect(server.url);
    const handler = vi.fn();
    const off = onGreeting(rtm, handler);
    await rtm.login();
    off();
    server.push(greeting(8, 'LATE'));
    await rtm.listChats().catch(() => undefined); // one round trip: the push arrived before its answer
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('greetingActions', () => {
  it('refuses a greeting without its ids before sending', async () => {
    const server = await platform();
    const rtm = await connect(server.url);
    await rtm.login();
    await expect(greetingActions(rtm, { id: 1 } as Greeting).cancel()).rejects.toBeInstanceOf(InputError);
    await expect(greetingActions(rtm, { unique_id: 'X' } as Greeting).accept()).rejects.toBeInstanceOf(InputError);
    expect(server.requests).toEqual([]);
  });
});

describe('debugClient', () => {
  it('logs calls, answers, errors, pushes and lifecycle events, and never the token', async () => {
    const server = await platform();
    const entries: unknown[][] = [];
    const rtm = debugClient(
      new CustomerRTM(WS, () => ({ accessToken: 'dal:SECRET-TOKEN', organizationID: 'o', tokenType: 'Bearer' }), {
        apiUrl: server.url,
      }),
      (...entry) => entries.push(entry),
    );
    clients.push(rtm);
    await rtm.login({ customer_page: { url: 'https://example.com/' } });
    server.push(greeting(8, 'PUSH2'));
    await expect(rtm.acceptGreeting({ greeting_id: 8, unique_id: 'NOPE' })).rejects.toBeInstanceOf(ApiError);
    await vi.waitFor(() => expect(entries.some(([kind]) => kind === '⇐')).toBe(true));
    const lines = entries.map(([kind, name]) => `${kind} ${name}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        '→ login',
        '← login',
        '· state',
        '· ready',
        '⇐ incoming_greeting',
        '→ acceptGreeting',
        '✗ acceptGreeting',
      ]),
    );
    // One call, one line: login's own internal calls are not logged again.
    expect(lines.filter((line) => line === '→ login')).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain('SECRET-TOKEN');
  });
});
