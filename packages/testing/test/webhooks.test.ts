import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, until, web } from './helpers.js';

let sim: Simulator;
let receiver: Server;
let receiverUrl: string;
let received: { headers: Record<string, unknown>; body: any }[];

beforeEach(async () => {
  sim = await startSimulator({ port: 0, webhookTimeout: 500 });
  received = [];
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
      res.writeHead(req.url === '/fail' ? 500 : 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await sim.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

async function register(action: string, extra: object = {}) {
  const res = await web(
    sim,
    'configuration',
    'register_webhook',
    {
      action,
      url: `${receiverUrl}/hook`,
      secret_key: 'top-secret',
      owner_client_id: sim.clientId,
      type: 'license',
      ...extra,
    },
    { basic: sim.agents[0]!.basicAuth },
  );
  expect(res.status).toBe(200);
  return res.body.id as string;
}

describe('webhooks', () => {
  it('POSTs the documented envelope for incoming_chat, incoming_event, thread_tagged and chat_deactivated', async () => {
    const ids: Record<string, string> = {};
    for (const action of ['incoming_chat', 'incoming_event', 'thread_tagged', 'chat_deactivated'])
      ids[action] = await register(action);
    const token = sim.agents[0]!.accessToken;
    const { chat_id, thread_id } = (
      await web(sim, 'agent', 'start_chat', { chat: { users: [{ id: sim.customer.id, type: 'customer' }] } }, { token })
    ).body;
    const { event_id } = (
      await web(sim, 'agent', 'send_event', { chat_id, event: { type: 'message', text: 'hook me' } }, { token })
    ).body;
    await web(sim, 'agent', 'tag_thread', { chat_id, thread_id, tag: 'sales' }, { token });
    await web(sim, 'agent', 'deactivate_chat', { id: chat_id }, { token });
    await until(() => received.length === 4);

    const byAction = Object.fromEntries(received.map((r) => [r.body.action, r.body]));
    const envelope = (action: string) => ({
      webhook_id: ids[action],
      secret_key: 'top-secret',
      action,
      organization_id: sim.organizationId,
      additional_data: {},
    });
    expect(byAction.incoming_chat).toMatchObject({
      ...envelope('incoming_chat'),
      payload: { chat: { id: chat_id, thread: { id: thread_id } } },
    });
    expect(byAction.incoming_event).toMatchObject({
      ...envelope('incoming_event'),
      payload: { chat_id, thread_id, event: { id: event_id, text: 'hook me' } },
    });
    expect(byAction.thread_tagged).toEqual({
      ...envelope('thread_tagged'),
      payload: { chat_id, thread_id, tag: 'sales' },
    });
    expect(byAction.chat_deactivated).toEqual({
      ...envelope('chat_deactivated'),
      payload: { chat_id, thread_id, user_id: sim.agents[0]!.id },
    });
    expect(received[0]!.headers['content-type']).toBe('application/json');
    await sim.flushWebhooks();
    expect(sim.webhookDeliveries().map((d) => d.status)).toEqual([200, 200, 200, 200]);
  });

  it('applies filters and additional_data, and records failed deliveries', async () => {
    await register('incoming_event', {
      filters: { author_type: 'customer' },
      additional_data: ['chat_properties', 'chat_presence_user_ids'],
    });
    const { rtm } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken);
    const customer = { token: sim.customer.accessToken };
    const { chat_id } = (await web(sim, 'customer', 'start_chat', { chat: { properties: { ns: { a: 1 } } } }, customer))
      .body;
    await web(
      sim,
      'agent',
      'send_event',
      { chat_id, event: { type: 'message', text: 'from agent' } },
      { token: sim.agents[0]!.accessToken },
    );
    await web(sim, 'customer', 'send_event', { chat_id, event: { type: 'message', text: 'from customer' } }, customer);
    await until(() => received.length === 1);
    await sim.flushWebhooks();
    expect(received).toHaveLength(1);
    expect(received[0]!.body.payload.event.text).toBe('from customer');
    expect(received[0]!.body.additional_data).toEqual({
      chat_properties: { ns: { a: 1 } },
      chat_presence_user_ids: [sim.customer.id, sim.agents[0]!.id],
    });

    await web(
      sim,
      'configuration',
      'register_webhook',
      {
        action: 'chat_deactivated',
        url: `${receiverUrl}/fail`,
        secret_key: 's',
        owner_client_id: sim.clientId,
        type: 'license',
      },
      { basic: sim.agents[0]!.basicAuth },
    );
    await web(
      sim,
      'configuration',
      'register_webhook',
      {
        action: 'chat_deactivated',
        url: 'http://127.0.0.1:1/unreachable',
        secret_key: 's',
        owner_client_id: sim.clientId,
        type: 'license',
      },
      { basic: sim.agents[0]!.basicAuth },
    );
    await web(sim, 'customer', 'deactivate_chat', { id: chat_id }, customer);
    await sim.flushWebhooks();
    const deliveries = sim.webhookDeliveries().filter((d) => d.action === 'chat_deactivated');
    expect(deliveries.map((d) => d.status ?? d.error?.slice(0, 9))).toEqual([500, 'TypeError']);
    rtm.close();
  });

  it('lists, caps at 3 per action and client, and unregisters', async () => {
    const basic = sim.agents[0]!.basicAuth;
    const a = await register('thread_untagged', { description: 'one' });
    await register('thread_untagged');
    await register('thread_untagged');
    const fourth = await web(
      sim,
      'configuration',
      'register_webhook',
      { action: 'thread_untagged', url: receiverUrl, secret_key: 's', owner_client_id: sim.clientId, type: 'license' },
      { basic },
    );
    expect(fourth.body.error.type).toBe('limit_reached');
    const list = await web(sim, 'configuration', 'list_webhooks', { owner_client_id: sim.clientId }, { basic });
    expect(list.body).toHaveLength(3);
    expect(list.body[0]).toEqual({
      id: a,
      url: `${receiverUrl}/hook`,
      description: 'one',
      action: 'thread_untagged',
      owner_client_id: sim.clientId,
      type: 'license',
    });
    expect(
      (await web(sim, 'configuration', 'unregister_webhook', { id: a, owner_client_id: sim.clientId }, { basic }))
        .status,
    ).toBe(200);
    expect(
      (await web(sim, 'configuration', 'list_webhooks', { owner_client_id: sim.clientId }, { basic })).body,
    ).toHaveLength(2);
    const bad = await web(
      sim,
      'configuration',
      'register_webhook',
      { action: 'no_such_action', url: receiverUrl, secret_key: 's', owner_client_id: 'c', type: 'license' },
      { basic },
    );
    expect(bad.body.error.message).toContain('no_such_action');
    const names = await web(sim, 'configuration', 'list_webhook_names', {});
    expect(names.body).toContainEqual({ action: 'incoming_chat' });
  });

  it('sends configuration webhooks with the requester, and stops when license webhooks are disabled', async () => {
    const basic = sim.agents[0]!.basicAuth;
    await register('tag_created');
    await web(sim, 'configuration', 'create_tag', { name: 'vip' }, { basic });
    await until(() => received.length === 1);
    expect(received[0]!.body).toMatchObject({
      action: 'tag_created',
      payload: { name: 'vip', group_ids: [0], author_id: sim.agents[0]!.id },
      requester: { user_id: sim.agents[0]!.id, account_id: sim.agents[0]!.accountId, client_id: sim.clientId },
    });
    await web(sim, 'configuration', 'disable_license_webhooks', { owner_client_id: sim.clientId }, { basic });
    expect(
      (await web(sim, 'configuration', 'get_license_webhooks_state', { owner_client_id: sim.clientId }, { basic }))
        .body,
    ).toEqual({ license_webhooks_enabled: false });
    await web(sim, 'configuration', 'create_tag', { name: 'vip2' }, { basic });
    await sim.flushWebhooks();
    expect(received).toHaveLength(1);
  });
});
