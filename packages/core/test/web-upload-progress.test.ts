// Upload progress at the Web client: the call's own `transport` (how browsers get `xhrSend`) and
// the Node entry's node:http transport reporting bytes from the request stream, against a real
// HTTP server on port 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Token } from '../src/auth/index.js';
import { InputError } from '../src/errors/index.js';
import { createWebClient as createNodeWebClient } from '../src/node/entry.js';
import { createWebClient as createDefaultWebClient, type WebCallOptions } from '../src/web/index.js';
import type { Control, Send } from '../src/web/transport.js';
import { type HttpTestServer, startHttpServer } from './helpers/http-server.js';

let server: HttpTestServer;
beforeAll(async () => {
  server = await startHttpServer({
    'POST /v3.6/customer/action/upload_file': (req) => ({
      json: { url: 'https://cdn.example/f', size: req.body.length },
    }),
  });
});
afterAll(() => server.close());

const tokenGetter = (): Token => ({ accessToken: 'dal:t', organizationID: 'org', tokenType: 'Bearer' });
const form = (bytes: number): FormData => {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes).fill(97)]), 'a.bin');
  return body;
};

describe('upload progress', () => {
  it('the Node transport reports bytes sent from the request stream, the last one the whole body', async () => {
    const web = createNodeWebClient({ api: 'customer', tokenGetter, apiUrl: server.url });
    const reports: [number, number][] = [];
    const result = await web.call<{ size: number }>('upload_file', undefined, {
      body: form(300_000),
      onProgress: (sent, total) => reports.push([sent, total]),
    });
    const total = reports[0]![1];
    expect(reports.length).toBeGreaterThanOrEqual(5); // 64 KiB writes
    expect(reports.every(([, t]) => t === total)).toBe(true);
    expect(reports.at(-1)).toEqual([total, total]);
    expect(result.size).toBeGreaterThan(300_000);
  });

  it('a call can bring its own transport: it gets the base URL and the progress listener', async () => {
    const web = createDefaultWebClient({ api: 'customer', tokenGetter, apiUrl: `${server.url}/` });
    const seen: { base: string; control: Control }[] = [];
    const transport =
      (base: string): Send =>
      async (_method, _path, _headers, _body, control) => {
        seen.push({ base, control });
        control.onProgress?.(10, 10);
        return { status: 200, statusText: 'OK', text: '{"url":"u"}', headers: new Headers() };
      };
    const reports: number[] = [];
    await web.call('upload_file', undefined, { body: form(10), transport, onProgress: (sent) => reports.push(sent) });
    expect(seen.map((s) => s.base)).toEqual([server.url]);
    expect(reports).toEqual([10]);
  });

  it.each([
    ['onProgress', { onProgress: 'yes' }],
    ['transport', { transport: {} }],
  ])('a %s that is not a function is an InputError before anything is sent', async (field, options) => {
    const web = createNodeWebClient({ api: 'customer', tokenGetter, apiUrl: server.url });
    const before = server.requests.length;
    const error = await web
      .call('upload_file', undefined, { body: form(10), ...options } as unknown as WebCallOptions)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect(server.requests.length).toBe(before);
  });
});
