// `@lc/customer/v3.7` (Web and RTM) against the simulator at /v3.7, with no `apiVersion` option:
// `chats_info`, no getPredictedAgent, and `get_predicted_agent` unknown to the simulator at 3.7.
import { ApiError, type WebSocketConstructor } from '@lc/core';
import { startSimulator } from '@lc/testing';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useSimulator } from '../../../test-utils/sim-fixture.js';
import { CustomerRTM, CustomerWeb } from '../src/v3.7.js';

const fixture = useSimulator(() => startSimulator({ port: 0 }));
const customer = () => fixture.bearer(fixture.sim.customer.accessToken)();
const rtm = () =>
  fixture.track(
    new CustomerRTM(WebSocket as unknown as WebSocketConstructor, customer, {
      apiUrl: fixture.sim.wsUrl,
      reconnect: false,
    }),
  );

describe('CustomerWeb from @lc/customer/v3.7', () => {
  it('starts a chat and lists it as chats_info at /v3.7', async () => {
    const web = new CustomerWeb(customer, { apiUrl: fixture.sim.url });
    const { chat_id } = await web.startChat({ chat: { thread: { events: [{ type: 'message', text: 'hi' }] } } });
    const listed = await web.listChats();
    expect(listed.chats_info.map((c) => c.id)).toContain(chat_id);
    expect(listed).not.toHaveProperty('chats_summary');
  });

  it('has no getPredictedAgent (removed at 3.7)', () => {
    expect((new CustomerWeb(customer) as unknown as Record<string, unknown>).getPredictedAgent).toBeUndefined();
  });
});

describe('CustomerRTM from @lc/customer/v3.7', () => {
  it('starts a chat, gets its incoming_chat push and lists it as chats_info at 3.7', async () => {
    const client = rtm();
    await client.login();
    const pushed = new Promise<string>((resolve) => client.on('incoming_chat', ({ chat }) => resolve(chat.id)));
    const { chat_id } = await client.startChat({ chat: { thread: { events: [{ type: 'message', text: 'hi' }] } } });
    expect(await pushed).toBe(chat_id);
    const listed = await client.listChats();
    expect(listed.chats_info.find((c) => c.id === chat_id)?.last_thread_info?.id).toBeTypeOf('string');
    expect(listed).not.toHaveProperty('chats_summary');
  });

  it('has no getPredictedAgent, and the simulator does not know get_predicted_agent at 3.7', async () => {
    const client = rtm();
    expect((client as unknown as Record<string, unknown>).getPredictedAgent).toBeUndefined();
    await client.login();
    const error = await client.call('get_predicted_agent', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      type: 'validation',
      message: expect.stringContaining('Unknown action "get_predicted_agent"'),
    });
  });
});
