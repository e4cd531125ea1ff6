// Customer identity: the identity token grant (transfer), per-group identity, token and cookie
// lifetimes, and the typed error when the browser does not send the accounts cookies (third-party
// cookies blocked). A node:http server on port 0 plays the accounts endpoints.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HttpServer, type SeenRequest, startHttp } from '../../../test-utils/chat-servers.js';
import {
  AccountsError,
  CUSTOMER_COOKIE_MAX_AGE,
  CookiesBlockedError,
  createIdentityTransferToken,
  customerTokenFromCookie,
  customerTokenFromIdentityTransfer,
} from '../src/index.js';

/** The accounts endpoints as the docs describe them: customers, their tokens, cookies and transfer codes. */
function playAccounts(server: HttpServer) {
  let next = 0;
  const ownerOfToken = new Map<string, string>();
  const ownerOfCode = new Map<string, string>();
  const issue = (entity: string, extra: Record<string, string> = {}) => {
    const token = `dal:token-${++next}`;
    ownerOfToken.set(token, entity);
    return {
      body: { access_token: token, entity_id: entity, expires_in: 3600, token_type: 'Bearer', ...extra },
      headers: { 'set-cookie': `__lc_cid=${entity}; Path=/v2/customer; Max-Age=${CUSTOMER_COOKIE_MAX_AGE}` },
    };
  };
  const refuse = { status: 401, body: { oauth_exception: 'unauthorized', exception_description: 'no such code' } };
  server.reply = (req: SeenRequest) => {
    const body = req.body as Record<string, string>;
    if (req.path === '/v2/customer/identity_transfer') {
      const entity = ownerOfToken.get(String(req.headers.authorization).replace('Bearer ', ''));
      if (entity === undefined) return refuse;
      const code = `code-${++next}`;
      ownerOfCode.set(code, entity);
      return { body: { identity_transfer_token: code, expires_in: 3600 } };
    }
    if (body.grant_type === 'identity_token') {
      const entity = ownerOfCode.get(body.code!);
      ownerOfCode.delete(body.code!); // single use
      return entity === undefined ? refuse : issue(entity);
    }
    // Cookie grant: the cookie names the returning customer; without it, a new customer.
    const cookie = /__lc_cid=([^;]+)/.exec(String(req.headers.cookie ?? ''))?.[1];
    return issue(cookie ?? `customer-${++next}`, { organization_id: body.organization_id! });
  };
}

/** A fetch that keeps the accounts cookies, as a browser that allows them does. */
function browserFetch(): (input: Request, init?: RequestInit) => Promise<Response> {
  let jar = '';
  return async (input, init) => {
    const headers = new Headers(input.headers);
    if (jar) headers.set('cookie', jar);
    const response = await fetch(new Request(input, { headers }), init?.signal ? { signal: init.signal } : undefined);
    const set = response.headers.getSetCookie()[0];
    if (set) jar = set.split(';')[0]!;
    return response;
  };
}

let accounts: HttpServer;
beforeAll(async () => {
  accounts = await startHttp();
});
afterAll(() => accounts.close());
beforeEach(() => {
  accounts.seen.length = 0;
  playAccounts(accounts);
});
afterEach(() => vi.useRealTimers());

const cookieOptions = () => ({ clientId: 'c', organizationId: 'org-1', accountsUrl: accounts.url });

describe('third-party cookies blocked', () => {
  it('a browser that keeps the cookies stays the same customer across page loads', async () => {
    const fetch = browserFetch();
    const first = customerTokenFromCookie({ ...cookieOptions(), fetch });
    await first();
    const again = customerTokenFromCookie({ ...cookieOptions(), fetch, previousEntityId: first.entityId });
    await again();
    expect(again.entityId).toBe(first.entityId);
  });

  it('a browser that drops them gets CookiesBlockedError naming both customers, and no second new customer', async () => {
    const first = customerTokenFromCookie(cookieOptions());
    await first();
    const again = customerTokenFromCookie({ ...cookieOptions(), previousEntityId: first.entityId });
    const error = await again().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CookiesBlockedError);
    expect(error).toBeInstanceOf(AccountsError);
    expect(error).toMatchObject({ type: 'cookies_blocked', previousEntityId: first.entityId });
    expect((error as CookiesBlockedError).entityId).not.toBe(first.entityId);
    expect(JSON.stringify(error)).not.toContain('dal:token');
    // Later calls say the same without asking the accounts service again.
    await expect(again()).rejects.toBe(error);
    expect(accounts.seen).toHaveLength(2);
    expect(again.entityId).toBe(first.entityId);
  });

  it('is found on a refresh too, and identityChange: "switch" goes on as the new customer', async () => {
    const strict = customerTokenFromCookie(cookieOptions());
    await strict();
    strict.invalidate();
    await expect(strict()).rejects.toBeInstanceOf(CookiesBlockedError);

    const lenient = customerTokenFromCookie({ ...cookieOptions(), identityChange: 'switch' });
    await lenient();
    const before = lenient.entityId;
    lenient.invalidate();
    await expect(lenient()).resolves.toMatchObject({ tokenType: 'Bearer' });
    expect(lenient.entityId).not.toBe(before);
  });

  it('refuses a bad identityChange or previousEntityId at creation', () => {
    expect(() => customerTokenFromCookie({ ...cookieOptions(), identityChange: 'ignore' as never })).toThrow(
      /identityChange/,
    );
    expect(() => customerTokenFromCookie({ ...cookieOptions(), previousEntityId: '' })).toThrow(/previousEntityId/);
  });
});

