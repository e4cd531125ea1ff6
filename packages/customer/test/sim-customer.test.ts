// Integration tests of @lc/customer against the local LiveChat simulator (@lc/testing): the real
// CustomerWeb / CustomerRTM clients and token getters over real sockets, one simulator for the file.
// The agent side is driven with plain `fetch` and `ws` frames (an API package never depends on another).
import {
  AuthenticationError,
  ConnectionClosedError,
  NotFoundError,
  type Token,
  type WebSocketConstructor,
} from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { agentSocket } from './sim-helpers.js';
import {
  AccountsError,
  CustomerRTM,
  CustomerWeb,
  customerTokenFromAgent,
  customerTokenFromCookie,
  type IncomingEventPush,
} from '../src/index.js';

// `ws`'s class is what CustomerRTM wants at run time, but it does not type-check as WebSocketConstructor
// (its `on*` handlers take `ws` event types where WebSocketLike declares `unknown`): reported, cast here.
const WS = WebSocket as unknown as WebSocketConstructor;

let sim: Simulator;
const clients: Array<{ close(): unknown }> = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterEach(async () => {
  sim.resetFaults();
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await sim?.close();
});

const customerToken = (accessToken: string): Token => ({
  accessToken,
  organizationID: sim.organizationId,
  tokenType: 'Bearer',
});
const message = (text: string) => ({ type: 'message' as const, text, visibility: 'all' as const });

function webFor(tokenGetter: () => Token | Promise<Token>): CustomerWeb {
  return new CustomerWeb(tokenGetter, { apiUrl: sim.url });
}

/** An action of another API by plain fetch, as the first seeded agent (Bearer). */
async function asAgent(api: 'agent' | 'configuration', action: string, payload: object): Promise<any> {
  const res = await fetch(`${sim.url}/v3.6/${api}/action/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.agents[0]!.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${action}: ${JSON.stringify(body)}`);
  return body;
}

/** A fetch with a cookie jar, as a browser would keep the accounts service's `__lc_cid` / `__lc_cst`. */
function cookieJarFetch(): {
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  cookies: Map<string, string>;
} {
  const cookies = new Map<string, string>();
  return {
    cookies,
    fetch: async (input, init) => {
      const headers = new Headers(input.headers);
      if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
      const res = await fetch(new Request(input, { headers }), init?.signal ? { signal: init.signal } : undefined);
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        cookies.set(name!.trim(), value.join('='));
      }
      return res;
    },
  };
}

describe('customer tokens from the simulator accounts endpoints', () => {
  it('customerTokenFromAgent creates a customer once and keeps acting as that customer', async () => {
    const tokens = customerTokenFromAgent({
      clientId: sim.clientId,
      agentToken: sim.agents[0]!.accessToken,
      accountsUrl: sim.accountsUrl,
    });
    const web = webFor(tokens);
    const me = await web.getCustomer();
    expect(tokens.entityId).toEqual(expect.any(String));
    expect(me.id).toBe(tokens.entityId);
    expect((await tokens()).organizationID).toBe(sim.organizationId);

    // A forced refresh asks for the same customer (entity_id), with a new token.
    const first = (await tokens()).accessToken;
    tokens.invalidate();
    const second = (await tokens()).accessToken;
    expect(second).not.toBe(first);
    expect((await web.getCustomer()).id).toBe(me.id);
  });

  it('customerTokenFromAgent refuses a token the accounts service rejects with a typed error and no secret', async () => {
    const tokens = customerTokenFromAgent({
      clientId: sim.clientId,
      agentToken: 'not-a-token',
      accountsUrl: sim.accountsUrl,
    });
    const error = await tokens().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountsError);
    expect(error).toMatchObject({ status: 401, error: 'unauthorized' });
    expect(JSON.stringify(error) + String(error)).not.toContain('not-a-token');
  });

  it('customerTokenFromCookie: a returning visitor (cookie jar) stays the same customer, a new one does not', async () => {
    const jar = cookieJarFetch();
    const options = {
      clientId: sim.clientId,
      organizationId: sim.organizationId,
      accountsUrl: sim.accountsUrl,
      fetch: jar.fetch,
    };
    const visit1 = customerTokenFromCookie(options);
    await visit1();
    expect(jar.cookies.get('__lc_cid')).toBe(visit1.entityId);

    const visit2 = customerTokenFromCookie(options); // same browser, later page load
    await visit2();
    expect(visit2.entityId).toBe(visit1.entityId);
    expect((await webFor(visit2).getCustomer()).id).toBe(visit1.entityId);

    const otherBrowser = customerTokenFromCookie({ ...options, fetch: cookieJarFetch().fetch });
    await otherBrowser();
    expect(otherBrowser.entityId).not.toBe(visit1.entityId);
  });
});

