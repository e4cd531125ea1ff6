// Configuration API: agents, bots, groups, tags, webhooks, license and group properties, batches.
import type { RequestContext } from '../context.js';
import type { Handler, HandlerTable } from '../dispatch.js';
import { invalid, notFound, SimError } from '../errors.js';
import { assertProperties, mergeProperties, type Platform } from '../platform.js';
import { WEBHOOK_ACTIONS } from '../spec-data.js';
import type { AgentRecord, GroupRecord, Priority, Properties } from '../store.js';
import { clone, hexId, isObject, ownValue, setOwn } from '../util.js';
import { autoAccessHandlers } from './auto-access.js';
import { greetingConfigurationHandlers } from './greetings.js';
import { botTemplateHandlers } from './bot-templates.js';
import { announce, ownerClientId, PRIORITIES, ROLES, str } from './configuration-common.js';
import { banCustomerConfiguration, listCustomerBans, unbanCustomer } from './bans.js';
import { cannedResponseHandlers } from './canned-responses.js';
import { translationHandlers } from './translations.js';
import { organizationHandlers } from './organization.js';
import { checkRegisteredWrite, propertyRegistryHandlers } from './property-registry.js';

export { OWNER_FROM_TOKEN } from './configuration-common.js';

type Payload = Record<string, unknown>;

function groupsParam(p: Platform, value: unknown, field = 'groups'): { id: number; priority: Priority }[] {
  if (!Array.isArray(value)) throw invalid(`Wrong format of request: "${field}" must be an array`);
  return value.map((g, i) => {
    if (!isObject(g) || typeof g.id !== 'number')
      throw invalid(`Wrong format of request: "${field}[${i}].id" is required`);
    if (!PRIORITIES.includes(g.priority as Priority)) {
      throw invalid(`Wrong format of request: "${field}[${i}].priority" must be one of ${PRIORITIES.join(', ')}`);
    }
    if (!p.store.groups.has(g.id)) throw new SimError('group_not_found', `Group ${g.id} not found`);
    return { id: g.id, priority: g.priority as Priority };
  });
}

const AGENT_FIELDS = [
  'work_scheduler',
  'groups',
  'email_subscriptions',
  'notifications',
  'job_title',
  'mobile',
  'max_chats_count',
  'suspended',
  'awaiting_approval',
  'last_logout',
];

function fieldsParam(payload: Payload, allowed: string[]): string[] {
  const fields = payload.fields ?? [];
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string' && allowed.includes(f))) {
    throw invalid(`Wrong format of request: "fields" may contain ${allowed.join(', ')}`);
  }
  return fields as string[];
}

/**
 * An agent as `get_agent` returns it, or as an entry of `list_agents` (`listing`): the docs' samples of
 * the two name the avatar differently (`avatar` there, `avatar_path` in the list).
 */
function agentView(a: AgentRecord, fields: string[], listing = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: a.id,
    account_id: a.accountId,
    name: a.name,
    [listing ? 'avatar_path' : 'avatar']: a.avatar,
    role: a.role,
    login_status: a.loginStatus,
  };
  for (const f of fields) {
    if (f === 'groups') out.groups = clone(a.groups);
    else if (f === 'job_title' && a.jobTitle !== undefined) out.job_title = a.jobTitle;
    else if (f === 'max_chats_count') out.max_chats_count = a.maxChats;
    else if (f === 'suspended') out.suspended = a.suspended;
    else if (f === 'awaiting_approval') out.awaiting_approval = a.awaitingApproval;
    else if (f === 'last_logout' && a.lastLogout) out.last_logout = a.lastLogout;
    else if (a.extra[f] !== undefined) out[f] = clone(a.extra[f]);
  }
  return out;
}

function humanAgent(p: Platform, id: unknown): AgentRecord {
  const a = p.agent(id);
  if (a.isBot) throw notFound('Agent', id);
  return a;
}

