import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConnectionError,
  HttpError,
  InputError,
  LcError,
  ResponseParseError,
  TimeoutError,
  TokenError,
  createWebClient,
  type FetchLike,
} from '@lc/core';
import { AccountsError, tokenGetterFromPAT } from '../src/index.js';
import { everyRendering, startServer, type AccountsServer } from './server.js';

const ACCOUNT = 'd24fa41e-bc16-41b8-a15b-9ca45ff7e0cf';
const PAT = 'fra:Xq2-pat-SECRET-ążę-9f8e7d';
const BASIC = Buffer.from(`${ACCOUNT}:${PAT}`, 'utf8').toString('base64');
const ORG = '390e44e6-f1e6-4368-b6dd-74g14508c2ex';

let server: AccountsServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  server.reply = () => ({ json: { organization_id: ORG, name: 'Org' } });
});

const lookups = (): number => server.seen.filter((r) => r.path === '/v2/organizations/my').length;
const patGetter = (options: Parameters<typeof tokenGetterFromPAT>[2] = {}) =>
  tokenGetterFromPAT(ACCOUNT, PAT, { accountsUrl: server.url, ...options });

describe('tokenGetterFromPAT', () => {
  it('returns a Basic token: base64 of the UTF-8 "accountId:pat", with the organization from the accounts service', async () => {
    const token = await patGetter()();
    expect(token).toEqual({ accessToken: BASIC, organizationID: ORG, region: undefined, tokenType: 'Basic' });
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({ method: 'GET', path: '/v2/organizations/my' });
    expect(server.seen[0]!.headers.authorization).toBe(`Basic ${BASIC}`);
  });

  it('looks the organization up lazily (not at construction) and only once', async () => {
    const getter = patGetter();
    expect(lookups()).toBe(0);
    await getter();
    await getter();
    await getter();
    expect(lookups()).toBe(1);
  });

  it('makes exactly one lookup for 20 concurrent first calls', async () => {
    server.reply = () => ({ json: { organization_id: ORG }, delay: 50 });
    const getter = patGetter();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => getter()));
    expect(lookups()).toBe(1);
    expect(new Set(tokens.map((t) => t.organizationID))).toEqual(new Set([ORG]));
  });

  it('retries the lookup on the next call after a failure', async () => {
    let calls = 0;
    server.reply = () =>
      ++calls === 1 ? { status: 503, text: '<html>unavailable</html>' } : { json: { organization_id: ORG } };
    const getter = patGetter();
    await expect(getter()).rejects.toBeInstanceOf(HttpError);
    await expect(getter()).resolves.toMatchObject({ organizationID: ORG });
    await getter();
    expect(lookups()).toBe(2);
  });

  it('all concurrent callers of a failed lookup reject, and the next call looks up again', async () => {
    server.reply = () => ({
      status: 401,
      json: { error: 'unauthorized', error_description: 'Invalid credentials' },
      delay: 20,
    });
    const getter = patGetter();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => getter()));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(lookups()).toBe(1);
    server.reply = () => ({ json: { organization_id: ORG } });
    await expect(getter()).resolves.toMatchObject({ organizationID: ORG });
    expect(lookups()).toBe(2);
  });

  it('uses the region option, else a region the accounts service sends', async () => {
    await expect(patGetter({ region: 'fra' })()).resolves.toMatchObject({ region: 'fra' });
    server.reply = () => ({ json: { organization_id: ORG, region: 'dal' } });
    await expect(patGetter()()).resolves.toMatchObject({ region: 'dal' });
  });

  it('makes no lookup when organizationId is given', async () => {
    await expect(patGetter({ organizationId: ORG, region: 'dal' })()).resolves.toEqual({
      accessToken: BASIC,
      organizationID: ORG,
      region: 'dal',
      tokenType: 'Basic',
    });
    expect(server.seen).toHaveLength(0);
  });

  it('a 2xx answer without organization_id is an AccountsError (invalid_response)', async () => {
    server.reply = () => ({ json: { name: 'Org' } });
    await expect(patGetter()()).rejects.toMatchObject({ name: 'AccountsError', type: 'invalid_response' });
    server.reply = () => ({ text: 'not json' });
    await expect(patGetter()()).rejects.toBeInstanceOf(ResponseParseError);
  });

  it('a Web client sends the PAT as "Authorization: Basic ..." to the API', async () => {
    const web = createWebClient({
      api: 'configuration',
      tokenGetter: patGetter(),
      apiUrl: server.url,
      fetch: (i, n) => fetch(i, n),
    });
    server.reply = (req) => ({ json: req.path.startsWith('/v2/') ? { organization_id: ORG } : [] });
    await web.call('list_agents', {});
    expect(server.seen.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/v2/organizations/my', `Basic ${BASIC}`],
      ['/v3.6/configuration/action/list_agents', `Basic ${BASIC}`],
    ]);
  });

  it('rejects bad arguments with InputError that never shows the PAT', () => {
    for (const [account, pat] of [
      ['', PAT],
      ['acc:ount', PAT],
      [ACCOUNT, ''],
      [ACCOUNT, `${PAT}\n`],
      [42, PAT],
    ] as const) {
      let error: unknown;
      try {
        tokenGetterFromPAT(account as string, pat, { accountsUrl: server.url });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect(everyRendering(error)).not.toContain(PAT);
    }
    expect(() => tokenGetterFromPAT(ACCOUNT, PAT, { accountsUrl: 'ftp://x' })).toThrow(InputError);
    expect(() => tokenGetterFromPAT(ACCOUNT, PAT, { region: 'd a l' })).toThrow(InputError);
  });
});

