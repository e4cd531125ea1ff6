import { AbortError, InputError, NotFoundError, ValidationError, type Token } from '@lc/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Agent, AgentWeb, MAX_UPLOAD_BYTES } from '../src/index.js';
import { camel, methodsOf, samplePayload } from '../../../test-utils/chat-spec.js';
import { startHttp, type HttpServer } from '../../../test-utils/chat-servers.js';

const token: Token = { accessToken: 'agent-secret', organizationID: 'org-1', tokenType: 'Bearer' };
let server: HttpServer;
let web: AgentWeb;

beforeAll(async () => {
  server = await startHttp();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  server.reply = () => ({ body: {} });
  web = new AgentWeb(() => token, { apiUrl: server.url, retry: false });
});

const webMethods = methodsOf('agent', 'web').filter((m) => m.method !== 'upload_file');

describe('every documented Agent Web method', () => {
  it('covers the 35 documented actions', () => {
    expect(methodsOf('agent', 'web')).toHaveLength(35);
  });

  it.each(webMethods.map((m) => [m.method, m] as const))(
    '%s: POST /v3.6/agent/action/<name> with the payload unchanged',
    async (name, m) => {
      const payload = samplePayload(m);
      server.reply = () => ({ body: { answered: name } });
      const fn = (web as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)];
      expect(typeof fn).toBe('function');
      await expect(fn!.call(web, payload)).resolves.toEqual({ answered: name });
      expect(server.seen).toHaveLength(1);
      const seen = server.seen[0]!;
      expect(seen.method).toBe('POST');
      expect(seen.path).toBe(`/v3.6/agent/action/${name}`);
      expect(seen.body).toEqual(payload);
      expect(seen.headers.authorization).toBe('Bearer agent-secret');
    },
  );
});

