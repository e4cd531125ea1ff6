import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  AuthorizationError,
  ConnectionClosedError,
  ConnectionError,
  HttpError,
  InputError,
  LcError,
  MisdirectedRequestError,
  NotFoundError,
  ResponseParseError,
  TimeoutError,
  TokenError,
  TooManyRequestsError,
  ValidationError,
} from '../src/index.js';

/** What a second copy of @lc/core (another install, or the CJS build next to the ESM one) would create. */
function foreignError(kinds: string[], fields: Record<string, unknown> = {}): Error {
  const err = Object.assign(new Error('from another copy'), fields);
  Object.defineProperty(err, Symbol.for('@lc/core/error-kinds'), { value: kinds });
  return err;
}

describe('error hierarchy', () => {
  it('ApiError.from picks the subclass by type, and falls back to ApiError', () => {
    const cases = [
      ['authentication', AuthenticationError],
      ['authorization', AuthorizationError],
      ['validation', ValidationError],
      ['not_found', NotFoundError],
      ['too_many_requests', TooManyRequestsError],
      ['misdirected_request', MisdirectedRequestError],
    ] as const;
    for (const [type, Cls] of cases) {
      const err = ApiError.from({ type, message: 'm' }, { status: 400, action: 'list_chats' });
      expect(err).toBeInstanceOf(Cls);
      expect(err.constructor).toBe(Cls);
      expect(err.name).toBe(Cls.kind);
    }
    const other = ApiError.from({ type: 'license_expired', message: '' });
    expect(other.constructor).toBe(ApiError);
    expect(other.message).toBe('license_expired');
  });

  it('instanceof follows the chain and nothing else', () => {
    const err = new NotFoundError({ type: 'not_found', message: 'no chat' });
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(LcError);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ValidationError);
    expect(err).not.toBeInstanceOf(HttpError);
    expect(new TokenError('x')).toBeInstanceOf(InputError);
    expect(new ConnectionClosedError('x')).toBeInstanceOf(ConnectionError);
    expect(new TimeoutError(5)).not.toBeInstanceOf(ConnectionError);
  });

  it('is recognised across copies through the Symbol.for marker (instanceof and isInstance)', () => {
    const foreign = foreignError(['NotFoundError', 'ApiError', 'LcError'], { type: 'not_found' });
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(ApiError);
    expect(foreign).toBeInstanceOf(LcError);
    expect(foreign).not.toBeInstanceOf(ValidationError);
    expect(NotFoundError.isInstance(foreign)).toBe(true);
    expect(TimeoutError.isInstance(foreign)).toBe(false);
    const maybe: unknown = foreign;
    // isInstance narrows (this line only compiles if it does).
    if (ApiError.isInstance(maybe)) expect(maybe.type).toBe('not_found');
    else expect.fail('not recognised');
    // Look-alikes without the marker are not ours.
    expect(Object.assign(new Error('x'), { name: 'NotFoundError', type: 'not_found' })).not.toBeInstanceOf(ApiError);
    expect(LcError.isInstance({ name: 'LcError' })).toBe(false);
    expect(LcError.isInstance(null)).toBe(false);
  });

  it('MisdirectedRequestError exposes the region to go to', () => {
    expect(
      new MisdirectedRequestError({ type: 'misdirected_request', message: '', data: { region: 'fra' } }).region,
    ).toBe('fra');
    expect(new MisdirectedRequestError({ type: 'misdirected_request', message: '' }).region).toBeUndefined();
  });

  it('HttpError and ResponseParseError keep only the first KiB of a body', () => {
    const body = 'x'.repeat(5000);
    expect(new HttpError({ status: 502, statusText: 'Bad Gateway', body }).body).toHaveLength(1024);
    expect(new ResponseParseError({ status: 200, body }).body).toHaveLength(1024);
    expect(new HttpError({ status: 500, statusText: '', body: '' }, { action: 'get_chat' }).message).toBe(
      'HTTP 500 (get_chat)',
    );
  });

  it('toJSON is a plain, readable view with the cause reduced to name and message', () => {
    const cause = Object.assign(new Error('socket hang up'), {
      code: 'ECONNRESET',
      config: { headers: { authorization: 'Bearer x' } },
    });
    const json = JSON.parse(
      JSON.stringify(new ConnectionError('Request failed', { action: 'list_chats', cause })),
    ) as Record<string, unknown>;
    expect(json).toEqual({
      name: 'ConnectionError',
      message: 'Request failed',
      action: 'list_chats',
      cause: { name: 'Error', message: 'socket hang up' },
    });
    const api = JSON.parse(
      JSON.stringify(
        new ValidationError({ type: 'validation', message: 'Wrong format' }, { status: 400, headers: { 'x-a': '1' } }),
      ),
    );
    expect(api).toMatchObject({ name: 'ValidationError', type: 'validation', status: 400, headers: { 'x-a': '1' } });
  });

  it('JSON.stringify never throws: data nested 5,000 levels, cycles, BigInt, a cause without toString', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const api = ApiError.from({ type: 'validation', message: 'Wrong format', data: deep }, { status: 400 });
    const json = JSON.parse(JSON.stringify(api)) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'ValidationError', type: 'validation', status: 400 });
    expect(json.data).toBe('[unserializable]');

    const cyclic: Record<string, unknown> = { big: 10n };
    cyclic.self = cyclic;
    const odd = Object.assign(new ConnectionError('x', { cause: new Error('c') }), { extra: cyclic });
    expect(JSON.parse(JSON.stringify(odd))).toMatchObject({
      message: 'x',
      extra: '[unserializable]',
      cause: { message: 'c' },
    });
    const noToString = new ConnectionError('w', { cause: Object.create(null) });
    expect(JSON.parse(JSON.stringify(noToString))).toMatchObject({ name: 'ConnectionError', message: 'w' });
    const withBigInt = Object.assign(new InputError('z'), { count: 10n, field: 'f' });
    expect(JSON.parse(JSON.stringify(withBigInt))).toMatchObject({ count: '[unserializable]', field: 'f' });
    const throwing = Object.defineProperty(new InputError('y'), 'bad', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    expect(() => JSON.stringify(throwing)).not.toThrow();
  });

  it('toJSON keeps a "__proto__" key of network data as a plain key and pollutes nothing', () => {
    const data = JSON.parse('{"__proto__":{"polluted":true},"region":"dal"}') as unknown;
    const json = JSON.parse(JSON.stringify(ApiError.from({ type: 'x', message: '', data }))) as { data: unknown };
    expect(JSON.stringify(json.data)).toBe('{"__proto__":{"polluted":true},"region":"dal"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('AbortError carries the reason as cause; TimeoutError the timeout', () => {
    expect(new AbortError({ cause: 'bye', action: 'x' })).toMatchObject({
      cause: 'bye',
      message: 'Request aborted (x)',
    });
    expect(new TimeoutError(1500)).toMatchObject({ timeout: 1500, message: 'No response within 1500 ms' });
  });
});