describe('token and cookie lifetimes', () => {
  it('expiresAt follows expires_in; cookiesExpireAt is 2 years after the last token request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2030, 0, 1);
    vi.setSystemTime(t0);
    const getter = customerTokenFromCookie({ ...cookieOptions(), fetch: browserFetch() });
    expect(getter.expiresAt).toBeUndefined();
    await getter();
    expect(getter.expiresAt).toBe(t0 + 3600_000);
    expect(getter.cookiesExpireAt).toBe(t0 + 2 * 365 * 86_400_000);
    vi.setSystemTime(t0 + 3600_000); // expired: the next call renews token and cookies
    await getter();
    expect(getter.expiresAt).toBe(t0 + 2 * 3600_000);
    expect(getter.cookiesExpireAt).toBe(t0 + 3600_000 + CUSTOMER_COOKIE_MAX_AGE * 1000);
  });
});

describe('identity token grant (identity transfer)', () => {
  it('moves a customer to another browser: create a transfer token, exchange it, refresh by itself', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2030, 0, 1);
    vi.setSystemTime(t0);
    const here = customerTokenFromCookie(cookieOptions());
    await here();
    const transfer = await createIdentityTransferToken({
      clientId: 'c',
      bearerType: 'customer',
      accessToken: here,
      accountsUrl: accounts.url,
    });
    expect(transfer).toEqual({ identityTransferToken: expect.any(String), expiresIn: 3600, expiresAt: t0 + 3600_000 });
    expect(accounts.seen[1]!.body).toEqual({ bearer_type: 'customer', client_id: 'c' });

    const there = customerTokenFromIdentityTransfer({
      clientId: 'c',
      code: transfer.identityTransferToken,
      codeVerifier: 'verifier-1',
      accountsUrl: accounts.url,
    });
    await there();
    expect(there.entityId).toBe(here.entityId);
    expect(accounts.seen[2]!.body).toEqual({
      grant_type: 'identity_token',
      client_id: 'c',
      code: transfer.identityTransferToken,
      code_verifier: 'verifier-1',
    });

    // Due for refresh: the getter transfers the identity to itself with its current token.
    vi.setSystemTime(t0 + 3500_000);
    const refreshed = await there();
    expect(accounts.seen.slice(3).map((r) => r.path)).toEqual(['/v2/customer/identity_transfer', '/v2/customer/token']);
    expect(accounts.seen[4]!.body).toMatchObject({ grant_type: 'identity_token' });
    expect(accounts.seen[4]!.body).not.toHaveProperty('code_verifier');
    expect(refreshed.accessToken).not.toBe((await here()).accessToken);
    expect(there.entityId).toBe(here.entityId);
  });

  it('an agent token transfers a named customer; a used code is refused with AccountsError without the code', async () => {
    const here = customerTokenFromCookie(cookieOptions());
    const token = (await here()).accessToken;
    // (The played service lets any token it issued stand for the agent.)
    const { identityTransferToken } = await createIdentityTransferToken({
      clientId: 'c',
      bearerType: 'agent',
      customerId: here.entityId!,
      accessToken: token,
      accountsUrl: accounts.url,
    });
    expect(accounts.seen[1]!.body).toEqual({ bearer_type: 'agent', client_id: 'c', customer_id: here.entityId });
    expect(accounts.seen[1]!.headers.authorization).toBe(`Bearer ${token}`);
    const options = { clientId: 'c', code: identityTransferToken, accountsUrl: accounts.url };
    await customerTokenFromIdentityTransfer(options)();
    const error = await customerTokenFromIdentityTransfer(options)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountsError);
    expect(error).toMatchObject({ type: 'unauthorized', status: 401 });
    expect(JSON.stringify(error)).not.toContain(identityTransferToken);
    await expect(
      createIdentityTransferToken({
        clientId: 'c',
        bearerType: 'agent',
        accessToken: token,
        accountsUrl: accounts.url,
      }),
    ).rejects.toThrow(/customerId/);
  });

  it('per-group identity: the group path for the cookie and identity token grants', async () => {
    await customerTokenFromCookie({ ...cookieOptions(), groupId: 2 })();
    const here = customerTokenFromCookie(cookieOptions());
    const { identityTransferToken } = await createIdentityTransferToken({
      clientId: 'c',
      bearerType: 'customer',
      accessToken: await here(),
      accountsUrl: accounts.url,
    });
    await customerTokenFromIdentityTransfer({
      clientId: 'c',
      code: identityTransferToken,
      organizationId: 'org-1',
      groupId: 5,
      accountsUrl: accounts.url,
    })();
    expect(accounts.seen.map((r) => r.path)).toEqual([
      '/v2/customer/org-1/2/token',
      '/v2/customer/token',
      '/v2/customer/identity_transfer',
      '/v2/customer/org-1/5/token',
    ]);
    expect(() => customerTokenFromIdentityTransfer({ clientId: 'c', code: 'x', groupId: 5 })).toThrow(/organizationId/);
  });
});
