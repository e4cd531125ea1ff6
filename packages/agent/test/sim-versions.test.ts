// The simulator's API versions through the real Agent clients: 3.6 and 3.7 with their documented
// differences (chats_info, the canned-response pushes), and a clear refusal of any other version.
import { ApiError, ConnectionError, type Token, type WebSocketConstructor } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AgentRTM, AgentWeb } from '../src/index.js';

let sim: Simulator;
const clients: Array<{ close(): unknown }> = [];
const WS = WebSocket as unknown as WebSocketConstructor;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  // One chat, started by the seeded customer and routed to the owner.
  await fetch(
    `${sim.url}/v3.6/agent/action/set_routing_status`,
    post(sim.agents[0]!.accessToken, { status: 'accepting_chats' }),
  );
  const started = await fetch(
    `${sim.url}/v3.6/customer/action/start_chat?organization_id=${sim.organizationId}`,
    post(sim.customer.accessToken, {
      chat: { thread: { events: [{ type: 'message', text: 'hi', visibility: 'all' }] } },
    }),
  );
  if (!started.ok) throw new Error(`start_chat: ${await started.text()}`);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await sim?.close();
});

function post(accessToken: string, payload: object): RequestInit {
  return {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  };
}

const owner = (): Token => ({
  accessToken: sim.agents[0]!.accessToken,
  organizationID: sim.organizationId,
  tokenType: 'Bearer',
});

function rtm(apiVersion: string): AgentRTM {
  const client = new AgentRTM(WS, owner, { apiUrl: sim.wsUrl, apiVersion, reconnect: false });
  clients.push(client);
  return client;
}

describe('API versions of the simulator (Agent)', () => {
  it('refuses a client on /v3.4 with an error that names the simulated versions', async () => {
    const web = new AgentWeb(owner, { apiVersion: '3.4', apiUrl: sim.url });
    const error = await web.listChats().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ type: 'unsupported_version', status: 400 });
    expect((error as ApiError).message).toMatch(/3\.6 and 3\.7/);
  });

  // The upgrade is refused with HTTP 400 and the JSON error (test/versions.test.ts in @lc/testing reads
  // it); a WebSocket client sees only the status, so the SDK's login fails with it instead of serving 3.6.
  it('refuses an AgentRTM on /v3.4: its login fails instead of getting the 3.6 rules', async () => {
    const error = await rtm('3.4')
      .login()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/v3\.4.*400/);
  });

  it('answers List Chats with chats_summary at 3.6 and chats_info (last_thread_info) at 3.7', async () => {
    const web = new AgentWeb(owner, { apiUrl: sim.url });
    const at36: any = await web.listChats();
    expect(at36.chats_summary[0]).toHaveProperty('last_event_per_type');
    expect(at36).not.toHaveProperty('chats_info');

    const at37: any = await web.call('list_chats', {}, { apiVersion: '3.7' });
    expect(at37).not.toHaveProperty('chats_summary');
    const [chat] = at37.chats_info;
    expect(chat).not.toHaveProperty('last_event_per_type');
    expect(chat).not.toHaveProperty('last_thread_summary');
    expect(chat.last_thread_info.last_event_per_type.message.event.text).toBe('hi');
  });

  it('answers the 3.7 RTM login with chats_info', async () => {
    const client = rtm('3.7');
    const login: any = await client.login();
    expect(login).not.toHaveProperty('chats_summary');
    expect(login.chats_info[0].last_thread_info).toHaveProperty('last_event_per_type');
  });

  it('pushes the 3.7 canned-response pushes to 3.7 sockets only', async () => {
    const at37 = rtm('3.7');
    const at36 = rtm('3.6');
    await at37.login({ pushes: { '3.6': ['incoming_chat'], '3.7': ['all'] } } as never);
    await at36.login();
    const seen36: string[] = [];
    at36.on('canned_response_created' as never, () => seen36.push('created'));
    const created = new Promise((resolve) => at37.on('canned_response_created' as never, resolve));
    const res = await fetch(
      `${sim.url}/v3.7/configuration/action/create_canned_response`,
      post(sim.agents[0]!.accessToken, { text: 'Hello!', tags: ['greeting'], group_id: 0 }),
    );
    const { id } = (await res.json()) as { id: number };
    expect(await created).toMatchObject({ id, text: 'Hello!', tags: ['greeting'], group_id: 0, is_private: false });
    // A later request on the 3.6 socket is answered after any push the create caused.
    await at36.listChats();
    expect(seen36).toEqual([]);
  });
});
