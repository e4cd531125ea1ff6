// ConfigurationWeb against the simulator: `owner_client_id` with a Bearer token (docs: "Required only
// when authorizing via PATs"), and group requests that fail validation change nothing.
import { ValidationError, type Token } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationWeb } from '../src/index.js';

let sim: Simulator;
let bearer: ConfigurationWeb;
let pat: ConfigurationWeb;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  const owner = sim.agents[0]!;
  bearer = new ConfigurationWeb(
    (): Token => ({ accessToken: owner.accessToken, organizationID: sim.organizationId, tokenType: 'Bearer' }),
    { apiUrl: sim.url },
  );
  pat = new ConfigurationWeb(
    (): Token => ({ accessToken: owner.basicAuth, organizationID: sim.organizationId, tokenType: 'Basic' }),
    { apiUrl: sim.url },
  );
});
afterAll(() => sim?.close());

describe('owner_client_id may be left out with a Bearer token', () => {
  it('createBot: the bot belongs to the token client id', async () => {
    const { id } = await bearer.createBot({ name: 'Helper' });
    expect(await bearer.getBot({ id })).toMatchObject({ id, owner_client_id: sim.clientId });
  });
  it('enable/disable/getLicenseWebhooksState', async () => {
    await expect(bearer.disableLicenseWebhooks()).resolves.toEqual({});
    await expect(bearer.getLicenseWebhooksState()).resolves.toEqual({ license_webhooks_enabled: false });
    await expect(bearer.enableLicenseWebhooks()).resolves.toEqual({});
    await expect(bearer.getLicenseWebhooksState()).resolves.toEqual({ license_webhooks_enabled: true });
  });
  it('resetBotSecret', async () => {
    await expect(bearer.resetBotSecret({ id: sim.bot.id })).resolves.toMatchObject({ secret: expect.any(String) });
  });
  it('with a PAT it stays required', async () => {
    await expect(pat.createBot({ name: 'Helper' })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('group requests that fail validation change nothing', () => {
  it('createGroup', async () => {
    const err = await pat
      .createGroup({ name: 'Ghost group', agent_priorities: { [sim.agents[0]!.id]: 'bogus' as never } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((await pat.listGroups()).map((g) => g.name)).not.toContain('Ghost group');
  });
  it('updateGroup', async () => {
    const [smith, jones] = sim.agents;
    const { id } = await pat.createGroup({ name: 'Billing', agent_priorities: { [smith!.id]: 'first' } });
    const err = await pat
      .updateGroup({ id, name: '', agent_priorities: { [jones!.id]: 'last' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((await pat.getGroup({ id, fields: ['agent_priorities'] })).agent_priorities).toEqual({
      [smith!.id]: 'first',
    });
  });
});
