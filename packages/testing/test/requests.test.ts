import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, web } from './helpers.js';

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  token = sim.agents[0]!.accessToken;
});
afterAll(() => sim.close());

describe('pagination', () => {
  it('walks three pages of list_chats with page_id alone, and rejects page_id with anything else', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await web(sim, 'agent', 'start_chat', {}, { token })).body.chat_id);

    const first = await web(
      sim,
      'agent',
      'list_chats',
      { limit: 3, sort_order: 'asc', filters: { active: true } },
      { token },
    );
    expect(first.status).toBe(200);
    expect(first.body.chats_summary.map((c: any) => c.id)).toEqual(ids.slice(0, 3));
    expect(first.body.found_chats).toBe(7);
    expect(first.body.previous_page_id).toBeUndefined();

    const second = await web(sim, 'agent', 'list_chats', { page_id: first.body.next_page_id }, { token });
    expect(second.body.chats_summary.map((c: any) => c.id)).toEqual(ids.slice(3, 6));
    expect(second.body.previous_page_id).toEqual(expect.any(String));

    const third = await web(sim, 'agent', 'list_chats', { page_id: second.body.next_page_id }, { token });
    expect(third.body.chats_summary.map((c: any) => c.id)).toEqual(ids.slice(6));
    expect(third.body.next_page_id).toBeUndefined();

    const back = await web(sim, 'agent', 'list_chats', { page_id: third.body.previous_page_id }, { token });
    expect(back.body.chats_summary.map((c: any) => c.id)).toEqual(ids.slice(3, 6));

    for (const extra of [{ limit: 3 }, { sort_order: 'asc' }, { filters: { active: true } }]) {
      const res = await web(sim, 'agent', 'list_chats', { page_id: first.body.next_page_id, ...extra }, { token });
      expect(res.status).toBe(400);
      expect(res.body.error.type).toBe('validation');
      expect(res.body.error.message).toContain(`"${Object.keys(extra)[0]}"`);
    }
    const bogus = await web(sim, 'agent', 'list_chats', { page_id: 'bm9wZQ==' }, { token });
    expect(bogus.body.error).toMatchObject({ type: 'validation', message: expect.stringContaining('page_id') });
    const tooMany = await web(sim, 'agent', 'list_chats', { limit: 101 }, { token });
    expect(tooMany.body.error.message).toContain('limit');
  });

  it('pages list_threads (chat_id may accompany page_id) and list_archives', async () => {
    const { chat_id } = (await web(sim, 'agent', 'start_chat', {}, { token })).body;
    for (let i = 0; i < 4; i++) {
      await web(sim, 'agent', 'deactivate_chat', { id: chat_id }, { token });
      await web(sim, 'agent', 'resume_chat', { chat: { id: chat_id } }, { token });
    }
    const first = await web(sim, 'agent', 'list_threads', { chat_id, limit: 2 }, { token });
    expect(first.body.found_threads).toBe(5);
    expect(first.body.threads).toHaveLength(2);
    const second = await web(sim, 'agent', 'list_threads', { chat_id, page_id: first.body.next_page_id }, { token });
    const third = await web(sim, 'agent', 'list_threads', { chat_id, page_id: second.body.next_page_id }, { token });
    expect([...first.body.threads, ...second.body.threads, ...third.body.threads].map((t: any) => t.id)).toEqual(
      [...(sim.chat(chat_id)!.threads as { id: string }[])].reverse().map((t) => t.id),
    );
    const mixed = await web(
      sim,
      'agent',
      'list_threads',
      { chat_id, page_id: first.body.next_page_id, sort_order: 'asc' },
      { token },
    );
    expect(mixed.body.error.type).toBe('validation');

    const archives = await web(
      sim,
      'agent',
      'list_archives',
      { limit: 2, filters: { chat_ids: [chat_id] } },
      { token },
    );
    expect(archives.body.found_chats).toBe(5);
    expect(archives.body.chats[0]).toMatchObject({ id: chat_id, thread: { id: expect.any(String) } });
    const next = await web(sim, 'agent', 'list_archives', { page_id: archives.body.next_page_id }, { token });
    expect(next.body.chats).toHaveLength(2);
  });

  it('caps customer list_chats at 25 per page', async () => {
    const res = await web(sim, 'customer', 'list_chats', { limit: 26 }, { token: sim.customer.accessToken });
    expect(res.body.error).toMatchObject({ type: 'validation', message: expect.stringContaining('25') });
  });
});

