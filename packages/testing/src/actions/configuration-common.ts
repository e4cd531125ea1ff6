// What the Configuration API handlers share: announcing a change, reading string, `fields` and owner parameters.
import type { RequestContext } from '../context.js';
import { invalid } from '../errors.js';
import type { Platform } from '../platform.js';
import type { Priority } from '../store.js';

type Payload = Record<string, unknown>;

export const PRIORITIES: readonly Priority[] = ['first', 'normal', 'last', 'supervisor'];
export const ROLES = ['owner', 'viceowner', 'administrator', 'normal'];

/** Pushes a configuration change to every agent socket and fires its webhook (with `requester`). */
export function announce(ctx: RequestContext, p: Platform, action: string, payload: unknown): void {
  const me = ctx.principal ? p.store.agents.get(ctx.principal.id) : undefined;
  const requester = me ? { user_id: me.id, account_id: me.accountId, client_id: p.clientId } : undefined;
  ctx.after(() => {
    p.hub.push(
      p.hub.agents().map((c) => c.principal!.id),
      action,
      () => payload,
      ctx.origin,
    );
    p.webhooks.fire(action, payload, { requester });
  });
}

/** The `fields` a request asks for, each one of `allowed`. */
export function fieldsParam(payload: Payload, allowed: string[]): string[] {
  const fields = payload.fields ?? [];
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string' && allowed.includes(f))) {
    throw invalid(`Wrong format of request: "fields" may contain ${allowed.join(', ')}`);
  }
  return fields as string[];
}

export function str(payload: Payload, key: string): string {
  const v = payload[key];
  if (typeof v !== 'string' || v === '') throw invalid(`Wrong format of request: "${key}" must be a non-empty string`);
  return v;
}

/**
 * Actions whose `owner_client_id` is "Required only when authorizing via PATs" (docs); with a Bearer
 * token it defaults to the token's client id, and a given one wins.
 */
export const OWNER_FROM_TOKEN: ReadonlySet<string> = new Set([
  'create_bot',
  'reset_bot_secret',
  'enable_license_webhooks',
  'disable_license_webhooks',
  'get_license_webhooks_state',
]);

/** `owner_client_id` of an {@link OWNER_FROM_TOKEN} action: the given one, else the Bearer token's client id. */
export function ownerClientId(ctx: RequestContext, payload: Payload): string {
  if (payload.owner_client_id === undefined && ctx.clientId !== undefined) return ctx.clientId;
  if (payload.owner_client_id === undefined) throw invalid('Wrong format of request: "owner_client_id" is required');
  return str(payload, 'owner_client_id');
}
