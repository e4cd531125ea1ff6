import { expectTypeOf, test } from 'vitest';
import type { Token, TokenGetter } from '@lc/core';
import { tokenGetterFromPAT, tokenGetterFromRefreshToken } from '../src/index.js';

test('the getters are core TokenGetters', () => {
  expectTypeOf(tokenGetterFromPAT('acc', 'pat')).toExtend<TokenGetter>();
  const oauth = tokenGetterFromRefreshToken({ clientId: 'c', refreshToken: 'r' });
  expectTypeOf(oauth).toExtend<TokenGetter>();
  expectTypeOf(oauth.refresh).returns.resolves.toEqualTypeOf<Token>();
});

test('required options are required', () => {
  // @ts-expect-error refreshToken is required
  tokenGetterFromRefreshToken({ clientId: 'c' });
  // @ts-expect-error the PAT is required
  tokenGetterFromPAT('acc');
});
