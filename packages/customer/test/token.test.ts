import { ConnectionError, InputError, LcError, TimeoutError, type FetchLike } from '@lc/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountsError, CustomerWeb, customerTokenFromAgent, customerTokenFromCookie } from '../src/index.js';
import { startHttp, type HttpServer } from '../../../test-utils/chat-servers.js';

let accounts: HttpServer;
let issued: number;

beforeAll(async () => {
  accounts = await startHttp();
});
afterAll(() => accounts.close());
beforeEach(() => {
  accounts.seen.length = 0;
  issued = 0;
  accounts.reply = () => {
    issued++;
    return {
      body: {
        access_token: `dal:customer-token-${issued}`,
        entity_id: 'entity-1',
        expires_in: 3600,
        token_type: 'Bearer',
        organization_id: 'org-1',
      },
    };
  };
});
afterEach(() => {
  vi.useRealTimers();
});

describe('customerTokenFromCookie (cookie grant)', () => {
  it('POSTs the documented body with credentials: include and returns a Bearer token', async () => {
    const credentials: RequestCredentials[] = [];
    const spy: FetchLike = (req) => {
      credentials.push(req.credentials);
      return fetch(req);
    };
    const getter = customerTokenFromCookie({
      clientId: 'client-1',
      organizationId: 'org-1',
      redirectUri: 'https://shop.example',
      accountsUrl: accounts.url,
      fetch: spy,
    });
    await expect(getter()).resolves.toEqual({
      accessToken: 'dal:customer-token-1',
      organizationID: 'org-1',
      tokenType: 'Bearer',
    });
    expect(credentials).toEqual(['include']);
    const seen = accounts.seen[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.path).toBe('/v2/customer/token');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.body).toEqual({
      grant_type: 'cookie',
      client_id: 'client-1',
      response_type: 'token',
      organization_id: 'org-1',
      redirect_uri: 'https://shop.example',
    });
    expect(getter.entityId).toBe('entity-1');
  });

  it('uses the per-group path when groupId is given', async () => {
    await customerTokenFromCookie({ clientId: 'c', organizationId: 'org-1', groupId: 3, accountsUrl: accounts.url })();
    expect(accounts.seen[0]!.path).toBe('/v2/customer/org-1/3/token');
  });

  it('refuses missing options with InputError, before any request', () => {
    expect(() => customerTokenFromCookie({ clientId: '', organizationId: 'o' })).toThrow(InputError);
    expect(() => customerTokenFromCookie({ clientId: 'c' } as never)).toThrow(InputError);
    expect(accounts.seen).toHaveLength(0);
  });
});

describe('customerTokenFromAgent (agent_token grant)', () => {
  it('sends the agent token as Bearer and asks for the same customer on refresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const getter = customerTokenFromAgent({
      clientId: 'client-1',
      agentToken: 'dal:agent-secret',
      accountsUrl: accounts.url,
    });
    await getter();
    expect(accounts.seen[0]!.headers.authorization).toBe('Bearer dal:agent-secret');
    expect(accounts.seen[0]!.body).toEqual({
      grant_type: 'agent_token',
      client_id: 'client-1',
      response_type: 'token',
    });
    vi.setSystemTime(new Date('2030-01-01T01:00:00Z'));
    await expect(getter()).resolves.toMatchObject({ accessToken: 'dal:customer-token-2' });
    expect(accounts.seen[1]!.body).toEqual({
      grant_type: 'agent_token',
      client_id: 'client-1',
      response_type: 'token',
      entity_id: 'entity-1',
    });
  });

  it('passes entity_id from the options, and takes a getter returning a Token', async () => {
    const getter = customerTokenFromAgent({
      clientId: 'client-1',
      entityId: 'known-customer',
      agentToken: async () => ({ accessToken: 'agent-oauth', organizationID: 'org-1', tokenType: 'Bearer' }),
      accountsUrl: accounts.url,
    });
    await getter();
    expect(accounts.seen[0]!.headers.authorization).toBe('Bearer agent-oauth');
    expect(accounts.seen[0]!.body).toMatchObject({ entity_id: 'known-customer' });
  });

  it('refuses a Personal Access Token (Basic) without sending it', async () => {
    const getter = customerTokenFromAgent({
      clientId: 'c',
      agentToken: () => ({ accessToken: 'YWNjOnBhdA==', organizationID: 'o', tokenType: 'Basic' }),
      accountsUrl: accounts.url,
    });
    const error = await getter().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).not.toContain('YWNjOnBhdA==');
    expect(accounts.seen).toHaveLength(0);
  });
});

