/**
 * The chat and configuration data structures webhook payloads carry, from `@lc/core` (type-only:
 * nothing of core's runtime is pulled in by this file). Re-exported so that users of
 * `@lc/webhooks` can name them without depending on `@lc/core` themselves.
 *
 * @see https://platform.text.com/docs/messaging/agent-chat-api/data-structures
 */
export type {
  Access,
  AgentConfiguration,
  AutoAccessChange,
  AutoAccessConditions,
  BotConfiguration,
  Chat,
  DeletedProperties,
  EcommercePostback,
  Event,
  GroupConfiguration,
  GroupPriority,
  Properties,
  Queue,
  RoutingStatus,
  SessionFields,
  Tag,
  Thread,
  ThreadSummary,
  TransferReason,
  TransferTarget,
  User,
  WorkScheduler,
} from '@lc/core';
