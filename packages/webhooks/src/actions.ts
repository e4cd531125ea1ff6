/**
 * The 38 webhook actions of API v3.6, in the order of the docs.
 *
 * Checked against `spec/pushes-webhooks.json` by `test/spec.test.ts`.
 *
 * @see https://platform.text.com/docs/management/webhooks/v3.6
 */
export const WEBHOOK_ACTIONS = [
  'incoming_chat',
  'chat_deactivated',
  'chat_access_updated',
  'chat_transferred',
  'user_added_to_chat',
  'user_removed_from_chat',
  'incoming_event',
  'event_deleted',
  'event_updated',
  'incoming_rich_message_postback',
  'chat_properties_updated',
  'chat_properties_deleted',
  'thread_properties_updated',
  'thread_properties_deleted',
  'event_properties_updated',
  'event_properties_deleted',
  'thread_tagged',
  'thread_untagged',
  'routing_status_set',
  'customer_session_fields_updated',
  'agent_created',
  'agent_approved',
  'agent_updated',
  'agent_suspended',
  'agent_unsuspended',
  'agent_deleted',
  'auto_accesses_updated',
  'bot_created',
  'bot_updated',
  'bot_deleted',
  'group_created',
  'group_deleted',
  'group_updated',
  'tag_created',
  'tag_deleted',
  'tag_updated',
  'events_marked_as_seen',
  'thread_summary_set',
] as const;

/** One of the documented webhook actions (`incoming_chat`, `agent_created`, ...). */
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];

/**
 * The configuration webhooks: their envelopes also carry a top-level `requester`
 * (who made the change).
 */
export type ConfigurationWebhookAction =
  | 'agent_created'
  | 'agent_approved'
  | 'agent_updated'
  | 'agent_suspended'
  | 'agent_unsuspended'
  | 'agent_deleted'
  | 'auto_accesses_updated'
  | 'bot_created'
  | 'bot_updated'
  | 'bot_deleted'
  | 'group_created'
  | 'group_deleted'
  | 'group_updated'
  | 'tag_created'
  | 'tag_deleted'
  | 'tag_updated';

const KNOWN: ReadonlySet<string> = /* @__PURE__ */ new Set(WEBHOOK_ACTIONS);

/** `true` when `action` is one of the documented {@link WEBHOOK_ACTIONS}. */
export function isWebhookAction(action: unknown): action is WebhookAction {
  return typeof action === 'string' && KNOWN.has(action);
}
