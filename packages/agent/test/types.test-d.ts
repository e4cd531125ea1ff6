// Type tests of the Agent Chat API 3.6 response and push types (run by `vitest` typecheck).
import type {
  ChatSummary,
  Customer,
  EmptyResponse,
  Event,
  EventInput,
  FilledFormEvent,
  MessageEvent,
  MyProfile,
  RichMessageEvent,
  ThreadEvent,
  User,
} from '@lc/core';
import { assertType, describe, expectTypeOf, test } from 'vitest';
import type {
  AgentPushes,
  AgentResponses,
  GetChatResponse,
  IncomingEventPush,
  License,
  ListAgentsForTransferResponse,
  ListChatsResponse,
  LoginResponse,
} from '../src/types/index.js';

describe('pushes', () => {
  test('incoming_event carries the Event union, and narrowing on type gives the fields', () => {
    expectTypeOf<AgentPushes['incoming_event']>().toEqualTypeOf<IncomingEventPush>();
    expectTypeOf<IncomingEventPush['event']>().toEqualTypeOf<Event>();

    const onEvent = (payload: AgentPushes['incoming_event']) => {
      const { event } = payload;
      if (event.type === 'message') {
        expectTypeOf(event).toEqualTypeOf<MessageEvent>();
        expectTypeOf(event.text).toEqualTypeOf<string>();
      } else if (event.type === 'rich_message') {
        expectTypeOf(event.template_id).toEqualTypeOf<'cards' | 'sticker' | 'quick_replies' | 'ecommerce'>();
      } else if (event.type === 'system') {
        expectTypeOf(event.details).toEqualTypeOf<string>();
      }
      // @ts-expect-error -- `text` exists only after narrowing to a message (or system message)
      event.text;
    };
    assertType(onEvent);
  });

  test('a misspelled push name is not a key', () => {
    expectTypeOf<'incoming_typing_indicator'>().toMatchTypeOf<keyof AgentPushes>();
    // @ts-expect-error -- not a documented push
    assertType<AgentPushes['incoming_typing_indicators']>({});
    // @ts-expect-error -- the customer-only push is not an agent push
    assertType<AgentPushes['incoming_greeting']>({});
  });

  test('array-shaped and map-shaped payloads', () => {
    expectTypeOf<AgentPushes['queue_positions_updated']>().toBeArray();
    expectTypeOf<AgentPushes['auto_accesses_updated']>().toBeArray();
    expectTypeOf<AgentPushes['subscribed_customers_totals_updated'][string]>().toEqualTypeOf<number>();
  });

  test('docs sample: incoming_event', () => {
    assertType<AgentPushes['incoming_event']>({
      chat_id: 'PJ0MRSHTDG',
      thread_id: 'K600PKZON8',
      event: {
        id: 'Q20163UAHO_2',
        created_at: '2019-12-05T07:27:08.820000Z',
        visibility: 'all',
        type: 'message',
        properties: { '0805e283233042b37f460ed8fbf22160': { string_property: 'string value' } },
        text: 'Hello',
        author_id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
      },
    });
  });

  test('docs sample: customer_updated (one `cart`, omnichannel)', () => {
    assertType<AgentPushes['customer_updated']>({
      id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
      name: 'Thomas Anderson',
      email: 't.anderson@example.com',
      avatar: 'https://example.com/avatars/1.jpg',
      phone_number: '+14155552671',
      type: 'customer',
      session_fields: [{ custom_key: 'custom_value' }, { another_custom_key: 'another_custom_value' }],
      omnichannel: {
        fb_messenger: [{ id: '4f0ad8d8-1b7e-4519-8400-fa955eb11d12', name: 'Anderson' }],
        twilio: [{ phone_number: '+14155552671' }],
      },
      address: {
        address: '1600 Pennsylvania Avenue NW',
        city: 'Washington',
        country: 'United States',
        state: 'DC',
        postal_code: '20500',
      },
      cart: {
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
      },
    });
  });

  test('docs sample: auto_accesses_updated after adding a rule', () => {
    assertType<AgentPushes['auto_accesses_updated']>([
      { id: 'dc70916fdc9d02ea0bcdee5b2fa64717', next_id: 'b1cd0bfea640f671694110c6ae34356f', status: 'updated' },
      {
        id: 'b1cd0bfea640f671694110c6ae34356f',
        description: '',
        access: { groups: [0] },
        conditions: {
          url: { values: [{ value: 'https://www.auto-access.test', exact_match: false }] },
          domain: { values: [{ value: 'https://www.auto-access.test', exact_match: true }] },
          geolocation: {
            values: [{ country: 'United States', country_code: 'US', region: 'California', city: 'Mountain View' }],
          },
        },
        next_id: '',
        status: 'added',
      },
    ]);
  });
});

