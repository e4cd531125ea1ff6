import { InputError } from '../errors/index.js';
import type { WebApi } from './types.js';

/** Where the Web APIs live unless `apiUrl` says otherwise. */
export const DEFAULT_API_URL = 'https://api.livechatinc.com';
/** The stable API version. */
export const DEFAULT_API_VERSION = '3.6';

/**
 * Customer Chat actions the platform serves over `GET`, their params in the query string
 * (docs: Customer Chat Web API, "Methods" table).
 */
export const CUSTOMER_GET_ACTIONS: ReadonlySet<string> = new Set([
  'list_license_properties',
  'list_group_properties',
  'get_dynamic_configuration',
  'get_configuration',
  'get_localization',
]);

/**
 * Actions the docs say need no `Authorization`: sent without it unless the call passes `auth: true`
 * (Customer: `organization_id` then comes from the payload, else from the token).
 */
export const NO_AUTH_ACTIONS: Readonly<Record<WebApi, ReadonlySet<string>>> = {
  agent: new Set(),
  customer: new Set(['list_license_properties', 'list_group_properties']),
  configuration: new Set(['list_webhook_names']),
  reports: new Set(),
};

const ACTION = /^[a-z][a-z0-9_]*$/;
const REPORTS_ACTION = /^[a-z][a-z0-9_]*\/[a-z][a-z0-9_]*$/;

/**
 * Normalises `apiUrl`: a full URL keeps its scheme and port; a bare host (`127.0.0.1:1234`,
 * `api.livechatinc.com`) gets `https://`. Trailing slashes are dropped; a path prefix is kept.
 */
export function normalizeApiUrl(apiUrl: string | undefined): string {
  if (apiUrl === undefined) return DEFAULT_API_URL;
  if (typeof apiUrl !== 'string' || apiUrl.trim() === '') {
    throw new InputError('apiUrl must be a non-empty string such as "https://api.livechatinc.com"', { field: 'apiUrl' });
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(apiUrl) ? apiUrl : `https://${apiUrl}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InputError('apiUrl is not a valid URL', { field: 'apiUrl' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('apiUrl must use http or https', { field: 'apiUrl' });
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new InputError('apiUrl must not carry credentials, a query or a fragment', { field: 'apiUrl' });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Checks `apiVersion` (`3.6`, `3.7`, ...). */
export function normalizeApiVersion(apiVersion: string | undefined): string {
  if (apiVersion === undefined) return DEFAULT_API_VERSION;
  if (typeof apiVersion !== 'string' || !/^\d+\.\d+$/.test(apiVersion)) {
    throw new InputError('apiVersion must look like "3.6"', { field: 'apiVersion' });
  }
  return apiVersion;
}

/** `<base>/v<version>/<api>/action/` (Reports: `<base>/v<version>/reports/`). */
export function actionPrefix(base: string, version: string, api: WebApi): string {
  return api === 'reports' ? `${base}/v${version}/reports/` : `${base}/v${version}/${api}/action/`;
}

/**
 * The path part after {@link actionPrefix} for `action`. Reports take `<resource>/<name>`
 * (`chats/duration`); the other APIs a snake_case action name. Anything else is an `InputError`.
 */
export function actionPath(api: WebApi, action: string): string {
  if (typeof action !== 'string' || !(api === 'reports' ? REPORTS_ACTION : ACTION).test(action)) {
    throw new InputError(
      api === 'reports'
        ? `Reports action must look like "chats/duration", got ${JSON.stringify(String(action)).slice(0, 80)}`
        : `Action must be a snake_case name such as "list_chats", got ${JSON.stringify(String(action)).slice(0, 80)}`,
      { field: 'action' },
    );
  }
  // The pattern admits only [a-z0-9_/], so no encoding is needed; encode anyway should it ever widen.
  return api === 'reports' ? action.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(action);
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
 * A function or symbol value is an `InputError` naming its dotted path.
 */
export function encodeQuery(params: object): string {
  const parts: string[] = [];
  for (const key of Object.keys(params)) {
    addQueryPart(parts, key, (params as Record<string, unknown>)[key]);
  }
  return parts.join('&');
}

function addQueryPart(parts: string[], key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  switch (typeof value) {
    case 'string':
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
      return;
    case 'number':
    case 'boolean':
    case 'bigint':
      parts.push(`${encodeURIComponent(key)}=${String(value)}`);
      return;
    case 'object':
      if (value instanceof Date) {
        parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value.toISOString())}`);
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => {
          addQueryPart(parts, typeof item === 'object' && item !== null && !(item instanceof Date) ? `${key}.${i}` : key, item);
        });
      } else {
        for (const sub of Object.keys(value)) addQueryPart(parts, `${key}.${sub}`, (value as Record<string, unknown>)[sub]);
      }
      return;
    default:
      throw new InputError(`Payload field "${key}" cannot be sent in a query string (${typeof value})`, { field: key });
  }
}
