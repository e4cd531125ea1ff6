import { invalid } from './check.js';

/**
 * Normalises `apiUrl` (default `https://api.livechatinc.com`): a full URL keeps its scheme and port;
 * a bare host (`127.0.0.1:1234`, `api.livechatinc.com`) gets `https://`. Trailing slashes are
 * dropped; a path prefix is kept. Only `http:`/`https:` URLs without credentials, query or fragment.
 */
export function normalizeApiUrl(apiUrl: string | undefined = 'https://api.livechatinc.com'): string {
  let url: URL | undefined;
  try {
    if (typeof apiUrl === 'string') url = new URL(/^\w+:\/\//.test(apiUrl) ? apiUrl : `https://${apiUrl}`);
  } catch {
    // invalid below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    invalid('apiUrl', 'an http(s) URL without credentials, query or fragment');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * Encodes params as a query string (without `?`). The encoding, chosen once for every API:
 *
 * - nested objects use dotted keys: `{ filters: { from: 'x' } }` → `filters.from=x`
 *   (what the Reports docs show for GET; brackets are not used);
 * - arrays of scalars repeat the key: `{ ids: [1, 2] }` → `ids=1&ids=2`;
 *   an object inside an array gets its index: `{ a: [{ b: 1 }] }` → `a.0.b=1`;
 * - `undefined` and `null` are left out, `Date` becomes its ISO string, booleans `true`/`false`;
 * - keys and values are percent-encoded (`encodeURIComponent`).
 *
 * A function or symbol value, or an object that contains itself, is an `InputError` naming its
 * dotted path.
 */
export function encodeQuery(params: object, action?: string): string {
  const parts: string[] = [];
  /** The objects on the path from `params` to the current value: one seen again is a cycle. */
  const ancestors = new Set<object>([params]);
  const isObject = (value: unknown): value is object =>
    typeof value === 'object' && value !== null && !(value instanceof Date);
  const add = (key: string, value: unknown): void => {
    if (isObject(value)) {
      if (ancestors.has(value)) invalid(key, 'a cyclic object', action);
      ancestors.add(value);
      if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) add(isObject(item) ? `${key}.${i}` : key, item);
      } else for (const sub of Object.keys(value)) add(`${key}.${sub}`, (value as Record<string, unknown>)[sub]);
      ancestors.delete(value);
    } else if (typeof value === 'function' || typeof value === 'symbol') {
      invalid(key, `a ${typeof value} in a query string`, action);
    } else if (value != null) {
      parts.push(
        `${encodeURIComponent(key)}=${encodeURIComponent(value instanceof Date ? value.toISOString() : String(value))}`,
      );
    }
  };
  for (const key of Object.keys(params)) add(key, (params as Record<string, unknown>)[key]);
  return parts.join('&');
}
