// The Agent Chat API 3.7 types (src/types/v3.7.ts, src/generated/v3.7/): the 3.7 docs' shapes are
// accepted, 3.6-only shapes are refused.
import { describe, expectTypeOf, test } from 'vitest';
import type { AgentRTMMethods, AgentWebMethods } from '../src/generated/v3.7/methods.js';
import type { AgentRTM as AgentRTM3_6 } from '../src/index.js';
import type { AgentRTM, CannedResponseDeletedPush } from '../src/v3.7.js';
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

describe('AgentRTM of @lc/agent/v3.7', () => {
  test('its login answers chats_info; the 3.6 client keeps chats_summary', async () => {
    const client = {} as AgentRTM;
    const login = await client.login();
    expectTypeOf(login.chats_info).toEqualTypeOf<ChatInfo[]>();
    // @ts-expect-error 3.6's name: the 3.7 login answers `chats_info`
    void login.chats_summary;
    // @ts-expect-error 3.6's place: at 3.7 the last event of each type is inside `last_thread_info`
    void login.chats_info[0]?.last_event_per_type;
    const old = await ({} as AgentRTM3_6).login();
    expectTypeOf(old).toHaveProperty('chats_summary');
    // @ts-expect-error the 3.6 login has no `chats_info`
    void old.chats_info;
  });

  test('login pushes: the 3.7 names are checked, other versions take the docs sample names', () => {
    const client = {} as AgentRTM;
    void client.login({ pushes: { '3.7': ['canned_response_created', 'incoming_event'] } });
    void client.login({ pushes: { '3.6': ['incoming_chat'], '3.7': ['all'] } });
    // @ts-expect-error a misspelled 3.7 push name
    void client.login({ pushes: { '3.7': ['canned_response_create'] } });
  });

  test('the 3.7 pushes have typed handlers; the 3.6 client has none for them', () => {
    const client = {} as AgentRTM;
    client.on('canned_response_deleted', (push) => expectTypeOf(push).toEqualTypeOf<CannedResponseDeletedPush>());
    // @ts-expect-error canned_response_deleted is a 3.7 push
    (({}) as AgentRTM3_6).on('canned_response_deleted', () => {});
  });

  test('the 3.7 RTM-only extras are there: logout, updateSession; listChats answers chats_info', async () => {
    const client = {} as AgentRTM;
    expectTypeOf(client.logout).toBeFunction();
    expectTypeOf(client.updateSession).toBeFunction();
    expectTypeOf((await client.listChats()).chats_info).toEqualTypeOf<ChatInfo[]>();
    // @ts-expect-error `update_session` takes no payload: the token getter supplies the token
    void client.call('update_session', { token: 'Bearer x' });
  });
});