describe('errors', () => {
  it('a platform error rejects the method with the typed ApiError for that action', async () => {
    server.reply = () => ({ status: 422, body: { error: { type: 'validation', message: 'Wrong format of request' } } });
    const error = await web.sendEvent({ chat_id: 'c', event: { type: 'message', text: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ type: 'validation', action: 'send_event', status: 422 });
    expect(JSON.stringify(error)).not.toContain('agent-secret');
    server.reply = () => ({ status: 404, body: { error: { type: 'not_found', message: 'Chat not found' } } });
    await expect(web.getChat({ chat_id: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('call()', () => {
  it('sends a known action like its method', async () => {
    await web.call('get_chat', { chat_id: 'c1' });
    expect(server.seen[0]).toMatchObject({ path: '/v3.6/agent/action/get_chat', body: { chat_id: 'c1' } });
  });

  it('reaches a 3.7 action with apiVersion in the options', async () => {
    server.reply = () => ({ body: { ok: 1 } });
    await expect(web.call('list_canned_responses_x', { limit: 1 }, { apiVersion: '3.7' })).resolves.toEqual({ ok: 1 });
    await web.call('list_chats', {}, { apiVersion: '3.7' });
    await web.listChats();
    expect(server.seen.map((s) => s.path)).toEqual([
      '/v3.7/agent/action/list_canned_responses_x',
      '/v3.7/agent/action/list_chats',
      '/v3.6/agent/action/list_chats',
    ]);
  });

  it('Agent.Web is the AgentWeb class', () => {
    expect(new Agent.Web(() => token)).toBeInstanceOf(AgentWeb);
    expect(Agent.RTM.name).toBe('AgentRTM');
  });
});

describe('pagination', () => {
  const pages = (seenPageIds: Array<string | undefined>) => (req: { body: unknown }) => {
    const pageId = (req.body as { page_id?: string }).page_id;
    seenPageIds.push(pageId);
    if (pageId === undefined) return { body: { chats_summary: [1], next_page_id: 'p2' } };
    if (pageId === 'p2') return { body: { chats_summary: [2], next_page_id: 'p3', previous_page_id: 'p1' } };
    return { body: { chats_summary: [3], previous_page_id: 'p2' } };
  };

  it('listChatsPages follows next_page_id over three pages, sending only page_id after the first', async () => {
    server.reply = pages([]);
    const got: unknown[] = [];
    for await (const page of web.listChatsPages({ filters: { active: true }, limit: 1, sort_order: 'asc' }))
      got.push(page.chats_summary);
    expect(got).toEqual([[1], [2], [3]]);
    expect(server.seen.map((s) => s.body)).toEqual([
      { filters: { active: true }, limit: 1, sort_order: 'asc' },
      { page_id: 'p2' },
      { page_id: 'p3' },
    ]);
    expect(server.seen.every((s) => s.path === '/v3.6/agent/action/list_chats')).toBe(true);
  });

  it('listThreadsPages keeps the required chat_id next to page_id', async () => {
    server.reply = pages([]);
    let n = 0;
    for await (const _ of web.listThreadsPages({ chat_id: 'c1', limit: 1, sort_order: 'desc' })) n++;
    expect(n).toBe(3);
    expect(server.seen.map((s) => s.body)).toEqual([
      { chat_id: 'c1', limit: 1, sort_order: 'desc' },
      { chat_id: 'c1', page_id: 'p2' },
      { chat_id: 'c1', page_id: 'p3' },
    ]);
  });

  it('listArchivesPages stops on a page without next_page_id', async () => {
    server.reply = () => ({ body: { chats: [], found_chats: 0 } });
    let n = 0;
    for await (const _ of web.listArchivesPages({ filters: { query: 'x' } })) n++;
    expect(n).toBe(1);
    expect(server.seen).toHaveLength(1);
  });

  it('stops with AbortError once the signal aborts between pages', async () => {
    server.reply = pages([]);
    const ac = new AbortController();
    const seen: unknown[] = [];
    const run = async () => {
      for await (const page of web.listChatsPages({}, { signal: ac.signal })) {
        seen.push(page);
        ac.abort();
      }
    };
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
    expect(server.seen).toHaveLength(1);
  });
});

describe('uploadFile (Node)', () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);

  async function received() {
    const seen = server.seen[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.path).toBe('/v3.6/agent/action/upload_file');
    expect(String(seen.headers['content-type'])).toMatch(/^multipart\/form-data; ?boundary=/);
    const form = await new Response(seen.raw as unknown as BodyInit, {
      headers: { 'content-type': String(seen.headers['content-type']) },
    }).formData();
    const file = form.get('file') as File;
    return { file, data: new Uint8Array(await file.arrayBuffer()), fields: [...form.keys()] };
  }

  beforeEach(() => {
    server.reply = () => ({ body: { url: 'https://cdn.example/file' } });
  });

  it('sends a Buffer as the multipart "file" field', async () => {
    await expect(web.uploadFile({ file: Buffer.from(bytes), filename: 'a.bin' })).resolves.toEqual({
      url: 'https://cdn.example/file',
    });
    const { file, data, fields } = await received();
    expect(fields).toEqual(['file']);
    expect(file.name).toBe('a.bin');
    expect(data).toEqual(bytes);
  });

  it('sends a Uint8Array', async () => {
    await web.uploadFile({ file: bytes });
    const { file, data } = await received();
    expect(file.name).toBe('file');
    expect(data).toEqual(bytes);
  });

  it('sends a Blob with its type, and a File with its name', async () => {
    await web.uploadFile({ file: new Blob([bytes], { type: 'image/png' }) });
    const first = await received();
    expect(first.data).toEqual(bytes);
    expect(first.file.type).toBe('image/png');
    server.seen.length = 0;
    await web.call('upload_file', { file: new File([bytes], 'photo.png', { type: 'image/png' }) });
    expect((await received()).file.name).toBe('photo.png');
  });

  it('refuses a file over 10 MB with InputError before any request', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    const error = await web.uploadFile({ file: big }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('file');
    expect((error as Error).message).toMatch(/10 MB/);
    await expect(web.uploadFile({ file: new Blob([big]) })).rejects.toBeInstanceOf(InputError);
    expect(server.seen).toHaveLength(0);
  });

  it('accepts exactly 10 MB', async () => {
    await web.uploadFile({ file: new Uint8Array(MAX_UPLOAD_BYTES) });
    expect((await received()).data.byteLength).toBe(MAX_UPLOAD_BYTES);
  });

  it('refuses something that is not a file', async () => {
    await expect(web.uploadFile({ file: 'not a file' as unknown as Blob })).rejects.toBeInstanceOf(InputError);
    expect(server.seen).toHaveLength(0);
  });
});
