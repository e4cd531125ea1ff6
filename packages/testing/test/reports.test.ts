// Reports API: the documented parameter rules ("Available parameters and filters") and the
// documented response shapes, built from the simulator's chats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { web } from './helpers.js';

let sim: Simulator;
let basic: string;
const today = () => new Date().toISOString().slice(0, 10);
const range = () => ({ from: `${today()}T00:00:00Z`, to: `${today()}T23:59:59Z` });

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  basic = sim.agents[0]!.basicAuth;
  const [smith] = sim.agents;
  await web(
    sim,
    'agent',
    'set_routing_status',
    { status: 'accepting_chats', agent_id: sim.bot.id },
    { token: smith!.accessToken },
  );
  // Two chats; the first is tagged, rated good and answered.
  for (const customer of [sim.customer, sim.createCustomer()]) {
    const { body } = await web(
      sim,
      'customer',
      'start_chat',
      { chat: { thread: { events: [{ type: 'message', text: 'hi' }] } } },
      { token: customer.accessToken },
    );
    if (!body.chat_id) throw new Error(JSON.stringify(body));
  }
  const [first] = sim.chats() as any[];
  const thread = first.threads[0];
  await web(
    sim,
    'agent',
    'send_event',
    { chat_id: first.id, event: { type: 'message', text: 'hello' } },
    { token: sim.bot.accessToken },
  );
  await web(
    sim,
    'agent',
    'tag_thread',
    { chat_id: first.id, thread_id: thread.id, tag: 'support' },
    { token: smith!.accessToken },
  );
  await web(
    sim,
    'agent',
    'update_thread_properties',
    { chat_id: first.id, thread_id: thread.id, properties: { rating: { score: 1 } } },
    { token: smith!.accessToken },
  );
});
afterAll(() => sim.close());

