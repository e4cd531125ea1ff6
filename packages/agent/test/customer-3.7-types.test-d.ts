// The Customer structure at 3.7. The 3.7 data-structures table drops `phone_number` and `omnichannel`
// (agent-chat-api/v3.7/data-structures#customer; spec/CHANGES-3.7.md), yet the same page's sample
// (payloads/messaging/v3.7/agent-chat-api/users/customer.json), the 3.7 get_customer response table,
// the 3.7 update_customer parameters and the 3.7 customer_updated push sample all carry them. The
// types follow the four against the one table. Carts (`carts`, the push's `cart`) are documented at
// 3.6 and 3.7 alike, so the 3.7 shapes equal 3.6's (whose docs samples types.test-d.ts checks).
import { describe, expectTypeOf, test } from 'vitest';
import type { AgentPushes, AgentResponses } from '../src/types/index.js';
import type { AgentPushes3_7, AgentResponses3_7 } from '../src/types/v3.7.js';

describe('Agent 3.7 Customer', () => {
  test('get_customer names phone_number, omnichannel and carts, as at 3.6', () => {
    // Named, not merely tolerated as extra keys: a type without them would still accept a sample.
    expectTypeOf<AgentResponses3_7['get_customer']>().toHaveProperty('phone_number');
    expectTypeOf<AgentResponses3_7['get_customer']>().toHaveProperty('omnichannel');
    expectTypeOf<AgentResponses3_7['get_customer']>().toHaveProperty('carts');
    expectTypeOf<AgentResponses3_7['get_customer']>().toEqualTypeOf<AgentResponses['get_customer']>();
  });

  test('customer_updated carries the one cart that changed, as at 3.6', () => {
    expectTypeOf<AgentPushes3_7['customer_updated']>().toHaveProperty('cart');
    expectTypeOf<AgentPushes3_7['customer_updated']>().toEqualTypeOf<AgentPushes['customer_updated']>();
  });
});
