// Configuration API bots: create, read, update, delete, their tokens and secrets.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import type { AgentRecord } from '../store.js';
import { clone, hexId } from '../util.js';
import { applyAgentFields } from './configuration-agents.js';
import { announce, fieldsParam, ownerClientId, str } from './configuration-common.js';

type Payload = Record<string, unknown>;

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

export const botHandlers: Record<string, Handler> = {
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
};
