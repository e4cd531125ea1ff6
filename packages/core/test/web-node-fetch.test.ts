import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../src/node/index.js';
import { encodeQuery, normalizeApiUrl } from '../src/web/url.js';
import { startHttpServer, type HttpTestServer } from './helpers/http-server.js';

let server: HttpTestServer;
beforeAll(async () => {
  server = await startHttpServer({
    '/json': { json: { a: 1, text: 'żółw' }, headers: { 'X-Multi': ['one', 'two'], 'Set-Cookie': ['a=1', 'b=2'] } },
    '/echo': (req) => ({
      json: {
        method: req.method,
        body: req.body,
        type: req.headers['content-type'] ?? null,
        length: req.headers['content-length'] ?? null,
      },
    }),
    '/bom': { body: '\uFEFF{"bom":true}' },
    '/redirect': { status: 302, headers: { location: '/json' }, body: '' },
    '/hang': { hang: true },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('createNodeFetch', () => {
  const nodeFetch = createNodeFetch();

  it('resolves with a Response-compatible object', async () => {
    const res = await nodeFetch(new Request(`${server.url}/json`));
    expect(res).toMatchObject({
      ok: true,
      status: 200,
      statusText: 'OK',
      redirected: false,
      url: `${server.url}/json`,
    });
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('x-multi')).toBe('one, two');
    expect(res.headers.has('x-missing')).toBe(false);
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect([...res.headers.keys()]).toContain('content-type');
    const copy = res.clone();
    expect(await res.json()).toEqual({ a: 1, text: 'żółw' });
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toBeInstanceOf(TypeError);
    expect(new TextDecoder().decode(await copy.arrayBuffer())).toBe('{"a":1,"text":"żółw"}');
  });

  it('accepts a string URL with init (method, headers, string body) and sets Content-Length', async () => {
    const res = await nodeFetch(`${server.url}/echo` as unknown as Request, {
      method: 'post',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '999' },
      body: '{"x":"ü"}',
    });
    expect(await res.json()).toEqual({ method: 'POST', body: '{"x":"ü"}', type: 'application/json', length: '10' });
  });

  it('reads a body carried by the Request itself', async () => {
    const res = await nodeFetch(
      new Request(`${server.url}/echo`, {
        method: 'PUT',
        body: 'stream body',
        headers: { 'content-type': 'text/plain' },
      }),
    );
    expect(await res.json()).toMatchObject({ method: 'PUT', body: 'stream body', type: 'text/plain' });
  });

  it('encodes URLSearchParams, bytes and FormData bodies', async () => {
    const form = new URLSearchParams({ a: '1 2' });
    expect(
      await (await nodeFetch(new Request(`${server.url}/echo`), { method: 'POST', body: form })).json(),
    ).toMatchObject({
      body: 'a=1+2',
      type: 'application/x-www-form-urlencoded;charset=UTF-8',
    });
    expect(
      await (
        await nodeFetch(new Request(`${server.url}/echo`), { method: 'POST', body: new TextEncoder().encode('bytes') })
      ).json(),
    ).toMatchObject({
      body: 'bytes',
      length: '5',
    });
    const multipart = new FormData();
    multipart.append('file', new Blob(['data']), 'f.bin');
    const echoed = (await (
      await nodeFetch(new Request(`${server.url}/echo`), { method: 'POST', body: multipart })
    ).json()) as { type: string; body: string };
    expect(echoed.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(echoed.body).toContain('filename="f.bin"');
  });

  it('strips a UTF-8 byte order mark in text()', async () => {
    expect(await (await nodeFetch(new Request(`${server.url}/bom`))).json()).toEqual({ bom: true });
  });

  it('does not follow redirects', async () => {
    const res = await nodeFetch(new Request(`${server.url}/redirect`));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/json');
  });

  it('rejects like fetch: TypeError("fetch failed") with the network error as cause', async () => {
    const err = await nodeFetch(new Request('http://127.0.0.1:1/x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('fetch failed');
    expect(((err as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
    await expect(nodeFetch(new Request('ftp://x/y'))).rejects.toThrow(/unsupported protocol/);
  });

  it("rejects with the signal's reason on abort, before or during the request", async () => {
    await expect(nodeFetch(new Request(`${server.url}/hang`), { signal: AbortSignal.abort('early') })).rejects.toBe(
      'early',
    );
    const controller = new AbortController();
    const pending = nodeFetch(new Request(`${server.url}/hang`), { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort('late');
    await expect(pending).rejects.toBe('late');
  });

  it('an abort while the body is being encoded sends nothing', async () => {
    const controller = new AbortController();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(1 << 20)]), 'big.bin');
    const pending = nodeFetch(new Request(`${server.url}/echo`, { method: 'POST' }), {
      method: 'POST',
      body: form,
      signal: controller.signal,
    });
    controller.abort('while encoding');
    await expect(pending).rejects.toBe('while encoding');
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });

  it('keeps connections alive: sequential requests share one socket', async () => {
    const own = createNodeFetch();
    for (let i = 0; i < 3; i++) await (await own(new Request(`${server.url}/json`))).text();
    const ports = new Set(server.requests.map((r) => r.remotePort));
    expect(server.requests).toHaveLength(3);
    expect(ports.size).toBe(1);
  });

  it('sends a Request with a JSON body and reads any status as a Response (the way the Web client calls it)', async () => {
    const echoed = await nodeFetch(new Request(`${server.url}/echo`, { method: 'POST' }), {
      headers: { 'content-type': 'application/json' },
      body: '{"via":"request"}',
    });
    await expect(echoed.json()).resolves.toMatchObject({
      method: 'POST',
      body: '{"via":"request"}',
      type: 'application/json',
    });
    const notFound = await nodeFetch(new Request(`${server.url}/nope`));
    expect(notFound.status).toBe(404);
    await expect(notFound.json()).resolves.toMatchObject({ error: { type: 'not_found' } });
  });
});

describe('URL helpers', () => {
  it.each([
    [undefined, 'https://api.livechatinc.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['127.0.0.1:8080', 'https://127.0.0.1:8080'],
    ['api.example.com/', 'https://api.example.com'],
    ['https://proxy.example.com/lc//', 'https://proxy.example.com/lc'],
  ])('normalizeApiUrl(%j) = %s', (input, expected) => {
    expect(normalizeApiUrl(input)).toBe(expected);
  });

  it.each([
    [{ a: 1, b: 'x y', c: true }, 'a=1&b=x%20y&c=true'],
    [{ ids: ['1', '2'] }, 'ids=1&ids=2'],
    [
      { filters: { from: '2030-01-01', agents: { values: ['a@b.c'] } } },
      'filters.from=2030-01-01&filters.agents.values=a%40b.c',
    ],
    [{ list: [{ id: 1 }, { id: 2 }] }, 'list.0.id=1&list.1.id=2'],
    [{ 'we ird': '&=?#' }, 'we%20ird=%26%3D%3F%23'],
    [{ when: new Date(Date.UTC(2030, 0, 1)) }, 'when=2030-01-01T00%3A00%3A00.000Z'],
    [{ u: undefined, n: null, e: [], o: {} }, ''],
  ])('encodeQuery(%j) = %s', (params, expected) => {
    expect(encodeQuery(params)).toBe(expected);
  });

  it('a function in the query is an InputError naming its path', () => {
    expect(() => encodeQuery({ a: { b: () => 1 } })).toThrow(
      expect.objectContaining({ name: 'InputError', field: 'a.b' }),
    );
  });
});

describe('createNodeFetch and hostile URLs or responses', () => {
  it('refuses a URL with credentials, like the global fetch, and sends nothing anywhere', async () => {
    const nodeFetch = createNodeFetch();
    const other = await startHttpServer({ '/y': { json: { from: 'other' } } });
    await expect(
      nodeFetch(`http://u:p@127.0.0.1:${new URL(server.url).port}/json` as unknown as Request),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(
      nodeFetch(`http://u:p@localhost:${new URL(other.url).port}/y` as unknown as Request),
    ).rejects.toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
    expect(other.requests).toHaveLength(0);
    await other.close();
  });

  // Moves 64 MiB through a real socket: slow on a loaded 2-core machine, so it gets more than the default 5 s.
  it('fails a response body over 64 MiB instead of buffering it all', async () => {
    const { createServer } = await import('node:http');
    const big = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 70 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await new Promise<void>((r) => big.listen(0, '127.0.0.1', r));
    const port = (big.address() as { port: number }).port;
    const err = await createNodeFetch()(`http://127.0.0.1:${port}/` as unknown as Request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(String((err as Error).cause)).toMatch(/over 64 MiB/);
    big.closeAllConnections();
    await new Promise((r) => big.close(r));
  }, 30_000);
});
