import { describe, expectTypeOf, test } from 'vitest';
import type { ApiError, Token } from '@lc/core';
import {
  ConfigurationWeb,
  type Agent,
  type BatchResult,
  type CreateAgentRequest,
  type CreateAgentResponse,
  type EmptyResponse,
  type Group,
  type ListGreetingsResponse,
} from '../src/index.js';

const config = new ConfigurationWeb((): Token => ({ accessToken: 't', organizationID: 'o', tokenType: 'Bearer' }));

describe('requests', () => {
  test('a missing required field is a compile error', () => {
    // @ts-expect-error `name` is required
    void config.createAgent({ id: 'smith@example.com' });
    // @ts-expect-error `id` is required
    void config.updateGroup({ name: 'Sport shoes' });
    // @ts-expect-error `conditions` is required
    void config.addAutoAccess({ access: { groups: [1] } });
    // @ts-expect-error `requests` is required
    void config.batchDeleteAgents({});
    // @ts-expect-error a batch item must be the non-batch request
    void config.batchCreateAgents({ requests: [{ id: 'a@x.com' }] });
    // @ts-expect-error the payload of get_agent is required
    void config.getAgent();
  });

  test('wrong values are compile errors', () => {
    // @ts-expect-error not a routing priority
    void config.createGroup({ name: 'G', agent_priorities: { 'a@x.com': 'high' } });
    // @ts-expect-error group IDs are numbers
    void config.updateGroup({ id: '19' });
    const webhook = { action: 'incoming_chat', secret_key: 's', url: 'https://x', owner_client_id: 'c' } as const;
    // @ts-expect-error webhook type is bot or license
    void config.registerWebhook({ ...webhook, type: 'agent' });
  });

  test('the docs samples are accepted as they are', () => {
    void config.createAgent({
      id: 'smith@example.com',
      name: 'Agent Smith',
      role: 'viceowner',
      groups: [
        { id: 5, priority: 'first' },
        { id: 2, priority: 'last' },
        { id: 1, priority: 'normal' },
      ],
      work_scheduler: {
        schedule: [
          { day: 'monday', start: '08:00', end: '12:30', enabled: true },
          { day: 'friday', start: '08:00', end: '16:00', enabled: true },
        ],
        timezone: 'Europe/Warsaw',
      },
      notifications: ['new_visitor', 'new_goal', 'visitor_is_typing'],
      email_subscriptions: ['weekly_summary'],
    });
    void config.addAutoAccess({
      description: 'Chats on livechat.com from United States',
      access: { groups: [1] },
      conditions: {
        domain: { values: [{ value: 'livechat.com', exact_match: true }] },
        geolocation: { values: [{ country: 'United States', country_code: 'US' }] },
      },
      next_id: '1faad6f5f1d6e8fdf27e8af9839783b7',
    });
    void config.createGreeting({
      type: 'normal',
      active: true,
      active_from: '2024-01-01T00:00:00Z',
      active_until: '2024-12-31T23:59:59Z',
      name: 'Welcome greeting',
      group: 0,
      rules: [
        { condition: 'and', type: 'url_current', operator: 'contains', value: 'checkout' },
        { condition: 'or', type: 'visit_time_site', operator: 'greater_than', value: '30' },
      ],
      properties: { addon: 'chat_widget', is_exit_intent: 'false' },
      rich_message: {
        template_id: 'text',
        elements: [{ title: 'Welcome to our website!', subtitle: 'How can we help you today?' }],
      },
    });
    void config.registerWebhook({
      url: 'http://myservice.com/webhooks',
      description: 'Test webhook',
      action: 'chat_deactivated',
      secret_key: 'laudla991lamda0pnoaa0',
      owner_client_id: 'asXdesldiAJSq9padj',
      type: 'license',
    });
    void config.registerProperty({
      name: 'string_property',
      owner_client_id: '0805e283233042b37f460ed8fbf22160',
      type: 'string',
      default_value: 'string_default_value',
      access: { chat: { agent: ['read'], customer: ['read', 'write'] } },
    });
    void config.updateLicenseProperties({
      properties: { '0805e283233042b37f460ed8fbf22160': { string_property: 'string value' } },
    });
    void config.deleteLicenseProperties({ properties: { '0805e283233042b37f460ed8fbf22160': ['string_property'] } });
    void config.createBot({ name: 'Bot Name' });
    void config.enableLicenseWebhooks({});
    void config.batchDeleteAgents({ requests: [{ id: 'smith@example.com' }, { id: 'brown@example.com' }] });
    void config.listWebhookNames();
    void config.listAgents({ fields: ['email_subscriptions', 'max_chats_count'], filters: { group_ids: [0, 1] } });
    void config.updateCompanyDetails({ enrich: true, url: 'www.text.com' });
  });

  test('every method accepts request options', () => {
    void config.listGroups({}, { signal: new AbortController().signal, timeout: 1000, headers: { 'x-a': 'b' } });
  });
});

describe('responses', () => {
  test('typed from the docs', () => {
    expectTypeOf(config.getAgent({ id: 'a' })).resolves.toEqualTypeOf<Agent>();
    expectTypeOf(config.listGroups()).resolves.toEqualTypeOf<Group[]>();
    expectTypeOf(config.listGreetings()).resolves.toEqualTypeOf<ListGreetingsResponse>();
    expectTypeOf(config.deleteAgent({ id: 'a' })).resolves.toEqualTypeOf<EmptyResponse>();
    expectTypeOf(config.createAgent).parameter(0).toEqualTypeOf<CreateAgentRequest>();
  });

  test('batch methods resolve with per-item results', async () => {
    const batch = await config.batchCreateAgents({ requests: [{ id: 'a@x.com', name: 'A' }] });
    expectTypeOf(batch).toEqualTypeOf<BatchResult<CreateAgentResponse>>();
    const item = batch.results[0]!;
    if (item.ok) expectTypeOf(item.value).toEqualTypeOf<CreateAgentResponse>();
    else expectTypeOf(item.error).toEqualTypeOf<ApiError>();
  });
});