describe('caching and refresh', () => {
  const make = (extra: object = {}) =>
    customerTokenFromAgent({ clientId: 'c', agentToken: 'agent-secret', accountsUrl: accounts.url, ...extra });

  it('caches, and refreshes refreshMargin before expires_in runs out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = new Date('2030-01-01T00:00:00Z').getTime();
    vi.setSystemTime(t0);
    const getter = make({ refreshMargin: 60_000 });
    expect((await getter()).accessToken).toBe('dal:customer-token-1');
    vi.setSystemTime(t0 + 3600_000 - 60_001);
    expect((await getter()).accessToken).toBe('dal:customer-token-1');
    expect(accounts.seen).toHaveLength(1);
    vi.setSystemTime(t0 + 3600_000 - 59_999);
    expect((await getter()).accessToken).toBe('dal:customer-token-2');
    expect(accounts.seen).toHaveLength(2);
  });

  it('uses a default margin of 5 minutes, at most half the lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2030, 0, 1);
    vi.setSystemTime(t0);
    const getter = make();
    await getter();
    vi.setSystemTime(t0 + 3600_000 - 300_001);
    await getter();
    expect(accounts.seen).toHaveLength(1);
    vi.setSystemTime(t0 + 3600_000 - 299_000);
    await getter();
    expect(accounts.seen).toHaveLength(2);

    accounts.reply = () => ({ body: { access_token: 'short', expires_in: 100, organization_id: 'o' } });
    const short = make();
    vi.setSystemTime(t0);
    await short();
    vi.setSystemTime(t0 + 49_000);
    await short();
    expect(accounts.seen).toHaveLength(3);
    vi.setSystemTime(t0 + 51_000);
    await short();
    expect(accounts.seen).toHaveLength(4);
  });

  it('single-flights concurrent calls', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reply = accounts.reply;
    accounts.reply = async (req) => {
      await gate;
      return reply(req);
    };
    const getter = make();
    const all = Promise.all([getter(), getter(), getter(), getter()]);
    await expect.poll(() => accounts.seen.length).toBe(1);
    release();
    const tokens = await all;
    expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['dal:customer-token-1']));
    expect(accounts.seen).toHaveLength(1);
  });

  it('keeps a still-valid token when an early refresh fails, and retries the next time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2030, 0, 1);
    vi.setSystemTime(t0);
    const getter = make();
    await getter();
    accounts.reply = () => ({ status: 503, text: 'down' });
    vi.setSystemTime(t0 + 3500_000);
    await expect(getter()).resolves.toMatchObject({ accessToken: 'dal:customer-token-1' });
    vi.setSystemTime(t0 + 3600_001);
    await expect(getter()).rejects.toBeInstanceOf(LcError);
    expect(accounts.seen).toHaveLength(3);
  });

  it('invalidate() forces a new token', async () => {
    const getter = make();
    await getter();
    getter.invalidate();
    expect((await getter()).accessToken).toBe('dal:customer-token-2');
  });
});

