// Configuration API agents: create, read, update, delete, suspend and approve (humans; bots share the field rules).
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import type { AgentRecord, Priority } from '../store.js';
import { clone, isObject, setOwn } from '../util.js';
import { announce, fieldsParam, PRIORITIES, ROLES, str } from './configuration-common.js';

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

/** Applies the agent fields of a create or update request (of an agent or a bot); throws on the first bad one. */
export function applyAgentFields(p: Platform, agent: AgentRecord, payload: Payload): void {
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

export const agentConfigurationHandlers: Record<string, Handler> = {
  create_agent: createAgent,
  get_agent: (_ctx, payload, p) => agentView(humanAgent(p, payload.id), fieldsParam(payload, AGENT_FIELDS)),
  list_agents: listAgents,
  update_agent: updateAgent,
  delete_agent: deleteAgent,
  suspend_agent: agentFlag('suspend'),
  unsuspend_agent: agentFlag('unsuspend'),
  approve_agent: agentFlag('approve'),
};
