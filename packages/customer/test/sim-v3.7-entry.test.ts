// `@lc/customer/v3.7` (Web) against the simulator at /v3.7: `chats_info`, and no getPredictedAgent.
import type { Token } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerWeb } from '../src/v3.7.js';

let sim: Simulator;
const customer = (): Token => ({
  accessToken: sim.customer.accessToken,
  organizationID: sim.organizationId,
  tokenType: 'Bearer',
});

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

describe('CustomerWeb from @lc/customer/v3.7', () => {
  it('starts a chat and lists it as chats_info at /v3.7', async () => {
    const web = new CustomerWeb(customer, { apiUrl: sim.url });
    const { chat_id } = await web.startChat({ chat: { thread: { events: [{ type: 'message', text: 'hi' }] } } });
    const listed = await web.listChats();
    expect(listed.chats_info.map((c) => c.id)).toContain(chat_id);
    expect(listed).not.toHaveProperty('chats_summary');
  });

  it('has no getPredictedAgent (removed at 3.7)', () => {
    expect((new CustomerWeb(customer) as unknown as Record<string, unknown>).getPredictedAgent).toBeUndefined();
  });
});
