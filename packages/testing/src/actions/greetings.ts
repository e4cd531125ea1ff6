// Greetings: the Configuration API's campaigns, the `incoming_greeting` a customer gets when one's rules
// hold, and the Customer API's `accept_greeting` / `cancel_greeting` / `send_greeting_button_clicked`.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import type { CustomerRecord, GreetingRecord } from '../store.js';
import { clone, isObject, platformId, uuid } from '../util.js';
import { buttonIds, checkGreetingProperties, checkRichMessage, checkRules, rulesHold } from './greeting-rules.js';
import { pickAgent } from '../routing.js';

type Payload = Record<string, unknown>;

const TYPES = ['normal', 'announcement'];
/** The fields of a greeting, in the order of the docs' `get_greeting` sample. */
const FIELDS = [
  'type',
  'active',
  'active_from',
  'active_until',
  'name',
  'group',
  'rules',
  'properties',
  'rich_message',
];

const greetingNotFound = (id: unknown) => new SimError('not_found', `Greeting ${JSON.stringify(id)} not found`);

function greeting(p: Platform, id: unknown): GreetingRecord {
  const found = typeof id === 'number' ? p.store.greetings.get(id) : undefined;
  if (!found) throw greetingNotFound(id);
  return found;
}

/** The checked fields of a create or update request (only those given). */
function checkFields(p: Platform, payload: Payload): Payload {
  const out: Payload = {};
  if (payload.type !== undefined && !TYPES.includes(payload.type as string))
    throw invalid('Wrong format of request: "type" must be "normal" or "announcement"');
  if (payload.active !== undefined && typeof payload.active !== 'boolean')
    throw invalid('Wrong format of request: "active" must be a boolean');
  if (payload.name !== undefined && (typeof payload.name !== 'string' || payload.name === ''))
    throw invalid('Wrong format of request: "name" must be a non-empty string');
  for (const key of ['active_from', 'active_until']) {
    const value = payload[key];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
      throw invalid(`Wrong format of request: "${key}" must be an RFC 3339 date-time`);
  }
  if (payload.group !== undefined && (typeof payload.group !== 'number' || !p.store.groups.has(payload.group)))
    throw new SimError('group_not_found', `Group ${JSON.stringify(payload.group)} not found`);
  if (payload.rules !== undefined) checkRules(payload.rules);
  if (payload.properties !== undefined) checkGreetingProperties(payload.properties);
  if (payload.rich_message !== undefined) checkRichMessage(payload.rich_message, uuid);
  for (const key of FIELDS) if (payload[key] !== undefined) out[key] = clone(payload[key]);
  return out;
}

function view(record: GreetingRecord): Payload {
  const out: Payload = { id: record.id };
  for (const key of FIELDS) if (record[key] !== undefined) out[key] = clone(record[key]);
  return out;
}

function createGreeting(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const fields = checkFields(p, payload);
  const id = ++p.store.greetingSeq;
  p.store.greetings.set(id, { ...fields, id } as GreetingRecord);
  return { id };
}

function updateGreeting(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const record = greeting(p, payload.id);
  if (payload.group !== undefined) throw invalid('Wrong format of request: "group" cannot be updated');
  Object.assign(record, checkFields(p, payload));
  return {};
}

function listGreetings(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const request = {
    owner: `configuration/list_greetings/${ctx.principal?.id ?? ''}`,
    payload,
    defaultLimit: 100,
    maxLimit: 100,
  };
  const resolved = p.pager.resolve(request);
  const groups = resolved.params.groups;
  if (groups !== undefined && (!Array.isArray(groups) || !groups.every((g) => typeof g === 'number')))
    throw invalid('Wrong format of request: "groups" must be an array of group ids');
  const all = [...p.store.greetings.values()].filter((g) => !groups || (groups as number[]).includes(g.group));
  const page = p.pager.page(request, { ...resolved, params: resolved.params }, all);
  const out: Payload = { greetings: page.items.map(view), found_greetings: page.total };
  if (page.next_page_id) out.next_page_id = page.next_page_id;
  return out;
}

export const greetingConfigurationHandlers: Record<string, Handler> = {
  create_greeting: createGreeting,
  update_greeting: updateGreeting,
  delete_greeting: (_ctx, payload, p) => {
    p.store.greetings.delete(greeting(p, payload.id).id);
    return {};
  },
  get_greeting: (_ctx, payload, p) => view(greeting(p, payload.id)),
  list_greetings: listGreetings,
};

// ---------------------------------------------------------------- customers

function isLive(record: GreetingRecord, now: string): boolean {
  if (!record.active) return false;
  const from = typeof record.active_from === 'string' ? new Date(record.active_from).toISOString() : undefined;
  const until = typeof record.active_until === 'string' ? new Date(record.active_until).toISOString() : undefined;
  return (!from || from <= now) && (!until || now < until);
}