describe('no PAT (nor its base64) in any error', () => {
  // A hostile or buggy accounts service that echoes the credentials back.
  const echo = `echo: ${PAT} / Basic ${BASIC}`;
  const cases: Array<
    [string, () => void, (e: unknown) => boolean, Partial<Parameters<typeof tokenGetterFromPAT>[2]>?]
  > = [
    [
      'an error body',
      () =>
        (server.reply = () => ({
          status: 401,
          json: { error: 'unauthorized', error_description: echo, request_id: echo },
        })),
      (e) => e instanceof AccountsError,
    ],
    [
      'a non-JSON error page',
      () => (server.reply = () => ({ status: 500, text: `<html>${echo}</html>` })),
      (e) => e instanceof HttpError,
    ],
    [
      'an unreadable answer',
      () => (server.reply = () => ({ text: `<html>${echo}</html>` })),
      (e) => e instanceof ResponseParseError,
    ],
    ['a timeout', () => (server.reply = () => ({ hang: true })), (e) => e instanceof TimeoutError, { timeout: 50 }],
    [
      'a refused connection',
      () => undefined,
      (e) => e instanceof ConnectionError,
      { accountsUrl: 'http://127.0.0.1:1' },
    ],
  ];

  it.each(cases)('%s', async (_name, arrange, isExpected, options) => {
    arrange();
    const getter = patGetter(options ?? {});
    const error = await getter().catch((e: unknown) => e);
    expect(isExpected(error)).toBe(true);
    expect(error).toBeInstanceOf(LcError);
    const text = everyRendering(error);
    expect(text).not.toContain(PAT);
    expect(text).not.toContain(BASIC);

    // ... and through a Web client, which wraps the getter's failure in a TokenError.
    const web = createWebClient({
      api: 'configuration',
      tokenGetter: getter,
      apiUrl: server.url,
      fetch: (i, n) => fetch(i, n),
    });
    const wrapped = await web.call('list_agents', {}).catch((e: unknown) => e);
    expect(wrapped).toBeInstanceOf(TokenError);
    expect(everyRendering(wrapped)).not.toContain(PAT);
    expect(everyRendering(wrapped)).not.toContain(BASIC);
  });

  it('the getter itself does not reveal the PAT when printed', () => {
    const getter = patGetter();
    expect(String(getter)).not.toContain(PAT);
    expect(JSON.stringify({ getter })).not.toContain(PAT);
  });
});

describe('never stuck when a custom fetch ignores the abort signal', () => {
  const deafOnce = () => {
    let calls = 0;
    const deaf: FetchLike = (input, init) => (++calls === 1 ? new Promise<Response>(() => {}) : fetch(input, init));
    return deaf;
  };

  it('a fetch that never settles rejects with TimeoutError, and the next call looks up again', async () => {
    const getter = patGetter({ timeout: 100, fetch: deafOnce() });
    const first = getter();
    const joined = getter();
    await expect(first).rejects.toBeInstanceOf(TimeoutError);
    await expect(joined).rejects.toBeInstanceOf(TimeoutError);
    await expect(getter()).resolves.toMatchObject({ organizationID: ORG });
  });

  it('a body that never ends rejects with TimeoutError', async () => {
    const endless: FetchLike = async () => new Response(new ReadableStream({ start() {} }), { status: 200 });
    await expect(patGetter({ timeout: 100, fetch: endless })()).rejects.toBeInstanceOf(TimeoutError);
  });

  it('leaves no timer behind, whichever way the call ends', async () => {
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    try {
      const timersOf = () =>
        set.mock.results.filter((_, i) => set.mock.calls[i]![1] === 123_456).map((r) => r.value as unknown);
      await patGetter({ timeout: 123_456 })();
      server.reply = () => ({ status: 401, json: { error: 'unauthorized' } });
      await expect(patGetter({ timeout: 123_456 })()).rejects.toBeInstanceOf(AccountsError);
      await expect(patGetter({ timeout: 123_456, accountsUrl: 'http://127.0.0.1:1' })()).rejects.toBeInstanceOf(
        ConnectionError,
      );
      const throwing: FetchLike = () => {
        throw new TypeError('boom');
      };
      await expect(patGetter({ timeout: 123_456, fetch: throwing })()).rejects.toBeInstanceOf(ConnectionError);
      const timers = timersOf();
      expect(timers).toHaveLength(4);
      const cleared = new Set(clear.mock.calls.map((c) => c[0] as unknown));
      for (const timer of timers) expect(cleared.has(timer)).toBe(true);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });
});
