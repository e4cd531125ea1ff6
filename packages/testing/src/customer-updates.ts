// Telling agents (and the customer) that a customer or one of their carts changed.
import type { CartRecord } from './carts.js';
import type { RequestContext } from './context.js';
import type { Platform } from './platform.js';
import { customerUpdatedPayload } from './serialize.js';
import type { CustomerRecord } from './store.js';
import { clone } from './util.js';

/** The agents present in a customer's chats, and the customer's active chat (if any). */
function customerChats(
  p: Platform,
  customerId: string,
): {
  agents: Set<string>;
  activeChat: { chat_id: string; thread_id: string } | undefined;
} {
  const agents = new Set<string>();
  let activeChat: { chat_id: string; thread_id: string } | undefined;
  for (const chat of p.store.chats.values()) {
    if (!chat.users.has(customerId)) continue;
    for (const [id, u] of chat.users) if (u.type === 'agent' && u.present) agents.add(id);
    const t = p.lastThread(chat);
    if (t?.active) activeChat = { chat_id: chat.id, thread_id: t.id };
  }
  return { agents, activeChat };
}

/**
 * A store integration changed one of a customer's carts: `customer_updated` with that `cart` to the
 * agents chatting with or tracking the customer. The customer is not told (their Customer Chat API
 * structure has no carts).
 */
export function cartUpdated(p: Platform, customer: CustomerRecord, cart: CartRecord): void {
  const sockets = [...customerChats(p, customer.id).agents].flatMap((id) => p.hub.of(id, 'agent'));
  p.hub.pushTo([...sockets, ...p.tracking.watchers(customer.id)], 'customer_updated', (view) =>
    view === 'agent' ? { ...customerUpdatedPayload(p.store, customer, view), cart: clone(cart) } : undefined,
  );
}

/** Everything about a customer that changed, to the customer and the agents chatting with them. */
export function customerUpdated(
  p: Platform,
  ctx: RequestContext,
  customer: CustomerRecord,
  sessionFieldsChanged: boolean,
): void {
  const { agents, activeChat } = customerChats(p, customer.id);
  ctx.after(() => {
    const sockets = [...agents, customer.id].flatMap((id) => p.hub.of(id));
    p.hub.pushTo(
      [...sockets, ...p.tracking.watchers(customer.id)],
      'customer_updated',
      (view) => customerUpdatedPayload(p.store, customer, view),
      ctx.origin,
    );
    if (sessionFieldsChanged) {
      const body: Record<string, unknown> = { id: customer.id, session_fields: clone(customer.session_fields) };
      if (activeChat) body.active_chat = activeChat;
      p.webhooks.fire('customer_session_fields_updated', body);
    }
  });
}
