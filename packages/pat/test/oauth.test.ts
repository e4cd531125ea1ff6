import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputError, TimeoutError, type FetchLike } from '@lc/core';
import { AccountsError, tokenGetterFromRefreshToken, type RefreshTokenOptions } from '../src/index.js';
import { everyRendering, startServer, type AccountsServer } from './server.js';

const CLIENT_ID = '9cbf3a968289727cb3cdfe83ab1d9836';
const SECRET = 'test_d7MEp1YYo3-client-secret';
const REFRESH = 'test_gfalskcakg2347o8326';
const ORG = '390e44e6-f1e6-4368-b6dd-74g14508c2ex';
const HOUR = 3_600_000;

let server: AccountsServer;
let issued = 0;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  // Only Date is faked: the local server and the request timeouts keep real time.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  server.seen.length = 0;
  issued = 0;
  server.reply = () => ({
    json: {
      access_token: `dal:access-${++issued}`,
      account_id: 'acc',
      expires_in: 3600,
      organization_id: ORG,
      scope: 'a,b',
      token_type: 'Bearer',
    },
  });
});
afterEach(() => {
  vi.useRealTimers();
});

const getterWith = (options: Partial<RefreshTokenOptions> = {}) =>
  tokenGetterFromRefreshToken({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    refreshToken: REFRESH,
    accountsUrl: server.url,
    ...options,
  });
