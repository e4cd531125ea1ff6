// Request rules the docs give outside their parameter tables: value lists and "exactly one of".
import { assertType, describe, expectTypeOf, test } from 'vitest';
import type { ConfigurationRequests } from '../src/generated/requests.js';
import type { ConfigurationResponses } from '../src/types/index.js';

describe('documented value lists', () => {
  test('fields of agents, bots and groups', () => {
    assertType<ConfigurationRequests['list_agents']>({ fields: ['max_chats_count', 'last_logout'] });
    // @ts-expect-error not a documented agent field (it is `email_subscriptions`)
    assertType<ConfigurationRequests['get_agent']>({ id: 'a', fields: ['email_subscription'] });
    assertType<ConfigurationRequests['get_bot']>({ id: 'b', fields: ['timezone'] });
    // @ts-expect-error not a documented group field (it is `agent_priorities`)
    assertType<ConfigurationRequests['list_groups']>({ fields: ['agents_priorities'] });
  });
  test('notifications and email subscriptions', () => {
    assertType<ConfigurationRequests['update_agent']>({
      id: 'a',
      notifications: ['new_visitor'],
      email_subscriptions: ['weekly_summary'],
    });
    // @ts-expect-error `new_visitor`, not `new_visitors`
    assertType<ConfigurationRequests['update_agent']>({ id: 'a', notifications: ['new_visitors'] });
  });
});

describe('unban_customer: exactly one of ip and customer_id', () => {
  test('one of them', () => {
    assertType<ConfigurationRequests['unban_customer']>({ ip: '192.168.1.1' });
    assertType<ConfigurationRequests['unban_customer']>({ customer_id: 'c1' });
    // @ts-expect-error neither
    assertType<ConfigurationRequests['unban_customer']>({});
    // @ts-expect-error both
    assertType<ConfigurationRequests['unban_customer']>({ ip: '192.168.1.1', customer_id: 'c1' });
  });
});

test('a greeting as get_greeting returns it: rich_message without template_id', () => {
  type Rich = NonNullable<ConfigurationResponses['get_greeting']['rich_message']>;
  assertType<Rich>({ elements: [] });
  expectTypeOf<undefined>().toMatchTypeOf<Rich['template_id']>();
});

describe('bot templates: owner_client_id only with a PAT', () => {
  test('the docs samples leave it out; it may still be given', () => {
    assertType<ConfigurationRequests['create_bot_template']>({ name: 'Bot Name' });
    assertType<ConfigurationRequests['list_bot_templates']>({});
    assertType<ConfigurationRequests['update_bot_template']>({ id: 't', name: 'New', owner_client_id: 'c1' });
    // @ts-expect-error a Client ID is a string
    assertType<ConfigurationRequests['delete_bot_template']>({ id: 't', owner_client_id: 1 });
  });
});