function applyAgentFields(p: Platform, agent: AgentRecord, payload: Payload): void {
  if (payload.name !== undefined) agent.name = str(payload, 'name');
  if (payload.role !== undefined) {
    if (!ROLES.includes(payload.role as string))
      throw invalid(`Wrong format of request: "role" must be one of ${ROLES.join(', ')}`);
    agent.role = payload.role as string;
  }
  if (payload.login_status !== undefined) {
    if (payload.login_status !== 'accepting chats' && payload.login_status !== 'not accepting chats') {
      throw invalid('Wrong format of request: "login_status" must be "accepting chats" or "not accepting chats"');
    }
    agent.loginStatus = payload.login_status;
  }
  if (payload.job_title !== undefined) agent.jobTitle = str(payload, 'job_title');
  if (payload.avatar !== undefined) agent.avatar = String(payload.avatar);
  if (payload.max_chats_count !== undefined) {
    const n = payload.max_chats_count;
    const max = agent.isBot ? 500 : 20;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max)
      throw invalid(`Wrong format of request: "max_chats_count" must be an integer from 0 to ${max}`);
    agent.maxChats = n;
  }
  if (payload.groups !== undefined) agent.groups = groupsParam(p, payload.groups);
  if (payload.default_group_priority !== undefined) {
    if (!PRIORITIES.includes(payload.default_group_priority as Priority))
      throw invalid('Wrong format of request: "default_group_priority" is not a priority');
    agent.defaultGroupPriority = payload.default_group_priority as Priority;
  }
  for (const key of ['notifications', 'email_subscriptions', 'work_scheduler', 'mobile', 'timezone']) {
    if (payload[key] !== undefined) agent.extra[key] = clone(payload[key]);
  }
}

// ---------------------------------------------------------------- agents

function createAgent(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const id = str(payload, 'id');
  if (p.store.agents.has(id)) throw new SimError('already_exists', `Agent ${id} already exists`);
  const agent = p.store.addAgent({
    id,
    name: str(payload, 'name'),
    awaitingApproval: payload.awaiting_approval === true,
  });
  try {
    applyAgentFields(p, agent, payload);
  } catch (err) {
    p.store.agents.delete(id);
    throw err;
  }
  announce(ctx, p, 'agent_created', { ...agentView(agent, ['groups', 'awaiting_approval']), ...clone(agent.extra) });
  return { id };
}

function updateAgent(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const agent = humanAgent(p, payload.id);
  const before = structuredClone(agent);
  try {
    applyAgentFields(p, agent, { ...payload, name: payload.name ?? agent.name });
  } catch (err) {
    Object.assign(agent, before);
    throw err;
  }
  const body: Record<string, unknown> = { id: agent.id };
  for (const key of Object.keys(payload)) if (key !== 'id') setOwn(body, key, clone(payload[key]));
  announce(ctx, p, 'agent_updated', body);
  return {};
}

function deleteAgent(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const agent = humanAgent(p, payload.id);
  if (agent.role === 'owner') throw new SimError('authorization', 'The owner cannot be deleted');
  p.store.agents.delete(agent.id);
  p.auth.revokeAll(agent.id);
  for (const conn of p.hub.of(agent.id)) conn.ws.close(1000, 'agent deleted');
  announce(ctx, p, 'agent_deleted', { id: agent.id });
  return {};
}

function agentFlag(flag: 'suspend' | 'unsuspend' | 'approve') {
  return (ctx: RequestContext, payload: Payload, p: Platform): unknown => {
    const agent = humanAgent(p, payload.id);
    if (flag === 'approve') agent.awaitingApproval = false;
    else agent.suspended = flag === 'suspend';
    if (flag === 'suspend') {
      for (const conn of p.hub.of(agent.id)) conn.ws.close(1000, 'agent suspended');
    }
    announce(ctx, p, flag === 'approve' ? 'agent_approved' : `agent_${flag}ed`, { id: agent.id });
    return {};
  };
}

function listAgents(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const fields = fieldsParam(payload, AGENT_FIELDS);
  const filters = isObject(payload.filters) ? payload.filters : {};
  const groups = Array.isArray(filters.group_ids) ? filters.group_ids : undefined;
  return [...p.store.agents.values()]
    .filter((a) => !a.isBot)
    .filter((a) => !groups || a.groups.some((g) => groups.includes(g.id)))
    .filter((a) => typeof filters.suspended !== 'boolean' || a.suspended === filters.suspended)
    .map((a) => agentView(a, fields, true));
}

// ---------------------------------------------------------------- bots

const BOT_FIELDS = ['groups', 'work_scheduler', 'job_title', 'max_chats_count', 'timezone'];

