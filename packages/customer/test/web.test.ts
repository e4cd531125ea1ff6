import { AbortError, InputError, type Token } from '@lc/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Customer, CustomerWeb, MAX_UPLOAD_BYTES } from '../src/index.js';
import { camel, methodsOf, samplePayload } from '../../../test-utils/chat-spec.js';
import { startHttp, type HttpServer } from '../../../test-utils/chat-servers.js';

const token: Token = { accessToken: 'customer-secret', organizationID: 'org-1', tokenType: 'Bearer' };
let server: HttpServer;
let web: CustomerWeb;

beforeAll(async () => {
  server = await startHttp();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  server.reply = () => ({ body: {} });
  web = new CustomerWeb(() => token, { apiUrl: server.url, retry: false });
});

const all = methodsOf('customer', 'web').filter((m) => m.method !== 'upload_file');
const GET = new Set([
  'get_dynamic_configuration',
  'get_configuration',
  'get_localization',
  'list_license_properties',
  'list_group_properties',
]);

describe('every documented Customer Web method', () => {
  it('covers the 36 documented actions, five of them GET', () => {
    expect(methodsOf('customer', 'web')).toHaveLength(36);
    expect(
      methodsOf('customer', 'web')
        .filter((m) => m.http?.method === 'GET')
        .map((m) => m.method)
        .sort(),
    ).toEqual([...GET].sort());
  });

  it.each(all.filter((m) => !GET.has(m.method)).map((m) => [m.method, m] as const))(
    '%s: POST /v3.6/customer/action/<name>?organization_id=… with the payload unchanged',
    async (name, m) => {
      const payload = samplePayload(m);
      server.reply = () => ({ body: { answered: name } });
      const fn = (web as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)];
      expect(typeof fn).toBe('function');
      await expect(fn!.call(web, payload)).resolves.toEqual({ answered: name });
      expect(server.seen).toHaveLength(1);
      const seen = server.seen[0]!;
      expect(seen.method).toBe('POST');
      expect(seen.path).toBe(`/v3.6/customer/action/${name}`);
      expect(seen.query.get('organization_id')).toBe('org-1');
      expect(seen.body).toEqual(payload);
      expect(seen.headers.authorization).toBe('Bearer customer-secret');
    },
  );

  it.each(all.filter((m) => GET.has(m.method)).map((m) => [m.method, m] as const))(
    '%s: GET with the payload in the query string',
    async (name, m) => {
      const payload = samplePayload(m);
      expect(Object.keys(payload).length).toBeGreaterThan(0);
      server.reply = () => ({ body: { answered: name } });
      const fn = (web as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)];
      await expect(fn!.call(web, payload)).resolves.toEqual({ answered: name });
      const seen = server.seen[0]!;
      expect(seen.method).toBe('GET');
      expect(seen.path).toBe(`/v3.6/customer/action/${name}`);
      expect(seen.raw.length).toBe(0);
      expect(seen.query.get('organization_id')).toBe('org-1');
      for (const [key, value] of Object.entries(payload)) expect(seen.query.get(key)).toBe(String(value));
    },
  );
});

describe('call()', () => {
  it('reaches a 3.7 action with apiVersion in the options', async () => {
    await web.call('request_welcome_message', { group_id: 0 }, { apiVersion: '3.7' });
    await web.call('totally_new_action', {});
    expect(server.seen.map((s) => `${s.method} ${s.path}?${s.query}`)).toEqual([
      'POST /v3.7/customer/action/request_welcome_message?organization_id=org-1',
      'POST /v3.6/customer/action/totally_new_action?organization_id=org-1',
    ]);
  });

  it('Customer.Web is the CustomerWeb class', () => {
    expect(new Customer.Web(() => token)).toBeInstanceOf(CustomerWeb);
  });
});

describe('pagination', () => {
  beforeEach(() => {
    server.reply = (req) => {
      const id = (req.body as { page_id?: string }).page_id;
      if (id === undefined) return { body: { chats_summary: ['a'], next_page_id: 'p2', total_chats: 3 } };
      if (id === 'p2') return { body: { chats_summary: ['b'], next_page_id: 'p3', total_chats: 3 } };
      return { body: { chats_summary: ['c'], total_chats: 3 } };
    };
  });

  it('listChatsPages: three pages, only page_id after the first', async () => {
    const got: unknown[] = [];
    for await (const page of web.listChatsPages({ limit: 1, sort_order: 'asc' })) got.push(page.chats_summary);
    expect(got).toEqual([['a'], ['b'], ['c']]);
    expect(server.seen.map((s) => s.body)).toEqual([
      { limit: 1, sort_order: 'asc' },
      { page_id: 'p2' },
      { page_id: 'p3' },
    ]);
    expect(server.seen.every((s) => s.query.get('organization_id') === 'org-1')).toBe(true);
  });

  it('listThreadsPages keeps chat_id', async () => {
    for await (const _ of web.listThreadsPages({ chat_id: 'c9', limit: 1 }));
    expect(server.seen.map((s) => s.body)).toEqual([
      { chat_id: 'c9', limit: 1 },
      { chat_id: 'c9', page_id: 'p2' },
      { chat_id: 'c9', page_id: 'p3' },
    ]);
  });

  it('…Pages with a payload that is not an object: InputError, nothing sent', async () => {
    const error = await web
      .listThreadsPages('chat-1' as never)
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(server.seen).toHaveLength(0);
  });

  it('an aborted signal stops before the next page', async () => {
    const ac = new AbortController();
    const error = await (async () => {
      for await (const _ of web.listChatsPages({}, { signal: ac.signal })) ac.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(server.seen).toHaveLength(1);
  });
});

describe('uploadFile (Node)', () => {
  const bytes = Uint8Array.from([1, 2, 3, 4, 200]);
  beforeEach(() => {
    server.reply = () => ({ body: { url: 'https://cdn.example/f' } });
  });

  async function file() {
    const seen = server.seen.at(-1)!;
    expect(seen.path).toBe('/v3.6/customer/action/upload_file');
    expect(seen.query.get('organization_id')).toBe('org-1');
    const form = await new Response(seen.raw as unknown as BodyInit, {
      headers: { 'content-type': String(seen.headers['content-type']) },
    }).formData();
    return new Uint8Array(await (form.get('file') as File).arrayBuffer());
  }

  it('sends a Buffer, a Uint8Array and a Blob as the multipart "file" field', async () => {
    await expect(web.uploadFile({ file: Buffer.from(bytes) })).resolves.toEqual({ url: 'https://cdn.example/f' });
    expect(await file()).toEqual(bytes);
    await web.uploadFile({ file: bytes });
    expect(await file()).toEqual(bytes);
    await web.uploadFile({ file: new Blob([bytes]) });
    expect(await file()).toEqual(bytes);
  });

  it('refuses more than 10 MB before sending', async () => {
    await expect(web.uploadFile({ file: Buffer.alloc(MAX_UPLOAD_BYTES + 1) })).rejects.toBeInstanceOf(InputError);
    expect(server.seen).toHaveLength(0);
  });
});
