// Type tests of request fields whose shape the docs give in footnotes or description columns (not in the
// parameter tables the request types are generated from).
import { assertType, describe, test } from 'vitest';
import type { AgentRequests } from '../src/generated/requests.js';

describe('list_archives filters (docs footnotes 1-8)', () => {
  test('forms is an array of form filters', () => {
    assertType<AgentRequests['list_archives']>({
      filters: { forms: [{ type: 'pre_chat', values: ['a1'], groups: { values: [1] } }] },
    });
    // @ts-expect-error a form filter type is pre_chat or post_chat
    assertType<AgentRequests['list_archives']>({ filters: { forms: [{ type: 'survey' }] } });
  });
  test('value, property, greeting, agent response and agent type filters', () => {
    assertType<AgentRequests['list_archives']>({
      filters: {
        agents: { exists: false },
        tags: { values: ['vip'], require_every_value: true },
        properties: { routing: { pinned: { values: [true] } } },
        event_types: { exclude_values: ['file'] },
        greetings: { from: '2026-01-01T00:00:00.000000Z', values: [12] },
        agent_response: { first: true, agents: { values: ['a@b.c'] } },
        agent_types: { any_values: ['human', 'ai_agent'] },
      },
    });
    // @ts-expect-error agent types are human, chatbot or ai_agent
    assertType<AgentRequests['list_archives']>({ filters: { agent_types: { all_values: ['robot'] } } });
  });
});

describe('fixed values from the docs', () => {
  test('list_chats filters.active may be null (both active and inactive)', () => {
    assertType<AgentRequests['list_chats']>({ filters: { active: null } });
  });
  test('user types, visibility and routing status', () => {
    assertType<AgentRequests['add_user_to_chat']>({
      chat_id: 'c',
      user_id: 'u',
      user_type: 'customer',
      visibility: 'agents',
    });
    const user = { chat_id: 'c', user_id: 'u', user_type: 'agent' } as const;
    // @ts-expect-error visibility is all or agents
    assertType<AgentRequests['add_user_to_chat']>({ ...user, visibility: 'everyone' });
    // @ts-expect-error remove_user_from_chat: "Possible values: agent"
    assertType<AgentRequests['remove_user_from_chat']>({ chat_id: 'c', user_id: 'u', user_type: 'customer' });
    assertType<AgentRequests['set_routing_status']>({ status: 'not_accepting_chats' });
    // @ts-expect-error a routing status from the docs' list
    assertType<AgentRequests['set_routing_status']>({ status: 'away' });
    assertType<Omit<AgentRequests['login'], 'token'>>({ customer_monitoring_level: 'chatting' });
    // @ts-expect-error a monitoring level from the docs' list
    assertType<Omit<AgentRequests['login'], 'token'>>({ customer_monitoring_level: 'everyone' });
  });
  test('send_event_preview takes a message only', () => {
    assertType<AgentRequests['send_event_preview']>({ chat_id: 'c', event: { type: 'message', text: 'typing…' } });
    // @ts-expect-error "Supports only the message type"
    assertType<AgentRequests['send_event_preview']>({ chat_id: 'c', event: { type: 'file', url: 'https://x' } });
  });
});