function botView(bot: AgentRecord, fields: string[] | 'all'): Record<string, unknown> {
  const out: Record<string, unknown> = { id: bot.id, name: bot.name, avatar_path: bot.avatar };
  const all = fields === 'all';
  if (all) {
    out.default_group_priority = bot.defaultGroupPriority ?? 'normal';
    out.owner_client_id = bot.ownerClientId;
  }
  if (all || fields.includes('max_chats_count')) out.max_chats_count = bot.maxChats;
  if (all || fields.includes('groups')) out.groups = clone(bot.groups);
  if ((all || fields.includes('job_title')) && bot.jobTitle !== undefined) out.job_title = bot.jobTitle;
  for (const f of ['work_scheduler', 'timezone'])
    if ((all || fields.includes(f)) && bot.extra[f] !== undefined) out[f] = clone(bot.extra[f]);
  return out;
}

function bot(p: Platform, id: unknown): AgentRecord {
  const b = typeof id === 'string' ? p.store.agents.get(id) : undefined;
  if (!b?.isBot) throw notFound('Bot', id);
  return b;
}

function createBot(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const id = hexId(32);
  const created = p.store.addAgent({
    id,
    name: str(payload, 'name'),
    isBot: true,
    ownerClientId: ownerClientId(ctx, payload),
  });
  created.groups = [{ id: 0, priority: 'normal' }];
  try {
    applyAgentFields(p, created, payload);
  } catch (err) {
    p.store.agents.delete(id);
    throw err;
  }
  announce(ctx, p, 'bot_created', {
    id,
    name: created.name,
    default_group_priority: created.defaultGroupPriority ?? 'normal',
    groups: clone(created.groups),
    owner_client_id: created.ownerClientId,
  });
  return { id, secret: created.botSecret };
}

function updateBot(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const b = bot(p, payload.id);
  const before = structuredClone(b);
  try {
    applyAgentFields(p, b, payload);
  } catch (err) {
    Object.assign(b, before);
    throw err;
  }
  announce(ctx, p, 'bot_updated', { id: b.id, name: b.name });
  return {};
}

function deleteBot(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const b = bot(p, payload.id);
  p.store.agents.delete(b.id);
  p.auth.revokeAll(b.id);
  for (const conn of p.hub.of(b.id)) conn.ws.close(1000, 'bot deleted');
  announce(ctx, p, 'bot_deleted', { id: b.id });
  return {};
}

function issueBotToken(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const b = bot(p, payload.bot_id);
  if (payload.bot_secret !== b.botSecret) throw new SimError('authentication', 'Invalid bot secret');
  if (payload.organization_id !== p.store.organizationId)
    throw new SimError('validation', 'Wrong format of request: unknown "organization_id"');
  return {
    token: p.auth.issue({ kind: 'agent', id: b.id, bot: true, pat: false }, String(payload.client_id), {
      ttlSeconds: 86_400,
    }),
  };
}

// ---------------------------------------------------------------- groups

function groupRoutingStatus(p: Platform, group: GroupRecord): string {
  const members = [...p.store.agents.values()].filter((a) => a.groups.some((g) => g.id === group.id));
  if (members.some((a) => a.status === 'accepting_chats')) return 'accepting_chats';
  if (members.some((a) => a.status === 'not_accepting_chats')) return 'not_accepting_chats';
  return 'offline';
}

function groupView(p: Platform, group: GroupRecord, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: group.id, name: group.name, language_code: group.language_code };
  if (fields.includes('agent_priorities')) out.agent_priorities = p.store.agentPriorities(group.id);
  if (fields.includes('routing_status')) out.routing_status = groupRoutingStatus(p, group);
  return out;
}

function group(p: Platform, id: unknown): GroupRecord {
  const g = typeof id === 'number' ? p.store.groups.get(id) : undefined;
  if (!g) throw new SimError('group_not_found', `Group ${JSON.stringify(id)} not found`);
  return g;
}

/** Checks `agent_priorities` (`{ "<agent id>": "<priority>" }`) without changing anything. */
function checkPriorities(p: Platform, priorities: unknown): Map<string, Priority> {
  if (!isObject(priorities))
    throw invalid('Wrong format of request: "agent_priorities" must map agent ids to priorities');
  const out = new Map<string, Priority>();
  for (const [agentId, priority] of Object.entries(priorities)) {
    p.agent(agentId);
    if (!PRIORITIES.includes(priority as Priority))
      throw invalid(`Wrong format of request: "agent_priorities.${agentId}" is not a priority`);
    out.set(agentId, priority as Priority);
  }
  return out;
}

