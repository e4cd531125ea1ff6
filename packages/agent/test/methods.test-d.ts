// Type tests of the public method signatures (run by vitest's typecheck).
import type { Event } from '@lc/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  Agent,
  type AgentRTM,
  type AgentWeb,
  type IncomingEventPush,
  type ListChatsResponse,
  type LoginResponse,
} from '../src/index.js';

declare const web: AgentWeb;
declare const rtm: AgentRTM;

describe('methods', () => {
  it('refuse a payload without a required field', () => {
    // @ts-expect-error chat_id is required
    web.getChat({});
    // @ts-expect-error event is required
    web.sendEvent({ chat_id: 'PJ0MRSHTDG' });
    // @ts-expect-error the event needs its type-specific fields (text for a message)
    web.sendEvent({ chat_id: 'PJ0MRSHTDG', event: { type: 'message' } });
    // @ts-expect-error chat_id is required for list_threads
    rtm.listThreads({ limit: 10 });
    // @ts-expect-error wrong type of a field
    web.listChats({ limit: 'ten' });
  });

  it('accept the payloads of the docs samples', () => {
    web.sendEvent({ chat_id: 'PJ0MRSHTDG', event: { type: 'message', text: 'hello world', visibility: 'all' } });
    web.listChats({ filters: { active: true, group_ids: [0] }, sort_order: 'desc', limit: 10 });
    web.listChats();
    web.transferChat({ id: 'PJ0MRSHTDG', target: { type: 'group', ids: [1] }, ignore_requester_presence: true });
    web.updateChatProperties({
      id: 'PW94SJTGW6',
      properties: { rating: { score: 10, comment: 'Very good, veeeery good' } },
    });
    web.deleteChatProperties({ id: 'PW94SJTGW6', properties: { rating: ['score', 'comment'] } });
    rtm.setAwayStatus({ away: true });
    rtm.subscribeCustomers({ group_ids: [1], limit: 10 });
  });

  it('return the typed response', () => {
    expectTypeOf(web.listChats()).toEqualTypeOf<Promise<ListChatsResponse>>();
    expectTypeOf(rtm.login()).toEqualTypeOf<Promise<LoginResponse>>();
    expectTypeOf(web.uploadFile({ file: new Uint8Array(1) })).resolves.toHaveProperty('url');
  });

  it('take { signal, timeout }', () => {
    web.getChat({ chat_id: 'c' }, { signal: AbortSignal.timeout(1000), timeout: 5000 });
    // @ts-expect-error not an option
    web.getChat({ chat_id: 'c' }, { retries: 2 });
  });
});

describe('call()', () => {
  it('is typed for known actions', () => {
    expectTypeOf(web.call('list_chats', { limit: 5 })).toEqualTypeOf<Promise<ListChatsResponse>>();
    expectTypeOf(web.call('list_chats')).toEqualTypeOf<Promise<ListChatsResponse>>();
    expectTypeOf(rtm.call('list_chats', {})).toEqualTypeOf<Promise<ListChatsResponse>>();
    // @ts-expect-error a known action checks its payload
    web.call('list_chats', { limit: 'ten' });
    // @ts-expect-error get_chat needs chat_id
    web.call('get_chat', {});
    // @ts-expect-error logout is RTM-only
    web.call('logout', {});
    // @ts-expect-error upload_file is Web-only
    rtm.call('upload_file', { file: new Blob([]) });
  });

  it('accepts any other action, untyped', () => {
    expectTypeOf(web.call('some_3_7_action', {})).toEqualTypeOf<Promise<unknown>>();
    expectTypeOf(web.call<{ items: string[] }>('list_canned_responses', {}, { apiVersion: '3.7' })).toEqualTypeOf<
      Promise<{ items: string[] }>
    >();
    expectTypeOf(rtm.call('some_3_7_action', {})).toEqualTypeOf<Promise<unknown>>();
    const dynamic: string = 'whatever';
    expectTypeOf(web.call(dynamic, {})).toEqualTypeOf<Promise<unknown>>();
  });

  it('login over call() takes no token', () => {
    rtm.call('login', { away: false });
    rtm.login({ pushes: { '3.6': ['incoming_event'] } });
    // @ts-expect-error the token comes from the getter
    rtm.login({ token: 'Bearer x' });
  });
});

describe('pushes', () => {
  it('on(name) knows the payload', () => {
    rtm.on('incoming_event', (p, frame) => {
      expectTypeOf(p).toEqualTypeOf<IncomingEventPush>();
      expectTypeOf(p.event).toEqualTypeOf<Event>();
      expectTypeOf(frame.action).toEqualTypeOf<'incoming_event'>();
    });
    rtm.on('incoming_chat', (p) => expectTypeOf(p.chat.id).toBeString());
    // @ts-expect-error not a push
    rtm.on('incoming_nonsense', () => {});
  });
});

describe('pagination', () => {
  it('yields typed pages', async () => {
    for await (const page of web.listChatsPages({ limit: 10 })) expectTypeOf(page).toEqualTypeOf<ListChatsResponse>();
    // @ts-expect-error list_threads needs chat_id
    web.listThreadsPages({});
  });
});

describe('Agent namespace', () => {
  it('is the classes, as values and types', () => {
    const w: Agent.Web = new Agent.Web(() => ({ accessToken: 't', organizationID: 'o', tokenType: 'Basic' }));
    expectTypeOf(w).toEqualTypeOf<AgentWeb>();
    const r: Agent.RTM = new Agent.RTM(undefined, () => ({
      accessToken: 't',
      organizationID: 'o',
      tokenType: 'Bearer',
    }));
    expectTypeOf(r).toEqualTypeOf<AgentRTM>();
  });
});
