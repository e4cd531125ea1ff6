import { InputError, LcError, type LcErrorOptions, type RegisterWebhookFilters } from '@lc/core';
import type { WebhookAction } from './actions.js';
import { isRecord } from './parse.js';

/** Who a webhook is for: every license that installs the app, or the app's bots. */
export type WebhookType = 'license' | 'bot';

/** What a webhook can carry in `additional_data`, when asked for at registration. */
export type WebhookAdditionalDataKey = 'chat_properties' | 'chat_presence_user_ids';

/**
 * `filters` of `register_webhook`. `agent_ids` is a list of agent IDs here; @lc/configuration types it
 * like `chat_presence.user_ids` (the docs give no shape, and both types are public).
 * @see https://platform.text.com/docs/management/configuration-api/v3.6#register-webhook
 */
export interface WebhookFilters extends RegisterWebhookFilters<string[]> {}

/** `register_webhook` request, in the docs' wire names. */
export interface RegisterWebhookRequest {
  action: WebhookAction | (string & {});
  secret_key: string;
  /** Maximum 500 characters. */
  url: string;
  owner_client_id: string;
  type: WebhookType;
  additional_data?: WebhookAdditionalDataKey[];
  description?: string;
  filters?: WebhookFilters;
}

/** `list_webhooks` request. */
export interface ListWebhooksRequest {
  owner_client_id: string;
}

/** `unregister_webhook` request. */
export interface UnregisterWebhookRequest {
  id: string;
  owner_client_id: string;
}

/** One webhook as `list_webhooks` returns it (unknown fields are kept; `secret_key` is removed). */
export interface ListedWebhook {
  id: string;
  action: string;
  url: string;
  owner_client_id?: string;
  type?: WebhookType;
  description?: string;
  filters?: WebhookFilters;
  additional_data?: WebhookAdditionalDataKey[];
  [key: string]: unknown;
}

/**
 * A client that can send Configuration API actions: `call('list_webhooks', payload)` (the
 * generic Web client of `@lc/core`, or anything with the same shape).
 */
export interface WebhookCallClient {
  call(action: string, payload: object): Promise<unknown>;
}

/**
 * A client with the three webhook methods of the Configuration API (e.g. the `@lc/configuration`
 * client), taking the docs' snake_case payloads.
 */
export interface WebhookMethodsClient {
  listWebhooks(payload: ListWebhooksRequest): Promise<unknown>;
  registerWebhook(payload: RegisterWebhookRequest): Promise<unknown>;
  unregisterWebhook(payload: UnregisterWebhookRequest): Promise<unknown>;
}

/** What {@link syncWebhooks} needs: typed structurally, so no API package is imported. */
export type WebhookConfigurationClient = WebhookCallClient | WebhookMethodsClient;

/** One webhook you want registered. */
export interface DeclaredWebhook {
  action: WebhookAction | (string & {});
  filters?: WebhookFilters;
  additional_data?: WebhookAdditionalDataKey[];
  description?: string;
}

/** Options of {@link syncWebhooks}: the desired state of one client id's webhooks of one type, all sent to `url`. */
export interface SyncWebhooksOptions {
  /** The client id (app) owning the webhooks. */
  owner_client_id: string;
  /** Where the platform sends them; maximum 500 characters. */
  url: string;
  /** Sent in every webhook; check it with {@link verifyWebhook} / {@link createWebhookHandler}. */
  secret_key: string;
  type: WebhookType;
  /** The webhooks that should exist, each at most once; up to 3 per action (platform limit). */
  webhooks: readonly DeclaredWebhook[];
  /**
   * Unregister this client's webhooks of this `type` that are not declared, whatever their url
   * (default `true`). With `false`, only missing webhooks are registered.
   */
  prune?: boolean;
  /** Only list and compute the changes; register and unregister nothing (default `false`). */
  dryRun?: boolean;
}

/** A webhook {@link syncWebhooks} registered (`id` is `undefined` in a dry run). No `secret_key`. */
export interface SyncedWebhook extends Omit<RegisterWebhookRequest, 'secret_key'> {
  id: string | undefined;
}

