// Integration tests of @lc/pat against the local LiveChat simulator (@lc/testing): the real token
// getters against the simulator's accounts endpoints (`/v2/organizations/my`, `/v2/token`), their
// tokens then used by @lc/core's Web client against the simulator's APIs.
import { AuthenticationError, createWebClient, type FetchLike } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccountsError, tokenGetterFromPAT, tokenGetterFromRefreshToken } from '../src/index.js';

let sim: Simulator;

beforeAll(async () => {
  // Access tokens from /v2/token live 60 s here, so a test can move the clock past their expiry.
  sim = await startSimulator({ port: 0, tokenTtl: 60 });
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await sim?.close();
});

/** A fetch that counts the requests per path. */
function countingFetch(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (input, init) => {
      calls.push(new URL(input.url).pathname);
      return fetch(input, init);
    },
  };
}

describe('tokenGetterFromPAT against the simulator', () => {
  it('looks the organization up once (shared by concurrent first calls) and its token works on the APIs', async () => {
    const owner = sim.agents[0]!;
    const counting = countingFetch();
    const getter = tokenGetterFromPAT(owner.accountId, owner.pat, {
      accountsUrl: sim.accountsUrl,
      fetch: counting.fetch,
    });

    const [a, b, c] = await Promise.all([getter(), getter(), getter()]);
    expect(a).toMatchObject({ organizationID: sim.organizationId, tokenType: 'Basic', accessToken: owner.basicAuth });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(counting.calls).toEqual(['/v2/organizations/my']);

    // The token is what the Web client needs: Configuration list_agents as the owner.
    const config = createWebClient({ api: 'configuration', tokenGetter: getter, apiUrl: sim.url });
    const agents = await config.call<Array<{ id: string }>>('list_agents', {});
    expect(agents.map((x) => x.id)).toEqual(expect.arrayContaining(sim.agents.map((x) => x.id)));
    const agentWeb = createWebClient({ api: 'agent', tokenGetter: getter, apiUrl: sim.url });
    await expect(agentWeb.call('list_chats', {})).resolves.toMatchObject({ chats_summary: expect.any(Array) });
    expect(counting.calls).toHaveLength(1); // no more lookups
  });

  it('a wrong PAT rejects with AccountsError from the lookup, never showing the PAT, and is retried on the next call', async () => {
    const jones = sim.agents[1]!;
    const counting = countingFetch();
    const getter = tokenGetterFromPAT(jones.accountId, 'dal:definitely-wrong', {
      accountsUrl: sim.accountsUrl,
      fetch: counting.fetch,
    });
    const error = await getter().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountsError);
    expect(error).toMatchObject({ type: 'unauthorized', status: 401 });
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    expect(shown).not.toContain('definitely-wrong');
    expect(shown).not.toContain(Buffer.from(`${jones.accountId}:dal:definitely-wrong`).toString('base64'));

    await expect(getter()).rejects.toBeInstanceOf(AccountsError);
    expect(counting.calls).toEqual(['/v2/organizations/my', '/v2/organizations/my']);
  });
});

describe('tokenGetterFromRefreshToken against the simulator', () => {
  it('exchanges the refresh token at POST /v2/token and the access token works on the APIs', async () => {
    const owner = sim.agents[0]!;
    const counting = countingFetch();
    const getter = tokenGetterFromRefreshToken({
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      refreshToken: owner.refreshToken,
      accountsUrl: sim.accountsUrl,
      fetch: counting.fetch,
    });
    const [token, again] = await Promise.all([getter(), getter()]);
    expect(token).toMatchObject({ organizationID: sim.organizationId, tokenType: 'Bearer' });
    expect(token.accessToken).not.toBe(owner.accessToken);
    expect(again).toEqual(token);
    expect(counting.calls).toEqual(['/v2/token']);

    const agent = createWebClient({ api: 'agent', tokenGetter: getter, apiUrl: sim.url });
    await expect(agent.call('list_routing_statuses', {})).resolves.toEqual(expect.any(Array));
    expect(counting.calls).toEqual(['/v2/token']); // cached
  });

  it('refreshes before the access token expires, so calls keep working past the first token lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const getter = tokenGetterFromRefreshToken({
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      refreshToken: sim.agents[1]!.refreshToken,
      accountsUrl: sim.accountsUrl,
      refreshMargin: 10_000,
    });
    const agent = createWebClient({ api: 'agent', tokenGetter: getter, apiUrl: sim.url, retry: false });
    const first = await getter();
    await agent.call('list_routing_statuses', {});

    vi.setSystemTime(Date.now() + 55_000); // within the 10 s margin of the 60 s lifetime
    const second = await getter();
    expect(second.accessToken).not.toBe(first.accessToken);

    vi.setSystemTime(Date.now() + 10_000); // the first token has expired by now
    await expect(agent.call('list_routing_statuses', {})).resolves.toEqual(expect.any(Array));
    const stale = createWebClient({ api: 'agent', tokenGetter: () => first, apiUrl: sim.url, retry: false });
    await expect(stale.call('list_routing_statuses', {})).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refresh() recovers from a revoked access token', async () => {
    const getter = tokenGetterFromRefreshToken({
      clientId: sim.clientId,
      refreshToken: sim.agents[0]!.refreshToken,
      accountsUrl: sim.accountsUrl,
    });
    const agent = createWebClient({ api: 'agent', tokenGetter: getter, apiUrl: sim.url, retry: false });
    const first = await getter();
    sim.revokeToken(first.accessToken);
    await expect(agent.call('list_routing_statuses', {})).rejects.toBeInstanceOf(AuthenticationError);
    const fresh = await getter.refresh();
    expect(fresh.accessToken).not.toBe(first.accessToken);
    await expect(agent.call('list_routing_statuses', {})).resolves.toEqual(expect.any(Array));
  });

  it('a wrong client secret and an unknown refresh token are AccountsErrors that show neither secret', async () => {
    const wrongSecret = tokenGetterFromRefreshToken({
      clientId: sim.clientId,
      clientSecret: 'not-the-client-secret',
      refreshToken: sim.agents[0]!.refreshToken,
      accountsUrl: sim.accountsUrl,
    });
    const e1 = await wrongSecret().catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(AccountsError);
    expect(e1).toMatchObject({ type: 'invalid_client', status: 401 });
    expect(`${String(e1)} ${JSON.stringify(e1)}`).not.toContain('not-the-client-secret');
    expect(`${String(e1)} ${JSON.stringify(e1)}`).not.toContain(sim.agents[0]!.refreshToken);

    const unknown = tokenGetterFromRefreshToken({
      clientId: sim.clientId,
      refreshToken: 'dal:no-such-refresh-token',
      accountsUrl: sim.accountsUrl,
    });
    const e2 = await unknown().catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(AccountsError);
    expect(e2).toMatchObject({ type: 'invalid_grant', status: 400 });
    expect(`${String(e2)} ${JSON.stringify(e2)}`).not.toContain('no-such-refresh-token');
  });
});
