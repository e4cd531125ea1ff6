import type { BatchResult } from './batch.js';
import type {
  Agent,
  AutoAccess,
  Bot,
  BotTemplate,
  Channel,
  CustomerBan,
  EmptyResponse,
  Greeting,
  Group,
  PropertiesByNamespace,
  PropertyConfig,
  ProductLimit,
  ProductSource,
  Tag,
  Webhook,
  WebhookName,
} from './structures.js';

export type * from './structures.js';
export type * from './batch.js';

/** `create_agent`. */
export interface CreateAgentResponse {
  /** The new agent's ID. */
  id: string;
}
/** `add_auto_access`. */
export interface AddAutoAccessResponse {
  id: string;
}
/** `create_bot`, `create_bot_template`: keep `secret`, it is needed for `issue_bot_token`. */
export interface CreateBotResponse {
  id: string;
  secret: string;
}
/** `issue_bot_token`: a bot token valid 24 h. */
export interface IssueBotTokenResponse {
  token: string;
}
/** `reset_bot_secret`, `reset_bot_template_secret`. */
export interface ResetBotSecretResponse {
  secret: string;
}
/** `create_greeting`. */
export interface CreateGreetingResponse {
  id: number;
}
/** `list_greetings`. */
export interface ListGreetingsResponse {
  greetings: Greeting[];
  /** The total number of greetings. */
  found_greetings: number;
  /** Present only when there are more results; pass it as `page_id`. */
  next_page_id?: string;
}
/** `create_group`. */
export interface CreateGroupResponse {
  id: number;
}
/** `list_groups_properties` item. */
export interface GroupProperties {
  /** The group ID. */
  id: number;
  properties: PropertiesByNamespace;
}
/** `register_webhook`. */
export interface RegisterWebhookResponse {
  id: string;
}
/** `get_license_webhooks_state`. */
export interface LicenseWebhooksState {
  license_webhooks_enabled: boolean;
}

/**
 * What each Configuration API 3.6 method resolves with, by action. Actions documented with
 * "No response payload" resolve with `{}`; `batch_*` actions resolve with a {@link BatchResult}
 * built from the wire `{ responses: [...] }`.
 */
export interface ConfigurationResponses {
  batch_create_agents: BatchResult<CreateAgentResponse>;
  batch_update_agents: BatchResult<EmptyResponse>;
  batch_delete_agents: BatchResult<EmptyResponse>;
  batch_suspend_agents: BatchResult<EmptyResponse>;
  batch_unsuspend_agents: BatchResult<EmptyResponse>;
  batch_approve_agents: BatchResult<EmptyResponse>;
  batch_create_bots: BatchResult<CreateBotResponse>;
  batch_update_bots: BatchResult<EmptyResponse>;
  batch_delete_bots: BatchResult<EmptyResponse>;
  create_agent: CreateAgentResponse;
  get_agent: Agent;
  list_agents: Agent[];
  update_agent: EmptyResponse;
  delete_agent: EmptyResponse;
  suspend_agent: EmptyResponse;
  unsuspend_agent: EmptyResponse;
  request_agent_unsuspension: EmptyResponse;
  approve_agent: EmptyResponse;
  add_auto_access: AddAutoAccessResponse;
  list_auto_accesses: AutoAccess[];
  delete_auto_access: EmptyResponse;
  update_auto_access: EmptyResponse;
  create_bot_template: CreateBotResponse;
  create_bot: CreateBotResponse;
  delete_bot_template: EmptyResponse;
  delete_bot: EmptyResponse;
  update_bot_template: EmptyResponse;
  update_bot: EmptyResponse;
  list_bot_templates: BotTemplate[];
  list_bots: Bot[];
  get_bot: Bot;
  issue_bot_token: IssueBotTokenResponse;
  reset_bot_template_secret: ResetBotSecretResponse;
  reset_bot_secret: ResetBotSecretResponse;
  list_customer_bans: CustomerBan[];
  unban_customer: EmptyResponse;
  create_greeting: CreateGreetingResponse;
  update_greeting: EmptyResponse;
  delete_greeting: EmptyResponse;
  list_greetings: ListGreetingsResponse;
  get_greeting: Greeting;
  create_group: CreateGroupResponse;
  update_group: EmptyResponse;
  delete_group: EmptyResponse;
  list_groups: Group[];
  get_group: Group;
  register_property: EmptyResponse;
  unregister_property: EmptyResponse;
  publish_property: EmptyResponse;
  /** Property name → configuration. */
  list_properties: Record<string, PropertyConfig>;
  update_license_properties: EmptyResponse;
  /** Namespace → property name → value. */
  list_license_properties: PropertiesByNamespace;
  delete_license_properties: EmptyResponse;
  update_group_properties: EmptyResponse;
  list_groups_properties: GroupProperties[];
  delete_group_properties: EmptyResponse;
  create_tag: EmptyResponse;
  delete_tag: EmptyResponse;
  list_tags: Tag[];
  update_tag: EmptyResponse;
  register_webhook: RegisterWebhookResponse;
  list_webhooks: Webhook[];
  unregister_webhook: EmptyResponse;
  list_webhook_names: WebhookName[];
  enable_license_webhooks: EmptyResponse;
  disable_license_webhooks: EmptyResponse;
  get_license_webhooks_state: LicenseWebhooksState;
  list_channels: Channel[];
  check_product_limits_for_plan: ProductLimit[];
  get_product_source: ProductSource;
  reactivate_email: EmptyResponse;
  update_company_details: EmptyResponse;
}