/** What {@link syncWebhooks} changed. */
export interface SyncWebhooksResult {
  registered: SyncedWebhook[];
  unregistered: ListedWebhook[];
  unchanged: ListedWebhook[];
}

/**
 * {@link syncWebhooks} stopped part-way: a call failed or answered something unexpected.
 * `partial` says what had already changed; `cause` is the client's error. `action` is the
 * Configuration API action that failed.
 */
export class WebhookSyncError extends LcError {
  static override readonly kind: string = 'WebhookSyncError';
  /** The changes made before the failure. */
  readonly partial: SyncWebhooksResult;
  constructor(message: string, partial: SyncWebhooksResult, options: LcErrorOptions = {}) {
    super(message, options);
    this.partial = partial;
  }
}

/** The platform's limit: "up to three webhooks for every `action`" per client id. */
const MAX_PER_ACTION = 3;

const DATA_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['chat_properties', 'chat_presence_user_ids']);

/**
 * A canonical JSON form for comparing filters and additional data: keys sorted; arrays of
 * primitives sorted (they are sets); `undefined`, `null`, `false`, `[]` and `{}` dropped (each
 * means "no filter").
 */
function canonical(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (v === undefined || v === null || v === false) return undefined;
    if (Array.isArray(v)) {
      const items = v.map(norm).filter((x) => x !== undefined);
      if (items.length === 0) return undefined;
      return items.every((x) => typeof x !== 'object')
        ? [...items].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))
        : items;
    }
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const n = norm((v as Record<string, unknown>)[key]);
        if (n !== undefined) out[key] = n;
      }
      return Object.keys(out).length === 0 ? undefined : out;
    }
    return v;
  };
  return JSON.stringify(norm(value)) ?? '';
}

function hasFn<K extends string>(value: unknown, key: K): value is Record<K, (...args: never[]) => unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[key] === 'function';
}

function nonEmptyString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new InputError(`${field} must be a non-empty string`, { field });
  return value;
}

function validate(client: unknown, options: SyncWebhooksOptions): void {
  const methods =
    hasFn(client, 'listWebhooks') && hasFn(client, 'registerWebhook') && hasFn(client, 'unregisterWebhook');
  if (!methods && !hasFn(client, 'call')) {
    throw new InputError(
      'client must have call(action, payload) or listWebhooks/registerWebhook/unregisterWebhook methods',
      { field: 'client' },
    );
  }
  if (!isRecord(options)) throw new InputError('syncWebhooks needs an options object', { field: 'options' });
  nonEmptyString(options.owner_client_id, 'owner_client_id');
  nonEmptyString(options.secret_key, 'secret_key');
  const url = nonEmptyString(options.url, 'url');
  if (url.length > 500) throw new InputError('url must be at most 500 characters', { field: 'url' });
  if (options.type !== 'license' && options.type !== 'bot') {
    throw new InputError("type must be 'license' or 'bot'", { field: 'type' });
  }
  if (!Array.isArray(options.webhooks)) throw new InputError('webhooks must be an array', { field: 'webhooks' });
  const seen = new Set<string>();
  const perAction = new Map<string, number>();
  options.webhooks.forEach((w: unknown, i) => {
    const at = `webhooks[${i}]`;
    if (!isRecord(w)) throw new InputError(`${at} must be an object`, { field: at });
    const action = nonEmptyString(w.action, `${at}.action`);
    if (w.filters !== undefined && !isRecord(w.filters)) {
      throw new InputError(`${at}.filters must be an object`, { field: `${at}.filters` });
    }
    if (w.description !== undefined && typeof w.description !== 'string') {
      throw new InputError(`${at}.description must be a string`, { field: `${at}.description` });
    }
    if (
      w.additional_data !== undefined &&
      !(Array.isArray(w.additional_data) && w.additional_data.every((k) => typeof k === 'string' && DATA_KEYS.has(k)))
    ) {
      throw new InputError(`${at}.additional_data must list chat_properties and/or chat_presence_user_ids`, {
        field: `${at}.additional_data`,
      });
    }
    const key = canonical([action, w.filters, w.additional_data, w.description ?? '']);
    if (seen.has(key)) throw new InputError(`${at} is declared twice`, { field: at });
    seen.add(key);
    const count = (perAction.get(action) ?? 0) + 1;
    if (count > MAX_PER_ACTION) {
      throw new InputError(`At most ${MAX_PER_ACTION} webhooks per action per client id (${action})`, { field: at });
    }
    perAction.set(action, count);
  });
}