describe('responses', () => {
  test('login response is fully typed', () => {
    expectTypeOf<AgentResponses['login']>().toEqualTypeOf<LoginResponse>();
    expectTypeOf<LoginResponse['license']>().toEqualTypeOf<License>();
    expectTypeOf<LoginResponse['license']['id']>().toEqualTypeOf<string>();
    expectTypeOf<LoginResponse['license']['expiration_timestamp']>().toEqualTypeOf<number>();
    expectTypeOf<LoginResponse['my_profile']>().toEqualTypeOf<MyProfile>();
    expectTypeOf<LoginResponse['chats_summary']>().toEqualTypeOf<ChatSummary[]>();
  });

  test('list_chats: chats_summary elements are ChatSummary', () => {
    expectTypeOf<AgentResponses['list_chats']>().toEqualTypeOf<ListChatsResponse>();
    expectTypeOf<ListChatsResponse['chats_summary'][number]>().toEqualTypeOf<ChatSummary>();
    expectTypeOf<ChatSummary['users'][number]>().toEqualTypeOf<User>();
    expectTypeOf<ListChatsResponse['next_page_id']>().toEqualTypeOf<string | undefined>();
  });

  test('array-shaped and empty responses', () => {
    expectTypeOf<AgentResponses['list_routing_statuses']>().toBeArray();
    expectTypeOf<AgentResponses['list_agents_for_transfer']>().toEqualTypeOf<ListAgentsForTransferResponse>();
    expectTypeOf<AgentResponses['deactivate_chat']>().toEqualTypeOf<EmptyResponse>();
    expectTypeOf<AgentResponses['deactivate_chat']>().toEqualTypeOf<Record<string, never>>();
    // @ts-expect-error -- not an agent action
    assertType<AgentResponses['get_dynamic_configuration']>({});
  });

  test('thread events may be deleted placeholders: check `deleted` before narrowing', () => {
    const texts = (chat: GetChatResponse) =>
      (chat.thread?.events ?? []).map((e: ThreadEvent) => (!e.deleted && e.type === 'message' ? e.text : null));
    expectTypeOf(texts).returns.toEqualTypeOf<Array<string | null>>();
  });

  test('docs sample: login', () => {
    assertType<AgentResponses['login']>({
      license: {
        id: '104130623',
        organization_id: '390e44e6-f1e6-0368c-z6ddb-74g14508c2ex',
        plan: 'enterprise',
        expiration_timestamp: 1483433500,
        creation_timestamp: 1482433500,
        in_trial: true,
        website_last_activity: '2018-01-05',
      },
      my_profile: {
        id: 'smith@example.com',
        type: 'agent',
        name: 'Agent Smith',
        email: 'smith@example.com',
        present: true,
        events_seen_up_to: '2017-10-12T15:19:21.010200Z',
        avatar: 'cdn.livechatinc.com/avatars/1.png',
        routing_status: 'accepting_chats',
        permission: 'administrator',
      },
      chats_summary: [
        {
          id: 'PJ0MRSHTDG',
          users: [],
          last_event_per_type: {
            message: {
              thread_id: 'K600PKZON8',
              thread_created_at: '2020-05-07T07:11:28.288340Z',
              event: { restricted_access: 'User has no access to following resource' },
            },
          },
          last_thread_summary: {
            id: 'K600PKZON8',
            user_ids: ['smith@example.com'],
            properties: { routing: { idle: false, unassigned: false } },
            created_at: '2020-05-07T07:11:28.288340Z',
          },
          properties: { routing: { idle: false, unassigned: false } },
          access: { group_ids: [0] },
        },
      ],
    });
  });

  test('docs samples: list_agents_for_transfer (Web and RTM name the count differently)', () => {
    assertType<AgentResponses['list_agents_for_transfer']>([
      { agent_id: 'smith@example.com', total_active_chats: 2 },
      { agent_id: 'agent@example.com', total_active_chats: 5 },
    ]);
    assertType<AgentResponses['list_agents_for_transfer']>([
      { agent_id: 'smith@example.com', active_chats: 2 },
      { agent_id: 'agent@example.com', active_chats: 5 },
    ]);
  });

  test('docs sample: get_chat', () => {
    assertType<AgentResponses['get_chat']>({
      id: 'PJ0MRSHTDG',
      thread: {
        id: 'K600PKZON8',
        created_at: '2020-05-07T07:11:28.288340Z',
        active: true,
        user_ids: ['b7eff798-f8df-4364-8059-649c35c9ed0c', 'smith@example.com'],
        events: [
          {
            id: 'Q20N9CKRX2_1',
            created_at: '2019-12-17T07:57:41.512000Z',
            visibility: 'all',
            type: 'message',
            text: 'Hello',
            author_id: 'smith@example.com',
          },
        ],
        summary: {
          status: 'ok',
          text: '• Agent greets with a short message.',
          updated_at: '2025-10-21T07:08:16.125000Z',
        },
        properties: { '0805e283233042b37f460ed8fbf22160': { string_property: 'string_value' } },
        access: { group_ids: [0] },
        previous_thread_id: 'K600PKZOM8',
        next_thread_id: 'K600PKZOO8',
        customer_visit: {
          ip: '<customer_ip>',
          user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6)',
          geolocation: {
            latitude: '-14.6973803',
            longitude: '-75.1266898',
            country: 'Poland',
            country_code: 'PL',
            region: 'Dolnoslaskie',
            city: 'Wroclaw',
            timezone: 'Europe/Warsaw',
          },
        },
      },
      users: [
        {
          id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
          type: 'customer',
          present: true,
          created_at: '2019-12-17T08:53:20.693553+01:00',
          statistics: { chats_count: 1 },
          agent_last_event_created_at: '2019-12-17T09:04:05.239000+01:00',
        },
        {
          id: 'smith@example.com',
          name: 'Agent Smith',
          email: 'smith@example.com',
          type: 'agent',
          present: true,
          avatar: 'https://example.com/avatar.jpg',
          visibility: 'all',
        },
      ],
      properties: { '0805e283233042b37f460ed8fbf22160': { string_property: 'string_value' } },
      access: { group_ids: [0] },
      is_followed: true,
    });
  });
});

