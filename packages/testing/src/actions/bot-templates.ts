// Configuration bot templates. The simulated organization counts as having every owner client's app
// installed, so `affect_existing_installations: true` creates, updates, deletes or re-keys the template's
// bot here (same id as the template, docs); without it only future installations would change.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import type { BotTemplateRecord, Priority } from '../store.js';
import { hexId } from '../util.js';
import { announce, PRIORITIES, str } from './configuration-common.js';

type Payload = Record<string, unknown>;

/** Docs: "One Client ID can register up to five bot templates." */
const TEMPLATES_PER_CLIENT = 5;

function template(p: Platform, payload: Payload): BotTemplateRecord {
  const found = p.store.botTemplates.get(String(payload.id));
  if (!found || found.owner_client_id !== payload.owner_client_id) throw notFound('Bot template', payload.id);
  return found;
}

/** The template fields of a request (only those given), checked. */
function templateFields(payload: Payload): Partial<BotTemplateRecord> {
  const out: Partial<BotTemplateRecord> = {};
  if (payload.name !== undefined) out.name = str(payload, 'name');
  if (payload.avatar !== undefined) out.avatar = str(payload, 'avatar');
  if (payload.job_title !== undefined) out.job_title = str(payload, 'job_title');
  const max = payload.max_chats_count;
  if (max !== undefined) {
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > 500)
      throw invalid('Wrong format of request: "max_chats_count" must be an integer from 0 to 500');
    out.max_chats_count = max;
  }
  const priority = payload.default_group_priority;
  if (priority !== undefined) {
    if (!PRIORITIES.includes(priority as Priority))
      throw invalid(`Wrong format of request: "default_group_priority" must be one of ${PRIORITIES.join(', ')}`);
    out.default_group_priority = priority as Priority;
  }
  if (payload.affect_existing_installations !== undefined && typeof payload.affect_existing_installations !== 'boolean')
    throw invalid('Wrong format of request: "affect_existing_installations" must be a boolean');
  return out;
}

/** Creates or refreshes the template's bot in the simulated organization. */
function installBot(ctx: RequestContext, p: Platform, t: BotTemplateRecord): void {
  const existing = p.store.agents.get(t.id);
  const bot =
    existing ??
    p.store.addAgent({
      id: t.id,
      name: t.name,
      isBot: true,
      ownerClientId: t.owner_client_id,
      groups: [{ id: 0, priority: t.default_group_priority }],
    });
  bot.name = t.name;
  bot.avatar = t.avatar;
  bot.jobTitle = t.job_title;
  bot.maxChats = t.max_chats_count;
  bot.defaultGroupPriority = t.default_group_priority;
  bot.botSecret = t.secret;
  const body = existing
    ? { id: bot.id, name: bot.name }
    : {
        id: bot.id,
        name: bot.name,
        default_group_priority: t.default_group_priority,
        groups: bot.groups.map((g) => ({ ...g })),
        owner_client_id: t.owner_client_id,
      };
  announce(ctx, p, existing ? 'bot_updated' : 'bot_created', body);
}

function createBotTemplate(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const owner = str(payload, 'owner_client_id');
  const fields = templateFields(payload);
  const owned = [...p.store.botTemplates.values()].filter((t) => t.owner_client_id === owner);
  if (owned.length >= TEMPLATES_PER_CLIENT)
    throw new SimError('limit_reached', `A client id can register at most ${TEMPLATES_PER_CLIENT} bot templates`);
  const t: BotTemplateRecord = {
    id: hexId(32),
    name: fields.name!,
    avatar: fields.avatar ?? '',
    max_chats_count: fields.max_chats_count ?? 6,
    default_group_priority: fields.default_group_priority ?? 'normal',
    job_title: fields.job_title,
    owner_client_id: owner,
    secret: hexId(32),
  };
  p.store.botTemplates.set(t.id, t);
  if (payload.affect_existing_installations === true) installBot(ctx, p, t);
  return { id: t.id, secret: t.secret };
}

function updateBotTemplate(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const t = template(p, payload);
  Object.assign(t, templateFields(payload));
  if (payload.affect_existing_installations === true) installBot(ctx, p, t);
  return {};
}

function deleteBotTemplate(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const t = template(p, payload);
  templateFields({ affect_existing_installations: payload.affect_existing_installations });
  p.store.botTemplates.delete(t.id);
  const bot = p.store.agents.get(t.id);
  if (payload.affect_existing_installations === true && bot?.isBot) {
    p.store.agents.delete(bot.id);
    p.auth.revokeAll(bot.id);
    announce(ctx, p, 'bot_deleted', { id: bot.id });
  }
  return {};
}

function resetBotTemplateSecret(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const t = template(p, payload);
  t.secret = hexId(32);
  const bot = p.store.agents.get(t.id);
  if (payload.affect_existing_installations === true && bot?.isBot) bot.botSecret = t.secret;
  return { secret: t.secret };
}

export const botTemplateHandlers: Record<string, Handler> = {
  create_bot_template: createBotTemplate,
  update_bot_template: updateBotTemplate,
  delete_bot_template: deleteBotTemplate,
  reset_bot_template_secret: resetBotTemplateSecret,
  list_bot_templates: (_ctx, payload, p) =>
    [...p.store.botTemplates.values()]
      .filter((t) => t.owner_client_id === payload.owner_client_id)
      .map((t) => ({ id: t.id, name: t.name, avatar_path: t.avatar })),
};