describe('errors', () => {
  it('names a missing required field (Web and RTM)', async () => {
    const res = await web(sim, 'agent', 'send_event', { event: { type: 'message', text: 'x' } }, { token });
    expect(res).toMatchObject({
      status: 400,
      body: { error: { type: 'validation', message: expect.stringContaining('"chat_id"') } },
    });
    const nested = await web(sim, 'agent', 'resume_chat', { chat: {} }, { token });
    expect(nested.body.error.message).toContain('"chat.id"');
    const eventText = await web(
      sim,
      'agent',
      'start_chat',
      { chat: { thread: { events: [{ type: 'message' }] } } },
      { token },
    );
    expect(eventText.body.error.message).toContain('chat.thread.events[0].text');

    const { rtm } = await Rtm.login(sim, 'agent', token);
    const frame = await rtm.request('tag_thread', { chat_id: 'X', tag: 'support' });
    expect(frame).toMatchObject({
      action: 'tag_thread',
      type: 'response',
      success: false,
      payload: { error: { type: 'validation', message: expect.stringContaining('"thread_id"') } },
    });
    expect(frame.request_id).toEqual(expect.any(String));
    rtm.close();
  });

  it('names an unknown action and the wrong transport', async () => {
    const unknown = await web(sim, 'agent', 'frobnicate', {}, { token });
    expect(unknown.body.error).toMatchObject({ type: 'validation', message: expect.stringContaining('"frobnicate"') });
    const rtmOnly = await web(sim, 'agent', 'login', { token: 'x' }, { token });
    expect(rtmOnly.body.error.message).toContain('RTM');
    const { rtm } = await Rtm.login(sim, 'agent', token);
    const webOnly = await rtm.request('upload_file', { file: 'x' });
    expect(webOnly.payload.error.message).toMatch(/upload_file.*Web API/);
    expect((await rtm.request('nope')).payload.error.message).toContain('"nope"');
    rtm.close();
  });

  it('answers bad or missing tokens with authentication and unknown chats with not_found', async () => {
    expect((await web(sim, 'agent', 'list_chats', {})).body.error.type).toBe('authentication');
    const bad = await web(sim, 'agent', 'list_chats', {}, { token: 'dal:nope' });
    expect(bad).toMatchObject({ status: 401, body: { error: { type: 'authentication' } } });
    expect(JSON.stringify(bad.body)).not.toContain('dal:nope');
    expect(
      (await web(sim, 'agent', 'list_chats', {}, { basic: Buffer.from('x:y').toString('base64') })).body.error.type,
    ).toBe('authentication');
    expect((await web(sim, 'agent', 'list_chats', {}, { token: sim.customer.accessToken })).body.error.type).toBe(
      'authentication',
    );
    expect((await web(sim, 'customer', 'list_chats', {}, { token })).body.error.type).toBe('authentication');
    const missing = await web(sim, 'agent', 'get_chat', { chat_id: 'NOSUCHCHAT' }, { token });
    expect(missing).toMatchObject({
      status: 404,
      body: { error: { type: 'not_found', message: expect.stringContaining('NOSUCHCHAT') } },
    });

    const rtm = await Rtm.open(sim, 'agent');
    expect((await rtm.request('list_chats')).payload.error.type).toBe('authentication');
    expect((await rtm.request('login', { token: 'Bearer nope' })).payload.error.type).toBe('authentication');
    expect((await rtm.request('login', { token: `Basic ${sim.agents[0]!.basicAuth}` })).payload.error.type).toBe(
      'authentication',
    );
    rtm.close();
  });

  it('requires organization_id on every Customer Web request', async () => {
    const none = await web(
      sim,
      'customer',
      'list_chats',
      {},
      { token: sim.customer.accessToken, organizationId: null },
    );
    expect(none.body.error).toMatchObject({ type: 'validation', message: expect.stringContaining('organization_id') });
    const wrong = await web(
      sim,
      'customer',
      'list_chats',
      {},
      { token: sim.customer.accessToken, organizationId: 'other' },
    );
    expect(wrong.status).toBe(404);
  });

  it('serves 3.6 and 3.7 and refuses every other version, naming the simulated ones', async () => {
    expect((await web(sim, 'agent', 'list_chats', {}, { token, version: '3.7' })).status).toBe(200);
    for (const version of ['3.5', '3.4', '3.8', '2.0']) {
      const other = await web(sim, 'agent', 'list_chats', {}, { token, version });
      expect(other.status, version).toBe(400);
      expect(other.body.error, version).toEqual({
        type: 'unsupported_version',
        message: `Unsupported API version "${version}": the simulator simulates API versions 3.6 and 3.7`,
      });
    }
    // added in 3.7: unknown at 3.6, as any unknown action
    const added = await web(sim, 'configuration', 'list_allowed_domains', {}, { token, version: '3.6' });
    expect(added.body.error).toMatchObject({ type: 'validation', message: expect.stringContaining('Unknown action') });
    expect((await web(sim, 'configuration', 'list_allowed_domains', {}, { token, version: '3.7' })).status).toBe(200);
    // removed in 3.7
    const removed = await web(
      sim,
      'customer',
      'get_predicted_agent',
      {},
      { token: sim.customer.accessToken, version: '3.7' },
    );
    expect(removed.body.error.message).toContain('"get_predicted_agent"');
  });

  it('answers a report over GET and POST', async () => {
    const post = await fetch(`${sim.url}/v3.6/reports/chats/total_chats`, {
      method: 'POST',
      headers: { authorization: `Basic ${sim.agents[0]!.basicAuth}`, 'content-type': 'application/json' },
      body: JSON.stringify({ filters: { from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' } }),
    });
    expect(post.status).toBe(200);
    expect(await post.json()).toMatchObject({
      name: 'total-chats-report',
      total: expect.any(Number),
      records: expect.any(Object),
    });
    const get = await fetch(
      `${sim.url}/v3.6/reports/agents/performance?filters.from=2020-01-01T00:00:00Z&filters.to=2030-01-01T00:00:00Z&filters.agents.values=a&filters.agents.values=b`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(get.status).toBe(200);
    const unknown = await fetch(`${sim.url}/v3.6/reports/chats/nothing`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await unknown.json()).error.message).toContain('chats/nothing');
  });

  it('keeps a request log without credentials', async () => {
    sim.clearRequests();
    const { rtm } = await Rtm.login(sim, 'agent', token);
    await web(sim, 'agent', 'list_chats', { limit: 1 }, { token });
    const log = sim.requests();
    expect(log.map((r) => `${r.transport} ${r.action} ${r.ok}`)).toEqual(['rtm login true', 'web list_chats true']);
    expect(log[1]).toMatchObject({ principal: { kind: 'agent', id: sim.agents[0]!.id }, payload: { limit: 1 } });
    expect(JSON.stringify(log)).not.toContain(token);
    rtm.close();
  });
});
