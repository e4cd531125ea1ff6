// Configuration API groups: create, read, update, delete, and their agent priorities.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import type { GroupRecord, Priority } from '../store.js';
import { isObject } from '../util.js';
import { announce, fieldsParam, PRIORITIES, str } from './configuration-common.js';

type Payload = Record<string, unknown>;

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

/** The group with id `id`; `group_not_found` when there is none. */
export function group(p: Platform, id: unknown): GroupRecord {
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

export const groupHandlers: Record<string, Handler> = {
  create_group: createGroup,
  get_group: (_ctx, payload, p) =>
    groupView(p, group(p, payload.id), fieldsParam(payload, ['agent_priorities', 'routing_status'])),
  list_groups: (_ctx, payload, p) => {
    const fields = fieldsParam(payload, ['agent_priorities', 'routing_status']);
    return [...p.store.groups.values()].map((g) => groupView(p, g, fields));
  },
  update_group: updateGroup,
  delete_group: deleteGroup,
};