describe('data structures (docs payloads/messaging/v3.6/agent-chat-api)', () => {
  test('users/customer.json is a Customer', () => {
    assertType<Customer>({
      id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
      type: 'customer',
      name: 'Thomas Anderson',
      email: 't.anderson@example.com',
      email_verified: false,
      avatar: 'https://example.com/avatars/1.png',
      phone_number: '+18008529001',
      visit: {
        started_at: '2017-10-12T15:19:21.010200Z',
        ended_at: '2017-10-12T15:21:01.000000Z',
        referrer: 'http://www.google.com/',
        ip: '<customer_ip>',
        user_agent: 'Mozilla/5.0',
        geolocation: {
          country: 'Poland',
          country_code: 'PL',
          region: 'Dolnoslaskie',
          city: 'Wroclaw',
          timezone: 'Europe/Warsaw',
        },
        last_pages: [
          { opened_at: '2017-10-12T15:19:21.010200Z', url: 'https://www.livechat.com/', title: 'LiveChat - Homepage' },
          { opened_at: '2017-10-12T15:19:21.010200Z', url: 'https://www.livechat.com/tour', title: 'LiveChat - Tour' },
        ],
      },
      session_fields: [{ custom_key: 'custom_value' }, { another_custom_key: 'another_custom_value' }],
      statistics: { chats_count: 3, threads_count: 9, visits_count: 5, tickets_count: 12 },
      __priv_lc2_customer_id: 'test_771305.dafea66e5c',
      agent_last_event_created_at: '2017-10-12T15:19:21.010200Z',
      customer_last_event_created_at: '2017-10-12T15:19:21.010200Z',
      created_at: '2017-10-11T15:19:21.010200Z',
      present: true,
      events_seen_up_to: '2017-10-12T15:19:21.010200Z',
      followed: false,
      online: true,
      group_ids: [0],
      tickets: [{ ticket_id: '0c04cb99-817a-4935-9d62-137c89a74388', created_at: '2017-10-12T15:19:21.010200Z' }],
      state: 'browsing',
      carts: [
        {
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
        },
      ],
      omnichannel: {
        fb_messenger: [
          {
            ID: 'fb_messenger_id',
            Name: 'Thomas Anderson',
            FirstName: 'Thomas',
            LastName: 'Anderson',
            ProfilePicURL: 'https://example.com/avatars/1.png',
            Gender: 'male',
            Locale: 'EN_US',
            IsVerifiedUser: true,
          },
        ],
        twilio: [{ '+18008529001': { phone_number: '+18008529001' } }],
      },
      address: {
        address: '1600 Pennsylvania Avenue NW',
        city: 'Washington',
        country: 'United States',
        state: 'DC',
        postal_code: '20500',
      },
    });
  });

  test('events/richMessage.json is a RichMessageEvent', () => {
    assertType<RichMessageEvent>({
      id: '0affb00a-82d6-4e07-ae61-56ba5c36f743',
      custom_id: '31-0C-1C-07-DB-16',
      type: 'rich_message',
      author_id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
      created_at: '2017-10-12T15:19:21.010200Z',
      visibility: 'all',
      properties: { property_namespace: { property_name: 'property_value' } },
      template_id: 'cards',
      elements: [
        {
          title: 'Lorem ipsum dolor.',
          subtitle: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
          image: {
            name: 'image25.png',
            url: 'https://example.com/image25.png',
            content_type: 'image/png',
            size: 123444,
            width: 640,
            height: 480,
            alternative_text: 'A picture of lorem ipsum',
          },
          buttons: [
            { text: 'yes', postback_id: 'action_yes', user_ids: ['b7eff798-f8df-4364-8059-649c35c9ed0c'] },
            { text: 'no', postback_id: 'action_no', user_ids: [] },
            {
              type: 'phone',
              text: 'value',
              value: '790034890',
              webview_height: 'tall',
              postback_id: 'action_call',
              user_ids: [],
              target: 'current',
            },
          ],
        },
      ],
    });
  });

  test('events/filledForm.json is a FilledFormEvent with fields narrowed by type', () => {
    const sample = {
      id: '0affb00a-82d6-4e07-ae61-56ba5c36f743',
      custom_id: '31-0C-1C-07-DB-16',
      type: 'filled_form',
      author_id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
      created_at: '2017-10-12T15:19:21.010200Z',
      visibility: 'all',
      properties: { property_namespace: { property_name: 'property_value' } },
      form_id: '1473433500211',
      form_type: 'prechat',
      fields: [
        { type: 'name', id: '154417206262603539', label: 'Your name', answer: 'Thomas Anderson' },
        { type: 'email', id: '154417206262601584', label: 'Your email', answer: 't.anderson@example.com' },
        { type: 'radio', id: '154417206262602571', label: 'Chat purpose', answer: { id: '0', label: 'Support' } },
        {
          type: 'checkbox',
          id: '154417206262604640',
          label: 'Company industry',
          answers: [
            { id: '0', label: 'automotive' },
            { id: '1', label: 'it' },
          ],
        },
        {
          type: 'group_chooser',
          id: '154417206262605324',
          label: 'Choose department',
          answer: { id: '2', group_id: 1, label: 'Marketing' },
        },
      ],
    } satisfies FilledFormEvent;
    assertType<FilledFormEvent>(sample);
    const answerOf = (field: FilledFormEvent['fields'][number]) => {
      switch (field.type) {
        case 'checkbox':
          return field.answers.map((a) => a.label).join(', ');
        case 'radio':
        case 'select':
        case 'group_chooser':
          return field.answer.label;
        default:
          expectTypeOf(field.answer).toEqualTypeOf<string>();
          return field.answer;
      }
    };
    expectTypeOf(answerOf).returns.toEqualTypeOf<string>();
  });

  test('the docs sample typo `properites` is rejected', () => {
    assertType<ChatSummary>({
      id: 'PJ0MRSHTDG',
      users: [],
      // @ts-expect-error -- the docs' chatSummary.json misspells `properties`
      properites: { property_namespace: { property_name: 'property_value' } },
    });
  });
});

describe('event inputs (send_event)', () => {
  test('no server-side fields are required', () => {
    assertType<EventInput>({ type: 'message', text: 'Hello' });
    assertType<EventInput>({ type: 'file', url: 'https://cdn.livechat-files.com/api/file/lc/att/1/a.png' });
    assertType<EventInput>({ type: 'custom', content: { nested: 'json' }, visibility: 'agents' });
    // @ts-expect-error -- a message needs `text`
    assertType<EventInput>({ type: 'message' });
    // @ts-expect-error -- system events cannot be sent in 3.6
    assertType<EventInput>({ type: 'system', source: 'cdp', subtype: 'x', version: 1, details: '{}' });
  });
});