/** Makes `priorities` (checked) the group's members. */
function setPriorities(p: Platform, groupId: number, priorities: Map<string, Priority>): void {
  for (const agent of p.store.agents.values()) {
    agent.groups = agent.groups.filter((g) => g.id !== groupId);
    const priority = priorities.get(agent.id);
    if (priority !== undefined) agent.groups.push({ id: groupId, priority });
  }
}

function groupName(payload: Payload): string {
  const name = str(payload, 'name');
  if (name.length > 180) throw invalid('Wrong format of request: "name" is longer than 180 characters');
  return name;
}

function languageCode(payload: Payload): string | undefined {
  const code = payload.language_code;
  if (code === undefined) return undefined;
  if (typeof code !== 'string') throw invalid('Wrong format of request: "language_code" must be a string');
  return code;
}

// Both check the whole request first, then change the store: a failed request changes nothing.
function createGroup(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const name = groupName(payload);
  const language = languageCode(payload) ?? 'en';
  const priorities = checkPriorities(p, payload.agent_priorities);
  const g: GroupRecord = { id: Math.max(...p.store.groups.keys()) + 1, name, language_code: language, properties: {} };
  p.store.groups.set(g.id, g);
  setPriorities(p, g.id, priorities);
  announce(ctx, p, 'group_created', { ...groupView(p, g, ['agent_priorities']) });
  return { id: g.id };
}

function updateGroup(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const g = group(p, payload.id);
  const name = payload.name === undefined ? undefined : groupName(payload);
  const language = languageCode(payload);
  const priorities = payload.agent_priorities === undefined ? undefined : checkPriorities(p, payload.agent_priorities);
  if (priorities) setPriorities(p, g.id, priorities);
  if (name !== undefined) g.name = name;
  if (language !== undefined) g.language_code = language;
  const body: Record<string, unknown> = { id: g.id };
  if (payload.name !== undefined) body.name = g.name;
  if (payload.language_code !== undefined) body.language_code = g.language_code;
  if (payload.agent_priorities !== undefined) body.agent_priorities = p.store.agentPriorities(g.id);
  announce(ctx, p, 'group_updated', body);
  return {};
}

function deleteGroup(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const g = group(p, payload.id);
  if (g.id === 0) throw invalid('The default group (0) cannot be deleted');
  p.store.groups.delete(g.id);
  for (const agent of p.store.agents.values()) agent.groups = agent.groups.filter((m) => m.id !== g.id);
  announce(ctx, p, 'group_deleted', { id: g.id });
  return {};
}

// ---------------------------------------------------------------- tags

function groupIdList(p: Platform, value: unknown): number[] {
  if (value === undefined) return [0];
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'number'))
    throw invalid('Wrong format of request: "group_ids" must be an array of group ids');
  for (const id of value as number[]) group(p, id);
  return [...(value as number[])];
}

function createTag(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const name = str(payload, 'name');
  if (p.store.findTag(name)) throw new SimError('already_exists', `Tag "${name}" already exists`);
  const tag = p.store.addTag(name, groupIdList(p, payload.group_ids), ctx.principal?.id ?? '');
  announce(ctx, p, 'tag_created', { ...clone(tag) });
  return {};
}

function updateTag(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const tag = p.store.tags.get(str(payload, 'name'));
  if (!tag) throw notFound('Tag', payload.name);
  tag.group_ids = groupIdList(p, payload.group_ids);
  announce(ctx, p, 'tag_updated', { name: tag.name, group_ids: [...tag.group_ids] });
  return {};
}

function deleteTag(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const name = str(payload, 'name');
  if (!p.store.tags.delete(name)) throw notFound('Tag', name);
  announce(ctx, p, 'tag_deleted', { name });
  return {};
}

function listTags(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const filters = isObject(payload.filters) ? payload.filters : {};
  const groups = Array.isArray(filters.group_ids) ? filters.group_ids : undefined;
  return [...p.store.tags.values()]
    .filter((t) => !groups || t.group_ids.some((g) => groups.includes(g)))
    .map((t) => clone(t));
}

// ---------------------------------------------------------------- webhooks

