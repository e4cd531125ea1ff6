import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  AbortError,
  ApiError,
  ConnectionError,
  createWebClient as createDefaultWebClient,
  HttpError,
  TimeoutError,
  TooManyRequestsError,
  type Token,
  type WebClientOptions,
} from '../src/index.js';
import { createWebClient as createNodeWebClient } from '../src/node/entry.js';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  NO_RETRY_POLICY,
  parseRetryAfter,
  retryDelay,
  retryPolicyFrom,
} from '../src/web/retry.js';
import { decodeWire } from '../src/wire/index.js';
import { startHttpServer, type HttpTestServer, type Reply } from './helpers/http-server.js';
import { WIRE } from './helpers/wire.js';

const realSetTimeout = globalThis.setTimeout;
const transports = [
  { name: 'global fetch', create: createDefaultWebClient },
  { name: 'node:http fetch', create: createNodeWebClient },
] as const;

// Distinct from every delay the fetch implementations schedule themselves (undici: 499, 1000, 3000 ms).
const TIMEOUT = 600_000;
const tooMany = (headers: Record<string, string> = {}): Reply => ({
  status: 429,
  json: { error: { type: 'too_many_requests', message: 'Too many requests' } },
  headers,
});
const ok: Reply = { json: { ok: true } };

describe('retry policy (pure)', () => {
  const ctx = { readOnly: false, retries: 0, now: 0, random: 0.5 };
  const api = (type: string, status: number, headers: Record<string, string> = {}) =>
    new ApiError({ type, message: '' }, { status, headers });
  const http = (status: number, headers: Record<string, string> = {}) =>
    new HttpError({ status, statusText: '', body: '', headers });

  it.each([
    ['too_many_requests (any status), write', api('too_many_requests', 400), false, 375],
    ['HTTP 429, write', http(429), false, 375],
    ['HTTP 503, write', http(503), false, 375],
    ['HTTP 500, write', http(500), false, undefined],
    ['HTTP 500, read', http(500), true, 375],
    ['HTTP 502 API error, read', api('internal', 502), true, 375],
    ['HTTP 502 API error, write', api('internal', 502), false, undefined],
    ['validation 400, read', api('validation', 400), true, undefined],
    ['network error, write', new ConnectionError('x'), false, undefined],
    ['network error, read', new ConnectionError('x'), true, 375],
    ['timeout, write', new TimeoutError(1), false, undefined],
    ['timeout, read', new TimeoutError(1), true, 375],
    ['abort, read', new AbortError(), true, undefined],
    ['a foreign error, read', new Error('x'), true, undefined],
  ] as const)('%s → %s', (_, error, readOnly, expected) => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, error, { ...ctx, readOnly })).toBe(expected);
  });

  it('gives up after the limit', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, http(429), { ...ctx, retries: 1 })).toBe(750);
    expect(retryDelay(DEFAULT_RETRY_POLICY, http(429), { ...ctx, retries: 2 })).toBeUndefined();
    expect(retryDelay(NO_RETRY_POLICY, http(429), ctx)).toBeUndefined();
  });

  it('honours Retry-After (seconds or HTTP date) without jitter, and refuses one over the cap', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, http(429, { 'retry-after': '7' }), ctx)).toBe(7000);
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(
      retryDelay(DEFAULT_RETRY_POLICY, http(503, { 'retry-after': 'Tue, 01 Jan 2030 00:00:09 GMT' }), { ...ctx, now }),
    ).toBe(9000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, http(429, { 'retry-after': '61' }), ctx)).toBeUndefined();
    expect(retryDelay(DEFAULT_RETRY_POLICY, http(429, { 'retry-after': 'soon' }), ctx)).toBe(375);
    // Retry-After never makes a write retryable on a status that is not.
    expect(retryDelay(DEFAULT_RETRY_POLICY, http(500, { 'retry-after': '1' }), ctx)).toBeUndefined();
  });

  it('parseRetryAfter', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 2 ', now)).toBe(2000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('tomorrow-ish', now)).toBeUndefined();
  });

  it('backoff doubles, is capped, and jitters within [50 %, 100 %]', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(DEFAULT_RETRY_POLICY, n, 1))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect([0, 1, 2].map((n) => backoffDelay(DEFAULT_RETRY_POLICY, n, 0))).toEqual([250, 500, 1000]);
  });

  it('retryPolicyFrom', () => {
    expect(retryPolicyFrom(undefined)).toBe(DEFAULT_RETRY_POLICY);
    expect(retryPolicyFrom(false).limit).toBe(0);
    expect(retryPolicyFrom({ limit: 5, maxRetryAfter: 1000 })).toMatchObject({
      limit: 5,
      maxRetryAfter: 1000,
      baseDelay: 500,
    });
    expect(() => retryPolicyFrom({ limit: 1.5 })).toThrow(expect.objectContaining({ field: 'retry.limit' }));
  });

  it.each([
    ['agent', 'list_chats', true],
    ['agent', 'get_chat', true],
    ['agent', 'send_event', false],
    ['customer', 'check_goals', false],
    ['configuration', 'list_agents', true],
    ['reports', 'chats/duration', true],
  ])("%s %s read-only in the package's wire table: %s", (apiName, action, expected) => {
    const flags = decodeWire(WIRE[apiName as keyof typeof WIRE].versions['3.6']).get(action)?.[0];
    expect(flags?.includes('s')).toBe(expected);
  });
});