async function report(path: string, payload: object, method: 'POST' | 'GET' = 'POST', query = '') {
  const res = await fetch(`${sim.url}/v3.6/reports/${path}${query}`, {
    method,
    headers: { authorization: `Basic ${basic}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    ...(method === 'POST' ? { body: JSON.stringify(payload) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('parameter rules', () => {
  it.each([
    ['chats/total_chats', { filters: { agents: { values: ['smith@example.com'] } } }, 'no time range'],
    ['chats/total_chats', { filters: { from: `${today()}T00:00:00Z` } }, 'from without to'],
    ['chats/total_chats', { filters: { ...range(), greetings: range() } }, 'two time ranges'],
    ['chats/total_chats', { filters: { from: 'yesterday', to: 'today' } }, 'not RFC 3339'],
    ['chats/total_chats', { filters: { from: `${today()}T23:59:59Z`, to: `${today()}T00:00:00Z` } }, 'from after to'],
    ['chats/total_chats', { filters: 'last week' }, 'filters not an object'],
    ['chats/total_chats', { distribution: 'week' }, 'an undocumented Chats distribution'],
    ['agents/performance', { distribution: 'month' }, 'month is not an Agents distribution'],
    ['agents/availability', { filters: { greetings: range() } }, 'Agents reports take filters.from/to only'],
    ['customers/unique_visitors', { filters: { tags: { values: ['x'] } } }, 'no time range'],
    ['tags/chat_usage', { filters: { to: `${today()}T00:00:00Z` } }, 'to without from'],
    ['chats/total_chats', { timezone: 'Mars/Olympus_Mons' }, 'an unknown time zone'],
    ['chats/queued_visitors_left', { page: -1 }, 'a negative page'],
  ])('%s %j is a validation error (%s)', async (path, payload, _why) => {
    const res = await report(path, payload);
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe('validation');
  });

  it.each([
    ['chats/total_chats', {}],
    ['chats/total_chats', { filters: {} }], // empty filters: none provided, the last seven days
    ['chats/total_chats', { distribution: 'day-hours', filters: range(), timezone: 'America/Phoenix' }],
    ['chats/greetings_conversion', { filters: { greetings: { ...range(), groups: { values: [0] } } } }],
    ['chats/forms', { filters: { forms: [{ type: 'pre_chat', ...range(), values: ['a:0'] }] } }],
    ['agents/availability', { distribution: 'hour', filters: range() }],
    ['chats/queued_visitors_left', { page: 1, filters: range() }],
  ])('%s %j is accepted', async (path, payload) => {
    expect((await report(path, payload)).status).toBe(200);
  });

  it('over GET the same rules apply to the query string', async () => {
    expect((await report('chats/total_chats', {}, 'GET', '?distribution=week')).status).toBe(400);
    expect((await report('chats/total_chats', {}, 'GET', `?filters.from=${range().from}`)).status).toBe(400);
    const ok = await report(
      'chats/total_chats',
      {},
      'GET',
      `?distribution=day&filters.from=${range().from}&filters.to=${range().to}`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ total: 2, records: { [today()]: { total: 2 } } });
  });
});

describe('response shapes (as the docs samples)', () => {
  const body = async (path: string, payload: object = { filters: range() }) => {
    const res = await report(path, payload);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('total_chats, duration, ratings, tags, groups: records per day', async () => {
    expect(await body('chats/total_chats')).toEqual({
      name: 'total-chats-report',
      total: 2,
      records: { [today()]: { total: 2, continuous: 0 } },
    });
    expect(await body('chats/duration')).toEqual({
      name: 'duration-report',
      total: 2,
      records: { [today()]: { count: 2, duration: expect.any(Number), agents_chatting_duration: expect.any(Number) } },
    });
    expect(await body('chats/ratings')).toEqual({
      name: 'ratings-report',
      total: 2,
      records: { [today()]: { chats: 2, good: 1 } },
    });
    expect(await body('chats/tags')).toEqual({ name: 'tags-report', total: 2, records: { [today()]: { support: 1 } } });
    expect(await body('chats/groups')).toEqual({ name: 'groups-report', total: 2, records: { [today()]: { '0': 2 } } });
  });

  it('a day without chats is an empty record', async () => {
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const res = await body('chats/total_chats', { filters: { from: `${from}T00:00:00Z`, to: `${today()}T23:59:59Z` } });
    expect(Object.keys(res.records)).toHaveLength(3);
    expect(res.records[from]).toEqual({});
    expect(res.total).toBe(2);
  });

  it('month and year distributions key the records by month and year', async () => {
    expect(Object.keys((await body('chats/total_chats', { distribution: 'month', filters: range() })).records)).toEqual(
      [today().slice(0, 7)],
    );
    expect(Object.keys((await body('chats/total_chats', { distribution: 'year', filters: range() })).records)).toEqual([
      today().slice(0, 4),
    ]);
  });

  it('response_time, first_response_time, engagement', async () => {
    expect((await body('chats/response_time')).records[today()]).toEqual({
      count: 1,
      response_time: expect.any(Number),
    });
    expect((await body('chats/first_response_time')).records[today()]).toEqual({
      count: 1,
      first_response_time: expect.any(Number),
    });
    expect((await body('chats/engagement')).records[today()]).toEqual({
      started_by_customer_from_greeting: 0,
      started_by_customer_without_greeting: 2,
      started_by_agent: 0,
    });
  });

  it('ranking and performance: records per agent', async () => {
    expect(await body('chats/ranking')).toEqual({
      name: 'ranking-report',
      records: { [sim.bot.id]: { total: 2, good: 1, bad: 0, score: expect.any(Number) } },
    });
    const perf = await body('agents/performance');
    expect(perf.name).toBe('performance-report');
    expect(perf.summary).toEqual({
      chats_count: 2,
      chats_rated_good: 1,
      chats_rated_bad: 0,
      first_response_chats_count: 1,
      first_response_time: expect.any(Number),
    });
    expect(perf.records[sim.bot.id]).toMatchObject({
      chats_count: 2,
      chats_rated_good: 1,
      first_response_chats_count: 1,
    });
  });

  it('forms is an array, unique_visitors a summary, chat_usage tag counts, queued_visitors_left a summary', async () => {
    expect(await body('chats/forms')).toEqual({ name: 'form-report', records: [] });
    expect(await body('customers/unique_visitors')).toEqual({
      name: 'visitors-report',
      summary: { unique_visitors: 2, page_views: expect.any(Number) },
    });
    expect(await body('tags/chat_usage')).toEqual({ name: 'tags-chat-usage-report', records: { support: 1 } });
    expect(await body('chats/queued_visitors_left')).toEqual({
      name: 'queued-visitors-left-report',
      total: 0,
      summary: { left_without_details: 0, total_pages: 0 },
      records: {},
    });
    expect(await body('chats/queued_visitors')).toEqual({
      name: 'queued-visitors-report',
      total: 0,
      records: { [today()]: {} },
    });
    expect(await body('agents/availability')).toEqual({
      name: 'availability-report',
      total: 0,
      records: { [today()]: { hours: 0 } },
    });
    expect(await body('chats/greetings_conversion')).toEqual({
      name: 'greetings-conversion-report',
      total: 0,
      records: { [today()]: {} },
    });
  });
});
