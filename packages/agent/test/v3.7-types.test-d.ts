// The Agent Chat API 3.7 types (src/types/v3.7.ts, src/generated/v3.7/): the 3.7 docs' shapes are
// accepted, 3.6-only shapes are refused.
import { describe, expectTypeOf, test } from 'vitest';
import type { AgentRTMMethods, AgentWebMethods } from '../src/generated/v3.7/methods.js';
import type { AgentPushes3_7, AgentResponses3_7, ChatInfo, ListChatsResponse3_7 } from '../src/types/v3.7.js';

declare const web: AgentWebMethods;
declare const rtm: AgentRTMMethods;

describe('Agent 3.7 list_chats and login', () => {
  test('a 3.7 listChats result has chats_info and no chats_summary', async () => {
    const result = await web.listChats();
    expectTypeOf(result.chats_info).toEqualTypeOf<ChatInfo[]>();
    // @ts-expect-error 3.6's name: 3.7 answers `chats_info`
    void result.chats_summary;
    const chat = result.chats_info[0]!;
    // @ts-expect-error 3.6's place: at 3.7 it is inside `last_thread_info`
    void chat.last_event_per_type;
    // @ts-expect-error 3.6's name: 3.7 says `last_thread_info`
    void chat.last_thread_summary;
    expectTypeOf(chat.last_thread_info?.last_event_per_type).not.toBeAny();
    expectTypeOf((await rtm.listChats()).chats_info).toEqualTypeOf<ChatInfo[]>();
  });

  test('the docs 3.7 list_chats sample is a ListChatsResponse3_7 (agent-chat-api/v3.7/index.mdx#L190, users trimmed)', () => {
    const sample = {
      next_page_id: 'MTUxNzM5ODEzMTQ5Ng==',
      chats_info: [
        {
          id: 'PJ0MRSHTDG',
          users: [],
          last_thread_info: {
            id: 'K600PKZON8',
            created_at: '2020-05-07T07:11:28.288340Z',
            user_ids: ['b7eff798-f8df-4364-8059-649c35c9ed0c', 'smith@example.com'],
            properties: {},
            active: true,
            access: { group_ids: [0] },
            last_event_per_type: {
              message: {
                event: {
                  id: 'Q298LUVPRH_1',
                  created_at: '2019-12-09T12:01:18.909000Z',
                  visibility: 'all',
                  type: 'message',
                  text: 'hello world',
                  author_id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
                },
              },
            },
          },
          properties: {},
          access: { group_ids: [0] },
          is_followed: true,
        },
      ],
      found_chats: 4,
    } satisfies ListChatsResponse3_7;
    void sample;
  });

  test('the 3.6 shape is refused by the 3.7 type', () => {
    // @ts-expect-error 3.6's `chats_summary` is not a 3.7 list_chats result
    const old: ListChatsResponse3_7 = { chats_summary: [], found_chats: 0 };
    void old;
    expectTypeOf<AgentResponses3_7['login']>().toHaveProperty('chats_info').toEqualTypeOf<ChatInfo[]>();
  });
});

describe('Agent 3.7 pushes', () => {
  test('the canned-response pushes are typed', () => {
    expectTypeOf<AgentPushes3_7['canned_response_deleted']>().toEqualTypeOf<{ id: number }>();
    expectTypeOf<AgentPushes3_7['canned_response_created']>().toHaveProperty('text').toEqualTypeOf<string>();
    expectTypeOf<AgentPushes3_7['customer_updated']>().toHaveProperty('cart');
  });
});