function withoutSecret(w: Record<string, unknown>): ListedWebhook {
  const { secret_key: _secret, ...rest } = w;
  return rest as ListedWebhook;
}

/**
 * Makes a client id's registered webhooks match a declared list, and says what it changed.
 *
 * Lists the client's webhooks (`list_webhooks`), keeps the ones identical to a declared entry
 * (same action, url, filters, description, and additional data / secret when the list shows
 * them), registers the missing ones (`register_webhook`), then unregisters the stale ones of the
 * same `type` (`unregister_webhook`). Registering first means no action is left without a webhook
 * (you may get a duplicate delivery during the switch: dedupe on `webhook_id`), except where that
 * would pass the platform's limit of 3 webhooks per action: then just enough of that action's stale
 * webhooks are unregistered first. Running it again changes nothing, so it is safe on every deploy.
 *
 * Pruning removes this client id's undeclared webhooks of this `type` at ANY url: a staging and a
 * production deployment that share a client id must not both sync with pruning (pass `prune: false`
 * in one of them), or each run deletes the other's webhooks.
 *
 * `list_webhooks` does not return `secret_key`, so a changed secret alone is not seen as a
 * change; to roll a secret, accept both in your handler and change the url (e.g. a `?v=2` query).
 *
 * `client` is typed structurally: the `@lc/configuration` client, `@lc/core`'s Web client, or
 * anything with `call(action, payload)`.
 *
 * @throws {InputError} before any call, for a bad client or options (duplicate entries, more
 * than 3 per action, url over 500 characters, ...).
 * @throws {WebhookSyncError} when a call fails part-way (`partial` says what changed, `cause`
 * is the client's error).
 * @see https://platform.text.com/docs/management/configuration-api/v3.6#register-webhook
 */
export async function syncWebhooks(
  client: WebhookConfigurationClient,
  options: SyncWebhooksOptions,
): Promise<SyncWebhooksResult> {
  validate(client, options);
  const { owner_client_id } = options;
  const result: SyncWebhooksResult = { registered: [], unregistered: [], unchanged: [] };
  const send = sender(client, result);
  const existing = await listOwnWebhooks(send, owner_client_id, result);
  const { missing, stale } = compare(existing, options, result);

  const unregister = async (w: Record<string, unknown>): Promise<void> => {
    if (!options.dryRun) {
      await send('unregister_webhook', 'unregisterWebhook', { id: w.id as string, owner_client_id });
    }
    result.unregistered.push(withoutSecret(w));
  };
  const first = staleToUnregisterFirst(existing, missing, stale);
  for (const w of stale) if (first.has(w)) await unregister(w);
  for (const d of missing) {
    const request = registerRequest(d, options);
    const { secret_key: _secret, ...shown } = request;
    if (options.dryRun) {
      result.registered.push({ ...shown, id: undefined });
      continue;
    }
    const response = await send('register_webhook', 'registerWebhook', request);
    const id = isRecord(response) && typeof response.id === 'string' ? response.id : undefined;
    result.registered.push({ ...shown, id });
  }
  for (const w of stale) if (!first.has(w)) await unregister(w);
  return result;
}

/** Sends one action, with the client's method when it has one; a failure becomes a {@link WebhookSyncError}. */
type Send = (action: string, method: string, payload: object) => Promise<unknown>;

