// The accounts service (Global Accounts API v2) as the token getters of `@lc/pat` and
// `@lc/customer` use it: one HTTP helper, one cached refreshing getter, one error class.
export { AccountsError, invalidResponse } from './error.js';
export { DEFAULT_ACCOUNTS_URL, accountsFrom, milliseconds, type Accounts, type AccountsOptions } from './options.js';
export { accountsCall, accountsCallWithoutSecrets, redact, type AccountsRequest } from './http.js';
export {
  cachedToken,
  issuedBy,
  refreshTiming,
  type CacheTiming,
  type CachedTokenGetter,
  type IssuedToken,
  type RefreshOptions,
} from './cache.js';
