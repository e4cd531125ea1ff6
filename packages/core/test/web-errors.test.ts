import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  AuthorizationError,
  ConnectionError,
  createWebClient as createDefaultWebClient,
  HttpError,
  LcError,
  MisdirectedRequestError,
  NotFoundError,
  ResponseParseError,
  TimeoutError,
  TokenError,
  TooManyRequestsError,
  ValidationError,
  type Token,
  type WebClient,
  type WebClientOptions,
} from '../src/index.js';
import { createWebClient as createNodeWebClient } from '../src/node/entry.js';
import { startHttpServer, type HttpTestServer } from './helpers/http-server.js';

const transports = [
  { name: 'global fetch', create: createDefaultWebClient },
  { name: 'node:http fetch', create: createNodeWebClient },
] as const;

const SECRET = 'dal:SECRET-token-7f3a9c';
const token = (): Token => ({ accessToken: SECRET, tokenType: 'Bearer', organizationID: 'org-1' });

let server: HttpTestServer;
let refusedUrl: string;
beforeAll(async () => {
  server = await startHttpServer();
  // A port nobody listens on: bind, read the port, close.
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** The token must not appear anywhere a user could print or log an error. */
function expectNoSecret(err: unknown): void {
  const texts = [String(err), (err as Error).stack ?? '', JSON.stringify(err), (err as Error).message];
  for (let c = (err as { cause?: unknown }).cause; c !== undefined; c = (c as { cause?: unknown }).cause) {
    texts.push(String(c), (c as Error)?.stack ?? '');
    if (typeof c !== 'object' || c === null) break;
  }
  for (const text of texts) expect(text).not.toContain('SECRET-token');
}

describe.each(transports)('errors over $name', ({ create }) => {
  const client = (options: Partial<WebClientOptions> = {}): WebClient =>
    create({ api: 'agent', apiUrl: server.url, tokenGetter: token, retry: false, ...options });
  const fail = (web: WebClient, action = 'send_event', options = {}): Promise<unknown> =>
    web.call(action, { chat_id: 'C1' }, options).then(
      () => expect.fail('resolved'),
      (e: unknown) => e,
    );

  it.each([
    [401, 'authentication', AuthenticationError],
    [403, 'authorization', AuthorizationError],
    [400, 'validation', ValidationError],
    [404, 'not_found', NotFoundError],
    [429, 'too_many_requests', TooManyRequestsError],
    [421, 'misdirected_request', MisdirectedRequestError],
    [422, 'chat_inactive', ApiError],
  ] as const)(
    'HTTP %i {"error":{"type":"%s"}} → %o with status, action, data and lower-cased headers',
    async (status, type, Cls) => {
      server.route('POST /v3.6/agent/action/send_event', {
        status,
        json: { error: { type, message: `The ${type} message`, data: { region: 'fra' } } },
        headers: { 'X-Request-Id': 'req-42' },
      });
      const err = (await fail(client())) as ApiError;
      expect(err).toBeInstanceOf(Cls);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toBeInstanceOf(LcError);
      expect(err).toBeInstanceOf(Error);
      expect(err).toMatchObject({
        type,
        status,
        action: 'send_event',
        message: `The ${type} message`,
        data: { region: 'fra' },
      });
      expect(err.headers?.['x-request-id']).toBe('req-42');
      expect(err.headers?.['content-type']).toBe('application/json');
      if (err instanceof MisdirectedRequestError) expect(err.region).toBe('fra');
      expectNoSecret(err);
    },
  );

  it('an error body without a message uses its type', async () => {
    server.route('POST /v3.6/agent/action/send_event', { status: 500, json: { error: { type: 'internal' } } });
    const err = (await fail(client())) as ApiError;
    expect(err).toMatchObject({ name: 'ApiError', type: 'internal', status: 500, message: 'internal' });
  });

  it('a proxy 502 HTML page → HttpError with status, statusText and the first KiB of the body', async () => {
    const page = `<html><body>${'Bad gateway. '.repeat(300)}</body></html>`;
    server.route('POST /v3.6/agent/action/send_event', {
      status: 502,
      statusText: 'Bad Gateway',
      body: page,
      headers: { 'content-type': 'text/html' },
    });
    const err = (await fail(client())) as HttpError;
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 502, statusText: 'Bad Gateway', action: 'send_event' });
    expect(err.body).toBe(page.slice(0, 1024));
    expect(err.headers?.['content-type']).toBe('text/html');
    expect(err.message).toBe('HTTP 502 Bad Gateway (send_event)');
    expectNoSecret(err);
  });

  it('JSON that is not an error body, with an error status → HttpError', async () => {
    server.route('POST /v3.6/agent/action/send_event', { status: 500, json: { oops: true } });
    expect(await fail(client())).toBeInstanceOf(HttpError);
  });

  it('a redirect is not followed (a POST must not turn into a GET elsewhere): HttpError', async () => {
    server.route('POST /v3.6/agent/action/send_event', { status: 307, headers: { location: '/elsewhere' }, body: '' });
    server.route('/elsewhere', { json: { hijacked: true } });
    expect(await fail(client())).toMatchObject({ name: 'HttpError', status: 307 });
    expect(server.requests.map((r) => r.path)).toEqual(['/v3.6/agent/action/send_event']);
  });

  it('2xx with invalid JSON → ResponseParseError with status and body', async () => {
    server.route('POST /v3.6/agent/action/send_event', { status: 200, body: '{"truncated": ' });
    const err = (await fail(client())) as ResponseParseError;
    expect(err).toBeInstanceOf(ResponseParseError);
    expect(err).toMatchObject({ status: 200, body: '{"truncated": ', action: 'send_event' });
    expectNoSecret(err);
  });

  it('connection refused → ConnectionError with the cause', async () => {
    const err = (await fail(client({ apiUrl: refusedUrl }))) as ConnectionError;
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.action).toBe('send_event');
    expect(err.cause).toBeInstanceOf(Error);
    expect(err.message).toContain('ECONNREFUSED');
    expectNoSecret(err);
  });

  it('the server drops the connection → ConnectionError', async () => {
    server.route('POST /v3.6/agent/action/send_event', { destroy: true });
    expect(await fail(client())).toBeInstanceOf(ConnectionError);
  });

  it('the connection drops mid-body → ConnectionError', async () => {
    server.route('POST /v3.6/agent/action/send_event', { truncate: true, body: '{"long":"body that never ends"}' });
    const err = await fail(client());
    expect(err).toBeInstanceOf(ConnectionError);
    expectNoSecret(err);
  });

  it('no answer within the timeout → TimeoutError(timeout)', async () => {
    server.route('POST /v3.6/agent/action/send_event', { hang: true });
    const err = (await fail(client({ timeout: 50 }))) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ timeout: 50, action: 'send_event', message: 'No response within 50 ms (send_event)' });
    expectNoSecret(err);
  });

  it('the per-call timeout wins over the client timeout', async () => {
    server.route('POST /v3.6/agent/action/send_event', { hang: true });
    expect(await fail(client({ timeout: 60_000 }), 'send_event', { timeout: 30 })).toMatchObject({
      name: 'TimeoutError',
      timeout: 30,
    });
  });

  it('a request whose attempt timed out while the getter ran is never sent', async () => {
    server.route('POST /v3.6/agent/action/send_event', { json: {} });
    let release!: (t: Token) => void;
    const web = create({
      api: 'agent',
      apiUrl: server.url,
      tokenGetter: () => new Promise<Token>((resolve) => (release = resolve)),
      timeout: 30,
      retry: false,
      // A fetch that ignores signals would otherwise send it late.
      fetch: (input, init) => globalThis.fetch(input, { ...init, signal: null }),
    });
    expect(await fail(web)).toBeInstanceOf(TimeoutError);
    release(token());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
  });

  it('a token getter that never settles is bounded by the timeout too', async () => {
    const web = create({
      api: 'agent',
      apiUrl: server.url,
      tokenGetter: () => new Promise<Token>(() => {}),
      timeout: 30,
      retry: false,
    });
    expect(await fail(web)).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(0);
  });

  it("the caller's signal → AbortError whose cause is the signal's reason", async () => {
    server.route('POST /v3.6/agent/action/send_event', { hang: true });
    const controller = new AbortController();
    const pending = fail(client(), 'send_event', { signal: controller.signal });
    await server.waitForRequests(1);
    const reason = new Error('user navigated away');
    controller.abort(reason);
    const err = (await pending) as AbortError;
    expect(err).toBeInstanceOf(AbortError);
    expect(err.cause).toBe(reason);
    expect(err.action).toBe('send_event');
    expectNoSecret(err);
  });

  it('an already aborted signal rejects at once and sends nothing', async () => {
    const reason = new Error('already');
    const err = await fail(client(), 'send_event', { signal: AbortSignal.abort(reason) });
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it('a getter error never carries the token into the error', async () => {
    const web = create({
      api: 'agent',
      apiUrl: server.url,
      tokenGetter: () => ({ accessToken: `${SECRET}\u0100`, tokenType: 'Bearer', organizationID: 'o' }),
    });
    const err = await fail(web);
    expect(err).toBeInstanceOf(TokenError);
    expectNoSecret(err);
  });
});
