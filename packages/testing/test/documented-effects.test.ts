// The pushes and webhooks the docs name for the actions beyond chatting (the SDK packages' sim-*.test.ts
// files cover their requests and answers): auto_accesses_updated, thread_summary_set, bot_created from a
// bot template, subscribed_customers_totals_updated; and list_agents' avatar_path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver } from '../../../test-utils/sim-fixture.js';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, until, web } from './helpers.js';

let sim: Simulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let received: any[];

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
  receiver = await startReceiver();
  received = receiver.received;
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

const config = (action: string, payload: object) =>
  web(sim, 'configuration', action, payload, { basic: sim.agents[0]!.basicAuth });

async function hook(action: string): Promise<void> {
  const url = `${receiver.url}/hook`;
  const res = await config('register_webhook', {
    action,
    url,
    secret_key: 'k',
    owner_client_id: sim.clientId,
    type: 'license',
  });
  expect(res.status).toBe(200);
}

describe('documented pushes and webhooks of the newer actions', () => {
  it('auto_accesses_updated lists what changed, as a push and a webhook', async () => {
    await hook('auto_accesses_updated');
    const { rtm } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken);
    const conditions = { url: { values: [{ value: '/pricing' }] } };
    const first = (await config('add_auto_access', { access: { groups: [0] }, conditions })).body.id;
    expect((await rtm.push('auto_accesses_updated')).payload).toEqual([
      { id: first, description: '', access: { groups: [0] }, conditions, next_id: '', status: 'added' },
    ]);
    const second = (await config('add_auto_access', { access: { groups: [0] }, conditions, next_id: first })).body.id;
    expect((await rtm.push('auto_accesses_updated')).payload).toEqual([
      expect.objectContaining({ id: second, next_id: first, status: 'added' }),
    ]);
    await config('delete_auto_access', { id: second });
    expect((await rtm.push('auto_accesses_updated')).payload).toEqual([{ id: second, status: 'deleted' }]);
    await sim.flushWebhooks();
    expect(received.map((r) => r.payload.at(-1).status)).toEqual(['added', 'added', 'deleted']);
    rtm.close();
  });

  it('thread_summary_set is a webhook too; a bot template with affect_existing_installations announces its bot', async () => {
    await hook('thread_summary_set');
    await hook('bot_created');
    const token = sim.agents[0]!.accessToken;
    const { chat_id, thread_id } = (await web(sim, 'agent', 'start_chat', {}, { token })).body;
    expect((await web(sim, 'agent', 'request_thread_summary', { chat_id, thread_id }, { token })).status).toBe(200);
    const template = await config('create_bot_template', {
      name: 'Templated',
      owner_client_id: sim.clientId,
      affect_existing_installations: true,
    });
    await sim.flushWebhooks();
    expect(received.map((r) => r.action).sort()).toEqual(['bot_created', 'thread_summary_set']);
    expect(received.find((r) => r.action === 'bot_created').payload).toMatchObject({ id: template.body.id });
    expect(received.find((r) => r.action === 'thread_summary_set').payload).toMatchObject({
      chat_id,
      thread_id,
      summary: { status: 'ok' },
    });
  });

  it('subscribed_customers_totals_updated once more customers match than the limit', async () => {
    const { rtm } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken);
    const subscribed = await rtm.request('subscribe_customers', { limit: 1 });
    const id = subscribed.payload.subscription_id;
    await Rtm.login(sim, 'customer', sim.createCustomer().accessToken);
    await Rtm.login(sim, 'customer', sim.createCustomer().accessToken);
    expect((await rtm.push('subscribed_customers_totals_updated')).payload).toEqual({ [id]: 2 });
    expect(rtm.pushes('incoming_customer')).toHaveLength(2);
    const web_ = await web(sim, 'agent', 'subscribe_customers', {}, { token: sim.agents[0]!.accessToken });
    expect(web_.body.error.message).toContain('RTM');
    rtm.close();
  });

  it('list_agents entries carry avatar_path, get_agent carries avatar (as their docs samples do)', async () => {
    const [entry] = (await config('list_agents', {})).body;
    expect(entry).toHaveProperty('avatar_path');
    expect(entry).not.toHaveProperty('avatar');
    const one = (await config('get_agent', { id: sim.agents[0]!.id })).body;
    expect(one).toHaveProperty('avatar');
    expect(one).not.toHaveProperty('avatar_path');
  });

  it('a bot cannot log in over Agent RTM', async () => {
    const rtm = await Rtm.open(sim, 'agent');
    const login = await rtm.request('login', { token: `Bearer ${sim.bot.accessToken}` });
    expect(login).toMatchObject({ success: false, payload: { error: { type: 'authorization' } } });
    await until(() => sim.connections().every((c) => c.userId === undefined));
    rtm.close();
  });
});
