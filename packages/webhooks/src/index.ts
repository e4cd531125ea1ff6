/**
 * `@lc/webhooks`: receive LiveChat webhooks safely and typed, in any server.
 *
 * - {@link createWebhookHandler}: a Node `(req, res)` / fetch `(Request) => Response` endpoint that
 *   checks the secret in constant time, parses leniently and calls your handler per action;
 * - {@link parseWebhook} and {@link verifyWebhook}: the same two steps, by hand;
 * - {@link syncWebhooks}: make a client id's registered webhooks match a declared list.
 *
 * @packageDocumentation
 */
export { WEBHOOK_ACTIONS, isWebhookAction } from './actions.js';
export type { WebhookAction, ConfigurationWebhookAction } from './actions.js';
export { WebhookError, WEBHOOK_ERROR_STATUS } from './errors.js';
export type { WebhookErrorReason, WebhookErrorOptions } from './errors.js';
export { parseWebhook, isKnownWebhook, isWebhookOf } from './parse.js';
export type { WebhookBody } from './parse.js';
export { verifyWebhook } from './verify.js';
export { createWebhookHandler, DEFAULT_MAX_BODY_SIZE } from './handler.js';
export type {
  WebhookHandler,
  WebhookHandlerOptions,
  WebhookHandlers,
  WebhookRequest,
  WebhookResponse,
  NodeRequestLike,
  NodeResponseLike,
} from './handler.js';
export { syncWebhooks, WebhookSyncError } from './sync.js';
export type {
  SyncWebhooksOptions,
  SyncWebhooksResult,
  SyncedWebhook,
  DeclaredWebhook,
  ListedWebhook,
  WebhookType,
  WebhookFilters,
  WebhookAdditionalDataKey,
  RegisterWebhookRequest,
  ListWebhooksRequest,
  UnregisterWebhookRequest,
  WebhookConfigurationClient,
  WebhookCallClient,
  WebhookMethodsClient,
} from './sync.js';
export type {
  Webhook,
  KnownWebhook,
  UnknownWebhook,
  WebhookOf,
  WebhookEnvelope,
  ConfigurationWebhookEnvelope,
  WebhookAdditionalData,
  WebhookRequester,
} from './types.js';
export type * from './payloads.js';
export type * from './structures.js';
