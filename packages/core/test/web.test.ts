import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  createWebClient as createDefaultWebClient,
  InputError,
  TokenError,
  type DeprecationNotice,
  type Token,
  type TokenGetter,
  type WebClient,
  type WebClientOptions,
} from '../src/index.js';
import { createWebClient as createNodeWebClient } from '../src/node/entry.js';
import { createNodeFetch } from '../src/node/index.js';
import type { FetchLike } from '../src/web/types.js';
import { WIRE } from './helpers/wire.js';
import { startHttpServer, type HttpTestServer } from './helpers/http-server.js';

/** Both fetch paths run the same table: the default entry (global fetch) and the Node entry (node:http fetch). */
const transports = [
  { name: 'global fetch', create: createDefaultWebClient },
  { name: 'node:http fetch', create: createNodeWebClient },
] as const;

const token = (extra: Partial<Token> = {}): Token => ({
  accessToken: 'dal:access-token-1',
  tokenType: 'Bearer',
  organizationID: 'org-1',
  ...extra,
});

let server: HttpTestServer;
beforeAll(async () => {
  server = await startHttpServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe.each(transports)('Web client over $name', ({ create }) => {
  /** `getter: null` makes a client without a token getter. */
  const client = (options: Partial<WebClientOptions> = {}, getter: TokenGetter | null = () => token()): WebClient =>
    create({
      api: 'agent',
      apiUrl: server.url,
      tokenGetter: getter ?? undefined,
      ...options,
      // What each API package passes: its generated wire table.
      wire: WIRE[(options.api ?? 'agent') as keyof typeof WIRE],
    });

  describe('URL, method, headers and body per API', () => {
    it('agent: POST /v3.6/agent/action/<action> with a JSON body, Authorization and X-Region', async () => {
      server.route('POST /v3.6/agent/action/list_chats', { json: { chats_summary: [], found_chats: 0 } });
      const result = await client().call('list_chats', { limit: 10, filters: { include_active: true } });
      expect(result).toEqual({ chats_summary: [], found_chats: 0 });
      const [req] = server.requests;
      expect(req).toMatchObject({ method: 'POST', path: '/v3.6/agent/action/list_chats', search: '' });
      expect(req!.json).toEqual({ limit: 10, filters: { include_active: true } });
      expect(req!.headers['content-type']).toBe('application/json');
      expect(req!.headers.authorization).toBe('Bearer dal:access-token-1');
      expect(req!.headers['x-region']).toBe('dal');
    });

    it('sends {} when the payload is omitted', async () => {
      server.route('POST /v3.6/agent/action/list_routing_statuses', { json: [] });
      await client().call('list_routing_statuses');
      expect(server.requests[0]!.body).toBe('{}');
    });

    it('customer: adds organization_id from the token to the query', async () => {
      server.route('POST /v3.6/customer/action/send_event', { json: { event_id: 'e1' } });
      const web = client({ api: 'customer' }, () => token({ organizationID: 'org/ä 1' }));
      await expect(web.call('send_event', { chat_id: 'C1', event: { type: 'message', text: 'hi' } })).resolves.toEqual({
        event_id: 'e1',
      });
      const [req] = server.requests;
      expect(req!.path).toBe('/v3.6/customer/action/send_event');
      expect(req!.search).toBe('organization_id=org%2F%C3%A4%201');
      expect(req!.query).toEqual({ organization_id: 'org/ä 1' });
      expect(req!.json).toEqual({ chat_id: 'C1', event: { type: 'message', text: 'hi' } });
    });

    it('customer: the token must carry organizationID', async () => {
      const web = client({ api: 'customer' }, () => token({ organizationID: '' }));
      await expect(web.call('get_customer')).rejects.toMatchObject({ name: 'TokenError', field: 'organizationID' });
      expect(server.requests).toHaveLength(0);
    });

    it('configuration: POST /v3.6/configuration/action/<action>', async () => {
      server.route('POST /v3.6/configuration/action/list_agents', { json: [] });
      await client({ api: 'configuration' }).call('list_agents', { filters: {} });
      expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v3.6/configuration/action/list_agents' });
    });

    it('reports: POST /v3.6/reports/<resource>/<name>', async () => {
      server.route('POST /v3.6/reports/chats/duration', { json: { records: {} } });
      const web = client({ api: 'reports' }, () => token({ tokenType: 'Basic', accessToken: 'YWNjOnBhdA==' }));
      await expect(web.call('chats/duration', { distribution: 'day' })).resolves.toEqual({ records: {} });
      const [req] = server.requests;
      expect(req).toMatchObject({ method: 'POST', path: '/v3.6/reports/chats/duration' });
      expect(req!.headers.authorization).toBe('Basic YWNjOnBhdA==');
      expect(req!.headers['x-region']).toBeUndefined();
    });

    it('apiVersion changes the path', async () => {
      server.route('POST /v3.7/agent/action/list_chats', { json: {} });
      const web = client({ apiVersion: '3.7' });
      expect(web.apiVersion).toBe('3.7');
      await web.call('list_chats');
      expect(server.requests[0]!.path).toBe('/v3.7/agent/action/list_chats');
    });

    it('a per-call apiVersion changes the path of that call only; a malformed one is refused before sending', async () => {
      server.route('POST /v3.7/agent/action/list_canned_responses', { json: { ok: 37 } });
      server.route('POST /v3.6/agent/action/list_chats', { json: {} });
      const web = client();
      await expect(web.call('list_canned_responses', {}, { apiVersion: '3.7' })).resolves.toEqual({ ok: 37 });
      await web.call('list_chats');
      expect(server.requests.map((r) => r.path)).toEqual([
        '/v3.7/agent/action/list_canned_responses',
        '/v3.6/agent/action/list_chats',
      ]);
      await expect(web.call('list_chats', {}, { apiVersion: 'latest' })).rejects.toMatchObject({
        name: 'InputError',
        field: 'apiVersion',
      });
      expect(server.requests).toHaveLength(2);
    });

    it('an apiUrl with a path prefix and trailing slash keeps the prefix', async () => {
      server.route('POST /proxy/v3.6/agent/action/list_chats', { json: {} });
      await client({ apiUrl: `${server.url}/proxy/` }).call('list_chats');
      expect(server.requests[0]!.path).toBe('/proxy/v3.6/agent/action/list_chats');
    });

    it('X-Region comes from token.region, else from the token prefix, else is absent', async () => {
      server.route('POST /v3.6/agent/action/list_chats', { json: {} });
      await client({}, () => token({ region: 'fra' })).call('list_chats');
      await client({}, () => token({ accessToken: 'plain-token' })).call('list_chats');
      expect(server.requests[0]!.headers['x-region']).toBe('fra');
      expect(server.requests[1]!.headers['x-region']).toBeUndefined();
    });

    it('client headers, then call headers; the SDK sets Authorization itself', async () => {
      server.route('POST /v3.6/agent/action/list_chats', { json: {} });
      const web = client({ headers: { 'X-Client': 'a', 'X-Both': 'client', Authorization: 'Bearer spoofed' } });
      await web.call('list_chats', {}, { headers: { 'x-both': 'call', 'X-Call': 'c' } });
      const { headers } = server.requests[0]!;
      expect(headers).toMatchObject({
        'x-client': 'a',
        'x-both': 'call',
        'x-call': 'c',
        authorization: 'Bearer dal:access-token-1',
      });
    });

    it('rejects bad header values before sending, without quoting them', async () => {
      await expect(client().call('list_chats', {}, { headers: { 'x-bad': 'secret\r\nvalue' } })).rejects.toSatisfy(
        (e: unknown) => e instanceof InputError && e.field === 'headers.x-bad' && !String(e).includes('secret'),
      );
      expect(() => client({ headers: { 'bad name': 'x' } })).toThrow(InputError);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('Customer GET actions', () => {
    it('get_configuration: GET with params and organization_id in the query, no body', async () => {
      server.route('GET /v3.6/customer/action/get_configuration', { json: { buttons: [] } });
      const web = client({ api: 'customer' });
      await expect(web.call('get_configuration', { group_id: 0, version: '12.3' })).resolves.toEqual({ buttons: [] });
      const [req] = server.requests;
      expect(req).toMatchObject({ method: 'GET', path: '/v3.6/customer/action/get_configuration', body: '' });
      expect(req!.search).toBe('organization_id=org-1&group_id=0&version=12.3');
      expect(req!.headers['content-type']).toBeUndefined();
      expect(req!.headers.authorization).toBe('Bearer dal:access-token-1');
    });

    it.each(['list_license_properties', 'list_group_properties', 'get_dynamic_configuration', 'get_localization'])(
      '%s is a GET',
      async (action) => {
        server.route(`GET /v3.6/customer/action/${action}`, { json: {} });
        await client({ api: 'customer' }).call(action, {});
        expect(server.requests[0]!.method).toBe('GET');
      },
    );

    it('encodes every query part: nested objects dotted, arrays as repeated keys', async () => {
      server.route('GET /v3.6/customer/action/get_dynamic_configuration', { json: {} });
      await client({ api: 'customer' }).call('get_dynamic_configuration', {
        url: 'https://shop.example/p?a=1&b=ä#x',
        test: true,
        group_id: 7,
        filters: { agents: { values: ['a b', 'c&d'] } },
        skipped: undefined,
        nothing: null,
      });
      const [req] = server.requests;
      expect(req!.search).toBe(
        'organization_id=org-1&url=https%3A%2F%2Fshop.example%2Fp%3Fa%3D1%26b%3D%C3%A4%23x&test=true&group_id=7' +
          '&filters.agents.values=a%20b&filters.agents.values=c%26d',
      );
      expect(req!.query).toEqual({
        organization_id: 'org-1',
        url: 'https://shop.example/p?a=1&b=ä#x',
        test: 'true',
        group_id: '7',
        'filters.agents.values': ['a b', 'c&d'],
      });
    });

    it('list_license_properties with auth:false and no token getter: organization_id from the payload, no Authorization', async () => {
      server.route('GET /v3.6/customer/action/list_license_properties', { json: { ns: { p: 1 } } });
      const web = client({ api: 'customer' }, null);
      const result = await web.call(
        'list_license_properties',
        { organization_id: 'org-9', namespace: 'ns' },
        { auth: false },
      );
      expect(result).toEqual({ ns: { p: 1 } });
      const [req] = server.requests;
      expect(req!.search).toBe('organization_id=org-9&namespace=ns');
      expect(req!.headers.authorization).toBeUndefined();
    });

    it('list_group_properties needs no token getter by default (no Authorization)', async () => {
      server.route('GET /v3.6/customer/action/list_group_properties', { json: {} });
      await client({ api: 'customer' }, null).call('list_group_properties', { organization_id: 'org-9', id: 3 });
      expect(server.requests[0]!.search).toBe('organization_id=org-9&id=3');
      expect(server.requests[0]!.headers.authorization).toBeUndefined();
    });

    it('by default list_license_properties sends no Authorization even with a token getter; auth:true sends it', async () => {
      server.route('GET /v3.6/customer/action/list_license_properties', { json: {} });
      await client({ api: 'customer' }).call('list_license_properties', { organization_id: 'org-9' });
      await client({ api: 'customer' }).call('list_license_properties', {}, { auth: true });
      expect(server.requests.map((r) => [r.search, r.headers.authorization])).toEqual([
        ['organization_id=org-9', undefined],
        ['organization_id=org-1', 'Bearer dal:access-token-1'],
      ]);
    });

    it('configuration list_webhook_names needs no token getter', async () => {
      server.route('POST /v3.6/configuration/action/list_webhook_names', { json: [] });
      await client({ api: 'configuration' }, null).call('list_webhook_names', { version: '3.6' });
      expect(server.requests[0]!.headers.authorization).toBeUndefined();
    });

    it('a GET with auth sends the token organization_id once, whatever the payload says', async () => {
      server.route('GET /v3.6/customer/action/get_localization', { json: {} });
      await client({ api: 'customer' }).call('get_localization', {
        organization_id: 'other',
        group_id: 0,
        language: 'en',
        version: '1',
      });
      expect(server.requests[0]!.search).toBe('organization_id=org-1&group_id=0&language=en&version=1');
    });

    it('auth:false with a token getter takes organization_id from the token, still without Authorization', async () => {
      server.route('GET /v3.6/customer/action/list_license_properties', { json: {} });
      await client({ api: 'customer' }).call('list_license_properties', {}, { auth: false });
      expect(server.requests[0]!.search).toBe('organization_id=org-1');
      expect(server.requests[0]!.headers.authorization).toBeUndefined();
    });

    it('no token getter and no organization_id: TokenError naming organizationID, nothing sent', async () => {
      const web = client({ api: 'customer' }, null);
      await expect(web.call('list_license_properties', {}, { auth: false })).rejects.toMatchObject({
        name: 'TokenError',
        field: 'organizationID',
      });
      expect(server.requests).toHaveLength(0);
    });

    it('a call that needs a token without a getter is a TokenError', async () => {
      await expect(client({}, null).call('list_chats')).rejects.toMatchObject({ name: 'TokenError', field: 'getter' });
    });
  });

  describe('token getter', () => {
    beforeEach(() => server.route('POST /v3.6/agent/action/list_chats', { json: {} }));

    it('is called for every request, sync or async, and a refreshed token is used at once', async () => {
      let n = 0;
      const getter = vi.fn(async () => token({ accessToken: `tok-${++n}` }));
      const web = client({}, getter);
      await web.call('list_chats');
      await web.call('list_chats');
      await web.call('list_chats');
      expect(getter).toHaveBeenCalledTimes(3);
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([
        'Bearer tok-1',
        'Bearer tok-2',
        'Bearer tok-3',
      ]);
    });

    it('a sync getter: a changed token, or the same object changed in place, is used (and checked) at once', async () => {
      const current = token({ accessToken: 'sync-1' });
      const web = client({}, () => current);
      await web.call('list_chats');
      await web.call('list_chats');
      current.accessToken = 'sync-2';
      current.region = 'fra';
      await web.call('list_chats');
      current.accessToken = 'bad\r\nX-Injected: 1';
      await expect(web.call('list_chats')).rejects.toMatchObject({ name: 'TokenError', field: 'accessToken' });
      current.accessToken = 'sync-3';
      current.tokenType = 'Basic';
      await web.call('list_chats');
      expect(server.requests.map((r) => [r.headers.authorization, r.headers['x-region']])).toEqual([
        ['Bearer sync-1', undefined],
        ['Bearer sync-1', undefined],
        ['Bearer sync-2', 'fra'],
        ['Basic sync-3', 'fra'],
      ]);
    });

    it('customer: a sync token without organizationID is refused every time, after one with it worked', async () => {
      server.route('POST /v3.6/customer/action/get_customer', { json: {} });
      let org: string | undefined = 'org-1';
      const web = client({ api: 'customer' }, () => ({ ...token(), organizationID: org as string }));
      await web.call('get_customer');
      org = undefined;
      await expect(web.call('get_customer')).rejects.toMatchObject({ name: 'TokenError', field: 'organizationID' });
      await expect(web.call('get_customer')).rejects.toMatchObject({ name: 'TokenError', field: 'organizationID' });
      expect(server.requests.map((r) => r.search)).toEqual(['organization_id=org-1']);
    });

    it('is not called at construction', () => {
      const getter = vi.fn(() => token());
      client({}, getter);
      expect(getter).not.toHaveBeenCalled();
    });

    it('a throwing getter is a TokenError(getter) with the cause; nothing is sent', async () => {
      const boom = new Error('refresh failed');
      const err = await client({}, () => {
        throw boom;
      })
        .call('list_chats')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TokenError);
      expect(err).toMatchObject({ field: 'getter', cause: boom });
      expect(server.requests).toHaveLength(0);
    });

    it('a rejecting getter is a TokenError(getter)', async () => {
      await expect(client({}, () => Promise.reject(new Error('no'))).call('list_chats')).rejects.toMatchObject({
        name: 'TokenError',
        field: 'getter',
      });
    });

    it.each([
      ['getter', null],
      ['accessToken', { ...token(), accessToken: '' }],
      ['accessToken', { ...token(), accessToken: 42 }],
      ['accessToken', { ...token(), accessToken: 'abc\r\nX-Injected: 1' }],
      ['accessToken', { ...token(), accessToken: 'tøken-ŧ' }],
      ['tokenType', { ...token(), tokenType: 'Token' }],
      ['organizationID', { ...token(), organizationID: 7 }],
      ['region', { ...token(), region: 'dal/../x' }],
    ] as const)('invalid %s → TokenError naming it, nothing sent', async (field, value) => {
      const err = await client({}, () => value as unknown as Token)
        .call('list_chats')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TokenError);
      expect((err as TokenError).field).toBe(field);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('responses', () => {
    it.each([
      ['an empty 200 body', { status: 200, body: '' }],
      ['a whitespace body', { status: 200, body: ' \n' }],
      ['204 No Content', { status: 204 }],
      ['"No response payload" ({})', { status: 200, json: {} }],
    ])('%s resolves with {}', async (_, reply) => {
      server.route('POST /v3.6/agent/action/deactivate_chat', reply);
      await expect(client().call('deactivate_chat', { id: 'C1' })).resolves.toEqual({});
    });

    it('returns arrays and nested data as parsed', async () => {
      server.route('POST /v3.6/agent/action/list_groups_properties', {
        body: '[{"id":0,"ä":"✓"}]',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      await expect(client().call('list_groups_properties')).resolves.toEqual([{ id: 0, ä: '✓' }]);
    });
  });

  describe('deprecation headers', () => {
    it('reports Legacy / Deprecation once per client and action, never on console', async () => {
      server.route('POST /v3.6/agent/action/list_chats', { json: {}, headers: { Legacy: '2026-12-01' } });
      server.route('POST /v3.6/agent/action/get_chat', { json: {}, headers: { Deprecation: '@1767225600' } });
      const notices: DeprecationNotice[] = [];
      const log = vi.spyOn(console, 'warn');
      const web = client({ onDeprecation: (n) => notices.push(n) });
      await web.call('list_chats');
      await web.call('list_chats');
      await web.call('get_chat', { chat_id: 'C' });
      await web.call('get_chat', { chat_id: 'C' });
      expect(notices).toEqual([
        { header: 'legacy', value: '2026-12-01', action: 'list_chats', apiVersion: '3.6' },
        { header: 'deprecation', value: '@1767225600', action: 'get_chat', apiVersion: '3.6' },
      ]);
      // A second client reports again: "once" is per client.
      const other: DeprecationNotice[] = [];
      await client({ onDeprecation: (n) => other.push(n) }).call('list_chats');
      expect(other).toHaveLength(1);
      expect(log).not.toHaveBeenCalled();
      log.mockRestore();
    });

    it('a throwing hook does not fail the call', async () => {
      server.route('POST /v3.6/agent/action/list_chats', { json: { ok: 1 }, headers: { legacy: 'true' } });
      const web = client({
        onDeprecation: () => {
          throw new Error('hook');
        },
      });
      await expect(web.call('list_chats')).resolves.toEqual({ ok: 1 });
    });
  });

  describe('multipart upload', () => {
    it('sends a FormData body as multipart/form-data', async () => {
      server.route('POST /v3.6/agent/action/upload_file', { json: { url: 'https://cdn/f.txt' } });
      const form = new FormData();
      form.append('file', new Blob(['hello file'], { type: 'text/plain' }), 'f.txt');
      await expect(client().call('upload_file', {}, { body: form })).resolves.toEqual({ url: 'https://cdn/f.txt' });
      const [req] = server.requests;
      expect(req!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(req!.body).toContain('filename="f.txt"');
      expect(req!.body).toContain('hello file');
      expect(req!.headers.authorization).toBe('Bearer dal:access-token-1');
    });

    it('payload and body together are an InputError', async () => {
      await expect(client().call('upload_file', { a: 1 }, { body: new FormData() })).rejects.toMatchObject({
        name: 'InputError',
        field: 'body',
      });
    });
  });

  describe('input checks (nothing is sent)', () => {
    const cyclic: Record<string, unknown> = { group_id: 1 };
    cyclic.self = cyclic;
    it.each([
      ['a lone surrogate (half an emoji)', { group_id: 1, url: 'https://x/\uD83D' }],
      ['an invalid Date', { group_id: 1, since: new Date(Number.NaN) }],
      ['a cyclic object', cyclic],
    ])('Customer GET with %s in its query → InputError(payload), like over POST', async (_, payload) => {
      const error = await client({ api: 'customer' })
        .call('get_localization', payload)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ action: 'get_localization' });
      expect((error as InputError).field).toMatch(/^(payload|self)$/);
      expect(server.requests).toHaveLength(0);
    });

    it.each([
      ['agent', 'List Chats', 'action'],
      ['agent', '../admin', 'action'],
      ['agent', 'chats/duration', 'action'],
      ['reports', 'duration', 'action'],
      ['reports', 'chats/../x', 'action'],
    ] as const)('%s action %j → InputError', async (api, action, field) => {
      await expect(client({ api }).call(action)).rejects.toMatchObject({ name: 'InputError', field });
    });

    it.each([
      ['an array', [1]],
      ['a string', 'x'],
      ['a class instance', new Date()],
    ])('payload as %s → InputError(payload)', async (_, payload) => {
      await expect(client().call('list_chats', payload as object)).rejects.toMatchObject({
        name: 'InputError',
        field: 'payload',
      });
    });

    it('a payload JSON cannot represent → InputError(payload)', async () => {
      await expect(client().call('list_chats', { n: 1n })).rejects.toMatchObject({
        name: 'InputError',
        field: 'payload',
      });
    });

    it("without apiVersion, a one-version wire table's version is the client's (as a /v3.7 entry passes); null is refused", async () => {
      server.route('POST /v3.7/agent/action/list_chats', { json: {} });
      const only37 = { ...WIRE.agent, versions: { '3.7': WIRE.agent.versions['3.7']! } };
      const web = create({ api: 'agent', apiUrl: server.url, tokenGetter: () => token(), wire: only37 });
      expect(web.apiVersion).toBe('3.7');
      await web.call('list_chats');
      expect(server.requests[0]!.path).toBe('/v3.7/agent/action/list_chats');
      expect(client().apiVersion).toBe('3.6');
      expect(() => client({ apiVersion: null as unknown as string })).toThrow(
        expect.objectContaining({ name: 'InputError', field: 'apiVersion' }),
      );
    });

    it('rejects (never throws synchronously) on bad input', () => {
      const p = client().call('Bad Action');
      expect(p).toBeInstanceOf(Promise);
      return expect(p).rejects.toBeInstanceOf(InputError);
    });

    it.each([
      [{ api: 'chat' }, 'api'],
      [{ apiUrl: 'ftp://x' }, 'apiUrl'],
      [{ apiUrl: 'http://' }, 'apiUrl'],
      [{ apiVersion: 'v3' }, 'apiVersion'],
      [{ timeout: 0 }, 'timeout'],
      [{ timeout: 2 ** 31 }, 'timeout'],
      [{ retry: { limit: -1 } }, 'retry.limit'],
      [{ retry: { baseDelay: Number.NaN } }, 'retry.baseDelay'],
      [{ fetch: 'nope' }, 'fetch'],
    ])('createWebClient(%j) → InputError(%s)', (options, field) => {
      expect(() => client(options as Partial<WebClientOptions>)).toThrow(
        expect.objectContaining({ name: 'InputError', field }),
      );
    });

    it('accepts a bare host as apiUrl and uses https', async () => {
      const seen: string[] = [];
      const web = create({
        api: 'agent',
        apiUrl: '127.0.0.1:1234',
        tokenGetter: () => token(),
        fetch: async (input) => {
          seen.push(input.url);
          return new Response('{}');
        },
      });
      await web.call('list_chats');
      expect(seen).toEqual(['https://127.0.0.1:1234/v3.6/agent/action/list_chats']);
    });
  });
});

describe('Node entry', () => {
  it('opens at most 32 connections to an origin; more concurrent calls wait for one and all succeed', async () => {
    server.route('POST /v3.6/agent/action/list_chats', { json: { ok: true }, delay: 30 });
    const web = createNodeWebClient({ api: 'agent', apiUrl: server.url, tokenGetter: () => token() });
    const results = await Promise.all(Array.from({ length: 40 }, () => web.call('list_chats')));
    expect(results).toEqual(Array.from({ length: 40 }, () => ({ ok: true })));
    const ports = new Set(server.requests.map((r) => r.remotePort));
    expect(ports.size).toBeLessThanOrEqual(32);
    expect(ports.size).toBeGreaterThan(1);
  });

  it('a user fetch gets fetch(Request with URL and method, init with headers, body, signal)', async () => {
    const seen: [string, string, RequestInit | undefined][] = [];
    const web = createNodeWebClient({
      api: 'agent',
      apiUrl: server.url,
      tokenGetter: () => token(),
      fetch: async (input, init) => {
        seen.push([input.url, input.method, init]);
        return new Response('{"via":"user fetch"}');
      },
    });
    await expect(web.call('send_event', { chat_id: 'C' })).resolves.toEqual({ via: 'user fetch' });
    const [[url, method, init]] = seen as [[string, string, RequestInit]];
    expect([url, method]).toEqual([`${server.url}/v3.6/agent/action/send_event`, 'POST']);
    expect(init).toMatchObject({ method: 'POST', body: '{"chat_id":"C"}', redirect: 'manual' });
    expect(init.headers).toMatchObject({
      authorization: 'Bearer dal:access-token-1',
      'content-type': 'application/json',
    });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('a fetch that resolves with something that is not a response → ConnectionError', async () => {
    const web = createNodeWebClient({
      api: 'agent',
      apiUrl: server.url,
      tokenGetter: () => token(),
      retry: false,
      fetch: async () => undefined as unknown as Response,
    });
    await expect(web.call('list_chats')).rejects.toMatchObject({ name: 'ConnectionError', action: 'list_chats' });
  });

  it('sends clientId as User-Agent', async () => {
    server.route('POST /v3.6/agent/action/list_chats', { json: {} });
    await createNodeWebClient({
      api: 'agent',
      apiUrl: server.url,
      tokenGetter: () => token(),
      clientId: 'my-app',
    }).call('list_chats');
    expect(server.requests[0]!.headers['user-agent']).toBe('JS SDK Application my-app');
  });

  it('the default entry never sets User-Agent itself (a forbidden header in browsers)', async () => {
    server.route('POST /v3.6/agent/action/list_chats', { json: {} });
    await createDefaultWebClient({
      api: 'agent',
      apiUrl: server.url,
      tokenGetter: () => token(),
      clientId: 'my-app',
    }).call('list_chats');
    expect(server.requests[0]!.headers['user-agent']).not.toContain('my-app');
  });
});

describe('public types', () => {
  it('call is generic, defaults to unknown, and both entries share one signature', () => {
    const web = createDefaultWebClient({ api: 'agent', tokenGetter: () => token() });
    // Functions, never called: a call would go to the real platform.
    const untyped = () => web.call('list_chats');
    const typed = () => web.call<{ chats_summary: unknown[] }>('list_chats', {}, { signal: undefined, timeout: 5 });
    expectTypeOf(untyped).returns.toEqualTypeOf<Promise<unknown>>();
    expectTypeOf(typed).returns.toEqualTypeOf<Promise<{ chats_summary: unknown[] }>>();
    expectTypeOf(createNodeWebClient).toEqualTypeOf(createDefaultWebClient);
    // @ts-expect-error an unknown API is a compile error
    expect(() => createDefaultWebClient({ api: 'chat' })).toThrow(InputError);
  });

  it('the global fetch and the node fetch are both FetchLike', () => {
    expectTypeOf(globalThis.fetch).toMatchTypeOf<FetchLike>();
    expectTypeOf(createNodeFetch()).toEqualTypeOf<FetchLike>();
  });
});
