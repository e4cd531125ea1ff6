// The accounts module every token getter shares: one error class in the ApiError family, one HTTP
// helper (both error shapes, redaction), one cached refreshing getter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccountsError,
  ApiError,
  HttpError,
  InputError,
  accountsCall,
  accountsCallWithoutSecrets,
  accountsFrom,
  ConnectionError,
  cachedToken,
  type Token,
  withDeadline,
} from '../src/index.js';
import { type HttpTestServer, startHttpServer } from './helpers/http-server.js';

let server: HttpTestServer;
beforeAll(async () => {
  server = await startHttpServer();
});
afterAll(() => server.close());

const call = (path: string, secrets: string[] = []) =>
  accountsCall(accountsFrom({ accountsUrl: server.url }, 1000), {
    method: 'POST',
    path,
    headers: {},
    action: 'customer_token',
    secrets,
  }).catch((error: unknown) => error);

describe('accountsCall', () => {
  it('an error body is an AccountsError: an ApiError with type, status and the old customer fields', async () => {
    server.route('POST /a', { status: 401, json: { error: 'unauthorized', error_description: 'Bad token' } });
    const error = await call('/a');
    expect(error).toBeInstanceOf(AccountsError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      type: 'unauthorized',
      message: 'Bad token',
      status: 401,
      error: 'unauthorized',
      description: 'Bad token',
      action: 'customer_token',
    });
  });

  it('reads the customer accounts shape (oauth_exception) too', async () => {
    server.route('POST /b', { status: 400, json: { oauth_exception: 'invalid_request', exception_description: 'x' } });
    expect(await call('/b')).toMatchObject({ name: 'AccountsError', type: 'invalid_request', message: 'x' });
  });

  it('redacts secrets from every string it takes from an error answer', async () => {
    const secret = 'secret-value-123';
    server.route('POST /c', { status: 400, json: { error: 'invalid_grant', error_description: secret, id: secret } });
    server.route('POST /d', { status: 502, body: `<html>${secret}</html>` });
    const [apiError, pageError] = [await call('/c', [secret]), await call('/d', [secret])];
    expect(pageError).toBeInstanceOf(HttpError);
    for (const error of [apiError, pageError]) expect(JSON.stringify(error)).not.toContain(secret);
  });

  it('a request without secrets reads both error shapes and error pages alike, quoting them as they are', async () => {
    const accounts = accountsFrom({ accountsUrl: server.url }, 1000);
    const request = { method: 'POST' as const, headers: {}, action: 'customer_token' };
    const plain = (path: string) =>
      withDeadline((signal) => accountsCallWithoutSecrets(accounts, { ...request, path }, signal), 1000).catch(
        (error: unknown) => error,
      );
    server.route('POST /e', {
      status: 400,
      json: { error: 'invalid_client', error_description: 'No such client', id: 7 },
    });
    server.route('POST /f', { status: 400, json: { oauth_exception: 'invalid_request', exception_description: 'x' } });
    server.route('POST /g', { status: 502, body: '<html>down</html>' });
    expect(await plain('/e')).toMatchObject({
      name: 'AccountsError',
      type: 'invalid_client',
      message: 'No such client',
      data: { id: 7 },
      status: 400,
    });
    expect(await plain('/f')).toMatchObject({ name: 'AccountsError', type: 'invalid_request', message: 'x' });
    expect(await plain('/g')).toMatchObject({ name: 'HttpError', status: 502, body: '<html>down</html>' });
  });

  it('a fetch failure is a ConnectionError: a request without secrets keeps the original error as cause', async () => {
    const failure = new TypeError('Failed to fetch');
    const fetch = async () => {
      throw failure;
    };
    const request = { method: 'GET' as const, path: '/x', headers: {}, action: 'customer_token' };
    const signal = new AbortController().signal;
    const error = await accountsCallWithoutSecrets(accountsFrom({ fetch }, 1000), request, signal).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBe(failure);
  });

  it('sends nothing under a deadline that has already expired, even with a fetch that ignores the signal', async () => {
    let fetched = 0;
    const fetch = async () => {
      fetched++;
      return new Response('{}');
    };
    const expired = AbortSignal.abort();
    const request = { method: 'GET' as const, path: '/x', headers: {}, action: 'customer_token', secrets: [] };
    await expect(accountsCall(accountsFrom({ fetch }, 1000), request, expired)).rejects.toThrow();
    await expect(accountsCallWithoutSecrets(accountsFrom({ fetch }, 1000), request, expired)).rejects.toThrow();
    expect(fetched).toBe(0);
  });

  it('refuses an accountsUrl that is not a plain http(s) URL, before any request', () => {
    for (const accountsUrl of ['', 'ftp://x', 'https://u:p@x', 'https://x/?q', 'not a url']) {
      expect(() => accountsFrom({ accountsUrl }, 1000)).toThrow(InputError);
    }
  });
});

describe('cachedToken', () => {
  const tokenOf = (n: number): Token => ({ accessToken: `t-${n}`, organizationID: 'o', tokenType: 'Bearer' });

  it('a token that never expires is fetched once; a failed exchange is retried on the next call', async () => {
    let calls = 0;
    const getter = cachedToken(
      async () => {
        if (++calls === 1) throw new Error('down');
        return { token: tokenOf(calls), lifetime: Number.POSITIVE_INFINITY };
      },
      { refreshMargin: 0, staleGrace: 0 },
    );
    await expect(getter()).rejects.toThrow('down');
    expect(await Promise.all([getter(), getter()])).toEqual([tokenOf(2), tokenOf(2)]);
    expect(await getter()).toEqual(tokenOf(2));
    expect(calls).toBe(2);
  });

  it('invalidate() drops an exchange in flight: its answer never fills the cache', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const getter = cachedToken(
      async () => {
        const n = ++calls;
        if (n === 1) await gate;
        return { token: tokenOf(n), lifetime: 60_000 };
      },
      { refreshMargin: 0, staleGrace: 0 },
    );
    const first = getter();
    getter.invalidate();
    expect(await getter()).toEqual(tokenOf(2));
    release();
    expect(await first).toEqual(tokenOf(1));
    expect(await getter()).toEqual(tokenOf(2));
  });
});
