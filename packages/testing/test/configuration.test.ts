import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, web } from './helpers.js';

let sim: Simulator;
let basic: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  basic = sim.agents[0]!.basicAuth;
});
afterAll(() => sim.close());

const config = (action: string, payload: object) => web(sim, 'configuration', action, payload, { basic });

describe('Configuration API', () => {
  it('creates, reads, updates and deletes an agent, who can then log in', async () => {
    const { rtm: owner } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken);
    expect(
      (
        await config('create_agent', {
          id: 'new@example.com',
          name: 'New Agent',
          groups: [{ id: 0, priority: 'last' }],
        })
      ).body,
    ).toEqual({ id: 'new@example.com' });
    expect((await owner.push('agent_created')).payload).toMatchObject({ id: 'new@example.com', name: 'New Agent' });
    expect((await config('create_agent', { id: 'new@example.com', name: 'Again' })).body.error.type).toBe(
      'already_exists',
    );
    expect((await config('create_agent', { id: 'x@example.com' })).body.error.message).toContain('"name"');

    const got = await config('get_agent', { id: 'new@example.com', fields: ['groups', 'max_chats_count'] });
    expect(got.body).toMatchObject({
      id: 'new@example.com',
      name: 'New Agent',
      role: 'normal',
      groups: [{ id: 0, priority: 'last' }],
      max_chats_count: 6,
    });
    await config('update_agent', { id: 'new@example.com', job_title: 'Hero', max_chats_count: 3 });
    expect(
      (await config('get_agent', { id: 'new@example.com', fields: ['job_title', 'max_chats_count'] })).body,
    ).toMatchObject({ job_title: 'Hero', max_chats_count: 3 });
    expect((await config('list_agents', {})).body.map((a: any) => a.id)).toEqual([
      sim.agents[0]!.id,
      sim.agents[1]!.id,
      'new@example.com',
    ]);

    const token = sim.issueAgentToken('new@example.com');
    const { rtm, login } = await Rtm.login(sim, 'agent', token);
    expect(login.payload.my_profile.id).toBe('new@example.com');
    await config('delete_agent', { id: 'new@example.com' });
    await rtm.closed;
    expect((await config('get_agent', { id: 'new@example.com' })).body.error.type).toBe('not_found');
    expect((await web(sim, 'agent', 'list_chats', {}, { token })).status).toBe(401);
    owner.close();
  });

  it('manages bots and issues bot tokens that work on the Agent Chat API', async () => {
    const created = await config('create_bot', {
      name: 'Helper',
      owner_client_id: sim.clientId,
      groups: [{ id: 0, priority: 'first' }],
    });
    expect(created.body).toEqual({ id: expect.any(String), secret: expect.any(String) });
    expect((await config('get_bot', { id: created.body.id })).body).toMatchObject({
      id: created.body.id,
      name: 'Helper',
      owner_client_id: sim.clientId,
    });
    expect((await config('list_bots', { all: true })).body.map((b: any) => b.name)).toEqual([sim.bot.name, 'Helper']);
    await config('update_bot', { id: created.body.id, name: 'Helper 2' });
    const issued = await config('issue_bot_token', {
      bot_id: created.body.id,
      client_id: sim.clientId,
      bot_secret: created.body.secret,
      organization_id: sim.organizationId,
    });
    expect(issued.body.token).toEqual(expect.any(String));
    const status = await web(
      sim,
      'agent',
      'set_routing_status',
      { status: 'accepting_chats' },
      { token: issued.body.token },
    );
    expect(status.status).toBe(200);
    expect(sim.routingStatus(created.body.id)).toBe('accepting_chats');
    expect((await web(sim, 'configuration', 'list_agents', {}, { token: issued.body.token })).body.error.type).toBe(
      'authorization',
    );
    expect(
      (
        await config('issue_bot_token', {
          bot_id: created.body.id,
          client_id: sim.clientId,
          bot_secret: 'wrong',
          organization_id: sim.organizationId,
        })
      ).status,
    ).toBe(401);
    await config('delete_bot', { id: created.body.id });
    expect((await config('get_bot', { id: created.body.id })).body.error.type).toBe('not_found');
  });

  it('manages groups, used by routing', async () => {
    const [smith, jones] = sim.agents;
    const { id } = (await config('create_group', { name: 'Sales', agent_priorities: { [jones!.id]: 'first' } })).body;
    expect((await config('get_group', { id, fields: ['agent_priorities', 'routing_status'] })).body).toEqual({
      id,
      name: 'Sales',
      language_code: 'en',
      agent_priorities: { [jones!.id]: 'first' },
      routing_status: expect.any(String),
    });
    await config('update_group', { id, name: 'Sales EU' });
    expect((await config('list_groups', {})).body.map((g: any) => g.name)).toEqual(['General', 'Sales EU']);

    const { rtm: a1 } = await Rtm.login(sim, 'agent', smith!.accessToken);
    const { rtm: a2 } = await Rtm.login(sim, 'agent', jones!.accessToken);
    const started = await web(
      sim,
      'customer',
      'start_chat',
      { chat: { access: { group_ids: [id] } } },
      { token: sim.customer.accessToken },
    );
    expect((await a2.push('incoming_chat')).payload.chat.id).toBe(started.body.chat_id);
    expect(a1.pushes('incoming_chat')).toHaveLength(0);
    expect((await config('delete_group', { id: 0 })).body.error.type).toBe('validation');
    await config('delete_group', { id });
    expect((await config('get_group', { id })).body.error.type).toBe('group_not_found');
    a1.close();
    a2.close();
  });

  it('manages tags', async () => {
    await config('create_tag', { name: 'refund', group_ids: [0] });
    expect((await config('create_tag', { name: 'REFUND' })).body.error.type).toBe('already_exists');
    expect((await config('list_tags', {})).body).toContainEqual({
      name: 'refund',
      group_ids: [0],
      author_id: sim.agents[0]!.id,
      created_at: expect.any(String),
    });
    await config('update_tag', { name: 'refund', group_ids: [] });
    expect((await config('list_tags', { filters: { group_ids: [0] } })).body.map((t: any) => t.name)).not.toContain(
      'refund',
    );
    await config('delete_tag', { name: 'refund' });
    expect((await config('delete_tag', { name: 'refund' })).body.error.type).toBe('not_found');
  });

  it('runs batches, with per-item errors in order', async () => {
    const res = await config('batch_create_agents', {
      requests: [
        { id: 'b1@example.com', name: 'B1' },
        { id: sim.agents[0]!.id, name: 'dup' },
        { id: 'b2@example.com', name: 'B2' },
      ],
    });
    expect(res.body.responses).toEqual([
      { id: 'b1@example.com' },
      { error: { type: 'already_exists', message: expect.any(String) } },
      { id: 'b2@example.com' },
    ]);
  });

  it('keeps license and group properties', async () => {
    await config('update_license_properties', { properties: { ns: { a: 1, b: 2 } } });
    await config('delete_license_properties', { properties: { ns: ['b'] } });
    expect((await config('list_license_properties', {})).body).toEqual({ ns: { a: 1 } });
    await config('update_group_properties', { group_id: 0, properties: { ns: { c: 'x' } } });
    expect((await config('list_groups_properties', { group_ids: [0] })).body).toEqual([
      { id: 0, properties: { ns: { c: 'x' } } },
    ]);
  });
});