describe('CustomerWeb against the simulator', () => {
  it('the five GET actions answer, with no credentials needed for the properties', async () => {
    await asAgent('configuration', 'update_license_properties', { properties: { sim_test: { greeting: 'Hi there' } } });
    const customer = sim.createCustomer();
    const web = webFor(() => customerToken(customer.accessToken));

    const dynamic = await web.getDynamicConfiguration({ group_id: 0 });
    expect(dynamic).toMatchObject({
      organization_id: sim.organizationId,
      livechat_active: true,
      livechat: { group_id: 0 },
    });
    const version = dynamic.livechat?.config_version;
    expect(version).toEqual(expect.any(String));
    const config = await web.getConfiguration({ group_id: 0, version: version! });
    expect(config.properties?.license).toMatchObject({ sim_test: { greeting: 'Hi there' } });
    const localization = await web.getLocalization({
      group_id: 0,
      language: 'en',
      version: dynamic.livechat!.localization_version!,
    });
    expect(Object.values(localization).every((v) => typeof v === 'string')).toBe(true);
    expect(Object.keys(localization).length).toBeGreaterThan(0);

    // The properties need no Authorization: a client whose token is expired still reads them
    // (the token only supplies organization_id), while an authorized action with it fails.
    const expired = sim.createCustomer();
    sim.expireToken(expired.accessToken);
    const stale = webFor(() => customerToken(expired.accessToken));
    await expect(stale.listLicenseProperties({ namespace: 'sim_test' })).resolves.toEqual({
      sim_test: { greeting: 'Hi there' },
    });
    await expect(stale.listGroupProperties({ id: 0 })).resolves.toEqual(expect.any(Object));
    await expect(stale.getCustomer()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('starts a chat, sends an event, lists chats over every page, and reads the chat back', async () => {
    const customer = sim.createCustomer({ name: 'Grace' });
    const web = webFor(() => customerToken(customer.accessToken));
    const chats: string[] = [];
    for (let i = 0; i < 3; i++) {
      const started = await web.startChat({ chat: { thread: { events: [message(`question ${i}`)] } } });
      expect(started).toMatchObject({ chat_id: expect.any(String), thread_id: expect.any(String) });
      chats.push(started.chat_id);
    }
    const sent = await web.sendEvent({ chat_id: chats[0]!, event: message('one more thing') });
    expect(sim.events(chats[0]!).map((e) => e.text)).toEqual(['question 0', 'one more thing']);
    expect(sim.events(chats[0]!).at(-1)).toMatchObject({ id: sent.event_id, author_id: customer.id });

    const pages = [];
    for await (const page of web.listChatsPages({ limit: 2 })) pages.push(page);
    expect(pages).toHaveLength(2);
    expect(pages.flatMap((p) => p.chats_summary.map((c) => c.id)).sort()).toEqual([...chats].sort());

    const chat = await web.getChat({ chat_id: chats[0]! });
    expect(chat.thread?.events?.map((e) => ('text' in e ? e.text : e.type))).toEqual(['question 0', 'one more thing']);

    const missing = await web.getChat({ chat_id: 'NO_SUCH_CHAT' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ type: 'not_found', action: 'get_chat' });
  });

  it('uploadFile of a Buffer resolves with a URL that serves those bytes, usable in a file event', async () => {
    const customer = sim.createCustomer();
    const web = webFor(() => customerToken(customer.accessToken));
    const bytes = Buffer.from('%PDF-1.4 not really a pdf\n');
    const { url } = await web.uploadFile({ file: bytes, filename: 'receipt.pdf' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*receipt\.pdf$/);
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);

    const { chat_id } = await web.startChat();
    await web.sendEvent({ chat_id, event: { type: 'file', url } });
    expect(sim.events(chat_id).at(-1)).toMatchObject({ type: 'file', url, name: 'receipt.pdf' });
  });

  it('an expired token is an AuthenticationError', async () => {
    const customer = sim.createCustomer();
    sim.expireToken(customer.accessToken);
    const error = await webFor(() => customerToken(customer.accessToken))
      .listChats()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(String(error)).not.toContain(customer.accessToken);
  });
});

describe('CustomerRTM against the simulator', () => {
  it('chats with an agent, and reconnects after access_token_revoked (an agent would not) with a fresh token', async () => {
    // An agent accepting chats, on a raw socket.
    const { ws: agentWs, close: closeAgent } = await agentSocket(sim, sim.agents[1]!);
    clients.push({ close: closeAgent });
    sim.setRoutingStatus(sim.agents[1]!.id, 'accepting_chats');

    const tokens = customerTokenFromAgent({
      clientId: sim.clientId,
      agentToken: sim.agents[0]!.accessToken,
      accountsUrl: sim.accountsUrl,
    });
    const getter = vi.fn(() => tokens());
    const rtm = new CustomerRTM(WS, getter, { apiUrl: sim.wsUrl, reconnect: { initialDelay: 50, maxDelay: 100 } });
    clients.push(rtm);
    const received: IncomingEventPush[] = [];
    rtm.on('incoming_event', (push) => received.push(push));
    const lifecycle: string[] = [];
    rtm.onEvent('disconnected', ({ reason, willReconnect }) =>
      lifecycle.push(`disconnected ${reason} ${willReconnect}`),
    );
    rtm.onEvent('ready', ({ reconnected }) => lifecycle.push(reconnected ? 'ready again' : 'ready'));

    const login = await rtm.login();
    expect(login.customer.id).toBe(tokens.entityId);
    const { chat_id } = await rtm.startChat({ chat: { thread: { events: [message('hi from RTM')] } } });
    await vi.waitFor(() =>
      expect(sim.chat(chat_id)?.users).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: sim.agents[1]!.id })]),
      ),
    );

    agentWs.send(
      JSON.stringify({
        request_id: 'e1',
        action: 'send_event',
        payload: { chat_id, event: message('hello, customer') },
      }),
    );
    await vi.waitFor(() =>
      expect(received.map((p) => p.event).filter((e) => 'text' in e && e.text === 'hello, customer')).toHaveLength(1),
    );
    expect(received[0]?.chat_id).toBe(chat_id);

    // The platform revoked the token: a customer reconnects (an agent would stop), with a new token.
    tokens.invalidate();
    sim.disconnect({ api: 'customer', customerId: tokens.entityId!, reason: 'access_token_revoked' });
    await vi.waitFor(
      () => expect(lifecycle).toEqual(['ready', 'disconnected access_token_revoked true', 'ready again']),
      { timeout: 3000 },
    );
    expect(getter).toHaveBeenCalledTimes(2);

    agentWs.send(
      JSON.stringify({ request_id: 'e2', action: 'send_event', payload: { chat_id, event: message('welcome back') } }),
    );
    await vi.waitFor(() =>
      expect(received.some((p) => 'text' in p.event && p.event.text === 'welcome back')).toBe(true),
    );

    await rtm.close();
    const after = await rtm.getChat({ chat_id }).catch((e: unknown) => e);
    expect(after).toBeInstanceOf(ConnectionClosedError);
  });
});
