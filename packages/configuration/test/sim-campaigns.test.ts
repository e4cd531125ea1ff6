// The Configuration actions beyond agents, groups and tags, through the real ConfigurationWeb client
// against the simulator: greetings, bot templates, auto accesses, customer bans, property registration
// and the organization actions. The agent and customer sides are driven with plain `fetch`.
import { AuthorizationError, NotFoundError, type Token, ValidationError } from '@lc/core';
import { startSimulator } from '@lc/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSimulator } from '../../../test-utils/sim-fixture.js';
import { ConfigurationWeb } from '../src/index.js';

const fixture = useSimulator(() => startSimulator({ port: 0 }));
/** A Web action of the agent or customer API (which this package does not wrap), with a Bearer token. */
const call = (api: 'agent' | 'customer', action: string, token: string, payload: object) =>
  fixture.call(api, action, token, payload);
let config: ConfigurationWeb;

beforeAll(() => {
  const owner = fixture.sim.agents[0]!;
  const pat = (): Token => ({
    accessToken: owner.basicAuth,
    organizationID: fixture.sim.organizationId,
    tokenType: 'Basic',
  });
  config = new ConfigurationWeb(pat, { apiUrl: fixture.sim.url });
});

const greeting = {
  type: 'normal' as const,
  active: true,
  name: 'Pricing page',
  group: 0,
  rules: [
    { condition: 'and' as const, type: 'url_current' as const, operator: 'contains' as const, value: '/pricing' },
  ],
  properties: { 'greeting-message_text': 'Questions about our plans?' },
};