function sender(client: WebhookConfigurationClient, result: SyncWebhooksResult): Send {
  return async (action, method, payload) => {
    try {
      if (hasFn(client, method)) {
        return await (client as unknown as Record<string, (p: object) => Promise<unknown>>)[method]!(payload);
      }
      return await (client as WebhookCallClient).call(action, payload);
    } catch (cause) {
      const name = cause instanceof Error ? cause.name : 'error';
      throw new WebhookSyncError(`syncWebhooks stopped: ${action} failed (${name})`, result, { cause, action });
    }
  };
}

/** The client id's registered webhooks (`list_webhooks`), checked to be a list of webhooks. */
async function listOwnWebhooks(
  send: Send,
  owner_client_id: string,
  result: SyncWebhooksResult,
): Promise<Record<string, unknown>[]> {
  const listed = await send('list_webhooks', 'listWebhooks', { owner_client_id });
  if (
    !Array.isArray(listed) ||
    !listed.every((w) => isRecord(w) && typeof w.id === 'string' && typeof w.action === 'string')
  ) {
    throw new WebhookSyncError('syncWebhooks stopped: list_webhooks did not answer a list of webhooks', result, {
      action: 'list_webhooks',
    });
  }
  return (listed as Record<string, unknown>[]).filter(
    (w) => w.owner_client_id === undefined || w.owner_client_id === owner_client_id,
  );
}

/** Whether a listed webhook is the declared one (fields the list does not show are not compared). */
function matches(w: Record<string, unknown>, d: DeclaredWebhook, options: SyncWebhooksOptions): boolean {
  return (
    w.action === d.action &&
    w.url === options.url &&
    (w.type === options.type || w.type === undefined) &&
    canonical(w.filters) === canonical(d.filters) &&
    (typeof w.description === 'string' ? w.description : '') === (d.description ?? '') &&
    (!('additional_data' in w) || canonical(w.additional_data) === canonical(d.additional_data)) &&
    (typeof w.secret_key !== 'string' || w.secret_key === options.secret_key)
  );
}

/**
 * Pairs declared and registered webhooks: the matched ones go to `result.unchanged`; returns the
 * declared ones to register and (when pruning) the registered ones of this `type` to unregister.
 */
function compare(existing: Record<string, unknown>[], options: SyncWebhooksOptions, result: SyncWebhooksResult) {
  const used = new Set<Record<string, unknown>>();
  const missing: DeclaredWebhook[] = [];
  for (const d of options.webhooks) {
    const found = existing.find((w) => !used.has(w) && matches(w, d, options));
    if (found) {
      used.add(found);
      result.unchanged.push(withoutSecret(found));
    } else {
      missing.push(d);
    }
  }
  const prune = options.prune ?? true;
  const stale = prune ? existing.filter((w) => !used.has(w) && w.type === options.type) : [];
  return { missing, stale };
}

/**
 * The platform allows 3 webhooks per action and client id. Where registering first would pass that
 * limit (e.g. 3 webhooks of an action moving to a new url), just enough of that action's stale
 * webhooks go first: a short gap for that action instead of a sync that can never succeed.
 */
function staleToUnregisterFirst(
  existing: Record<string, unknown>[],
  missing: DeclaredWebhook[],
  stale: Record<string, unknown>[],
): Set<Record<string, unknown>> {
  const first = new Set<Record<string, unknown>>();
  for (const action of new Set(missing.map((d) => d.action))) {
    let over =
      existing.filter((w) => w.action === action).length +
      missing.filter((d) => d.action === action).length -
      MAX_PER_ACTION;
    for (const w of stale) {
      if (over <= 0) break;
      if (w.action === action) {
        first.add(w);
        over--;
      }
    }
  }
  return first;
}

function registerRequest(d: DeclaredWebhook, options: SyncWebhooksOptions): RegisterWebhookRequest {
  const { secret_key, url, owner_client_id, type } = options;
  const request: RegisterWebhookRequest = { action: d.action, secret_key, url, owner_client_id, type };
  if (d.filters !== undefined) request.filters = d.filters;
  if (d.additional_data !== undefined) request.additional_data = d.additional_data;
  if (d.description !== undefined) request.description = d.description;
  return request;
}
