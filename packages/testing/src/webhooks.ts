import type { ChatRecord, Store, WebhookRecord } from './store.js';
import { clone, isObject } from './util.js';

/** One attempt to deliver a webhook, as `sim.webhookDeliveries()` reports it. */
export interface WebhookDelivery {
  webhookId: string;
  action: string;
  url: string;
  /** The envelope that was POSTed. */
  body: Record<string, unknown>;
  /** HTTP status of the receiver's answer; undefined when the request failed. */
  status?: number;
  /** Why the request failed (network error, timeout). */
  error?: string;
  at: string;
}

export interface WebhookContext {
  chat?: ChatRecord | undefined;
  /** Author type of the event (`incoming_event`, `event_updated`) for the `author_type` filter. */
  authorType?: 'agent' | 'customer' | undefined;
  /** Configuration webhooks carry the requester. */
  requester?: { user_id: string; account_id: string; client_id: string } | undefined;
}

const MAX_DELIVERIES = 1000;

/** Delivers webhooks for real: an HTTP POST of the documented envelope to each registered URL. */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number,
    private readonly log: (line: string) => void,
  ) {}

  /** Sends `action` to every matching webhook; never throws, never blocks the caller. */
  fire(action: string, payload: unknown, context: WebhookContext = {}): void {
    for (const webhook of this.store.webhooks.values()) {
      if (webhook.action !== action || !this.matches(webhook, context)) continue;
      const body: Record<string, unknown> = {
        webhook_id: webhook.id,
        secret_key: webhook.secret_key,
        action,
        organization_id: this.store.organizationId,
        payload: clone(payload),
        additional_data: this.additionalData(webhook, context.chat),
      };
      if (context.requester) body.requester = context.requester;
      this.track(this.deliver(webhook, body));
    }
  }

  /** Resolves when every delivery started so far has finished. */
  async flush(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.abort.abort();
  }

  private matches(webhook: WebhookRecord, context: WebhookContext): boolean {
    if (webhook.type === 'license' && this.store.disabledLicenseWebhooks.has(webhook.owner_client_id)) return false;
    const present = context.chat ? [...context.chat.users].filter(([, u]) => u.present).map(([id]) => id) : [];
    const botsOfOwner = present.filter((id) => {
      const a = this.store.agents.get(id);
      return a?.isBot && a.ownerClientId === webhook.owner_client_id;
    });
    if (webhook.type === 'bot' && botsOfOwner.length === 0) return false;
    const filters = webhook.filters;
    if (!filters) return true;
    if (typeof filters.author_type === 'string' && context.authorType && filters.author_type !== context.authorType)
      return false;
    const presence = filters.chat_presence;
    if (isObject(presence) && context.chat) {
      const userIds = presence.user_ids;
      let ok = true;
      if (isObject(userIds) && Array.isArray(userIds.values))
        ok = userIds.values.some((id) => present.includes(String(id)));
      if (isObject(userIds) && Array.isArray(userIds.exclude_values))
        ok = !userIds.exclude_values.some((id) => present.includes(String(id)));
      if (presence.my_bots === true) ok = ok || botsOfOwner.length > 0;
      if (!ok) return false;
    }
    return true;
  }

  private additionalData(webhook: WebhookRecord, chat: ChatRecord | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (!chat) return out;
    if (webhook.additional_data?.includes('chat_properties')) out.chat_properties = clone(chat.properties);
    if (webhook.additional_data?.includes('chat_presence_user_ids')) {
      out.chat_presence_user_ids = [...chat.users].filter(([, u]) => u.present).map(([id]) => id);
    }
    return out;
  }

  private async deliver(webhook: WebhookRecord, body: Record<string, unknown>): Promise<void> {
    const delivery: WebhookDelivery = {
      webhookId: webhook.id,
      action: webhook.action,
      url: webhook.url,
      body,
      at: new Date().toISOString(),
    };
    this.record(delivery);
    const controller = new AbortController();
    const onClose = () => controller.abort();
    this.abort.signal.addEventListener('abort', onClose, { once: true });
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer within ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    try {
      const signal = controller.signal;
      const res = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'lc-simulator' },
        body: JSON.stringify(body),
        signal,
      });
      delivery.status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      this.log(`webhook ${webhook.action} → ${webhook.url}: ${res.status}`);
    } catch (err) {
      delivery.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.log(`webhook ${webhook.action} → ${webhook.url} failed: ${delivery.error}`);
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', onClose);
    }
  }

  private record(delivery: WebhookDelivery): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.shift();
  }

  private track(promise: Promise<void>): void {
    this.inflight.add(promise);
    void promise.finally(() => this.inflight.delete(promise));
  }
}