const form = (i: number) => Object.fromEntries(new URLSearchParams(server.seen[i]!.body));
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('tokenGetterFromRefreshToken', () => {
  it('exchanges the refresh token at POST /v2/token, form-encoded as in the docs', async () => {
    const token = await getterWith()();
    expect(token).toEqual({ accessToken: 'dal:access-1', organizationID: ORG, region: undefined, tokenType: 'Bearer' });
    expect(server.seen[0]).toMatchObject({ method: 'POST', path: '/v2/token' });
    expect(server.seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form(0)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH,
      client_id: CLIENT_ID,
      client_secret: SECRET,
    });
  });

  it('omits client_secret for apps without one', async () => {
    await getterWith({ clientSecret: undefined })();
    expect(form(0)).toEqual({ grant_type: 'refresh_token', refresh_token: REFRESH, client_id: CLIENT_ID });
  });

  it('reuses the access token until the margin before expiry, then refreshes', async () => {
    const getter = getterWith({ refreshMargin: 5 * 60_000 });
    expect((await getter()).accessToken).toBe('dal:access-1');
    advance(54 * 60_000); // 6 minutes left
    expect((await getter()).accessToken).toBe('dal:access-1');
    expect(server.seen).toHaveLength(1);
    advance(60_001); // just under 5 minutes left
    expect((await getter()).accessToken).toBe('dal:access-2');
    expect(server.seen).toHaveLength(2);
    expect((await getter()).accessToken).toBe('dal:access-2');
    expect(server.seen).toHaveLength(2);
  });

  it('never uses a margin over half the token lifetime', async () => {
    server.reply = () => ({ json: { access_token: `t-${++issued}`, expires_in: 60, organization_id: ORG } });
    const getter = getterWith(); // default margin 5 min > 60 s lifetime
    await getter();
    advance(29_000);
    expect((await getter()).accessToken).toBe('t-1');
    advance(2_000);
    expect((await getter()).accessToken).toBe('t-2');
  });

  it('shares one exchange between concurrent calls', async () => {
    server.reply = () => ({
      json: { access_token: `t-${++issued}`, expires_in: 3600, organization_id: ORG },
      delay: 30,
    });
    const getter = getterWith();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => getter()));
    expect(server.seen).toHaveLength(1);
    expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['t-1']));
  });

  it('keeps a rotated refresh token, hands it to onRefreshToken, and uses it next time', async () => {
    const stored: string[] = [];
    let n = 0;
    server.reply = () => ({
      json: { access_token: `t-${++n}`, expires_in: 3600, organization_id: ORG, refresh_token: `rotated-${n}` },
    });
    const getter = getterWith({ onRefreshToken: async (t) => void stored.push(t) });
    await getter();
    expect(stored).toEqual(['rotated-1']);
    advance(HOUR);
    await getter();
    expect(form(1).refresh_token).toBe('rotated-1');
    expect(stored).toEqual(['rotated-1', 'rotated-2']);
  });

  it('does not call onRefreshToken when the refresh token did not change, nor fail when the callback throws', async () => {
    const onRefreshToken = vi.fn(() => {
      throw new Error('store down');
    });
    server.reply = () => ({
      json: { access_token: `t-${++issued}`, expires_in: 3600, organization_id: ORG, refresh_token: REFRESH },
    });
    await getterWith({ onRefreshToken })();
    expect(onRefreshToken).not.toHaveBeenCalled();
    server.reply = () => ({
      json: { access_token: 'next', expires_in: 3600, organization_id: ORG, refresh_token: 'new-one' },
    });
    await expect(getterWith({ onRefreshToken })()).resolves.toMatchObject({ accessToken: 'next' });
    expect(onRefreshToken).toHaveBeenCalledWith('new-one');
  });

  it('an onRefreshToken that never settles delays the getter at most `timeout`, and the rotated token stays in use', async () => {
    let n = 0;
    server.reply = () => ({
      json: { access_token: `t-${++n}`, expires_in: 3600, organization_id: ORG, refresh_token: `rotated-${n}` },
    });
    // 500 ms: the deadline covers the token request too, which a loaded CI machine may take 50 ms to answer.
    const getter = getterWith({ onRefreshToken: () => new Promise<void>(() => {}), timeout: 500 });
    const outcome = await Promise.race([getter(), new Promise((r) => setTimeout(() => r('still pending'), 5000))]);
    expect(outcome).toMatchObject({ accessToken: 't-1' });
    advance(HOUR);
    await getter();
    expect(form(1).refresh_token).toBe('rotated-1');
  });

  it('keeps serving a still-valid token when a refresh fails, and rejects once it has expired', async () => {
    const getter = getterWith({ refreshMargin: 10 * 60_000 });
    await getter();
    server.reply = () => ({ status: 503, json: { error: 'temporarily_unavailable', error_description: 'Try later' } });
    advance(55 * 60_000); // inside the margin, not expired
    await expect(getter()).resolves.toMatchObject({ accessToken: 'dal:access-1' });
    advance(5 * 60_000 + 1); // expired
    const error = await getter().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountsError);
    expect(error).toMatchObject({ type: 'temporarily_unavailable', status: 503, message: 'Try later' });
    // The next call tries again.
    server.reply = () => ({ json: { access_token: 'fresh', expires_in: 3600, organization_id: ORG } });
    await expect(getter()).resolves.toMatchObject({ accessToken: 'fresh' });
  });

  it('refresh() exchanges now, whatever the expiry', async () => {
    const getter = getterWith();
    await getter();
    await expect(getter.refresh()).resolves.toMatchObject({ accessToken: 'dal:access-2' });
    await expect(getter()).resolves.toMatchObject({ accessToken: 'dal:access-2' });
    expect(server.seen).toHaveLength(2);
  });

  it('an answer without access_token or organization_id is an AccountsError', async () => {
    server.reply = () => ({ json: { expires_in: 3600, organization_id: ORG } });
    await expect(getterWith()()).rejects.toMatchObject({ name: 'AccountsError', type: 'invalid_response' });
  });

  it('never shows the refresh token or client secret in an error', async () => {
    server.reply = (req) => ({
      status: 400,
      json: { error: 'invalid_grant', error_description: `bad: ${req.body}`, request_id: req.body },
    });
    const error = await getterWith()().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountsError);
    const text = everyRendering(error);
    expect(text).toContain('invalid_grant');
    expect(text).not.toContain(REFRESH);
    expect(text).not.toContain(SECRET);
  });

  it('rejects bad options with InputError', () => {
    expect(() => tokenGetterFromRefreshToken({ clientId: '', refreshToken: REFRESH })).toThrow(InputError);
    expect(() => tokenGetterFromRefreshToken({ clientId: CLIENT_ID, refreshToken: '' })).toThrow(InputError);
    expect(() =>
      tokenGetterFromRefreshToken({ clientId: CLIENT_ID, refreshToken: REFRESH, refreshMargin: -1 }),
    ).toThrow(InputError);
  });
});

describe('tokenGetterFromRefreshToken with a custom fetch that ignores the abort signal', () => {
  it('rejects with TimeoutError instead of hanging, and the next call exchanges again', async () => {
    let calls = 0;
    const deafOnce: FetchLike = (input, init) => (++calls === 1 ? new Promise<Response>(() => {}) : fetch(input, init));
    const getter = getterWith({ timeout: 100, fetch: deafOnce });
    await expect(getter()).rejects.toBeInstanceOf(TimeoutError);
    await expect(getter()).resolves.toMatchObject({ accessToken: 'dal:access-1' });
  });

  it('a body that never ends rejects with TimeoutError', async () => {
    const endless: FetchLike = async () => new Response(new ReadableStream({ start() {} }), { status: 200 });
    await expect(getterWith({ timeout: 100, fetch: endless })()).rejects.toBeInstanceOf(TimeoutError);
  });
});
