// `@lc/configuration/v3.7`: every documented 3.7 action over a real HTTP server, at /v3.7, with the
// 3.7 wire facts; the package root keeps sending 3.6.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Token } from '@lc/core';
import { ConfigurationWeb as ConfigurationWeb36 } from '../src/index.js';
import { ConfigurationWeb } from '../src/v3.7.js';
import { camel, methodsOf, startServer, type TestServer } from '../../../test-utils/recording-server.js';

const token: Token = { accessToken: 'secret-pat-base64', organizationID: 'org-1', tokenType: 'Basic' };
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  server.reply = () => ({ body: {} });
});

const methods = methodsOf('configuration', '3.7');
const added = methods.filter((m) => m.change === 'new').map((m) => m.method);

describe('every documented Configuration 3.7 action', () => {
  it('has a method on the 3.7 entry, and the 11 that 3.7 adds are not on the root', () => {
    expect(added).toHaveLength(11);
    const web = new ConfigurationWeb(() => token);
    const web36 = new ConfigurationWeb36(() => token) as unknown as Record<string, unknown>;
    for (const m of methods)
      expect(typeof (web as unknown as Record<string, unknown>)[camel(m.method)]).toBe('function');
    for (const name of added) expect(web36[camel(name)]).toBeUndefined();
  });

  it.each(added)('%s → POST /v3.7/configuration/action/%s', async (name) => {
    const web = new ConfigurationWeb(() => token, { apiUrl: server.url, retry: false });
    const method = (web as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)]!;
    if (name.startsWith('batch_')) server.reply = () => ({ body: { responses: [{}] } });
    await method.call(web, name.startsWith('batch_') ? { requests: [{}] } : {});
    expect(server.seen.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v3.7/configuration/action/${name}`]);
  });
});

describe('ConfigurationWeb from @lc/configuration/v3.7', () => {
  it('resolves listCannedResponses with the documented body', async () => {
    const canned = { id: 12345, text: 'Hi!', tags: ['greeting'], group_id: 1, is_private: true };
    server.reply = () => ({ body: { canned_responses: [canned], found_canned_responses: 1 } });
    const web = new ConfigurationWeb(() => token, { apiUrl: server.url, retry: false });
    const { canned_responses } = await web.listCannedResponses({ group_ids: [1], limit: 10 });
    expect(canned_responses[0]?.text).toBe('Hi!');
  });

  it('batchUpdateTranslations resolves one result per request, a failed item as a typed error', async () => {
    server.reply = () => ({ body: { responses: [{}, { error: { type: 'validation', message: 'bad language' } }] } });
    const web = new ConfigurationWeb(() => token, { apiUrl: server.url, retry: false });
    const result = await web.batchUpdateTranslations({
      requests: [
        { group_id: 0, language: 'en', phrases: { Welcome_title: 'Hi' } },
        { group_id: 0, language: 'xx', phrases: {} },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('listWebhookNames goes without Authorization, as the 3.7 wire table says', async () => {
    await new ConfigurationWeb(undefined, { apiUrl: server.url, retry: false }).listWebhookNames();
    expect(server.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('sends another apiVersion when asked, and the package root stays on 3.6', async () => {
    await new ConfigurationWeb(() => token, { apiUrl: server.url, retry: false, apiVersion: '3.8' }).listTags();
    await new ConfigurationWeb36(() => token, { apiUrl: server.url, retry: false }).listTags();
    expect(server.seen.map((r) => r.path)).toEqual([
      '/v3.8/configuration/action/list_tags',
      '/v3.6/configuration/action/list_tags',
    ]);
  });
});