describe.each(transports)('retrying over $name (fake timers)', ({ create }) => {
  let server: HttpTestServer;
  let timeouts: MockInstance<typeof setTimeout>;
  let seen = 0;
  const getter = vi.fn((): Token => ({ accessToken: 'tok', tokenType: 'Bearer', organizationID: 'org' }));
  const client = (options: Partial<WebClientOptions> = {}) =>
    create({ api: 'agent', apiUrl: server.url, tokenGetter: getter, timeout: TIMEOUT, wire: WIRE.agent, ...options });

  /** Real-time poll (fake timers do not move it). */
  async function until(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 400; i++) {
      if (condition()) return;
      await new Promise((resolve) => realSetTimeout(resolve, 5));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  /** Waits until the client schedules a timer of exactly `ms` (its backoff), then checks it is respected. */
  async function expectWait(ms: number): Promise<void> {
    await until(() => timeouts.mock.calls.slice(seen).some((c) => c[1] === ms), `a ${ms} ms backoff`);
    seen = timeouts.mock.calls.length;
    const attempts = getter.mock.calls.length;
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(getter).toHaveBeenCalledTimes(attempts); // not a millisecond early
    await vi.advanceTimersByTimeAsync(1);
    await until(() => getter.mock.calls.length === attempts + 1, 'the next attempt');
  }

  beforeAll(async () => {
    server = await startHttpServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    timeouts = vi.spyOn(globalThis, 'setTimeout');
    seen = 0;
    getter.mockClear();
    server.requests.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('too_many_requests is retried with exponential backoff + jitter, even for a write, re-asking the token', async () => {
    server.route('POST /v3.6/agent/action/send_event', [tooMany(), tooMany(), ok]);
    const result = client().call('send_event', { chat_id: 'C' });
    await expectWait(375); // 500 ms * (0.5 + 0.5 * 0.5)
    await expectWait(750);
    await expect(result).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    expect(getter).toHaveBeenCalledTimes(3);
  });

  it('gives up after the limit with the last error', async () => {
    server.route('POST /v3.6/agent/action/send_event', tooMany());
    const result = client({ retry: { limit: 1 } }).call('send_event', {});
    const settled = result.catch((e: unknown) => e);
    await expectWait(375);
    expect(await settled).toBeInstanceOf(TooManyRequestsError);
    expect(server.requests).toHaveLength(2);
  });

  it('Retry-After in seconds is honoured exactly', async () => {
    server.route('POST /v3.6/agent/action/send_event', [tooMany({ 'Retry-After': '2' }), ok]);
    const result = client().call('send_event', {});
    await expectWait(2000);
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('Retry-After as an HTTP date on a 503 HTML page is honoured', async () => {
    server.route('POST /v3.6/agent/action/send_event', [
      {
        status: 503,
        body: '<h1>down</h1>',
        headers: { 'content-type': 'text/html', 'retry-after': 'Tue, 01 Jan 2030 00:00:05 GMT' },
      },
      ok,
    ]);
    const result = client().call('send_event', {});
    await expectWait(5000);
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('a Retry-After beyond maxRetryAfter rejects at once instead of waiting', async () => {
    server.route('POST /v3.6/agent/action/list_chats', tooMany({ 'retry-after': '3' }));
    const err = await client({ retry: { maxRetryAfter: 2000 } })
      .call('list_chats')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooManyRequestsError);
    expect(server.requests).toHaveLength(1);
  });

  it('a write is NOT retried on 500', async () => {
    server.route('POST /v3.6/agent/action/send_event', [
      { status: 500, json: { error: { type: 'internal', message: 'x' } } },
      ok,
    ]);
    await expect(client().call('send_event', {})).rejects.toMatchObject({ name: 'ApiError', status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it('a read is retried on 500 and 502', async () => {
    server.route('POST /v3.6/agent/action/list_chats', [
      { status: 500, json: { error: { type: 'internal', message: 'x' } } },
      { status: 502, body: 'bad gateway' },
      ok,
    ]);
    const result = client().call('list_chats');
    await expectWait(375);
    await expectWait(750);
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('idempotent:true makes a write retryable; idempotent:false makes a read a write', async () => {
    server.route('POST /v3.6/agent/action/update_agent', [{ status: 500, body: '' }, ok]);
    const result = client().call('update_agent', {}, { idempotent: true });
    await expectWait(375);
    await expect(result).resolves.toEqual({ ok: true });

    server.route('POST /v3.6/agent/action/list_chats', [{ status: 500, body: '' }, ok]);
    await expect(client().call('list_chats', {}, { idempotent: false })).rejects.toBeInstanceOf(HttpError);
  });

  it('a write that timed out is NOT re-sent', async () => {
    server.route('POST /v3.6/agent/action/send_event', [{ hang: true }, ok]);
    const settled = client({ timeout: 20_000 })
      .call('send_event', {})
      .catch((e: unknown) => e);
    await server.waitForRequests(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await settled).toMatchObject({ name: 'TimeoutError', timeout: 20_000 });
    await new Promise((resolve) => realSetTimeout(resolve, 30));
    expect(server.requests).toHaveLength(1);
  });

  it('a read that timed out is retried', async () => {
    server.route('POST /v3.6/agent/action/get_chat', [{ hang: true }, ok]);
    const result = client({ timeout: 20_000 }).call('get_chat', { chat_id: 'C' });
    await server.waitForRequests(1);
    await vi.advanceTimersByTimeAsync(20_000);
    await expectWait(375);
    await expect(result).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('a dropped connection is retried for a read, not for a write', async () => {
    server.route('POST /v3.6/agent/action/list_chats', [{ destroy: true }, ok]);
    const read = client().call('list_chats');
    await expectWait(375);
    await expect(read).resolves.toEqual({ ok: true });

    server.route('POST /v3.6/agent/action/send_event', [{ destroy: true }, ok]);
    server.requests.length = 0;
    await expect(client().call('send_event', {})).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('retry:false never retries', async () => {
    server.route('POST /v3.6/agent/action/list_chats', [tooMany(), ok]);
    await expect(client({ retry: false }).call('list_chats')).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(server.requests).toHaveLength(1);
  });

  it('an abort during the backoff rejects at once with AbortError and sends nothing more', async () => {
    server.route('POST /v3.6/agent/action/send_event', [tooMany({ 'retry-after': '30' }), ok]);
    const controller = new AbortController();
    const settled = client()
      .call('send_event', {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    await until(() => timeouts.mock.calls.some((c) => c[1] === 30_000), 'the backoff');
    controller.abort('stop');
    const err = await settled;
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toBe('stop');
    expect(server.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(2); // our backoff timer was cleared (undici may keep its own)
  });
});