describe('errors', () => {
  it('an error body becomes AccountsError without the agent token', async () => {
    accounts.reply = () => ({
      status: 401,
      body: { error: 'unauthorized', error_description: 'Invalid access token' },
    });
    const error = await customerTokenFromAgent({
      clientId: 'c',
      agentToken: 'agent-secret-value',
      accountsUrl: accounts.url,
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountsError);
    expect(error).toMatchObject({ status: 401, error: 'unauthorized', description: 'Invalid access token' });
    const dump = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
    expect(dump).not.toContain('agent-secret-value');
  });

  it('reads the Customer Accounts spec error shape too', async () => {
    accounts.reply = () => ({
      status: 400,
      body: { oauth_exception: 'invalid_request', exception_description: 'bad' },
    });
    await expect(
      customerTokenFromCookie({ clientId: 'c', organizationId: 'o', accountsUrl: accounts.url })(),
    ).rejects.toMatchObject({
      error: 'invalid_request',
      description: 'bad',
    });
  });

  it('a success body without access_token is a typed error that does not echo the body', async () => {
    accounts.reply = () => ({ body: { token: 'weird-secret' } });
    const error = await customerTokenFromCookie({
      clientId: 'c',
      organizationId: 'o',
      accountsUrl: accounts.url,
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LcError);
    expect(JSON.stringify(error)).not.toContain('weird-secret');
  });

  it('an unreachable service is ConnectionError; a silent one TimeoutError', async () => {
    await expect(
      customerTokenFromCookie({ clientId: 'c', organizationId: 'o', accountsUrl: 'http://127.0.0.1:1' })(),
    ).rejects.toBeInstanceOf(ConnectionError);
    accounts.reply = () => new Promise(() => {});
    await expect(
      customerTokenFromCookie({ clientId: 'c', organizationId: 'o', accountsUrl: accounts.url, timeout: 50 })(),
    ).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('never stuck', () => {
  it('times out even when the fetch ignores the abort signal', async () => {
    const deaf: FetchLike = () => new Promise<Response>(() => {});
    const getter = customerTokenFromCookie({
      clientId: 'c',
      organizationId: 'o',
      accountsUrl: accounts.url,
      timeout: 50,
      fetch: deaf,
    });
    await expect(getter()).rejects.toBeInstanceOf(TimeoutError);
  });

  it('while a still-valid token is due for refresh, a slow refresh does not hold the caller past staleGrace', async () => {
    const getter = customerTokenFromAgent({
      clientId: 'c',
      agentToken: 'agent-secret',
      accountsUrl: accounts.url,
      refreshMargin: 3_599_000,
      staleGrace: 50,
    });
    // expires_in 3600 s with a 3599 s margin (capped at half the lifetime): due for refresh after 1800 s.
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2030, 0, 1);
    vi.setSystemTime(t0);
    expect((await getter()).accessToken).toBe('dal:customer-token-1');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reply = accounts.reply;
    accounts.reply = async (req) => {
      await gate;
      return reply(req);
    };
    vi.setSystemTime(t0 + 1_900_000);
    expect((await getter()).accessToken).toBe('dal:customer-token-1');
    release();
    await expect.poll(async () => (await getter()).accessToken).toBe('dal:customer-token-2');
    expect(accounts.seen).toHaveLength(2);
  });

  it('a token invalidated while a caller waits out staleGrace is not handed to that caller', async () => {
    const getter = customerTokenFromAgent({
      clientId: 'c',
      agentToken: 'agent-secret',
      accountsUrl: accounts.url,
      refreshMargin: 3_599_000,
      staleGrace: 100,
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2030, 0, 1);
    vi.setSystemTime(t0);
    expect((await getter()).accessToken).toBe('dal:customer-token-1');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reply = accounts.reply;
    accounts.reply = async (req) => {
      await gate;
      return reply(req);
    };
    vi.setSystemTime(t0 + 1_900_000); // due for refresh, still valid
    const waiting = getter();
    getter.invalidate(); // e.g. the platform answered `authentication` with token 1
    await new Promise((r) => setTimeout(r, 150)); // staleGrace has run out
    release();
    expect((await waiting).accessToken).not.toBe('dal:customer-token-1');
  });

  it('refuses an agent token a header cannot carry, without quoting it', async () => {
    const getter = customerTokenFromAgent({
      clientId: 'c',
      agentToken: 'SECRET-AGENT\u0000',
      accountsUrl: accounts.url,
    });
    const err = await getter().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(`${String(err)} ${JSON.stringify(err)} ${(err as Error).stack}`).not.toContain('SECRET-AGENT');
    expect(accounts.seen).toHaveLength(0);
  });
});

describe('with CustomerWeb', () => {
  it('the getter feeds the Web client: Bearer customer token and its organization_id', async () => {
    const api = await startHttp();
    try {
      const web = new CustomerWeb(
        customerTokenFromAgent({ clientId: 'c', agentToken: 'agent-secret', accountsUrl: accounts.url }),
        {
          apiUrl: api.url,
        },
      );
      await web.listChats();
      await web.getCustomer();
      expect(accounts.seen).toHaveLength(1);
      expect(api.seen.map((s) => [s.headers.authorization, s.query.get('organization_id')])).toEqual([
        ['Bearer dal:customer-token-1', 'org-1'],
        ['Bearer dal:customer-token-1', 'org-1'],
      ]);
    } finally {
      await api.close();
    }
  });
});

describe('never an expired token while a refresh is due', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // A real 1 s token: due for refresh after 500 ms (margin capped at half the lifetime), expired after 1000 ms.
  const oneSecond = () => {
    accounts.reply = () => {
      issued++;
      return { body: { access_token: `short-${issued}`, expires_in: 1, organization_id: 'org-1' } };
    };
  };

  it('waits for the refresh instead of handing out a token that expired during staleGrace', async () => {
    oneSecond();
    const getter = customerTokenFromAgent({
      clientId: 'c',
      agentToken: 'agent-secret',
      accountsUrl: accounts.url,
      staleGrace: 600,
    });
    expect((await getter()).accessToken).toBe('short-1');
    await sleep(600); // due for refresh, still valid for up to ~400 ms
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reply = accounts.reply;
    accounts.reply = async (req) => {
      await gate;
      return reply(req);
    };
    const pending = getter();
    await sleep(900); // the first token has expired by now; staleGrace (600 ms) has run out too
    release();
    expect((await pending).accessToken).toBe('short-2');
    expect(accounts.seen).toHaveLength(2);
  });

  it('a refresh that never answers ends in TimeoutError once the token has expired, never in the expired token', async () => {
    oneSecond();
    const getter = customerTokenFromAgent({
      clientId: 'c',
      agentToken: 'agent-secret',
      accountsUrl: accounts.url,
      staleGrace: 800,
      timeout: 1500,
    });
    expect((await getter()).accessToken).toBe('short-1');
    await sleep(600);
    accounts.reply = () => new Promise(() => {});
    await expect(getter()).rejects.toBeInstanceOf(TimeoutError);
    expect(accounts.seen).toHaveLength(2); // one refresh, not a second one behind the caller's back
  });
});

describe('the timeout covers the agentToken getter', () => {
  it('a getter that never settles rejects with TimeoutError, and the next call tries again', async () => {
    let calls = 0;
    const agentToken = () => (++calls === 1 ? new Promise<string>(() => {}) : 'agent-secret');
    const getter = customerTokenFromAgent({ clientId: 'c', agentToken, accountsUrl: accounts.url, timeout: 100 });
    const first = getter();
    const joined = getter(); // shares the in-flight attempt
    await expect(first).rejects.toBeInstanceOf(TimeoutError);
    await expect(joined).rejects.toBeInstanceOf(TimeoutError);
    expect(accounts.seen).toHaveLength(0);
    await expect(getter()).resolves.toMatchObject({ accessToken: 'dal:customer-token-1' });
    expect(calls).toBe(2);
  });

  it('a getter that settles after the deadline sends no request, even with a fetch that ignores the abort', async () => {
    let settled!: () => void;
    const late = new Promise<void>((resolve) => (settled = resolve));
    const agentToken = () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          resolve('agent-secret');
          setTimeout(settled, 50);
        }, 150),
      );
    let fetched = 0;
    const fetch: FetchLike = async () => {
      fetched++;
      return new Response('{}');
    };
    const getter = customerTokenFromAgent({ clientId: 'c', agentToken, fetch, timeout: 50 });
    await expect(getter()).rejects.toBeInstanceOf(TimeoutError);
    await late;
    expect(fetched).toBe(0);
  });

  it('one deadline for the getter and the request together', async () => {
    const agentToken = () => new Promise<string>((r) => setTimeout(() => r('agent-secret'), 400));
    accounts.reply = () => new Promise(() => {});
    const getter = customerTokenFromAgent({ clientId: 'c', agentToken, accountsUrl: accounts.url, timeout: 500 });
    const started = Date.now();
    await expect(getter()).rejects.toBeInstanceOf(TimeoutError);
    // 500 ms for both, not 400 + 500; the bound leaves room for a busy machine.
    expect(Date.now() - started).toBeLessThan(850);
  });
});

describe('option validation', () => {
  const base = { clientId: 'c', agentToken: 'agent-secret', accountsUrl: 'http://127.0.0.1:1' };
  const cookie = { clientId: 'c', organizationId: 'o', accountsUrl: 'http://127.0.0.1:1' };
  const fieldOf = (make: () => unknown): unknown => {
    try {
      make();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).field;
    }
    return 'no error';
  };

  it.each([
    ['refreshMargin', -1],
    ['refreshMargin', Number.NaN],
    ['refreshMargin', Number.POSITIVE_INFINITY],
    ['refreshMargin', '1000'],
    ['staleGrace', -1],
    ['staleGrace', Number.NaN],
    ['staleGrace', Number.POSITIVE_INFINITY],
    ['staleGrace', '50'],
    ['timeout', 0],
    ['timeout', 0.5],
    ['timeout', -5],
    ['timeout', Number.NaN],
    ['timeout', Number.POSITIVE_INFINITY],
    ['timeout', 2 ** 31],
    ['timeout', '100'],
  ])('refuses %s = %s with an InputError naming the field, at creation', (field, value) => {
    expect(fieldOf(() => customerTokenFromAgent({ ...base, [field]: value } as never))).toBe(field);
    expect(fieldOf(() => customerTokenFromCookie({ ...cookie, [field]: value } as never))).toBe(field);
    expect(accounts.seen).toHaveLength(0);
  });

  it('accepts the bounds', () => {
    expect(() => customerTokenFromAgent({ ...base, refreshMargin: 0, staleGrace: 0, timeout: 1 })).not.toThrow();
    expect(() => customerTokenFromAgent({ ...base, timeout: 2 ** 31 - 1 })).not.toThrow();
    expect(() =>
      customerTokenFromAgent({ ...base, refreshMargin: undefined, staleGrace: undefined, timeout: undefined }),
    ).not.toThrow();
  });
});
