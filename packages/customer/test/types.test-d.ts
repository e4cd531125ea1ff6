// Type tests of the Customer Chat API 3.6 response and push types (run by `vitest` typecheck).
import type { CustomerChatSummary, EmptyResponse, Event, MessageEvent, Properties, RichMessageEvent } from '@lc/core';
import { assertType, describe, expectTypeOf, test } from 'vitest';
import type {
  CustomerPushes,
  CustomerResponses,
  Form,
  Greeting,
  IncomingEventPush,
  ListChatsResponse,
  LoginResponse,
} from '../src/types/index.js';

describe('pushes', () => {
  test('incoming_event carries the Event union, and narrowing on type gives the fields', () => {
    expectTypeOf<CustomerPushes['incoming_event']>().toEqualTypeOf<IncomingEventPush>();
    expectTypeOf<IncomingEventPush['event']>().toEqualTypeOf<Event>();
    const onEvent = ({ event }: CustomerPushes['incoming_event']) => {
      if (event.type === 'message') {
        expectTypeOf(event).toEqualTypeOf<MessageEvent>();
        expectTypeOf(event.text).toEqualTypeOf<string>();
      }
      // @ts-expect-error -- `text` exists only after narrowing
      event.text;
    };
    assertType(onEvent);
  });

  test('agent-only and misspelled push names are not keys', () => {
    // @ts-expect-error -- agent-only push
    assertType<CustomerPushes['incoming_sneak_peek']>({});
    // @ts-expect-error -- the push is `queue_position_updated` (singular) for customers
    assertType<CustomerPushes['queue_positions_updated']>({});
  });

  test('docs sample: incoming_event (customer samples say `recipients`)', () => {
    assertType<CustomerPushes['incoming_event']>({
      chat_id: 'PJ0MRSHTDG',
      thread_id: 'K600PKZON8',
      event: {
        id: 'Q20163UAHO_2',
        created_at: '2019-12-05T07:27:08.820000Z',
        recipients: 'all',
        type: 'message',
        properties: { '0805e283233042b37f460ed8fbf22160': { string_property: 'string value' } },
        text: 'Hello',
        author_id: 'b5657aff-34dd-32e1-98160d54666df9d8',
      },
    });
  });

  test('docs sample: incoming_event_preview has no event id', () => {
    assertType<CustomerPushes['incoming_event_preview']>({
      chat_id: 'PJ0MRSHTDG',
      thread_id: 'K600PKZON8',
      event: {
        created_at: '2019-12-05T07:27:08.820000Z',
        type: 'message',
        text: 'Preview of a longer response...',
        author_id: 'b5657aff-34dd-32e1-98160d54666df9d8',
        custom_id: '31-0C-1C-07-DB-16',
      },
    });
  });

  test('incoming_greeting: the event is a message or a rich message', () => {
    expectTypeOf<CustomerPushes['incoming_greeting']['event']>().toEqualTypeOf<MessageEvent | RichMessageEvent>();
    assertType<CustomerPushes['incoming_greeting']>({
      id: 7,
      unique_id: 'Q10O0N5B5D',
      displayed_first_time: true,
      addon: 'email',
      subtype: 'announcement',
      is_exit_intent: false,
      event: {
        id: 'Q10O0N5B5D_1',
        created_at: '2019-12-05T07:27:08.820000Z',
        type: 'message',
        text: 'Hi! Can I help you?',
        author_id: 'b5657aff34dd32e198160d54666df9d8',
      },
      agent: {
        name: 'Agent Smith',
        id: 'b5657aff34dd32e198160d54666df9d8',
        avatar: 'https://example.com/image25.png',
        job_title: 'Support Agent',
        is_bot: false,
      },
    });
  });
});

