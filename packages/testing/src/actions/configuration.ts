// Configuration API: the handler table of every resource (each resource's actions live in their own file).
import type { Handler, HandlerTable } from '../dispatch.js';
import { autoAccessHandlers } from './auto-access.js';
import { banCustomerConfiguration, listCustomerBans, unbanCustomer } from './bans.js';
import { botTemplateHandlers } from './bot-templates.js';
import { cannedResponseHandlers } from './canned-responses.js';
import { agentConfigurationHandlers } from './configuration-agents.js';
import { batchHandlers } from './configuration-batches.js';
import { botHandlers } from './configuration-bots.js';
import { groupHandlers } from './configuration-groups.js';
import { licenseAndGroupPropertyHandlers } from './configuration-properties.js';
import { tagHandlers } from './configuration-tags.js';
import { webhookHandlers } from './configuration-webhooks.js';
import { greetingConfigurationHandlers } from './greetings.js';
import { organizationHandlers } from './organization.js';
import { propertyRegistryHandlers } from './property-registry.js';
import { translationHandlers } from './translations.js';

export { OWNER_FROM_TOKEN } from './configuration-common.js';

const handlers: Record<string, Handler> = {
  ...agentConfigurationHandlers,
  ...botHandlers,
  ...groupHandlers,
  ...tagHandlers,
  ...webhookHandlers,
  ...licenseAndGroupPropertyHandlers,
  list_customer_bans: listCustomerBans,
  unban_customer: unbanCustomer,
  ban_customer: banCustomerConfiguration,
  ...cannedResponseHandlers,
  ...translationHandlers,
  ...autoAccessHandlers,
  ...botTemplateHandlers,
  ...greetingConfigurationHandlers,
  ...propertyRegistryHandlers,
  ...organizationHandlers,
};
Object.assign(handlers, batchHandlers(handlers));

export const configurationHandlers: HandlerTable = {
  handlers,
  noAuth: new Set(['list_webhook_names']),
};
