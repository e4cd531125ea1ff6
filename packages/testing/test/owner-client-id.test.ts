// Docs (Configuration API: create_bot, reset_bot_secret, enable/disable/get_license_webhooks_state):
// `owner_client_id` is "Required only when authorizing via PATs"; with a Bearer token the token's
// client_id is used, and a given `owner_client_id` wins over it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { web } from './helpers.js';

let sim: Simulator;
let token: string;
let basic: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  token = sim.agents[0]!.accessToken;
  basic = sim.agents[0]!.basicAuth;
});
afterAll(() => sim.close());

const bearer = (action: string, payload: object) => web(sim, 'configuration', action, payload, { token });
const pat = (action: string, payload: object) => web(sim, 'configuration', action, payload, { basic });

describe('with a Bearer token, owner_client_id defaults to the token client id', () => {
  it('create_bot and batch_create_bots', async () => {
    const created = await bearer('create_bot', { name: 'Helper' });
    expect(created.status).toBe(200);
    expect((await bearer('get_bot', { id: created.body.id })).body.owner_client_id).toBe(sim.clientId);
    const batch = await bearer('batch_create_bots', {
      requests: [{ name: 'One' }, { name: 'Two', owner_client_id: 'other-client' }],
    });
    expect(batch.status).toBe(200);
    const [one, two] = batch.body.responses;
    expect((await bearer('get_bot', { id: one.id })).body.owner_client_id).toBe(sim.clientId);
    expect((await bearer('get_bot', { id: two.id })).body.owner_client_id).toBe('other-client');
  });

  it('reset_bot_secret', async () => {
    const res = await bearer('reset_bot_secret', { id: sim.bot.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ secret: expect.any(String) });
  });

  it('enable/disable/get_license_webhooks_state act on the token client id unless one is given', async () => {
    expect((await bearer('disable_license_webhooks', {})).status).toBe(200);
    expect((await bearer('get_license_webhooks_state', {})).body).toEqual({ license_webhooks_enabled: false });
    expect((await pat('get_license_webhooks_state', { owner_client_id: sim.clientId })).body).toEqual({
      license_webhooks_enabled: false,
    });
    expect((await bearer('get_license_webhooks_state', { owner_client_id: 'other-client' })).body).toEqual({
      license_webhooks_enabled: true,
    });
    expect((await bearer('enable_license_webhooks', {})).status).toBe(200);
    expect((await bearer('get_license_webhooks_state', {})).body).toEqual({ license_webhooks_enabled: true });
  });
});

describe('with a PAT, owner_client_id stays required', () => {
  it.each([
    ['create_bot', { name: 'Helper' }],
    ['reset_bot_secret', { id: 'x' }],
    ['enable_license_webhooks', {}],
    ['disable_license_webhooks', {}],
    ['get_license_webhooks_state', {}],
  ])('%s', async (action, payload) => {
    const res = await pat(action, payload);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ type: 'validation', message: expect.stringContaining('owner_client_id') });
  });

  it('batch_create_bots items', async () => {
    const res = await pat('batch_create_bots', { requests: [{ name: 'One' }] });
    expect(res.body.responses[0].error).toEqual({
      type: 'validation',
      message: expect.stringContaining('owner_client_id'),
    });
  });
});

it('register_webhook keeps requiring owner_client_id with a Bearer token (its docs do not make it optional)', async () => {
  const res = await bearer('register_webhook', {
    action: 'chat_deactivated',
    url: 'https://example.com/',
    secret_key: 's',
    type: 'license',
  });
  expect(res.status).toBe(400);
});
