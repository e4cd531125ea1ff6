import { InputError } from '@lc/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  syncWebhooks,
  WebhookSyncError,
  type SyncWebhooksOptions,
  type WebhookCallClient,
  type WebhookMethodsClient,
} from '../src/index.js';
import { listen } from './helpers.js';

const OWNER = 'client-123';
const SECRET = 'sync-secret-XYZ';

interface Stored {
  id: string;
  action: string;
  url: string;
  owner_client_id: string;
  type: string;
  secret_key: string;
  description?: string;
  filters?: unknown;
  additional_data?: unknown;
}

/** A local stand-in for the Configuration API's three webhook actions (list omits secret_key, like the docs' sample). */
async function fakeConfigurationApi(initial: Omit<Stored, 'id'>[] = []) {
  let next = 1;
  const store = new Map<string, Stored>();
  for (const w of initial) {
    const id = `wh${next++}`;
    store.set(id, { id, ...w });
  }
  const calls: Array<{ action: string; payload: Record<string, unknown> }> = [];
  let failOn: ((action: string, n: number) => boolean) | undefined;
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const s = await listen((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const action = (req.url ?? '').split('/').pop() ?? '';
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      calls.push({ action, payload });
      if (failOn?.(action, calls.filter((c) => c.action === action).length)) {
        return reply(res, 500, { error: { type: 'internal', message: 'Internal error' } });
      }
      if (payload.owner_client_id !== OWNER)
        return reply(res, 422, { error: { type: 'validation', message: 'bad owner' } });
      switch (action) {
        case 'list_webhooks':
          return reply(
            res,
            200,
            [...store.values()].map(({ secret_key: _s, additional_data: _a, ...rest }) => rest),
          );
        case 'register_webhook': {
          for (const k of ['action', 'secret_key', 'url', 'type']) {
            if (typeof payload[k] !== 'string')
              return reply(res, 422, { error: { type: 'validation', message: `${k} required` } });
          }
          const sameAction = [...store.values()].filter((w) => w.action === payload.action).length;
          if (sameAction >= 3) return reply(res, 422, { error: { type: 'limit_reached', message: 'limit' } });
          const id = `wh${next++}`;
          store.set(id, { id, ...(payload as Omit<Stored, 'id'>) });
          return reply(res, 200, { id });
        }
        case 'unregister_webhook':
          if (!store.delete(String(payload.id)))
            return reply(res, 404, { error: { type: 'not_found', message: 'no' } });
          return reply(res, 200, {});
        default:
          return reply(res, 404, { error: { type: 'not_found', message: 'no such action' } });
      }
    });
  });
  closers.push(s.close);

  /** The tiny structural client: `call(action, payload)` over fetch. */
  const callClient: WebhookCallClient = {
    async call(action, payload) {
      const res = await fetch(`${s.url}/v3.6/configuration/action/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body = (await res.json()) as { error?: { type: string } };
      if (!res.ok) throw new Error(`api error: ${body.error?.type}`);
      return body;
    },
  };
  /** The shape of the @lc/configuration client. */
  const methodsClient: WebhookMethodsClient = {
    listWebhooks: (p) => callClient.call('list_webhooks', p),
    registerWebhook: (p) => callClient.call('register_webhook', p),
    unregisterWebhook: (p) => callClient.call('unregister_webhook', p),
  };
  return {
    store,
    calls,
    callClient,
    methodsClient,
    failWhen: (f: typeof failOn) => (failOn = f),
    actions: () => calls.map((c) => c.action),
  };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

const declared: SyncWebhooksOptions = {
  owner_client_id: OWNER,
  url: 'https://example.com/webhooks',
  secret_key: SECRET,
  type: 'license',
  webhooks: [
    { action: 'incoming_chat' },
    { action: 'incoming_event', filters: { author_type: 'customer', source_type: ['system', 'my_client'] } },
    { action: 'chat_deactivated', description: 'close tickets', additional_data: ['chat_properties'] },
  ],
};

describe('syncWebhooks against a local Configuration API', () => {
  for (const shape of ['call', 'methods'] as const) {
    it(`registers what is missing, then a second run changes nothing (${shape} client)`, async () => {
      const api = await fakeConfigurationApi();
      const client = shape === 'call' ? api.callClient : api.methodsClient;

      const first = await syncWebhooks(client, declared);
      expect(first.registered.map((w) => w.action)).toEqual(['incoming_chat', 'incoming_event', 'chat_deactivated']);
      expect(first.registered.every((w) => typeof w.id === 'string')).toBe(true);
      expect(first.unregistered).toEqual([]);
      expect(first.unchanged).toEqual([]);
      expect(api.store.size).toBe(3);
      const stored = [...api.store.values()].find((w) => w.action === 'incoming_event');
      expect(stored).toMatchObject({ secret_key: SECRET, url: declared.url, type: 'license', owner_client_id: OWNER });
      expect(stored?.filters).toEqual({ author_type: 'customer', source_type: ['system', 'my_client'] });

      api.calls.length = 0;
      const second = await syncWebhooks(client, declared);
      expect(second.registered).toEqual([]);
      expect(second.unregistered).toEqual([]);
      expect(second.unchanged.map((w) => w.action).sort()).toEqual([
        'chat_deactivated',
        'incoming_chat',
        'incoming_event',
      ]);
      expect(api.actions()).toEqual(['list_webhooks']);
    });
  }

  it('unregisters stale webhooks of the same type, keeps identical ones and other types, registers before unregistering', async () => {
    const base = { owner_client_id: OWNER, secret_key: SECRET, type: 'license' };
    const api = await fakeConfigurationApi([
      { ...base, action: 'incoming_chat', url: declared.url }, // identical → unchanged
      {
        ...base,
        action: 'incoming_event',
        url: declared.url,
        filters: { source_type: ['my_client', 'system'], author_type: 'customer', only_my_chats: false },
      }, // same filters, other order → unchanged
      { ...base, action: 'chat_deactivated', url: 'https://old.example.com/webhooks' }, // moved url → replaced
      { ...base, action: 'thread_tagged', url: declared.url }, // no longer declared → stale
      { ...base, action: 'incoming_chat', url: 'https://bot.example.com', type: 'bot' }, // another type → untouched
    ]);
    const result = await syncWebhooks(api.callClient, declared);
    expect(result.unchanged.map((w) => w.action)).toEqual(['incoming_chat', 'incoming_event']);
    expect(result.registered.map((w) => [w.action, w.url])).toEqual([['chat_deactivated', declared.url]]);
    expect(result.unregistered.map((w) => [w.action, w.url])).toEqual([
      ['chat_deactivated', 'https://old.example.com/webhooks'],
      ['thread_tagged', declared.url],
    ]);
    expect(api.actions()).toEqual(['list_webhooks', 'register_webhook', 'unregister_webhook', 'unregister_webhook']);
    expect([...api.store.values()].filter((w) => w.type === 'bot')).toHaveLength(1);
    // Converged: nothing more to do.
    const again = await syncWebhooks(api.callClient, declared);
    expect([again.registered.length, again.unregistered.length, again.unchanged.length]).toEqual([0, 0, 3]);
  });

  it('a changed filter replaces the webhook', async () => {
    const api = await fakeConfigurationApi();
    await syncWebhooks(api.callClient, declared);
    const changed = {
      ...declared,
      webhooks: [
        ...declared.webhooks.slice(0, 1),
        { action: 'incoming_event', filters: { author_type: 'agent' as const } },
        declared.webhooks[2]!,
      ],
    };
    const r = await syncWebhooks(api.callClient, changed);
    expect(r.registered.map((w) => [w.action, w.filters])).toEqual([['incoming_event', { author_type: 'agent' }]]);
    expect(r.unregistered.map((w) => w.action)).toEqual(['incoming_event']);
    expect(r.unchanged).toHaveLength(2);
  });

  it('prune: false leaves undeclared webhooks alone; dryRun changes nothing', async () => {
    const base = { owner_client_id: OWNER, secret_key: SECRET, type: 'license', url: declared.url };
    const api = await fakeConfigurationApi([{ ...base, action: 'thread_tagged' }]);
    const dry = await syncWebhooks(api.callClient, { ...declared, dryRun: true });
    expect(dry.registered.map((w) => [w.action, w.id])).toEqual([
      ['incoming_chat', undefined],
      ['incoming_event', undefined],
      ['chat_deactivated', undefined],
    ]);
    expect(dry.unregistered.map((w) => w.action)).toEqual(['thread_tagged']);
    expect(api.actions()).toEqual(['list_webhooks']);
    expect(api.store.size).toBe(1);

    const kept = await syncWebhooks(api.callClient, { ...declared, prune: false });
    expect(kept.unregistered).toEqual([]);
    expect(api.store.size).toBe(4);
  });

  it('never reports the secret', async () => {
    const api = await fakeConfigurationApi([
      { owner_client_id: OWNER, secret_key: SECRET, type: 'license', url: declared.url, action: 'thread_tagged' },
    ]);
    const result = await syncWebhooks(api.callClient, declared);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('a failing call stops with WebhookSyncError saying what already changed', async () => {
    const api = await fakeConfigurationApi();
    api.failWhen((action, n) => action === 'register_webhook' && n === 2);
    const error = await syncWebhooks(api.callClient, declared).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookSyncError);
    const e = error as WebhookSyncError;
    expect(e.action).toBe('register_webhook');
    expect(e.partial.registered.map((w) => w.action)).toEqual(['incoming_chat']);
    expect((e.cause as Error).message).toBe('api error: internal');
    expect(e.message + JSON.stringify(e)).not.toContain(SECRET);
    // Re-running after the failure finishes the job.
    api.failWhen(undefined);
    const r = await syncWebhooks(api.callClient, declared);
    expect(r.registered.map((w) => w.action)).toEqual(['incoming_event', 'chat_deactivated']);
    expect(r.unchanged.map((w) => w.action)).toEqual(['incoming_chat']);
  });

  it('an unexpected list answer is a WebhookSyncError, not a crash', async () => {
    const client: WebhookCallClient = { call: async () => ({ not: 'a list' }) };
    await expect(syncWebhooks(client, declared)).rejects.toBeInstanceOf(WebhookSyncError);
  });

  it.each<[string, Partial<SyncWebhooksOptions>]>([
    ['an empty url', { url: '' }],
    ['a url over 500 characters', { url: `https://e.com/${'x'.repeat(500)}` }],
    ['a bad type', { type: 'agent' as never }],
    ['an empty secret', { secret_key: '' }],
    ['no owner', { owner_client_id: undefined as never }],
    ['a duplicate entry', { webhooks: [{ action: 'incoming_chat' }, { action: 'incoming_chat' }] }],
    [
      'four of one action',
      { webhooks: ['a', 'b', 'c', 'd'].map((description) => ({ action: 'incoming_chat', description })) },
    ],
    ['bad additional_data', { webhooks: [{ action: 'incoming_chat', additional_data: ['everything' as never] }] }],
  ])('InputError before any call for %s', async (_name, patch) => {
    const api = await fakeConfigurationApi();
    await expect(syncWebhooks(api.callClient, { ...declared, ...patch })).rejects.toBeInstanceOf(InputError);
    expect(api.calls).toEqual([]);
  });

  it('InputError for something that is not a client', async () => {
    await expect(syncWebhooks({} as never, declared)).rejects.toBeInstanceOf(InputError);
  });
});