describe('a Configuration request that fails validation changes nothing', () => {
  it('create_group with a bad priority or an unknown agent creates no group', async () => {
    const [smith] = sim.agents;
    const before = (await config('list_groups', { fields: ['agent_priorities'] })).body;
    const badPriority = await config('create_group', {
      name: 'Ghost group',
      agent_priorities: { [smith!.id]: 'bogus' },
    });
    expect(badPriority.body.error.type).toBe('validation');
    const unknownAgent = await config('create_group', {
      name: 'Ghost group',
      agent_priorities: { 'nobody@example.com': 'first' },
    });
    expect(unknownAgent.body.error.type).toBe('not_found');
    const notAnObject = await config('create_group', { name: 'Ghost group', agent_priorities: ['first'] });
    expect(notAnObject.body.error.type).toBe('validation');
    expect((await config('list_groups', { fields: ['agent_priorities'] })).body).toEqual(before);
  });

  it('update_group with a bad name, priority or language keeps the group as it was', async () => {
    const [smith, jones] = sim.agents;
    const { id } = (await config('create_group', { name: 'Billing', agent_priorities: { [smith!.id]: 'first' } })).body;
    const before = (await config('get_group', { id, fields: ['agent_priorities'] })).body;
    for (const payload of [
      { id, name: '', agent_priorities: { [jones!.id]: 'last' } },
      { id, name: 'x'.repeat(181), agent_priorities: { [jones!.id]: 'last' } },
      { id, name: 'Renamed', agent_priorities: { [jones!.id]: 'bogus' } },
      { id, name: 'Renamed', agent_priorities: { 'nobody@example.com': 'last' } },
    ]) {
      const res = await config('update_group', payload);
      expect(res.status, JSON.stringify(payload).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect((await config('get_group', { id, fields: ['agent_priorities'] })).body).toEqual(before);
    }
  });
});