describe('responses', () => {
  test('login response is fully typed', () => {
    expectTypeOf<CustomerResponses['login']>().toEqualTypeOf<LoginResponse>();
    expectTypeOf<LoginResponse['has_active_thread']>().toEqualTypeOf<boolean>();
    expectTypeOf<LoginResponse['chats'][number]>().toEqualTypeOf<{ chat_id: string; has_unread_events: boolean }>();
    expectTypeOf<LoginResponse['greeting']>().toEqualTypeOf<Greeting | undefined>();
    expectTypeOf<LoginResponse['customer']['id']>().toEqualTypeOf<string>();
  });

  test('list_chats: chats_summary elements are CustomerChatSummary', () => {
    expectTypeOf<CustomerResponses['list_chats']>().toEqualTypeOf<ListChatsResponse>();
    expectTypeOf<ListChatsResponse['chats_summary'][number]>().toEqualTypeOf<CustomerChatSummary>();
    expectTypeOf<ListChatsResponse['total_chats']>().toEqualTypeOf<number>();
  });

  test('map-shaped and empty responses', () => {
    expectTypeOf<CustomerResponses['list_license_properties']>().toMatchTypeOf<Properties>();
    expectTypeOf<CustomerResponses['get_localization'][string]>().toEqualTypeOf<string>();
    expectTypeOf<CustomerResponses['check_goals']>().toEqualTypeOf<EmptyResponse>();
    expectTypeOf<CustomerResponses['get_form']['form']>().toEqualTypeOf<Form | undefined>();
    // @ts-expect-error -- agent-only action
    assertType<CustomerResponses['list_archives']>({});
  });

  test('docs sample: login', () => {
    assertType<CustomerResponses['login']>({
      customer: {
        id: 'a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f5',
        name: 'Thomas Anderson',
        email: 't.anderson@example.com',
        avatar: 'https://example.com/avatar.png',
        session_fields: [{ custom_key: 'custom_value' }, { another_custom_key: 'another_custom_value' }],
        statistics: {
          chats_count: 2,
          threads_count: 9,
          visits_count: 15,
          page_views_count: 40,
          greetings_shown_count: 20,
          greetings_accepted_count: 1,
        },
      },
      has_active_thread: true,
      chats: [{ chat_id: 'PJ0MRSHTDG', has_unread_events: true }],
      greeting: {
        accepted: true,
        id: 342543723,
        unique_id: 'e35a4fb4106d87e550fe1af480639058',
        addon: 'email',
        subtype: 'announcement',
        is_exit_intent: false,
        event: {
          id: 'e35a4fb4106d87e550fe1af480639058_1',
          created_at: '2019-12-05T07:27:08.820000Z',
          type: 'rich_message',
          template_id: 'quick_replies',
          author_id: 'b5657aff34dd32e198160d54666df9d8',
        },
        agent: {
          id: 'b5657aff34dd32e198160d54666df9d8',
          name: 'Agent Smith',
          type: 'agent',
          avatar: 'https://example.com/avatar.png',
          job_title: 'Support Agent',
          is_bot: false,
        },
        displayed_first_time: true,
      },
      __priv_dynamic_config: { online_groups_ids: [1, 3] },
    });
  });

  test('docs sample: list_chats', () => {
    assertType<CustomerResponses['list_chats']>({
      next_page_id: 'MTUxNzM5ODEzMTQ5Ng==',
      chats_summary: [
        {
          id: 'PJ0MRSHTDG',
          last_thread_id: 'K600PKZON8',
          last_thread_created_at: '2020-05-08T08:22:21.128420Z',
          last_event_per_type: {
            message: {
              thread_id: 'K600PKZON9',
              thread_created_at: '2020-05-07T07:11:28.288340Z',
              event: {
                id: 'Q298LUVPRH_1',
                created_at: '2019-12-09T12:01:18.909000Z',
                type: 'message',
                text: 'hello world',
                author_id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
              },
            },
          },
          users: [
            { id: 'b7eff798-f8df-4364-8059-649c35c9ed0c', type: 'customer', present: true },
            {
              id: 'b5657aff34dd32e198160d54666df9d8',
              name: 'Agent Smith',
              type: 'agent',
              present: true,
              avatar: 'https://example.com/avatar.png',
              job_title: 'Support Agent',
            },
          ],
          access: { group_ids: [0] },
          properties: {},
          active: true,
        },
      ],
      total_chats: 1,
    });
  });

  test('docs sample: get_dynamic_configuration', () => {
    assertType<CustomerResponses['get_dynamic_configuration']>({
      organization_id: '142cf3ad-5d54-4cf6-8ce1-3773d14d7f3f',
      default_widget: 'livechat',
      livechat_active: true,
      livechat: {
        group_id: 0,
        client_limit_exceeded: false,
        domain_allowed: true,
        online_group_ids: [0],
        config_version: '84cc87cxza5ee24ed0f84fe3027fjf0c71',
        localization_version: '79cc87cea5ee24ed0f84fe3027fc0c74',
        language: 'en',
      },
    });
  });

  test('docs sample: list_group_statuses (numeric keys arrive as strings)', () => {
    assertType<CustomerResponses['list_group_statuses']>({
      groups_status: { 1: 'online', 2: 'offline', 3: 'online_for_queue' },
    });
  });

  test('docs data structure: other-structures/form.json is a Form', () => {
    assertType<Form>({
      id: '157986144052005549',
      fields: [
        {
          id: '157986144052003238',
          type: 'header',
          label: 'Welcome to our LiveChat! Please fill in the form below before starting the chat.',
        },
        { id: '157986144052008371', type: 'name', label: 'Name:', required: false },
        { id: '157986144052005782', type: 'email', label: 'E-mail:', required: false },
        {
          id: '157986144052009331',
          type: 'group_chooser',
          label: 'Choose a department:',
          required: true,
          options: [
            { id: '0', group_id: 1, label: 'Marketing' },
            { id: '1', group_id: 2, label: 'Sales' },
            { id: '2', group_id: 0, label: 'General' },
          ],
        },
      ],
    });
  });
});
