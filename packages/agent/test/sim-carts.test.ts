// Customer carts through the real Agent clients against the simulator: a store integration (played by
// `sim.updateCart`) reports a cart; the agent chatting with the customer gets `customer_updated` with
// that `cart`, and the Customer structure of `get_customer` carries `carts`. The docs document carts
// at 3.6 as well as 3.7 (agent-chat-api/data-structures#cart, rtm-pushes#customer_updated and the
// 3.6 changelog, all added in one docs commit), so both versions answer alike.
import type { Cart, WebSocketConstructor } from '@lc/core';
import { startSimulator } from '@lc/testing';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { useSimulator } from '../../../test-utils/sim-fixture.js';
import { AgentRTM } from '../src/index.js';
import { AgentWeb as AgentWeb37 } from '../src/v3.7.js';

const WS = WebSocket as unknown as WebSocketConstructor;
const fixture = useSimulator(() => startSimulator({ port: 0 }));

/** The docs' sample cart (agent-chat-api/v3.7/data-structures#cart), for one store. */
const cart = (store: string, total: number): Omit<Cart, 'last_updated_at'> => ({
  store_uuid: store,
  store_platform: 'shopify',
  customer_signed_in: true,
  subtotal: total - 10,
  total,
  subtotal_usd: total - 10,
  total_usd: total,
  currency: 'USD',
  items: [{ id: 1234567890, quantity: 2, variant_id: 9876543210 }],
});

/** An agent on RTM at `version`, in a chat the seeded customer started (so it hears about the customer). */
async function agentInChat(version: '3.6' | '3.7') {
  const { sim } = fixture;
  const agent = sim.agents[0]!;
  const rtm = fixture.track(
    new AgentRTM(WS, fixture.bearer(agent.accessToken), { apiUrl: sim.wsUrl, reconnect: false, apiVersion: version }),
  );
  await rtm.login();
  await rtm.setRoutingStatus({ status: 'accepting_chats' });
  const customer = sim.createCustomer({ name: `Shopper ${version}` });
  await fixture.call('customer', 'start_chat', customer.accessToken, {
    chat: { thread: { events: [{ type: 'message', text: 'hi', visibility: 'all' }] } },
  });
  const updates: Array<Record<string, unknown>> = [];
  rtm.on('customer_updated', (push) => updates.push(push as unknown as Record<string, unknown>));
  return { rtm, customer, updates };
}

describe.each(['3.7', '3.6'] as const)('carts at %s', (version) => {
  it('a cart update reaches the agent as customer_updated with that cart; get_customer lists carts', async () => {
    const { rtm, customer, updates } = await agentInChat(version);
    const stored = fixture.sim.updateCart(customer.id, cart('store-a', 109.99));
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    expect(updates[0]).toMatchObject({ id: customer.id, cart: stored });
    expect(updates[0]).not.toHaveProperty('carts'); // the push carries the one cart that changed
    expect(stored.last_updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);

    // A second store adds a cart; the first store's newer cart replaces its older one.
    fixture.sim.updateCart(customer.id, cart('store-b', 20));
    const newer = fixture.sim.updateCart(customer.id, cart('store-a', 50));
    await vi.waitFor(() => expect(updates).toHaveLength(3));
    const got = await rtm.getCustomer({ id: customer.id });
    expect(got.carts?.map((c) => [c.store_uuid, c.total])).toEqual([
      ['store-a', 50],
      ['store-b', 20],
    ]);
    expect(got.carts?.[0]).toEqual(newer);
  });
});

describe('carts: what stays as it was', () => {
  it('@lc/agent/v3.7 AgentWeb reads the carts; a customer without one has no carts field', async () => {
    const { sim } = fixture;
    const web = new AgentWeb37(fixture.bearer(sim.agents[0]!.accessToken), { apiUrl: sim.url });
    const plain = sim.createCustomer({ name: 'No cart' });
    expect(await web.getCustomer({ id: plain.id })).not.toHaveProperty('carts');
    sim.updateCart(plain.id, cart('store-c', 5));
    expect((await web.getCustomer({ id: plain.id })).carts).toHaveLength(1);
  });

  it('a name change pushes customer_updated without cart data; update_customer cannot set carts', async () => {
    const { rtm, customer, updates } = await agentInChat('3.7');
    // No action sets carts (the docs list none): a `carts` field in update_customer changes nothing.
    await rtm.updateCustomer({ id: customer.id, name: 'Renamed', carts: [cart('x', 1)] } as never);
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    expect(updates[0]).toMatchObject({ id: customer.id, name: 'Renamed' });
    expect(updates[0]).not.toHaveProperty('cart');
    expect(await rtm.getCustomer({ id: customer.id })).not.toHaveProperty('carts');
  });

  it('a malformed cart is refused before anything is stored or pushed', async () => {
    const { customer, updates } = await agentInChat('3.7');
    expect(() => fixture.sim.updateCart(customer.id, { ...cart('s', 1), total: '1' as never })).toThrow(
      /"total" must be a number/,
    );
    expect(() => fixture.sim.updateCart(customer.id, { ...cart('s', 1), items: [{ id: 1 }] as never })).toThrow(
      /quantity/,
    );
    expect(() => fixture.sim.updateCart('nobody', cart('s', 1))).toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(updates).toEqual([]);
  });
});
