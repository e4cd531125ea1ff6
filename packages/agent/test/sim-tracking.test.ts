// Customer tracking, multicast, thread summaries and bans through the real AgentRTM / AgentWeb clients
// against the simulator; customers are plain `ws` sockets and `fetch` calls. Also: a bot token cannot
// log in over RTM (the platform refuses it).
import { AuthorizationError, type WebSocketConstructor } from '@lc/core';
import { startSimulator } from '@lc/testing';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { useSimulator } from '../../../test-utils/sim-fixture.js';
import { AgentRTM, AgentWeb } from '../src/index.js';

const WS = WebSocket as unknown as WebSocketConstructor;
const fixture = useSimulator(() => startSimulator({ port: 0 }));
const tokenOf = (accessToken: string) => fixture.bearer(accessToken);

function rtmOf(accessToken: string): AgentRTM {
  return fixture.track(new AgentRTM(WS, tokenOf(accessToken), { apiUrl: fixture.sim.wsUrl, reconnect: false }));
}

/** A customer on the website: a logged-in Customer RTM socket (raw frames). */
async function customerOnline(name: string) {
  const { sim } = fixture;
  const customer = sim.createCustomer({ name });
  const ws = new WebSocket(`${sim.wsUrl}/v3.6/customer/rtm/ws?organization_id=${sim.organizationId}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const frames: any[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  let seq = 0;
  const request = async (action: string, payload: object) => {
    const request_id = `c${++seq}`;
    ws.send(JSON.stringify({ request_id, action, payload }));
    await vi.waitFor(() =>
      expect(frames.find((f) => f.request_id === request_id && f.type === 'response')).toBeTruthy(),
    );
    return frames.find((f) => f.request_id === request_id && f.type === 'response');
  };
  expect((await request('login', { token: `Bearer ${customer.accessToken}` })).success).toBe(true);
  fixture.track({ close: () => ws.close() });
  return { customer, ws, frames, request };
}

describe('AgentRTM against the simulator: customers, multicast, summaries', () => {
  it('subscribe_customers answers the customers online and pushes what happens to them', async () => {
    const already = await customerOnline('Early');
    const rtm = rtmOf(fixture.sim.agents[0]!.accessToken);
    await rtm.login();
    const pushes: string[] = [];
    for (const name of ['incoming_customer', 'customer_updated', 'customer_page_updated', 'customer_left'] as const)
      rtm.on(name, (payload: any) => pushes.push(`${name} ${payload.id ?? payload.customer_id}`));

    const { subscription_id, customers } = await rtm.subscribeCustomers({ group_ids: [0], limit: 10 });
    expect(customers.map((c) => c.id)).toEqual([already.customer.id]);

    const late = await customerOnline('Late');
    await late.request('update_customer_page', { url: 'https://example.com/a' });
    await late.request('update_customer', { name: 'Late Renamed' });
    late.ws.close();
    const id = late.customer.id;
    await vi.waitFor(() =>
      expect(pushes).toEqual([
        `incoming_customer ${id}`,
        `customer_page_updated ${id}`,
        `customer_updated ${id}`,
        `customer_left ${id}`,
      ]),
    );
    await rtm.unsubscribeCustomers({ subscription_id });
    await customerOnline('After');
    await expect(rtm.unsubscribeCustomers({ subscription_id })).rejects.toMatchObject({ type: 'not_found' });
    expect(pushes).toHaveLength(4);
  });

  it('multicast reaches the named agents as incoming_multicast; nothing else gets it', async () => {
    const [smith, jones] = fixture.sim.agents;
    const receiver = rtmOf(jones!.accessToken);
    await receiver.login();
    const sender = rtmOf(smith!.accessToken);
    await sender.login();
    const got: unknown[] = [];
    const echoed: unknown[] = [];
    receiver.on('incoming_multicast', (push) => got.push(push));
    sender.on('incoming_multicast', (push) => echoed.push(push));
    await new AgentWeb(tokenOf(smith!.accessToken), { apiUrl: fixture.sim.url }).multicast({
      recipients: { agents: { ids: [jones!.id] } },
      content: { vip: 'started a chat' },
      type: 'alert',
    });
    await vi.waitFor(() =>
      expect(got).toEqual([{ author_id: smith!.id, content: { vip: 'started a chat' }, type: 'alert' }]),
    );
    expect(echoed).toEqual([]);
    await expect(sender.multicast({ recipients: {} as never, content: 1 })).rejects.toMatchObject({
      type: 'validation',
    });
  });

  it('request_thread_summary: thread_summary_set and a summary event while active, once after deactivation', async () => {
    const rtm = rtmOf(fixture.sim.agents[0]!.accessToken);
    await rtm.login();
    const { chat_id, thread_id } = await rtm.startChat({
      chat: { thread: { events: [{ type: 'message', text: 'Need a discount code', visibility: 'all' }] } },
    });
    const summaries: any[] = [];
    rtm.on('thread_summary_set', (push) => summaries.push(push));
    await rtm.requestThreadSummary({ chat_id, thread_id: thread_id! });
    await vi.waitFor(() => expect(summaries).toHaveLength(1));
    expect(summaries[0]).toMatchObject({
      chat_id,
      thread_id,
      summary: { status: 'ok', text: expect.stringContaining('discount') },
    });
    expect(fixture.sim.events(chat_id).at(-1)).toMatchObject({
      type: 'system',
      subtype: 'summary',
      visibility: 'agents',
    });
    await rtm.deactivateChat({ id: chat_id });
    await rtm.requestThreadSummary({ chat_id, thread_id: thread_id! });
    await expect(rtm.requestThreadSummary({ chat_id, thread_id: thread_id! })).rejects.toMatchObject({
      type: 'validation',
    });
  });

  it('ban_customer pushes customer_banned to agents', async () => {
    const rtm = rtmOf(fixture.sim.agents[0]!.accessToken);
    await rtm.login();
    const banned: unknown[] = [];
    rtm.on('customer_banned', (push) => banned.push(push));
    const { customer } = await customerOnline('Troll');
    await rtm.banCustomer({ id: customer.id, ban: { days: 2 } });
    await vi.waitFor(() => expect(banned).toEqual([{ customer_id: customer.id, ban: { days: 2 } }]));
  });

  it('refuses a bot token over RTM (bots use the Web API), and takes it over Web', async () => {
    const rtm = rtmOf(fixture.sim.bot.accessToken);
    await expect(rtm.login()).rejects.toThrow(AuthorizationError);
    await expect(rtm.login()).rejects.toThrow(/WebSocket connection as a bot/);
    const web = new AgentWeb(tokenOf(fixture.sim.bot.accessToken), { apiUrl: fixture.sim.url });
    await web.setRoutingStatus({ status: 'accepting_chats' });
    expect(fixture.sim.routingStatus(fixture.sim.bot.id)).toBe('accepting_chats');
    await web.setRoutingStatus({ status: 'offline' });
  });
});
