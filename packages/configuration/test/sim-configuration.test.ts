// Integration tests of @lc/configuration against the local LiveChat simulator (@lc/testing): the
// real ConfigurationWeb client with the owner's Personal Access Token (Basic), one simulator for the file.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, AuthenticationError, NotFoundError, ValidationError, type Token } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationWeb } from '../src/index.js';

let sim: Simulator;
let config: ConfigurationWeb;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  const owner = sim.agents[0]!;
  const pat = (): Token => ({ accessToken: owner.basicAuth, organizationID: sim.organizationId, tokenType: 'Basic' });
  config = new ConfigurationWeb(pat, { apiUrl: sim.url });
});
afterAll(async () => {
  await sim?.close();
});

describe('ConfigurationWeb against the simulator', () => {
  it('creates, lists and deletes a tag; a second create of the same name is a typed error', async () => {
    await config.createTag({ name: 'vip', group_ids: [0] });
    expect((await config.listTags()).map((t) => t.name)).toContain('vip');
    expect((await config.listTags()).find((t) => t.name === 'vip')).toMatchObject({
      group_ids: [0],
      author_id: sim.agents[0]!.id,
    });

    const again = await config.createTag({ name: 'vip', group_ids: [0] }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect(again).toMatchObject({ type: 'already_exists', action: 'create_tag' });

    await config.deleteTag({ name: 'vip' });
    expect((await config.listTags()).map((t) => t.name)).not.toContain('vip');
    await expect(config.deleteTag({ name: 'vip' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates a group and update_group really changes it', async () => {
    const [smith, jones] = sim.agents;
    const { id } = await config.createGroup({ name: 'Billing', agent_priorities: { [smith!.id]: 'first' } });
    expect(id).toEqual(expect.any(Number));
    expect(await config.getGroup({ id, fields: ['agent_priorities'] })).toMatchObject({
      id,
      name: 'Billing',
      agent_priorities: { [smith!.id]: 'first' },
    });

    await config.updateGroup({
      id,
      name: 'Billing & Invoices',
      agent_priorities: { [smith!.id]: 'normal', [jones!.id]: 'last' },
    });
    const updated = await config.getGroup({ id, fields: ['agent_priorities'] });
    expect(updated).toMatchObject({
      id,
      name: 'Billing & Invoices',
      agent_priorities: { [smith!.id]: 'normal', [jones!.id]: 'last' },
    });
    expect((await config.listGroups()).map((g) => g.name)).toContain('Billing & Invoices');

    const missing = await config.updateGroup({ id: 9999, name: 'nobody' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ type: 'group_not_found', action: 'update_group' });
  });

  it('lists the seeded agents', async () => {
    const agents = await config.listAgents();
    expect(agents.map((a) => a.id)).toEqual(expect.arrayContaining(sim.agents.map((a) => a.id)));
    // A missing required field is caught by the types; at run time the server names it.
    // @ts-expect-error `id` is required.
    const error = await config.getAgent({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('"id"');
  });

  it('a batch with one failing item resolves with per-item results and a typed error for that item', async () => {
    const batch = await config.batchCreateAgents({
      requests: [
        { id: 'new.one@example.com', name: 'New One' },
        { id: sim.agents[1]!.id, name: 'Duplicate' },
        { id: 'new.two@example.com', name: 'New Two' },
      ],
    });
    expect(batch.ok).toBe(false);
    expect(batch.results.map((r) => r.ok)).toEqual([true, false, true]);
    const failed = batch.results[1]!;
    if (failed.ok) throw new Error('expected the duplicate to fail');
    expect(failed.index).toBe(1);
    expect(failed.error).toBeInstanceOf(ApiError);
    expect(failed.error).toMatchObject({ type: 'already_exists', action: 'batch_create_agents' });
    expect(failed.error.message).toContain(sim.agents[1]!.id);
    const first = batch.results[0]!;
    expect(first.ok && first.value).toEqual({ id: 'new.one@example.com' });

    // The successful items really happened.
    expect((await config.listAgents()).map((a) => a.id)).toEqual(
      expect.arrayContaining(['new.one@example.com', 'new.two@example.com']),
    );
  });

  describe('webhooks', () => {
    let receiver: Server;
    let receiverUrl: string;
    const received: any[] = [];
    beforeAll(async () => {
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c));
        req.on('end', () => {
          received.push(JSON.parse(body));
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    });
    afterAll(async () => {
      receiver.closeAllConnections();
      await new Promise((r) => receiver.close(r));
    });

    it('registers a webhook that is delivered, lists it, and unregisters it', async () => {
      const owner_client_id = sim.clientId;
      const { id } = await config.registerWebhook({
        action: 'tag_created',
        secret_key: 'shh-its-a-secret',
        url: receiverUrl,
        owner_client_id,
        type: 'license',
      });
      expect(id).toEqual(expect.any(String));
      expect(await config.listWebhooks({ owner_client_id })).toEqual([
        expect.objectContaining({ id, action: 'tag_created', url: receiverUrl, owner_client_id, type: 'license' }),
      ]);

      await config.createTag({ name: 'hooked', group_ids: [0] });
      await sim.flushWebhooks();
      expect(received).toEqual([
        expect.objectContaining({
          webhook_id: id,
          secret_key: 'shh-its-a-secret',
          action: 'tag_created',
          organization_id: sim.organizationId,
          payload: expect.objectContaining({ name: 'hooked' }),
        }),
      ]);

      await config.unregisterWebhook({ id, owner_client_id });
      expect(await config.listWebhooks({ owner_client_id })).toEqual([]);
      await config.createTag({ name: 'not hooked', group_ids: [0] });
      await sim.flushWebhooks();
      expect(received).toHaveLength(1);
    });

    it('listWebhookNames needs no token at all', async () => {
      const anonymous = new ConfigurationWeb(undefined, { apiUrl: sim.url });
      const names = await anonymous.listWebhookNames();
      expect(names.map((n) => n.action)).toEqual(
        expect.arrayContaining(['incoming_chat', 'incoming_event', 'tag_created']),
      );
      expect(sim.requests({ action: 'list_webhook_names' }).at(-1)?.principal).toBeUndefined();
    });
  });

  it('a wrong PAT is an AuthenticationError that does not leak the credential', async () => {
    const jones = sim.agents[1]!;
    const wrong = Buffer.from(`${jones.accountId}:dal:not-the-pat`).toString('base64');
    const web = new ConfigurationWeb(
      () => ({ accessToken: wrong, organizationID: sim.organizationId, tokenType: 'Basic' }),
      { apiUrl: sim.url },
    );
    const error = await web.listAgents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ type: 'authentication', status: 401 });
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(wrong);
  });
});
