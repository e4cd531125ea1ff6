// The Customer Chat API 3.7 items of the docs' changelog through the real Customer clients against the
// simulator: Request Welcome Message (Web from `@lc/customer/v3.7`, RTM with `apiVersion: '3.7'`)
// and its `incoming_welcome_message` push; and carts, which the Customer Chat API's Customer does not
// have (customer-chat-api/v3.7/data-structures#customer): a store's cart reaches agents only.
import type { WebSocketConstructor } from '@lc/core';
import { startSimulator } from '@lc/testing';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { useSimulator } from '../../../test-utils/sim-fixture.js';
import { CustomerRTM } from '../src/index.js';
import { CustomerWeb } from '../src/v3.7.js';

const WS = WebSocket as unknown as WebSocketConstructor;
const fixture = useSimulator(() => startSimulator({ port: 0 }));

async function customerRtm37() {
  const { sim } = fixture;
  const customer = sim.createCustomer({ name: 'Visitor' });
  const rtm = fixture.track(
    new CustomerRTM(WS, fixture.bearer(customer.accessToken), {
      apiUrl: sim.wsUrl,
      reconnect: false,
      apiVersion: '3.7',
    }),
  );
  await rtm.login();
  return { rtm, customer };
}

async function agentAccepting() {
  const agent = fixture.sim.agents[0]!;
  await fixture.call('agent', 'set_routing_status', agent.accessToken, { status: 'accepting_chats' });
  return agent;
}

describe('Customer Chat API 3.7 against the simulator', () => {
  it('CustomerRTM at 3.7: requestWelcomeMessage answers the predicted agent, then incoming_welcome_message', async () => {
    const agent = await agentAccepting();
    const { rtm } = await customerRtm37();
    const welcomes: Array<{ id: string; event: { author_id?: string; type: string } }> = [];
    rtm.on('incoming_welcome_message', (push) => welcomes.push(push as never));
    const answer = await rtm.requestWelcomeMessage({ group_id: 0 });
    expect(answer).toMatchObject({ predicted_agent: { id: agent.id }, queue: false });
    await vi.waitFor(() => expect(welcomes).toHaveLength(1));
    expect(welcomes[0]).toMatchObject({ id: answer.id, event: { type: 'message', author_id: agent.id } });
  });

  it('CustomerWeb from @lc/customer/v3.7: requestWelcomeMessage keeps the id it is given', async () => {
    await agentAccepting();
    const { customer } = await customerRtm37();
    const web = new CustomerWeb(fixture.bearer(customer.accessToken), { apiUrl: fixture.sim.url });
    const answer = await web.requestWelcomeMessage({ id: 'welcome-1' });
    expect(answer.id).toBe('welcome-1');
  });

  it("a store's cart is not the customer's to see: no customer_updated, no carts in get_customer", async () => {
    const { rtm, customer } = await customerRtm37();
    const updates: unknown[] = [];
    rtm.on('customer_updated', (push) => updates.push(push));
    fixture.sim.updateCart(customer.id, {
      store_uuid: 'store-a',
      store_platform: 'shopify',
      customer_signed_in: false,
      subtotal: 1,
      total: 1,
      subtotal_usd: 1,
      total_usd: 1,
      currency: 'USD',
      items: [],
    });
    const web = new CustomerWeb(fixture.bearer(customer.accessToken), { apiUrl: fixture.sim.url });
    expect(await web.getCustomer()).not.toHaveProperty('carts');
    // The agent's view has it (the cart was stored), so the quiet customer socket means something.
    const seen = await fixture.call('agent', 'get_customer', fixture.sim.agents[0]!.accessToken, { id: customer.id });
    expect(seen.carts).toHaveLength(1);
    await rtm.updateCustomer({ name: 'Then renamed' });
    await vi.waitFor(() => expect(updates).toHaveLength(1)); // the rename, not the cart
    expect(updates[0]).toMatchObject({ name: 'Then renamed' });
    expect(updates[0]).not.toHaveProperty('cart');
    expect(updates[0]).not.toHaveProperty('carts');
  });
});
