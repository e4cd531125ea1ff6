// Customer tracking for agents (`subscribe_customers`): which customers are on the website, and the
// pushes about them that a subscribed agent socket gets.
import type { Platform } from './platform.js';
import type { Connection, CustomerSubscription } from './rtm/connection.js';
import { customerUserView } from './serialize.js';
import type { CustomerRecord } from './store.js';
import { hexId } from './util.js';

export class CustomerTracking {
  constructor(private readonly p: Platform) {}

  /** A customer is on the website while a Customer RTM socket of theirs is logged in. */
  online(customerId: string): boolean {
    return this.p.hub.of(customerId, 'customer').length > 0;
  }

  /** The groups a customer belongs to: those of their latest chat, group 0 before any chat. */
  groupsOf(customerId: string): number[] {
    let latest: { at: string; groups: number[] } | undefined;
    for (const chat of this.p.store.chats.values()) {
      if (!chat.users.has(customerId)) continue;
      const at = chat.threads.at(-1)?.created_at ?? chat.created_at;
      if (!latest || at > latest.at) latest = { at, groups: chat.access.group_ids };
    }
    return latest?.groups ?? [0];
  }

  private matches(subscription: CustomerSubscription, customerId: string): boolean {
    const groups = subscription.groupIds;
    return !groups || this.groupsOf(customerId).some((g) => groups.includes(g));
  }

  private matching(subscription: CustomerSubscription): CustomerRecord[] {
    return [...this.p.store.customers.values()].filter((c) => this.online(c.id) && this.matches(subscription, c.id));
  }

  /** Starts a subscription on `conn`; answers with the customers that match now (at most `limit`). */
  subscribe(conn: Connection, subscription: CustomerSubscription): Record<string, unknown> {
    const id = hexId(32);
    conn.customerSubscriptions.set(id, subscription);
    const customers = this.matching(subscription).slice(0, subscription.limit);
    return {
      subscription_id: id,
      customers: customers.map((c) => customerUserView(this.p.store, c, undefined, 'agent')),
    };
  }

  /** Agent sockets subscribed to a customer (each once, whatever the number of its subscriptions). */
  watchers(customerId: string): Set<Connection> {
    const out = new Set<Connection>();
    for (const conn of this.p.hub.agents()) {
      for (const subscription of conn.customerSubscriptions.values()) {
        if (this.matches(subscription, customerId)) out.add(conn);
      }
    }
    return out;
  }

  /** Pushes `action` about a customer to the sockets that track them. */
  notify(customerId: string, action: string, payload: unknown): void {
    this.p.hub.pushTo(this.watchers(customerId), action, () => payload);
  }

  /** A customer's first socket logged in: `incoming_customer` to the sockets that track them. */
  customerArrived(customer: CustomerRecord): void {
    if (this.p.hub.of(customer.id, 'customer').length !== 1) return;
    this.notify(customer.id, 'incoming_customer', customerUserView(this.p.store, customer, undefined, 'agent'));
    this.pushTotals();
  }

  /** A customer's last socket closed: `customer_left`. */
  customerLeft(customerId: string): void {
    if (this.online(customerId) || !this.p.store.customers.has(customerId)) return;
    this.notify(customerId, 'customer_left', { id: customerId, left_at: this.p.store.clock.timestamp() });
    this.pushTotals();
  }

  /** `subscribed_customers_totals_updated` to each socket with a subscription past its limit. */
  private pushTotals(): void {
    for (const conn of this.p.hub.agents()) {
      const totals: Record<string, number> = {};
      for (const [id, subscription] of conn.customerSubscriptions) {
        const count = this.matching(subscription).length;
        if (count > subscription.limit) totals[id] = count;
      }
      if (Object.keys(totals).length) this.p.hub.pushTo([conn], 'subscribed_customers_totals_updated', () => totals);
    }
  }
}
