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

describe('send_event: the Customer Chat API names who sees an event `recipients`', () => {
  test('all or agents, as its send_event samples and Filled form table say', () => {
    assertType<CustomerRequests['send_event']>({
      chat_id: 'c',
      event: { type: 'message', text: 'hello world', recipients: 'all' },
    });
    assertType<CustomerRequests['send_event']>({
      chat_id: 'c',
      event: { type: 'filled_form', form_id: 'f', fields: [], recipients: 'agents' },
    });
    const event = { type: 'message', text: 'x' } as const;
    // @ts-expect-error not a documented value
    assertType<CustomerRequests['send_event']>({ chat_id: 'c', event: { ...event, recipients: 'everyone' } });
  });
});
