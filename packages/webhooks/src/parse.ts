import { isWebhookAction, type WebhookAction } from './actions.js';
import { WebhookError } from './errors.js';
import type { KnownWebhook, Webhook, WebhookOf } from './types.js';

/** What {@link parseWebhook} accepts: the raw body (text or bytes) or an already-parsed object. */
export type WebhookBody = string | Uint8Array | ArrayBuffer | object;

/** @internal Decodes a raw body to a JSON value; throws `WebhookError('invalid_json')`. */
export function decodeJson(body: string | Uint8Array | ArrayBuffer): unknown {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch (cause) {
      throw new WebhookError('invalid_json', 'Webhook body is not valid UTF-8', { cause });
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // No `cause`: the engine's SyntaxError quotes the body around the fault, which may be the secret.
    throw new WebhookError('invalid_json', 'Webhook body is not valid JSON');
  }
}

/** @internal `true` for a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAWebhook(field: string | undefined, what: string): WebhookError {
  return new WebhookError('not_a_webhook', `Body is not a webhook envelope: ${what}`, { field });
}

const REQUIRED_STRINGS = ['action', 'secret_key', 'webhook_id', 'organization_id'] as const;

/** @internal Checks the envelope of a parsed JSON value and returns the webhook (a shallow copy). */
export function toWebhook(value: unknown): Webhook {
  if (!isRecord(value)) throw notAWebhook(undefined, 'not a JSON object');
  for (const field of REQUIRED_STRINGS) {
    const v = value[field];
    if (typeof v !== 'string' || v === '') {
      throw notAWebhook(field, `\`${field}\` must be a non-empty string`);
    }
  }
  const payload = value.payload;
  if (typeof payload !== 'object' || payload === null) {
    throw notAWebhook('payload', '`payload` must be an object or an array');
  }
  for (const field of ['additional_data', 'requester'] as const) {
    if (value[field] !== undefined && !isRecord(value[field])) {
      throw notAWebhook(field, `\`${field}\` must be an object when present`);
    }
  }
  const webhook: Record<string, unknown> = { ...value };
  // Keep the secret readable (`webhook.secret_key`) but out of logs, JSON and spreads.
  Object.defineProperty(webhook, 'secret_key', {
    value: value.secret_key,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return webhook as unknown as Webhook;
}

/**
 * Reads a webhook request body: the raw text, the raw bytes, or an object a framework already
 * parsed (e.g. `express.json()`).
 *
 * Lenient by design: fields the SDK does not know are kept, payloads are not validated, and an
 * action the SDK does not know comes back as an {@link UnknownWebhook} instead of throwing. Only a
 * body that is not a webhook envelope at all throws.
 *
 * The returned object is a shallow copy whose `secret_key` is non-enumerable: it is there for
 * {@link verifyWebhook}, but `console.log(webhook)` and `JSON.stringify(webhook)` do not print it.
 * This function does NOT check the secret; call {@link verifyWebhook} (or use
 * {@link createWebhookHandler}, which does both).
 *
 * @throws {WebhookError} `invalid_json` (not JSON / not UTF-8) or `not_a_webhook` (`field` says
 * which of `action`, `secret_key`, `webhook_id`, `organization_id`, `payload`, `additional_data`,
 * `requester` is missing or of the wrong type).
 * @see https://platform.text.com/docs/management/webhooks/v3.6
 */
export function parseWebhook(body: WebhookBody): Webhook {
  const value =
    typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer ? decodeJson(body) : body;
  return toWebhook(value);
}

/** `true` when the webhook's action is one the SDK knows; narrows to the {@link KnownWebhook} union. */
export function isKnownWebhook(webhook: Webhook): webhook is KnownWebhook {
  return isWebhookAction(webhook.action);
}

/** `true` when the webhook is of `action`; narrows to {@link WebhookOf}. */
export function isWebhookOf<A extends WebhookAction>(webhook: Webhook, action: A): webhook is WebhookOf<A> {
  return webhook.action === action;
}
