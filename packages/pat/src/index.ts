export { tokenGetterFromPAT, type PatOptions, type PatTokenGetter } from './pat.js';
export { tokenGetterFromRefreshToken, type RefreshTokenOptions, type RefreshTokenGetter } from './oauth.js';
export { AccountsError, DEFAULT_ACCOUNTS_URL, type AccountsOptions } from '@lc/core';
