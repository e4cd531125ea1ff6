import { LcError, type LcErrorOptions } from '@lc/core';

/**
 * Why a webhook request was refused or failed, with the HTTP status the handler answers with:
 *
 * | reason | status | meaning |
 * | --- | --- | --- |
 * | `method_not_allowed` | 405 | not a `POST` |
 * | `body_too_large` | 413 | the body passed `maxBodySize` |
 * | `unreadable_body` | 400 | the body stream failed (client went away) or another middleware already read it |
 * | `invalid_json` | 400 | the body is not JSON (or not UTF-8) |
 * | `not_a_webhook` | 400 | JSON, but not a webhook envelope (`field` says what is wrong) |
 * | `unauthorized` | 401 | `secret_key` missing or not one of the configured secrets |
 * | `handler_failed` | 500 | your handler threw or rejected (`cause`) |
 */
export type WebhookErrorReason =
  | 'method_not_allowed'
  | 'body_too_large'
  | 'unreadable_body'
  | 'invalid_json'
  | 'not_a_webhook'
  | 'unauthorized'
  | 'handler_failed';

/** HTTP status of each {@link WebhookErrorReason}. */
export const WEBHOOK_ERROR_STATUS: Readonly<Record<WebhookErrorReason, number>> = {
  method_not_allowed: 405,
  body_too_large: 413,
  unreadable_body: 400,
  invalid_json: 400,
  not_a_webhook: 400,
  unauthorized: 401,
  handler_failed: 500,
};

/** Options of {@link WebhookError}. */
export interface WebhookErrorOptions extends LcErrorOptions {
  /** The envelope field at fault (`not_a_webhook`). */
  field?: string | undefined;
  /** `webhook_id` of the webhook, when it got that far. */
  webhookId?: string | undefined;
}

/**
 * A webhook request that could not be accepted, or whose handler failed. Thrown by
 * {@link parseWebhook}; passed to `onError` by {@link createWebhookHandler}.
 *
 * Never carries the body or the secret: only the reason, the status, the field at fault, and for
 * `handler_failed` the action, the webhook id and your handler's error as `cause`.
 */
export class WebhookError extends LcError {
  static override readonly kind: string = 'WebhookError';
  /** What went wrong. */
  readonly reason: WebhookErrorReason;
  /** The HTTP status the webhook handler answers with. */
  readonly status: number;
  /** The envelope field at fault, for `not_a_webhook`. */
  readonly field: string | undefined;
  /** `webhook_id` of the webhook, when known. */
  readonly webhookId: string | undefined;

  constructor(reason: WebhookErrorReason, message: string, options: WebhookErrorOptions = {}) {
    super(message, options);
    this.reason = reason;
    this.status = WEBHOOK_ERROR_STATUS[reason];
    this.field = options.field;
    this.webhookId = options.webhookId;
  }
}
