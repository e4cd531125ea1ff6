// A customer's page views (`update_customer_page`, the `customer_page` of a login): recorded in their
// visit, pushed to the agents tracking them, and checked against the greetings' rules.
import type { RequestContext } from '../context.js';
import type { Platform } from '../platform.js';
import type { CustomerRecord } from '../store.js';
import { greetOnPage } from './greetings.js';

export function visitPage(
  ctx: RequestContext,
  p: Platform,
  customer: CustomerRecord,
  page: { url: string; title?: unknown },
): void {
  const entry: { opened_at: string; url: string; title?: string } = {
    opened_at: p.store.clock.timestamp(),
    url: page.url,
  };
  if (typeof page.title === 'string') entry.title = page.title;
  customer.last_pages.push(entry);
  ctx.after(() => {
    p.tracking.notify(customer.id, 'customer_page_updated', { customer_id: customer.id, visit_id: 1, ...entry });
    greetOnPage(p, customer);
  });
}