function registerWebhook(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const action = str(payload, 'action');
  if (!WEBHOOK_ACTIONS.includes(action))
    throw invalid(`Wrong format of request: "action" ${JSON.stringify(action)} is not a webhook action`);
  const url = str(payload, 'url');
  if (url.length > 500 || !/^https?:\/\//.test(url) || !URL.canParse(url))
    throw invalid('Wrong format of request: "url" must be an http(s) URL of at most 500 characters');
  if (payload.type !== 'license' && payload.type !== 'bot')
    throw invalid('Wrong format of request: "type" must be "license" or "bot"');
  const owner = str(payload, 'owner_client_id');
  if (payload.filters !== undefined && !isObject(payload.filters))
    throw invalid('Wrong format of request: "filters" must be an object');
  const additional = payload.additional_data;
  if (
    additional !== undefined &&
    (!Array.isArray(additional) || !additional.every((d) => d === 'chat_properties' || d === 'chat_presence_user_ids'))
  ) {
    throw invalid('Wrong format of request: "additional_data" may contain chat_properties, chat_presence_user_ids');
  }
  const same = [...p.store.webhooks.values()].filter((w) => w.action === action && w.owner_client_id === owner);
  if (same.length >= 3) throw new SimError('limit_reached', `At most 3 webhooks per action per client id (${action})`);
  const id = hexId(25);
  p.store.webhooks.set(id, {
    id,
    url,
    description: typeof payload.description === 'string' ? payload.description : undefined,
    action,
    secret_key: str(payload, 'secret_key'),
    filters: isObject(payload.filters) ? clone(payload.filters) : undefined,
    owner_client_id: owner,
    type: payload.type,
    additional_data: additional as string[] | undefined,
  });
  return { id };
}

function listWebhooks(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  return [...p.store.webhooks.values()]
    .filter((w) => w.owner_client_id === payload.owner_client_id)
    .map((w) => {
      const out: Record<string, unknown> = { id: w.id, url: w.url };
      if (w.description !== undefined) out.description = w.description;
      out.action = w.action;
      if (w.filters) out.filters = clone(w.filters);
      if (w.additional_data) out.additional_data = [...w.additional_data];
      out.owner_client_id = w.owner_client_id;
      out.type = w.type;
      return out;
    });
}

function unregisterWebhook(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const w = p.store.webhooks.get(String(payload.id));
  if (!w || w.owner_client_id !== payload.owner_client_id) throw notFound('Webhook', payload.id);
  p.store.webhooks.delete(w.id);
  return {};
}

function licenseWebhooks(enabled: boolean) {
  return (ctx: RequestContext, payload: Payload, p: Platform): unknown => {
    const owner = ownerClientId(ctx, payload);
    if (enabled) p.store.disabledLicenseWebhooks.delete(owner);
    else p.store.disabledLicenseWebhooks.add(owner);
    return {};
  };
}

// ---------------------------------------------------------------- properties

function pickProps(props: Properties, payload: Payload): Properties {
  const out: Properties = {};
  for (const [ns, values] of Object.entries(props)) {
    if (typeof payload.namespace === 'string' && ns !== payload.namespace) continue;
    const kept = Object.fromEntries(
      Object.entries(values).filter(([name]) => typeof payload.name !== 'string' || name === payload.name),
    );
    if (Object.keys(kept).length) out[ns] = clone(kept);
  }
  return out;
}

function removeProps(bag: Properties, names: unknown): void {
  if (!isObject(names) || !Object.values(names).every((v) => Array.isArray(v))) {
    throw invalid('Wrong format of request: "properties" must map each namespace to an array of property names');
  }
  for (const [ns, list] of Object.entries(names as Record<string, unknown[]>)) {
    // Own properties only: `__proto__` / `constructor` must not lead to Object.prototype or Object.
    const values = ownValue(bag, ns);
    if (!values) continue;
    for (const name of list) if (typeof name === 'string' && Object.hasOwn(values, name)) delete values[name];
    if (Object.keys(values).length === 0) delete bag[ns];
  }
}

function updateLicenseProperties(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const update = assertProperties(payload.properties, 'properties');
  checkRegisteredWrite(p, 'license', 'agent', update);
  mergeProperties(p.store.licenseProperties, update);
  ctx.after(() =>
    p.hub.push(
      p.hub.agents().map((c) => c.principal!.id),
      'license_properties_updated',
      () => ({ properties: clone(update) }),
    ),
  );
  return {};
}

function updateGroupProperties(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const g = group(p, payload.group_id);
  const update = assertProperties(payload.properties, 'properties');
  checkRegisteredWrite(p, 'group', 'agent', update);
  mergeProperties(g.properties, update);
  ctx.after(() =>
    p.hub.push(
      p.hub.agents().map((c) => c.principal!.id),
      'group_properties_updated',
      () => ({ group_id: g.id, properties: clone(update) }),
    ),
  );
  return {};
}

function listGroupsProperties(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  if (!Array.isArray(payload.group_ids)) throw invalid('Wrong format of request: "group_ids" must be an array');
  return payload.group_ids.map((id) => ({ id, properties: pickProps(group(p, id).properties, payload) }));
}

// ---------------------------------------------------------------- batches

/** `batch_<x>`: runs `<x>` for each of `requests`, concurrently; errors go into the item's slot. */
export function batch(single: Handler) {
  return async (ctx: RequestContext, payload: Payload, p: Platform): Promise<unknown> => {
    if (!Array.isArray(payload.requests)) throw invalid('Wrong format of request: "requests" must be an array');
    const responses = await Promise.all(
      payload.requests.map(async (req) => {
        try {
          if (!isObject(req)) throw invalid('Wrong format of request: each request must be an object');
          return (await single(ctx, req, p)) ?? {};
        } catch (err) {
          if (err instanceof SimError) return err.toBody();
          throw err;
        }
      }),
    );
    return { responses };
  };
}

const handlers: Record<string, Handler> = {
  create_agent: createAgent,
  get_agent: (_ctx, payload, p) => agentView(humanAgent(p, payload.id), fieldsParam(payload, AGENT_FIELDS)),
  list_agents: listAgents,
  update_agent: updateAgent,
  delete_agent: deleteAgent,
  suspend_agent: agentFlag('suspend'),
  unsuspend_agent: agentFlag('unsuspend'),
  approve_agent: agentFlag('approve'),
  create_bot: createBot,
  get_bot: (_ctx, payload, p) => botView(bot(p, payload.id), 'all'),
  list_bots: (_ctx, payload, p) => {
    const fields = fieldsParam(payload, BOT_FIELDS);
    return [...p.store.agents.values()].filter((a) => a.isBot).map((b) => botView(b, fields));
  },
  update_bot: updateBot,
  delete_bot: deleteBot,
  issue_bot_token: issueBotToken,
  reset_bot_secret: (ctx, payload, p) => {
    ownerClientId(ctx, payload);
    const b = bot(p, payload.id);
    b.botSecret = hexId(32);
    return { secret: b.botSecret };
  },
  create_group: createGroup,
  get_group: (_ctx, payload, p) =>
    groupView(p, group(p, payload.id), fieldsParam(payload, ['agent_priorities', 'routing_status'])),
  list_groups: (_ctx, payload, p) => {
    const fields = fieldsParam(payload, ['agent_priorities', 'routing_status']);
    return [...p.store.groups.values()].map((g) => groupView(p, g, fields));
  },
  update_group: updateGroup,
  delete_group: deleteGroup,
  create_tag: createTag,
  list_tags: listTags,
  update_tag: updateTag,
  delete_tag: deleteTag,
  register_webhook: registerWebhook,
  list_webhooks: listWebhooks,
  unregister_webhook: unregisterWebhook,
  list_webhook_names: () => WEBHOOK_ACTIONS.map((action) => ({ action })),
  enable_license_webhooks: licenseWebhooks(true),
  disable_license_webhooks: licenseWebhooks(false),
  get_license_webhooks_state: (ctx, payload, p) => ({
    license_webhooks_enabled: !p.store.disabledLicenseWebhooks.has(ownerClientId(ctx, payload)),
  }),
  update_license_properties: updateLicenseProperties,
  list_license_properties: (_ctx, payload, p) => pickProps(p.store.licenseProperties, payload),
  delete_license_properties: (_ctx, payload, p) => {
    removeProps(p.store.licenseProperties, payload.properties);
    return {};
  },
  update_group_properties: updateGroupProperties,
  list_groups_properties: listGroupsProperties,
  delete_group_properties: (_ctx, payload, p) => {
    removeProps(group(p, payload.id).properties, payload.properties);
    return {};
  },
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

for (const name of [
  'create_agents',
  'update_agents',
  'delete_agents',
  'suspend_agents',
  'unsuspend_agents',
  'approve_agents',
  'create_bots',
  'update_bots',
  'delete_bots',
]) {
  handlers[`batch_${name}`] = batch(handlers[name.slice(0, -1)]!);
}
handlers.batch_update_translations = batch(translationHandlers.update_translations!);

export const configurationHandlers: HandlerTable = {
  handlers,
  noAuth: new Set(['list_webhook_names']),
};
