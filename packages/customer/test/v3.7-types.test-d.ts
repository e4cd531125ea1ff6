// The Customer Chat API 3.7 types (src/types/v3.7.ts, src/generated/v3.7/): the 3.7 docs' shapes
// are accepted, 3.6-only shapes and the removed `get_predicted_agent` are refused.
import { describe, expectTypeOf, test } from 'vitest';
import type { CustomerRTMMethods, CustomerWebMethods } from '../src/generated/v3.7/methods.js';
import type { CustomerRTM as CustomerRTM3_6 } from '../src/index.js';
import type { CustomerRTM } from '../src/v3.7.js';
import type { CustomerChatInfo, CustomerResponses3_7, ListChatsResponse3_7 } from '../src/types/v3.7.js';

declare const web: CustomerWebMethods;
declare const rtm: CustomerRTMMethods;

describe('Customer 3.7', () => {
  test('a 3.7 listChats result has chats_info and no chats_summary', async () => {
    const result = await web.listChats();
    expectTypeOf(result.chats_info).toEqualTypeOf<CustomerChatInfo[]>();
    // @ts-expect-error 3.6's name: 3.7 answers `chats_info`
    void result.chats_summary;
    // @ts-expect-error 3.6's field: at 3.7 the last thread is `last_thread_info`
    void result.chats_info[0]?.last_thread_id;
    expectTypeOf((await rtm.listChats()).chats_info).toEqualTypeOf<CustomerChatInfo[]>();
  });

  test('the docs 3.7 list_chats sample is a ListChatsResponse3_7 (customer-chat-api/v3.7/index.mdx, users trimmed)', () => {
    const sample = {
      next_page_id: 'MTUxNzM5ODEzMTQ5Ng==',
      chats_info: [
        {
          id: 'PJ0MRSHTDG',
          last_thread_info: {
            id: 'K600PKZON8',
            created_at: '2020-05-08T08:22:21.128420Z',
            last_event_per_type: {
              message: {
                event: {
                  id: 'Q298LUVPRH_1',
                  created_at: '2019-12-09T12:01:18.909000Z',
                  type: 'message',
                  text: 'hello world',
                  author_id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
                },
              },
            },
          },
          users: [],
          access: { group_ids: [0] },
          properties: {},
          active: true,
        },
      ],
      total_chats: 1,
    } satisfies ListChatsResponse3_7;
    void sample;
  });

  test('get_predicted_agent does not exist at 3.7', () => {
    // @ts-expect-error removed at 3.7 (use requestWelcomeMessage)
    void web.getPredictedAgent;
    // @ts-expect-error removed at 3.7
    void rtm.getPredictedAgent;
    expectTypeOf<CustomerResponses3_7>().not.toHaveProperty('get_predicted_agent');
  });
});

describe('CustomerRTM of @lc/customer/v3.7', () => {
  test('has no getPredictedAgent (the 3.6 client has it); get_predicted_agent is no typed action', () => {
    const client = {} as CustomerRTM;
    // @ts-expect-error removed at 3.7 (use requestWelcomeMessage)
    void client.getPredictedAgent;
    expectTypeOf(client.requestWelcomeMessage).toBeFunction();
    expectTypeOf(({} as CustomerRTM3_6).getPredictedAgent).toBeFunction();
    // Not a 3.7 action, so only the untyped `call` takes it (and the platform answers with an error).
    expectTypeOf(client.call('get_predicted_agent', {})).resolves.toBeUnknown();
  });

  test('listChats answers chats_info; login pushes check the 3.7 names', async () => {
    const client = {} as CustomerRTM;
    const result = await client.listChats();
    expectTypeOf(result.chats_info).toEqualTypeOf<CustomerChatInfo[]>();
    // @ts-expect-error 3.6's name: 3.7 answers `chats_info`
    void result.chats_summary;
    void client.login({ pushes: { '3.7': ['incoming_event', 'incoming_chat'] } });
    // @ts-expect-error a misspelled 3.7 push name
    void client.login({ pushes: { '3.7': ['incoming_events'] } });
  });
});
