import { describe, expect, it } from 'vitest';
import { authHeaders, loginToken, regionOf, resolveToken, TokenError, type Token } from '../src/index.js';

const base: Token = { accessToken: 'dal:abc', tokenType: 'Bearer', organizationID: 'org-1' };

describe('resolveToken', () => {
  it('accepts sync and async getters and derives the region', async () => {
    await expect(resolveToken(() => base)).resolves.toEqual({
      accessToken: 'dal:abc',
      tokenType: 'Bearer',
      organizationID: 'org-1',
      region: 'dal',
    });
    await expect(resolveToken(async () => ({ ...base, region: 'fra' }))).resolves.toMatchObject({ region: 'fra' });
    await expect(
      resolveToken(() => ({ ...base, accessToken: 'plain', organizationID: undefined as unknown as string })),
    ).resolves.toMatchObject({
      region: undefined,
      organizationID: '',
    });
  });

  it.each([
    ['getter', 'not a function'],
    ['getter', () => undefined],
    ['getter', () => 'a string'],
    ['accessToken', () => ({ ...base, accessToken: ' ' })],
    ['accessToken', () => ({ ...base, accessToken: 'a\nb' })],
    ['tokenType', () => ({ ...base, tokenType: 'bearer' })],
    ['organizationID', () => ({ ...base, organizationID: 1 })],
    ['region', () => ({ ...base, region: 'd a l' })],
  ])('TokenError naming %s', async (field, getter) => {
    const err = await resolveToken(getter as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenError);
    expect((err as TokenError).field).toBe(field);
  });

  it('requireOrganization', async () => {
    await expect(
      resolveToken(() => ({ ...base, organizationID: '' }), { requireOrganization: true }),
    ).rejects.toMatchObject({ field: 'organizationID' });
  });

  it('a failing getter keeps its error as cause and the token never reaches a message', async () => {
    const cause = new Error('refresh failed');
    const err = (await resolveToken(() => {
      throw cause;
    }).catch((e: unknown) => e)) as TokenError;
    expect(err.cause).toBe(cause);
    const leaky = (await resolveToken(() => ({ ...base, accessToken: 'SECRET\r\n' })).catch(
      (e: unknown) => e,
    )) as TokenError;
    expect(`${String(leaky)} ${leaky.stack} ${JSON.stringify(leaky)}`).not.toContain('SECRET');
  });
});

describe('token helpers', () => {
  it('regionOf: explicit region, else the token prefix', () => {
    expect(regionOf({ accessToken: 'fra:xyz' })).toBe('fra');
    expect(regionOf({ accessToken: 'dal:xyz', region: 'eu-1' })).toBe('eu-1');
    expect(regionOf({ accessToken: 'no-prefix' })).toBeUndefined();
  });

  it('authHeaders and loginToken', () => {
    const resolved = { accessToken: 'dal:t', tokenType: 'Bearer', organizationID: 'o', region: 'dal' } as const;
    expect(authHeaders(resolved)).toEqual({ authorization: 'Bearer dal:t', 'x-region': 'dal' });
    expect(authHeaders({ ...resolved, region: undefined, tokenType: 'Basic' })).toEqual({
      authorization: 'Basic dal:t',
    });
    expect(loginToken(resolved)).toBe('Bearer dal:t');
  });
});
