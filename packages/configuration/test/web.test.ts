import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  HttpError,
  InputError,
  NotFoundError,
  ValidationError,
  type Token,
} from '@lc/core';
import { BatchResponseError, Configuration, ConfigurationWeb } from '../src/index.js';
import { camel, methodsOf, startServer, type TestServer } from '../../../test-utils/recording-server.js';

const token: Token = { accessToken: 'dal:secret-token', organizationID: 'org-1', tokenType: 'Bearer' };
let server: TestServer;
let config: ConfigurationWeb;
const getter = vi.fn(() => token);

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  server.reply = () => ({ body: {} });
  getter.mockClear();
  config = new ConfigurationWeb(getter, { apiUrl: server.url, retry: false });
});

const methods = methodsOf('configuration');

describe('every documented Configuration 3.6 method', () => {
  it('covers the 63 single methods and the 9 batch endpoints', () => {
    expect(methods.filter((m) => !m.batch_of)).toHaveLength(63);
    expect(methods.filter((m) => m.batch_of)).toHaveLength(9);
  });

  it.each(methods.map((m) => [m.method, m] as const))(
    '%s → POST /v3.6/configuration/action/<name> with the payload unchanged',
    async (name, m) => {
      const payload = m.batch_of
        ? { requests: [{ id: `${name}-1`, nested: { list: [1, 'two'], flag: false } }] }
        : { marker: name, nested: { list: [1, 'two', { deep: null }], flag: false }, snake_case_key: 'v' };
      if (m.batch_of) server.reply = () => ({ body: { responses: [{}] } });
      const method = (config as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)];
      expect(typeof method).toBe('function');
      await method!.call(config, payload);
      expect(server.seen).toHaveLength(1);
      const [req] = server.seen;
      expect(req!.method).toBe('POST');
      expect(req!.path).toBe(`/v3.6/configuration/action/${name}`);
      expect(req!.body).toEqual(payload);
      expect(new URL(m.http!.url).pathname).toBe(req!.path);
      if (name === 'list_webhook_names') expect(req!.headers.authorization).toBeUndefined();
      else expect(req!.headers.authorization).toBe('Bearer dal:secret-token');
    },
  );
});

