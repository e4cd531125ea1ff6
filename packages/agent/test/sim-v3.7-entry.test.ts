// `@lc/agent/v3.7` (Web) against the simulator at /v3.7: the typed listChats answers `chats_info`
// with no `apiVersion` option.
import type { Token } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentWeb } from '../src/v3.7.js';

let sim: Simulator;
const owner = (): Token => ({
  accessToken: sim.agents[0]!.accessToken,
  organizationID: sim.organizationId,
  tokenType: 'Bearer',
});

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
