// Type tests of request fields whose values the docs give in description columns.
import { assertType, describe, test } from 'vitest';
import type { CustomerRequests } from '../src/generated/requests.js';

describe('fixed values from the docs', () => {
  test('get_form type is prechat or postchat', () => {
    assertType<CustomerRequests['get_form']>({ group_id: 0, type: 'prechat' });
    // @ts-expect-error "prechat or postchat"
    assertType<CustomerRequests['get_form']>({ group_id: 0, type: 'ticket' });
  });
  test('start_chat chat.users: one existing customer', () => {
    assertType<CustomerRequests['start_chat']>({ chat: { users: [{ id: 'c1', type: 'customer' }] } });
    // @ts-expect-error "Only one user is allowed (type customer)"
    assertType<CustomerRequests['start_chat']>({ chat: { users: [{ id: 'a1', type: 'agent' }] } });
  });
});