describe('special actions', () => {
  it('updateGroup sends update_group (not create_group)', async () => {
    await config.updateGroup({ id: 19, name: 'Sport shoes', agent_priorities: { 'agent1@example.com': 'normal' } });
    expect(server.seen.map((r) => r.path)).toEqual(['/v3.6/configuration/action/update_group']);
    expect(server.seen[0]!.body).toEqual({
      id: 19,
      name: 'Sport shoes',
      agent_priorities: { 'agent1@example.com': 'normal' },
    });
  });

  it('listWebhookNames sends no Authorization and never asks the token getter', async () => {
    server.reply = () => ({ body: [{ action: 'agent_deleted', filters: ['agent_ids'] }] });
    const names = await config.listWebhookNames({ version: '3.6' });
    expect(names).toEqual([{ action: 'agent_deleted', filters: ['agent_ids'] }]);
    expect(server.seen[0]!.headers.authorization).toBeUndefined();
    expect(getter).not.toHaveBeenCalled();
  });

  it('listWebhookNames works on a client without a token getter', async () => {
    const anonymous = new ConfigurationWeb(undefined, { apiUrl: server.url });
    await expect(anonymous.listWebhookNames()).resolves.toEqual({});
    expect(server.seen[0]!.body).toEqual({});
    expect(server.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('a method needing a token fails with a TokenError on a client without one, before sending', async () => {
    const anonymous = new ConfigurationWeb(undefined, { apiUrl: server.url });
    await expect(anonymous.listAgents()).rejects.toMatchObject({ name: 'TokenError' });
    expect(server.seen).toHaveLength(0);
  });

  it('a method without required fields sends {} when called without a payload', async () => {
    await config.listAgents();
    expect(server.seen[0]!.body).toEqual({});
  });

  it('resolves with the parsed response', async () => {
    const agent = { id: 'smith@example.com', account_id: 'a', name: 'Agent Smith', role: 'administrator' };
    server.reply = () => ({ body: agent });
    await expect(config.getAgent({ id: 'smith@example.com' })).resolves.toEqual(agent);
  });
});

describe('batch', () => {
  it('returns per-item results in request order; failed items are typed ApiErrors and never hide the others', async () => {
    server.reply = () => ({
      body: {
        responses: [
          { id: 'smith@example.com' },
          { error: { type: 'validation', message: '`id` is required' } },
          { id: 'jones@example.com' },
          { error: { type: 'not_found', message: 'Group not found', data: { group_id: 5 } } },
        ],
      },
    });
    const batch = await config.batchCreateAgents({
      requests: [
        { id: 'smith@example.com', name: 'Smith' },
        { id: '', name: 'Nobody' },
        { id: 'jones@example.com', name: 'Jones' },
        { id: 'x@example.com', name: 'X', groups: [{ id: 5, priority: 'first' }] },
      ],
    });
    expect(server.seen[0]!.path).toBe('/v3.6/configuration/action/batch_create_agents');
    expect(batch.ok).toBe(false);
    expect(batch.results.map((r) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
      [3, false],
    ]);
    const [first, second, , fourth] = batch.results;
    expect(first).toEqual({ ok: true, index: 0, value: { id: 'smith@example.com' } });
    if (second!.ok || fourth!.ok) throw new Error('expected failures');
    expect(second!.error).toBeInstanceOf(ValidationError);
    expect(second!.error).toBeInstanceOf(ApiError);
    expect(second!.error).toMatchObject({
      type: 'validation',
      message: '`id` is required',
      action: 'batch_create_agents',
    });
    expect(fourth!.error).toBeInstanceOf(NotFoundError);
    expect(fourth!.error.data).toEqual({ group_id: 5 });
    expect(batch.responses[1]).toEqual({ error: { type: 'validation', message: '`id` is required' } });
  });

  it('ok is true when every item succeeded ("No response payload" items are {})', async () => {
    server.reply = () => ({ body: { responses: [{}, {}] } });
    const batch = await config.batchDeleteAgents({ requests: [{ id: 'a@x.com' }, { id: 'b@x.com' }] });
    expect(batch.ok).toBe(true);
    expect(batch.results).toEqual([
      { ok: true, index: 0, value: {} },
      { ok: true, index: 1, value: {} },
    ]);
  });

  it('an item whose error is not an object is still a failed item', async () => {
    server.reply = () => ({ body: { responses: [{ error: 'boom' }] } });
    const batch = await config.batchSuspendAgents({ requests: [{ id: 'a@x.com' }] });
    const [item] = batch.results;
    expect(item!.ok).toBe(false);
    if (!item!.ok) expect(item!.error).toBeInstanceOf(ApiError);
  });

  it('rejects with BatchResponseError when the answer cannot be matched to the requests', async () => {
    server.reply = () => ({ body: { responses: [{}] } });
    const err = await config
      .batchApproveAgents({ requests: [{ id: 'a@x.com' }, { id: 'b@x.com' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatchResponseError);
    expect(err).toMatchObject({ expected: 2, received: 1, action: 'batch_approve_agents' });

    server.reply = () => ({ body: { something: 'else' } });
    await expect(config.batchDeleteBots({ requests: [{ id: 'b1' }] })).rejects.toMatchObject({
      name: 'BatchResponseError',
      received: undefined,
    });
  });

  it('rejects bad input with InputError before sending', async () => {
    await expect(config.batchCreateBots({} as never)).rejects.toBeInstanceOf(InputError);
    await expect(config.batchUpdateBots({ requests: [{ id: 'b1' }, null] } as never)).rejects.toMatchObject({
      field: 'requests.1',
    });
    expect(server.seen).toHaveLength(0);
  });

  it('a failure of the whole batch rejects with the typed error', async () => {
    server.reply = () => ({
      status: 401,
      body: { error: { type: 'authentication', message: 'Invalid access token' } },
    });
    await expect(config.batchUnsuspendAgents({ requests: [{ id: 'a@x.com' }] })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});

describe('transport', () => {
  it('maps an API error body to the typed error class', async () => {
    server.reply = () => ({ status: 400, body: { error: { type: 'validation', message: 'Wrong format of request' } } });
    const err = await config.createTag({ name: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ type: 'validation', status: 400, action: 'create_tag' });
  });

  it('never re-sends a write after a 5xx, but retries a read', async () => {
    const retrying = new ConfigurationWeb(getter, {
      apiUrl: server.url,
      retry: { limit: 2, baseDelay: 1, maxDelay: 1 },
    });
    server.reply = () => ({ status: 502, text: '<html>Bad gateway</html>' });
    await expect(retrying.createGroup({ name: 'G', agent_priorities: {} })).rejects.toBeInstanceOf(HttpError);
    expect(server.seen).toHaveLength(1);
    server.seen.length = 0;
    await expect(retrying.listGroups()).rejects.toBeInstanceOf(HttpError);
    expect(server.seen).toHaveLength(3);
  });

  it('passes apiVersion and headers through to the transport', async () => {
    const preview = new ConfigurationWeb(getter, {
      apiUrl: server.url,
      apiVersion: '3.7',
      headers: { 'X-Trace': 't-1' },
    });
    await preview.listTags();
    expect(server.seen[0]!.path).toBe('/v3.7/configuration/action/list_tags');
    expect(server.seen[0]!.headers['x-trace']).toBe('t-1');
  });

  it('call() sends any action and resolves with the raw response', async () => {
    server.reply = () => ({ body: { responses: [{}] } });
    await expect(config.call('batch_delete_agents', { requests: [{ id: 'a' }] })).resolves.toEqual({ responses: [{}] });
    await config.call('list_allowed_domains');
    expect(server.seen.map((r) => r.path)).toEqual([
      '/v3.6/configuration/action/batch_delete_agents',
      '/v3.6/configuration/action/list_allowed_domains',
    ]);
  });

  it('exports the Configuration namespace', () => {
    expect(Configuration.Web).toBe(ConfigurationWeb);
  });
});
