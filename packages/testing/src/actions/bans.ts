// Customer bans: Agent `ban_customer`, Configuration `ban_customer` (3.7), `list_customer_bans` / `unban_customer`.
import type { RequestContext } from '../context.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { formatMicros, isObject } from '../util.js';

type Payload = Record<string, unknown>;

const DAY_MICROS = 86_400 * 1_000_000;

/** Agent `ban_customer`: disconnects the customer's sessions and refuses new ones while the ban lasts. */
export function banCustomer(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const me = p.requester(ctx);
  const customer = p.customer(payload.id);
  const days = isObject(payload.ban) ? payload.ban.days : undefined;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1)
    throw invalid('Wrong format of request: "ban.days" must be a positive integer');
  recordBan(p, { ip: customer.ip ?? '127.0.0.1', customerId: customer.id, agentId: me.id }, days * DAY_MICROS);
  ctx.after(() => {
    // Not documented: the reason the platform gives the customer's sockets; the error type is used.
    for (const conn of p.hub.of(customer.id, 'customer')) p.disconnectSocket(conn, 'customer_banned');
    const body = { customer_id: customer.id, ban: { days } };
    p.hub.push(
      p.hub.agents().map((c) => c.principal!.id),
      'customer_banned',
      () => body,
      ctx.origin,
    );
  });
  return {};
}

/** Keeps a ban of `duration` microseconds (its thread: the customer's latest). */
function recordBan(
  p: Platform,
  who: { ip: string; customerId: string | undefined; agentId: string },
  duration: number,
): void {
  const now = p.store.clock.micros();
  let threadId: string | undefined;
  for (const chat of p.store.chats.values()) {
    if (who.customerId && chat.users.has(who.customerId)) threadId = chat.threads.at(-1)?.id ?? threadId;
  }
  p.store.bans.push({
    ip: who.ip,
    customer_id: who.customerId,
    agent_id: who.agentId,
    thread_id: threadId,
    created_at: formatMicros(now),
    expires_at: formatMicros(now + duration),
  });
}

/**
 * 3.7 Configuration `ban_customer`: `seconds`, and at least one of `ip` and `customer_id` (docs). The
 * customer's sockets are closed as with the Agent action; the docs name no push for it.
 */
export function banCustomerConfiguration(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const me = p.requester(ctx);
  const seconds = payload.seconds;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1)
    throw invalid('Wrong format of request: "seconds" must be a positive integer');
  if (payload.ip === undefined && payload.customer_id === undefined)
    throw invalid('Wrong format of request: at least one of "ip" and "customer_id" is required');
  if (payload.ip !== undefined && (typeof payload.ip !== 'string' || payload.ip === ''))
    throw invalid('Wrong format of request: "ip" must be a non-empty string');
  const customer = payload.customer_id === undefined ? undefined : p.customer(payload.customer_id);
  const ip = (payload.ip as string | undefined) ?? customer?.ip ?? '127.0.0.1';
  recordBan(p, { ip, customerId: customer?.id, agentId: me.id }, seconds * 1_000_000);
  if (customer) {
    ctx.after(() => {
      for (const conn of p.hub.of(customer.id, 'customer')) p.disconnectSocket(conn, 'customer_banned');
    });
  }
  return {};
}

/** Throws `customer_banned` while a ban of this customer is in force. */
export function assertNotBanned(p: Platform, customerId: string): void {
  const ban = p.store.activeBan(customerId);
  if (ban) throw new SimError('customer_banned', `Customer is banned until ${ban.expires_at}`);
}

/** Configuration `list_customer_bans`: the bans in force. */
export function listCustomerBans(_ctx: RequestContext, _payload: Payload, p: Platform): unknown {
  const now = p.store.clock.timestamp();
  return p.store.bans
    .filter((b) => b.expires_at > now)
    .map((b) => {
      const out: Record<string, unknown> = { ip: b.ip };
      if (b.customer_id !== undefined) out.customer_id = b.customer_id;
      out.agent_id = b.agent_id;
      if (b.thread_id !== undefined) out.thread_id = b.thread_id;
      out.created_at = b.created_at;
      out.expires_at = b.expires_at;
      return out;
    });
}

/** Configuration `unban_customer`: exactly one of `ip` and `customer_id` (docs). */
export function unbanCustomer(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const byIp = payload.ip !== undefined;
  if (byIp === (payload.customer_id !== undefined))
    throw invalid('Wrong format of request: exactly one of "ip" and "customer_id" is required');
  const key = byIp ? 'ip' : 'customer_id';
  const value = payload[key];
  if (typeof value !== 'string' || value === '')
    throw invalid(`Wrong format of request: "${key}" must be a non-empty string`);
  const now = p.store.clock.timestamp();
  const before = p.store.bans.length;
  const kept = p.store.bans.filter((b) => b[key] !== value || b.expires_at <= now);
  if (kept.length === before) throw notFound('Ban of', value);
  p.store.bans.splice(0, before, ...kept);
  return {};
}