describe('ConfigurationWeb against the simulator: campaigns and more', () => {
  it('keeps greetings: create, get, update, list with pages, delete; checks the rules', async () => {
    const { id } = await config.createGreeting(greeting);
    expect(await config.getGreeting({ id })).toEqual({ id, ...greeting });
    await config.updateGreeting({ id, name: 'Plans', active: false });
    expect(await config.getGreeting({ id })).toMatchObject({ name: 'Plans', active: false, group: 0 });
    const second = await config.createGreeting({ ...greeting, name: 'Second' });
    const first = await config.listGreetings({ limit: 1 });
    expect(first).toMatchObject({ found_greetings: 2, greetings: [{ id }], next_page_id: expect.any(String) });
    const next = await config.listGreetings({ page_id: first.next_page_id! });
    expect(next.greetings.map((g) => g.id)).toEqual([second.id]);
    expect(next).not.toHaveProperty('next_page_id');
    await expect(
      config.createGreeting({ ...greeting, rules: [{ condition: 'and', type: 'url_current', value: '/x' } as never] }),
    ).rejects.toThrow(ValidationError);
    await expect(config.createGreeting({ ...greeting, group: 7 })).rejects.toMatchObject({ type: 'group_not_found' });
    await config.deleteGreeting({ id: second.id });
    await expect(config.getGreeting({ id: second.id })).rejects.toThrow(NotFoundError);
  });

  it('issues bots from a bot template (affect_existing_installations), five templates per client id', async () => {
    const owner_client_id = fixture.sim.clientId;
    const created = await config.createBotTemplate({
      name: 'Template Bot',
      owner_client_id,
      affect_existing_installations: true,
    });
    expect(created).toEqual({ id: expect.any(String), secret: expect.any(String) });
    expect(await config.listBotTemplates({ owner_client_id })).toEqual([
      { id: created.id, name: 'Template Bot', avatar_path: '' },
    ]);
    // The template's bot has the template's id and its secret issues a bot token that works on Agent Web.
    expect(await config.getBot({ id: created.id })).toMatchObject({ id: created.id, name: 'Template Bot' });
    const { token } = await config.issueBotToken({
      bot_id: created.id,
      bot_secret: created.secret,
      client_id: owner_client_id,
      organization_id: fixture.sim.organizationId,
    });
    expect(await call('agent', 'list_routing_statuses', token, {})).toEqual(expect.any(Array));
    await config.updateBotTemplate({
      id: created.id,
      owner_client_id,
      name: 'Renamed',
      affect_existing_installations: true,
    });
    expect(await config.getBot({ id: created.id })).toMatchObject({ name: 'Renamed' });
    for (let i = 0; i < 4; i++) await config.createBotTemplate({ name: `T${i}`, owner_client_id });
    await expect(config.createBotTemplate({ name: 'Sixth', owner_client_id })).rejects.toMatchObject({
      type: 'limit_reached',
    });
    await config.deleteBotTemplate({ id: created.id, owner_client_id, affect_existing_installations: true });
    await expect(config.getBot({ id: created.id })).rejects.toThrow(NotFoundError);
  });

  it('orders auto accesses by next_id', async () => {
    const access = { groups: [0] };
    const conditions = { domain: { values: [{ value: 'example.com', exact_match: true }] } };
    const a = await config.addAutoAccess({ access, conditions, description: 'A' });
    const c = await config.addAutoAccess({ access, conditions, description: 'C' });
    const b = await config.addAutoAccess({ access, conditions, description: 'B', next_id: c.id });
    const order = async () => (await config.listAutoAccesses()).map((r) => [r.description, r.next_id]);
    expect(await order()).toEqual([
      ['A', b.id],
      ['B', c.id],
      ['C', ''],
    ]);
    await config.updateAutoAccess({ id: c.id, next_id: b.id });
    expect((await order()).map(([d]) => d)).toEqual(['A', 'C', 'B']);
    await config.deleteAutoAccess({ id: a.id });
    expect((await order()).map(([d]) => d)).toEqual(['C', 'B']);
    await expect(config.addAutoAccess({ access, conditions: {} as never })).rejects.toThrow(ValidationError);
  });

  it('lists and lifts customer bans; a banned customer cannot start a chat', async () => {
    const customer = fixture.sim.createCustomer({ name: 'Mallory' });
    await call('agent', 'ban_customer', fixture.sim.agents[0]!.accessToken, { id: customer.id, ban: { days: 3 } });
    await expect(call('customer', 'start_chat', customer.accessToken, {})).rejects.toMatchObject({
      status: 403,
      body: { error: { type: 'customer_banned' } },
    });
    expect(await config.listCustomerBans()).toEqual([
      expect.objectContaining({
        customer_id: customer.id,
        agent_id: fixture.sim.agents[0]!.id,
        ip: expect.any(String),
      }),
    ]);
    await expect(config.unbanCustomer({ ip: '1.2.3.4', customer_id: customer.id } as never)).rejects.toThrow(
      ValidationError,
    );
    await config.unbanCustomer({ customer_id: customer.id });
    expect(await config.listCustomerBans()).toEqual([]);
    expect(await call('customer', 'start_chat', customer.accessToken, {})).toHaveProperty('chat_id');
  });

  it('needs a registered property before it is set in a registered namespace', async () => {
    const owner_client_id = fixture.sim.clientId;
    await config.registerProperty({
      name: 'tier',
      owner_client_id,
      type: 'string',
      access: { license: { agent: ['read', 'write'] }, chat: { agent: ['read'] } },
      domain: ['gold', 'silver'],
    });
    await config.updateLicenseProperties({ properties: { [owner_client_id]: { tier: 'gold' } } });
    await expect(config.updateLicenseProperties({ properties: { [owner_client_id]: { unknown: 1 } } })).rejects.toThrow(
      /not a registered property/,
    );
    await expect(
      config.updateLicenseProperties({ properties: { [owner_client_id]: { tier: 'bronze' } } }),
    ).rejects.toThrow(/domain/);
    // Agents may read it in chats, not write it there.
    const chat = await call('agent', 'start_chat', fixture.sim.agents[0]!.accessToken, {});
    const write = call('agent', 'update_chat_properties', fixture.sim.agents[0]!.accessToken, {
      id: chat.chat_id,
      properties: { [owner_client_id]: { tier: 'gold' } },
    });
    await expect(write).rejects.toMatchObject({
      body: { error: { type: 'validation', message: expect.stringContaining('chat location') } },
    });
    expect(await config.listProperties({ owner_client_id })).toEqual({
      tier: expect.objectContaining({ type: 'string', domain: ['gold', 'silver'] }),
    });
    await config.publishProperty({ name: 'tier', owner_client_id, access_type: ['read'] });
    await expect(config.unregisterProperty({ name: 'tier', owner_client_id })).rejects.toThrow(ValidationError);
    await config.registerProperty({
      name: 'temp',
      owner_client_id,
      type: 'int',
      access: { chat: { agent: ['write'] } },
    });
    await config.unregisterProperty({ name: 'temp', owner_client_id });
    expect(Object.keys(await config.listProperties({ owner_client_id }))).toEqual(['tier']);
  });

  it('answers the organization actions; a suspended agent may still ask to be unsuspended', async () => {
    expect(await config.listChannels()).toContainEqual(expect.objectContaining({ channel_type: 'code' }));
    expect(await config.checkProductLimitsForPlan({ plan: 'starter' })).toEqual([]);
    await expect(config.checkProductLimitsForPlan({ plan: 'free' as never })).rejects.toThrow(ValidationError);
    expect(await config.getProductSource()).toEqual({
      source_id: expect.any(String),
      source_type: expect.any(String),
      source_url: expect.any(String),
    });
    await config.updateCompanyDetails({ company: 'Acme', enrich: false });
    await config.reactivateEmail({ agent_id: fixture.sim.agents[1]!.id });
    await expect(config.reactivateEmail({ agent_id: 'nobody@example.com' })).rejects.toThrow(NotFoundError);

    const jones = fixture.sim.agents[1]!;
    const asJones = new ConfigurationWeb(
      () => ({ accessToken: jones.basicAuth, organizationID: fixture.sim.organizationId, tokenType: 'Basic' }),
      { apiUrl: fixture.sim.url },
    );
    await expect(asJones.requestAgentUnsuspension()).rejects.toThrow(ValidationError);
    await config.suspendAgent({ id: jones.id });
    await expect(asJones.listTags()).rejects.toThrow(AuthorizationError);
    await asJones.requestAgentUnsuspension();
    await config.unsuspendAgent({ id: jones.id });
  });
});
