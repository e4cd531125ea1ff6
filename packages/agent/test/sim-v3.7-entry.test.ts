// `@lc/agent/v3.7` (Web and RTM) against the simulator at /v3.7, with no `apiVersion` option: the typed
// listChats and RTM login answer `chats_info`, and a 3.7-only push reaches a typed handler.
import type { WebSocketConstructor } from '@lc/core';
import { startSimulator } from '@lc/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useSimulator } from '../../../test-utils/sim-fixture.js';
import { AgentRTM, AgentWeb, type CannedResponseCreatedPush } from '../src/v3.7.js';

const fixture = useSimulator(() => startSimulator({ port: 0 }));
const owner = () => fixture.bearer(fixture.sim.agents[0]!.accessToken)();
const rtm = () =>
  fixture.track(
    new AgentRTM(WebSocket as unknown as WebSocketConstructor, owner, { apiUrl: fixture.sim.wsUrl, reconnect: false }),
  );

/** A POST to the simulator's 3.7 API (the fixture's `call` speaks 3.6). */
async function post37(path: string, accessToken: string, payload: object): Promise<unknown> {
  const res = await fetch(`${fixture.sim.url}/v3.7/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  if (!res.ok) throw new Error(`${path}: ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  const { sim } = fixture;
  await new AgentWeb(owner, { apiUrl: sim.url }).setRoutingStatus({ status: 'accepting_chats' });
  const chat = { thread: { events: [{ type: 'message', text: 'hi', visibility: 'all' }] } };
  await post37(`customer/action/start_chat?organization_id=${sim.organizationId}`, sim.customer.accessToken, { chat });
});

describe('AgentWeb from @lc/agent/v3.7', () => {
  it('lists chats as chats_info, the last event inside last_thread_info', async () => {
    const { chats_info } = await new AgentWeb(owner, { apiUrl: fixture.sim.url }).listChats();
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

  it('iterates list_chats pages over RTM, each page a 3.7 one (chats_info)', async () => {
    const client = rtm();
    await client.login();
    const ids: string[] = [];
    for await (const page of client.listChatsPages({ limit: 1 })) ids.push(...page.chats_info.map((c) => c.id));
    expect(ids).toHaveLength(1);
  });

  it('hands a 3.7-only push (canned_response_created) to its typed handler', async () => {
    const client = rtm();
    const created = new Promise<CannedResponseCreatedPush>((resolve) => client.on('canned_response_created', resolve));
    await client.login({ pushes: { '3.7': ['canned_response_created'] } });
    const canned = { text: 'Hello!', tags: ['greeting'], group_id: 0 };
    const { id } = (await post37('configuration/action/create_canned_response', owner().accessToken, canned)) as {
      id: number;
    };
    expect(await created).toMatchObject({ id, ...canned });
  });

  it('logs out and closes for good (the agent extras shared with the 3.6 client)', async () => {
    const client = rtm();
    await client.login();
    await client.updateSession();
    await client.logout();
    expect(client.state).toBe('closed');
  });
});