describe('syncWebhooks and the limit of 3 webhooks per action', () => {
  const base = { owner_client_id: OWNER, secret_key: SECRET, type: 'license', action: 'incoming_event' };
  const three = (url: string, descriptions = ['a', 'b', 'c']) =>
    descriptions.map((description) => ({ ...base, url, description }));

  it('moves 3 webhooks of one action to a new url', async () => {
    const api = await fakeConfigurationApi(three('https://old.example.com/wh'));
    const options: SyncWebhooksOptions = {
      owner_client_id: OWNER,
      url: 'https://new.example.com/wh',
      secret_key: SECRET,
      type: 'license',
      webhooks: ['a', 'b', 'c'].map((description) => ({ action: 'incoming_event', description })),
    };
    const r = await syncWebhooks(api.callClient, options);
    expect(r.registered).toHaveLength(3);
    expect(r.unregistered).toHaveLength(3);
    expect([...api.store.values()].map((w) => w.url)).toEqual(Array(3).fill('https://new.example.com/wh'));
    const again = await syncWebhooks(api.callClient, options);
    expect([again.registered.length, again.unregistered.length, again.unchanged.length]).toEqual([0, 0, 3]);
  });

  it('changes one of 3 webhooks, unregistering only that one before registering its replacement', async () => {
    const url = 'https://x.example.com/wh';
    const api = await fakeConfigurationApi(three(url));
    const r = await syncWebhooks(api.callClient, {
      owner_client_id: OWNER,
      url,
      secret_key: SECRET,
      type: 'license',
      webhooks: [
        { action: 'incoming_event', description: 'a' },
        { action: 'incoming_event', description: 'b' },
        { action: 'incoming_event', description: 'c', filters: { author_type: 'customer' } },
      ],
    });
    expect(r.unchanged.map((w) => w.description)).toEqual(['a', 'b']);
    expect(api.actions()).toEqual(['list_webhooks', 'unregister_webhook', 'register_webhook']);
    expect([...api.store.values()].map((w) => [w.description, w.filters])).toEqual([
      ['a', undefined],
      ['b', undefined],
      ['c', { author_type: 'customer' }],
    ]);
  });

  it('other actions still register before their stale webhooks go', async () => {
    const url = 'https://x.example.com/wh';
    const api = await fakeConfigurationApi([
      ...three(url),
      { ...base, action: 'incoming_chat', url: 'https://old.example.com/wh' },
    ]);
    await syncWebhooks(api.callClient, {
      owner_client_id: OWNER,
      url,
      secret_key: SECRET,
      type: 'license',
      webhooks: [
        { action: 'incoming_event', description: 'a' },
        { action: 'incoming_event', description: 'b' },
        { action: 'incoming_event', description: 'd' },
        { action: 'incoming_chat' },
      ],
    });
    // incoming_event 'c' → 'd' must make room first; incoming_chat registers before its old webhook goes
    expect(api.calls.map((c) => `${c.action}:${String(c.payload.action ?? c.payload.id)}`)).toEqual([
      'list_webhooks:undefined',
      'unregister_webhook:wh3',
      'register_webhook:incoming_event',
      'register_webhook:incoming_chat',
      'unregister_webhook:wh4',
    ]);
  });
});
