import type { ConfigurationWebhookAction, WebhookAction } from './actions.js';
import type { WebhookPayloads } from './payloads.js';
import type { Properties } from './structures.js';

/**
 * `additional_data` of a webhook: what was asked for at registration (`register_webhook`'s
 * `additional_data`), `{}` otherwise.
 */
export interface WebhookAdditionalData {
  /** The chat's properties, when registered with `additional_data: ['chat_properties']`. */
  chat_properties?: Properties;
  /** Ids of the users present in the chat, when registered with `additional_data: ['chat_presence_user_ids']`. */
  chat_presence_user_ids?: string[];
}

/** Who made a configuration change (top-level `requester` of configuration webhooks). */
export interface WebhookRequester {
  user_id: string;
  account_id: string;
  /** Missing when the change was not made by an application. */
  client_id?: string;
}

/**
 * The envelope every webhook shares.
 *
 * `secret_key` is the key given at registration. {@link parseWebhook} makes it non-enumerable on
 * the object it returns, so logging or `JSON.stringify`-ing a webhook does not print it.
 *
 * @see https://platform.text.com/docs/management/configuration-api/v3.6#webhooks
 */
export interface WebhookEnvelope<A extends string = string, P = unknown> {
  /** Id of the delivery (use it to drop duplicates). */
  webhook_id: string;
  /** The secret key given at registration. Check it with {@link verifyWebhook}. */
  secret_key: string;
  action: A;
  organization_id: string;
  payload: P;
  /** Missing on some actions (`chat_transferred`, `thread_summary_set`). */
  additional_data?: WebhookAdditionalData;
}

/** A configuration webhook: its envelope also says who made the change. */
export interface ConfigurationWebhookEnvelope<A extends string = string, P = unknown> extends WebhookEnvelope<A, P> {
  requester?: WebhookRequester;
}

/** The webhook of one documented action, e.g. `WebhookOf<'incoming_chat'>`. */
export type WebhookOf<A extends WebhookAction> = A extends ConfigurationWebhookAction
  ? ConfigurationWebhookEnvelope<A, WebhookPayloads[A]>
  : WebhookEnvelope<A, WebhookPayloads[A]>;

/**
 * Any documented webhook: a union discriminated by `action`.
 *
 * ```ts
 * switch (webhook.action) {
 *   case 'incoming_chat': webhook.payload.chat.id; break;
 *   case 'agent_created': webhook.requester?.user_id; break;
 * }
 * ```
 */
export type KnownWebhook = { [A in WebhookAction]: WebhookOf<A> }[WebhookAction];

/**
 * A webhook whose action this version of the SDK does not know (a newer action, or a docs
 * sample's misspelling such as `auto_access_added`). Its payload is kept as it came.
 */
export type UnknownWebhook = ConfigurationWebhookEnvelope<string, unknown>;

/**
 * What {@link parseWebhook} returns: a {@link KnownWebhook} or an {@link UnknownWebhook}.
 * Narrow it with {@link isKnownWebhook} (then `switch (webhook.action)`) or
 * {@link isWebhookOf} for one action.
 */
export type Webhook = KnownWebhook | UnknownWebhook;
