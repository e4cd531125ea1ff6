// The Customer structure at 3.7. The 3.7 data-structures table drops `phone_number` and `omnichannel`
// (agent-chat-api/v3.7/data-structures#customer; spec/CHANGES-3.7.md), yet the same page's sample
// (payloads/messaging/v3.7/agent-chat-api/users/customer.json), the 3.7 get_customer response table,
// the 3.7 update_customer parameters and the 3.7 customer_updated push sample all carry them. The
// types follow the four against the one table: the 3.7 samples below must stay accepted.
import { describe, expectTypeOf, test } from 'vitest';
import type { AgentPushes3_7, AgentResponses3_7 } from '../src/types/v3.7.js';

const cart = {
  store_uuid: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  store_platform: 'shopify',
  customer_signed_in: true,
  subtotal: 99.99,
  total: 109.99,
  subtotal_usd: 99.99,
  total_usd: 109.99,
  currency: 'USD',
  items: [{ id: 1234567890, quantity: 2, variant_id: 9876543210 }],
  last_updated_at: '2017-10-12T15:19:21.010200Z',
};

describe('Agent 3.7 Customer', () => {
  test('the 3.7 Customer sample (phone_number, carts) is a get_customer result (fields trimmed)', () => {
    const sample = {
      id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
      type: 'customer' as const,
      name: 'Thomas Anderson',
      email: 't.anderson@example.com',
      phone_number: '+18008529001',
      created_at: '2017-10-11T15:19:21.010200Z',
      state: 'browsing',
      carts: [cart],
    };
    expectTypeOf(sample).toExtend<AgentResponses3_7['get_customer']>();
    // Named, not merely tolerated as extra keys: a type without them would still accept the sample.
    expectTypeOf<AgentResponses3_7['get_customer']>().toHaveProperty('phone_number');
    expectTypeOf<AgentResponses3_7['get_customer']>().toHaveProperty('omnichannel');
    expectTypeOf<AgentResponses3_7['get_customer']>().toHaveProperty('carts');
  });

  test('the 3.7 customer_updated sample (agent-chat-api/v3.7/rtm-pushes#customer_updated) is accepted', () => {
    const sample = {
      id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
      name: 'Thomas Anderson',
      phone_number: '+14155552671',
      type: 'customer' as const,
      omnichannel: { twilio: [{ phone_number: '+14155552671' }] },
      cart,
    };
    expectTypeOf(sample).toExtend<AgentPushes3_7['customer_updated']>();
    expectTypeOf<AgentPushes3_7['customer_updated']>().toHaveProperty('cart');
    // A cart item's ids are numbers in the Cart Item table.
    expectTypeOf({ ...sample, cart: { ...cart, items: [{ id: '1', quantity: 2, variant_id: 3 }] } }).not.toExtend<
      AgentPushes3_7['customer_updated']
    >();
  });
});
