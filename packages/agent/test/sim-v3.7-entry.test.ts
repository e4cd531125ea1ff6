// `@lc/agent/v3.7` (Web and RTM) against the simulator at /v3.7, with no `apiVersion` option: the typed
// listChats and RTM login answer `chats_info`, and a 3.7-only push reaches a typed handler.
import type { Token, WebSocketConstructor } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AgentRTM, AgentWeb, type CannedResponseCreatedPush } from '../src/v3.7.js';

let sim: Simulator;
const clients: AgentRTM[] = [];
const owner = (): Token => ({
  accessToken: sim.agents[0]!.accessToken,
  organizationID: sim.organizationId,
  tokenType: 'Bearer',
});

function rtm(): AgentRTM {
  const client = new AgentRTM(WebSocket as unknown as WebSocketConstructor, owner, {
    apiUrl: sim.wsUrl,
    reconnect: false,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  const web = new AgentWeb(owner, { apiUrl: sim.url });
  await web.setRoutingStatus({ status: 'accepting_chats' });
  const started = await fetch(`${sim.url}/v3.7/customer/action/start_chat?organization_id=${sim.organizationId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.customer.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ chat: { thread: { events: [{ type: 'message', text: 'hi', visibility: 'all' }] } } }),
  });
  if (!started.ok) throw new Error(`start_chat: ${await started.text()}`);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await sim?.close();
});

describe('AgentWeb from @lc/agent/v3.7', () => {
  it('lists chats as chats_info, the last event inside last_thread_info', async () => {
    const { chats_info } = await new AgentWeb(owner, { apiUrl: sim.url }).listChats();
    const event = chats_info[0]?.last_thread_info?.last_event_per_type?.message?.event;
    expect(event && 'text' in event ? event.text : undefined).toBe('hi');
  });
});

describe('AgentRTM from @lc/agent/v3.7', () => {
  it('logs in at 3.7 and gets chats_info, the last event inside last_thread_info', async () => {
    const login = await rtm().login();
    expect(login).not.toHaveProperty('chats_summary');
    const event = login.chats_info[0]?.last_thread_info?.last_event_per_type?.message?.event;
    expect(event && 'text' in event ? event.text : undefined).toBe('hi');
  });

  it('hands a 3.7-only push (canned_response_created) to its typed handler', async () => {
    const client = rtm();
    const created = new Promise<CannedResponseCreatedPush>((resolve) => client.on('canned_response_created', resolve));
    await client.login({ pushes: { '3.7': ['canned_response_created'] } });
    const res = await fetch(`${sim.url}/v3.7/configuration/action/create_canned_response`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.agents[0]!.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Hello!', tags: ['greeting'], group_id: 0 }),
    });
    const { id } = (await res.json()) as { id: number };
    const push = await created;
    expect(push).toMatchObject({ id, text: 'Hello!', tags: ['greeting'], group_id: 0 });
  });

  it('logs out and closes for good (the agent extras shared with the 3.6 client)', async () => {
    const client = rtm();
    await client.login();
    await client.updateSession();
    await client.logout();
    expect(client.state).toBe('closed');
  });
});