/** The greeting's event: its rich message, else a message of its `greeting-message_text`. */
function greetingEvent(record: GreetingRecord, uniqueId: string, authorId: string, p: Platform): Payload {
  const base = { id: `${uniqueId}_1`, created_at: p.store.clock.timestamp(), author_id: authorId, visibility: 'all' };
  if (isObject(record.rich_message)) return { ...base, type: 'rich_message', ...clone(record.rich_message) };
  const properties = isObject(record.properties) ? record.properties : {};
  const text = properties['greeting-message_text'] ?? properties.text ?? record.name;
  return { ...base, type: 'message', text: String(text) };
}

/**
 * Shows a greeting to a customer: `greeting_canceled` for the one displayed before (docs: a new greeting
 * cancels it), then `incoming_greeting`. Returns the greeting's `unique_id`.
 */
export function showGreeting(p: Platform, customer: CustomerRecord, record: GreetingRecord): string {
  const shown = [...p.store.shownGreetings.values()].filter((s) => s.customerId === customer.id);
  const sockets = p.hub.of(customer.id, 'customer');
  for (const previous of shown.filter((s) => s.state === 'displayed')) {
    previous.state = 'canceled';
    p.hub.pushTo(sockets, 'greeting_canceled', () => ({ unique_id: previous.uniqueId }));
  }
  const agent =
    pickAgent(p, [record.group]) ??
    [...p.store.agents.values()].find((a) => a.groups.some((g) => g.id === record.group)) ??
    [...p.store.agents.values()][0]!;
  const uniqueId = platformId();
  p.store.shownGreetings.set(uniqueId, {
    uniqueId,
    greetingId: record.id,
    customerId: customer.id,
    state: 'displayed',
    clickedButtons: [],
  });
  const properties = isObject(record.properties) ? record.properties : {};
  const body: Payload = {
    id: record.id,
    unique_id: uniqueId,
    displayed_first_time: !shown.some((s) => s.greetingId === record.id),
  };
  if (properties.addon !== undefined) body.addon = properties.addon;
  if (record.type === 'announcement') body.subtype = 'announcement';
  body.is_exit_intent = properties.is_exit_intent === true || properties.is_exit_intent === 'true';
  body.event = greetingEvent(record, uniqueId, agent.id, p);
  body.agent = {
    name: agent.name,
    id: agent.id,
    avatar: agent.avatar,
    job_title: agent.jobTitle ?? '',
    is_bot: agent.isBot,
  };
  p.hub.pushTo(sockets, 'incoming_greeting', () => body);
  return uniqueId;
}

/** After a customer's page changed: shows the first live greeting of their groups whose rules now hold. */
export function greetOnPage(p: Platform, customer: CustomerRecord): void {
  const now = new Date().toISOString();
  const groups = p.tracking.groupsOf(customer.id);
  const seen = new Set(
    [...p.store.shownGreetings.values()].filter((s) => s.customerId === customer.id).map((s) => s.greetingId),
  );
  for (const record of p.store.greetings.values()) {
    if (seen.has(record.id) || !groups.includes(record.group) || !isLive(record, now)) continue;
    if (!rulesHold(record.rules as Record<string, unknown>[], customer)) continue;
    showGreeting(p, customer, record);
    return;
  }
}

function shownTo(ctx: RequestContext, p: Platform, uniqueId: unknown) {
  const shown = typeof uniqueId === 'string' ? p.store.shownGreetings.get(uniqueId) : undefined;
  if (!shown || shown.customerId !== p.requester(ctx).id)
    throw new SimError('greeting_not_found', `Greeting ${JSON.stringify(uniqueId)} not found`);
  return shown;
}

/** `accept_greeting` / `cancel_greeting`: a displayed greeting becomes accepted or canceled. */
function settle(state: 'accepted' | 'canceled'): Handler {
  return (ctx, payload, p) => {
    const shown = shownTo(ctx, p, payload.unique_id);
    if (state === 'accepted' && shown.greetingId !== payload.greeting_id)
      throw new SimError(
        'greeting_not_found',
        `Greeting ${JSON.stringify(payload.greeting_id)} was not shown as ${shown.uniqueId}`,
      );
    if (shown.state !== 'displayed') throw invalid(`Wrong format of request: the greeting is already ${shown.state}`);
    shown.state = state;
    const sockets = p.hub.of(shown.customerId, 'customer');
    ctx.after(() => p.hub.pushTo(sockets, `greeting_${state}`, () => ({ unique_id: shown.uniqueId }), ctx.origin));
    return {};
  };
}

export const greetingCustomerHandlers: Record<string, Handler> = {
  accept_greeting: settle('accepted'),
  cancel_greeting: settle('canceled'),
  send_greeting_button_clicked: (ctx, payload, p) => {
    const shown = shownTo(ctx, p, payload.greeting_unique_id);
    const record = p.store.greetings.get(shown.greetingId);
    if (!buttonIds(record?.rich_message).includes(String(payload.button_id)))
      throw invalid(`Wrong format of request: the greeting has no button ${JSON.stringify(payload.button_id)}`);
    shown.clickedButtons.push(String(payload.button_id));
    return {};
  },
};
