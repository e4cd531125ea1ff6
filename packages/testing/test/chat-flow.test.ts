import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, web } from './helpers.js';

let sim: Simulator;
const sockets: Rtm[] = [];

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await sim.close();
});

async function login(api: 'agent' | 'customer', token: string, payload: object = {}) {
  const { rtm, login } = await Rtm.login(sim, api, token, payload);
  sockets.push(rtm);
  return { rtm, login };
}

describe('a chat between a customer and an agent', () => {
  it('logs in with the documented response shapes', async () => {
    const [smith] = sim.agents;
    const agent = await login('agent', smith!.accessToken);
    expect(agent.login.payload.license).toMatchObject({
      organization_id: sim.organizationId,
      id: String(sim.licenseId),
    });
    expect(agent.login.payload.my_profile).toMatchObject({
      id: smith!.id,
      name: smith!.name,
      routing_status: 'accepting_chats',
    });
    expect(agent.login.payload.chats_summary).toEqual([]);

    const customer = await login('customer', sim.customer.accessToken);
    expect(customer.login.payload).toMatchObject({
      customer: { id: sim.customer.id },
      has_active_thread: false,
      chats: [],
    });
  });

  it('routes a new chat to the available agent and pushes events both ways', async () => {
    const [smith] = sim.agents;
    const { rtm: agent } = await login('agent', smith!.accessToken);
    const { rtm: customer } = await login('customer', sim.customer.accessToken);

    const started = await customer.request('start_chat', {
      chat: { thread: { events: [{ type: 'message', text: 'Hi!' }] } },
    });
    expect(started.success).toBe(true);
    const { chat_id, thread_id, event_ids } = started.payload;
    expect(event_ids).toHaveLength(1);

    const incoming = await agent.push('incoming_chat');
    expect(incoming.payload.chat.id).toBe(chat_id);
    expect(incoming.payload.chat.thread.user_ids).toContain(smith!.id);
    expect(incoming.payload.chat.thread.events[0]).toMatchObject({
      type: 'message',
      text: 'Hi!',
      author_id: sim.customer.id,
    });

    // agent → customer (and the agent's own socket gets the push with its request_id)
    const sent = await agent.request('send_event', {
      chat_id,
      event: { type: 'message', text: 'Hello, how can I help?' },
    });
    expect(sent.payload.event_id).toEqual(expect.any(String));
    const atCustomer = await customer.push('incoming_event');
    expect(atCustomer.payload).toMatchObject({
      chat_id,
      thread_id,
      event: { id: sent.payload.event_id, text: 'Hello, how can I help?', author_id: smith!.id },
    });
    const echo = await agent.push('incoming_event', (p) => p.event.id === sent.payload.event_id);
    expect(echo.request_id).toBe(sent.request_id);

    // customer → agent
    const reply = await customer.request('send_event', {
      chat_id,
      event: { type: 'message', text: 'My order is late' },
    });
    const atAgent = await agent.push('incoming_event', (p) => p.event.id === reply.payload.event_id);
    expect(atAgent.payload.event).toMatchObject({
      text: 'My order is late',
      author_id: sim.customer.id,
      visibility: 'all',
    });

    // an agents-only event does not reach the customer
    await agent.request('send_event', {
      chat_id,
      event: { type: 'message', text: 'internal note', visibility: 'agents' },
    });
    await agent.push('incoming_event', (p) => p.event.text === 'internal note');
    const last = await customer.request('get_chat', { chat_id });
    expect(last.payload.thread.events.map((e: any) => e.text)).toEqual([
      'Hi!',
      'Hello, how can I help?',
      'My order is late',
    ]);
    expect(customer.pushes('incoming_event').map((f) => f.payload.event.text)).not.toContain('internal note');
  });

  it('queues a chat when nobody accepts chats and hands it over when an agent logs in', async () => {
    const { rtm: customer } = await login('customer', sim.customer.accessToken);
    const started = await customer.request('start_chat', {});
    expect(sim.chat(started.payload.chat_id)?.threads).toMatchObject([{ queue: { position: 1 } }]);
    const { rtm: agent } = await login('agent', sim.agents[1]!.accessToken);
    const incoming = await agent.push('incoming_chat');
    expect(incoming.payload.chat.id).toBe(started.payload.chat_id);
    const joined = await customer.push('user_added_to_chat');
    expect(joined.payload.user).toMatchObject({ id: sim.agents[1]!.id, type: 'agent' });
  });

  it('routes to the bot first once it accepts chats', async () => {
    await login('agent', sim.agents[0]!.accessToken);
    sim.setRoutingStatus(sim.bot.id, 'accepting_chats');
    const res = await web(sim, 'customer', 'start_chat', {}, { token: sim.customer.accessToken });
    expect(res.status).toBe(200);
    expect(sim.chat(res.body.chat_id)?.threads).toMatchObject([{ user_ids: [sim.customer.id, sim.bot.id] }]);
  });

  it('sends typing indicators and sneak peeks to the other side', async () => {
    const { rtm: agent } = await login('agent', sim.agents[0]!.accessToken);
    const { rtm: customer } = await login('customer', sim.customer.accessToken);
    const { payload } = await customer.request('start_chat', {});
    await customer.request('send_sneak_peek', { chat_id: payload.chat_id, sneak_peek_text: 'I am wri' });
    const peek = await agent.push('incoming_sneak_peek');
    expect(peek.payload).toMatchObject({
      chat_id: payload.chat_id,
      thread_id: payload.thread_id,
      sneak_peek: { author_id: sim.customer.id, text: 'I am wri' },
    });

    await agent.request('send_typing_indicator', { chat_id: payload.chat_id, is_typing: true });
    const typing = await customer.push('incoming_typing_indicator');
    expect(typing.payload.typing_indicator).toMatchObject({ author_id: sim.agents[0]!.id, is_typing: true });
  });

  it('transfers, tags, sets properties and deactivates with pushes to the participants', async () => {
    const [smith, jones] = sim.agents;
    const { rtm: a1 } = await login('agent', smith!.accessToken);
    const { rtm: a2 } = await login('agent', jones!.accessToken);
    const { rtm: customer } = await login('customer', sim.customer.accessToken);
    const res = await web(
      sim,
      'agent',
      'start_chat',
      { chat: { users: [{ id: sim.customer.id, type: 'customer' }] } },
      { token: smith!.accessToken },
    );
    const { chat_id, thread_id } = res.body;
    await customer.push('incoming_chat');

    await a1.request('transfer_chat', { id: chat_id, target: { type: 'agent', ids: [jones!.id] } });
    const transferred = await customer.push('chat_transferred');
    expect(transferred.payload).toMatchObject({
      chat_id,
      requester_id: smith!.id,
      transferred_to: { agent_ids: [jones!.id] },
    });
    expect((await a2.push('incoming_chat', (p) => p.chat.id === chat_id)).payload.transferred_from.agent_ids).toEqual([
      smith!.id,
    ]);
    expect(
      (await a1.request('send_event', { chat_id, event: { type: 'message', text: 'still here?' } })).payload.error.type,
    ).toBe('authorization');

    const tagged = await a2.request('tag_thread', { chat_id, thread_id, tag: 'support' });
    expect(tagged.success).toBe(true);
    expect((await a2.push('thread_tagged')).payload).toEqual({ chat_id, thread_id, tag: 'support' });
    expect((await a2.request('tag_thread', { chat_id, thread_id, tag: 'no-such-tag' })).payload.error.type).toBe(
      'not_found',
    );
    await a2.request('untag_thread', { chat_id, thread_id, tag: 'support' });
    await a2.push('thread_untagged');

    const props = { routing: { score: 5 } };
    await a2.request('update_chat_properties', { id: chat_id, properties: props });
    expect((await customer.push('chat_properties_updated')).payload).toEqual({ chat_id, properties: props });
    await a2.request('delete_chat_properties', { id: chat_id, properties: { routing: ['score'] } });
    expect((await customer.push('chat_properties_deleted')).payload).toEqual({
      chat_id,
      properties: { routing: ['score'] },
    });
    const ev = await customer.request('send_event', { chat_id, event: { type: 'message', text: 'rate me' } });
    await a2.request('update_event_properties', {
      chat_id,
      thread_id,
      event_id: ev.payload.event_id,
      properties: { rating: { stars: 4 } },
    });
    expect((await customer.push('event_properties_updated')).payload.properties).toEqual({ rating: { stars: 4 } });
    await a2.request('update_thread_properties', { chat_id, thread_id, properties: { ns: { k: 'v' } } });
    expect(sim.chat(chat_id)?.threads).toMatchObject([{ properties: { ns: { k: 'v' } }, tags: [] }]);

    await customer.request('deactivate_chat', { id: chat_id });
    expect((await a2.push('chat_deactivated')).payload).toEqual({ chat_id, thread_id, user_id: sim.customer.id });
    const closing = await a2.push('incoming_event', (p) => p.event.type === 'system_message');
    expect(closing.payload.event.system_message_type).toBe('manual_archived_customer');

    const again = await customer.request('send_event', { chat_id, event: { type: 'message', text: 'hello?' } });
    expect(again.payload.error.type).toBe('chat_inactive');
    const resumed = await customer.request('resume_chat', { chat: { id: chat_id } });
    expect(resumed.payload.thread_id).not.toBe(thread_id);
    expect(sim.chat(chat_id)?.threads).toMatchObject([
      { next_thread_id: resumed.payload.thread_id },
      { previous_thread_id: thread_id, active: true },
    ]);
  });

  it('uploads a file over Web and serves it back', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello file'], { type: 'text/plain' }), 'note.txt');
    const res = await web(sim, 'customer', 'upload_file', undefined, { token: sim.customer.accessToken, body: form });
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(new RegExp(`^${sim.url}/files/.+/note\\.txt$`));
    const file = await fetch(res.body.url);
    expect(await file.text()).toBe('hello file');
    expect(file.headers.get('content-type')).toBe('text/plain');

    const started = await web(
      sim,
      'customer',
      'start_chat',
      { active: true, chat: { thread: { events: [{ type: 'file', url: res.body.url }] } } },
      { token: sim.customer.accessToken },
    );
    expect(sim.events(started.body.chat_id)[0]).toMatchObject({
      type: 'file',
      name: 'note.txt',
      content_type: 'text/plain',
      size: 10,
    });
  });

  it('updates a customer and tells the agents chatting with them', async () => {
    const { rtm: agent } = await login('agent', sim.agents[0]!.accessToken);
    const { rtm: customer } = await login('customer', sim.customer.accessToken);
    await customer.request('start_chat', {});
    await customer.request('update_customer', { name: 'Neo', session_fields: [{ plan: 'gold' }] });
    const update = await agent.push('customer_updated');
    expect(update.payload).toMatchObject({ id: sim.customer.id, name: 'Neo', session_fields: [{ plan: 'gold' }] });
    const viaWeb = await web(
      sim,
      'agent',
      'get_customer',
      { id: sim.customer.id },
      { basic: sim.agents[0]!.basicAuth },
    );
    expect(viaWeb.body).toMatchObject({ id: sim.customer.id, name: 'Neo', chat_ids: [expect.any(String)] });
  });

  it('answers the five customer GET actions from the query string', async () => {
    await web(
      sim,
      'configuration',
      'update_license_properties',
      { properties: { ns: { greeting: 'hi', other: 1 } } },
      { basic: sim.agents[0]!.basicAuth },
    );
    const props = await web(sim, 'customer', 'list_license_properties', undefined, {
      method: 'GET',
      query: { namespace: 'ns', name: 'greeting' },
    });
    expect(props).toMatchObject({ status: 200, body: { ns: { greeting: 'hi' } } });
    const dyn = await web(sim, 'customer', 'get_dynamic_configuration', undefined, {
      method: 'GET',
      query: { group_id: '0' },
    });
    expect(dyn.body).toMatchObject({ organization_id: sim.organizationId, livechat: { group_id: 0 } });
    const cfg = await web(sim, 'customer', 'get_configuration', undefined, {
      method: 'GET',
      query: { group_id: '0', version: dyn.body.livechat.config_version },
    });
    expect(cfg.status).toBe(200);
    const loc = await web(sim, 'customer', 'get_localization', undefined, {
      method: 'GET',
      query: { group_id: '0', language: 'en', version: 'x' },
    });
    expect(loc.status).toBe(200);
    expect(
      (await web(sim, 'customer', 'list_group_properties', undefined, { method: 'GET', query: { id: '0' } })).body,
    ).toEqual({});
    const post = await web(sim, 'customer', 'get_localization', {}, {});
    expect(post.status).toBe(405);
  });

  it('sets and lists routing statuses and pushes routing_status_set', async () => {
    const [smith, jones] = sim.agents;
    const { rtm } = await login('agent', smith!.accessToken);
    await web(
      sim,
      'agent',
      'set_routing_status',
      { status: 'not_accepting_chats', agent_id: jones!.id },
      { token: smith!.accessToken },
    );
    expect((await rtm.push('routing_status_set', (p) => p.agent_id === jones!.id)).payload.status).toBe(
      'not_accepting_chats',
    );
    const list = await rtm.request('list_routing_statuses', {});
    expect(list.payload).toEqual(
      expect.arrayContaining([
        { agent_id: smith!.id, status: 'accepting_chats' },
        { agent_id: jones!.id, status: 'not_accepting_chats' },
        { agent_id: sim.bot.id, status: 'offline' },
      ]),
    );
    rtm.close();
    await rtm.closed;
    await expect.poll(() => sim.routingStatus(smith!.id)).toBe('offline');
  });
});
