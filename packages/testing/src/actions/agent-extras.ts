// Agent actions beside chatting: multicast, thread summaries, customer tracking and bans.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, notFound } from '../errors.js';
import type { Platform } from '../platform.js';
import type { EventRecord, ThreadRecord } from '../store.js';
import { isObject } from '../util.js';
import { banCustomer } from './bans.js';
import { addEvent } from '../chat-events.js';

type Payload = Record<string, unknown>;

/** The agent ids `recipients.agents` names (`all`, `ids`, `groups`; at least one, docs). */
function multicastRecipients(p: Platform, recipients: unknown): Set<string> {
  const agents = isObject(recipients) ? recipients.agents : undefined;
  if (!isObject(agents) || (agents.all === undefined && agents.ids === undefined && agents.groups === undefined))
    throw invalid('Wrong format of request: "recipients.agents" needs at least one of "all", "ids", "groups"');
  const { all, ids, groups } = agents;
  if (all !== undefined && typeof all !== 'boolean')
    throw invalid('Wrong format of request: "recipients.agents.all" must be a boolean');
  if (ids !== undefined && (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')))
    throw invalid('Wrong format of request: "recipients.agents.ids" must be an array of agent ids');
  if (groups !== undefined && (!Array.isArray(groups) || !groups.every((g) => Number.isInteger(Number(g)))))
    throw invalid('Wrong format of request: "recipients.agents.groups" must be an array of group ids');
  const out = new Set<string>((ids as string[] | undefined) ?? []);
  for (const agent of p.store.agents.values()) {
    if (all === true || (groups as unknown[] | undefined)?.some((g) => agent.groups.some((m) => m.id === Number(g))))
      out.add(agent.id);
  }
  return out;
}

/** `multicast`: `incoming_multicast` to the agents' RTM sockets; nothing is saved (docs). */
function multicast(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const me = p.requester(ctx);
  const recipients = multicastRecipients(p, payload.recipients);
  if (payload.type !== undefined && typeof payload.type !== 'string')
    throw invalid('Wrong format of request: "type" must be a string');
  const body: Payload = { author_id: me.id, content: payload.content };
  if (payload.type !== undefined) body.type = payload.type;
  ctx.after(() => p.hub.push(recipients, 'incoming_multicast', () => body, ctx.origin));
  return {};
}

/** The simulator's "AI" summary: one bullet per message, the last three. */
function summarize(thread: ThreadRecord): string {
  const messages = thread.events.filter((e) => e.type === 'message' && typeof e.text === 'string');
  if (!messages.length) return '• No messages in this thread.';
  return messages
    .slice(-3)
    .map((e) => `• ${e.author_id ?? 'someone'}: ${String(e.text).slice(0, 120)}`)
    .join('  \n');
}

/**
 * `request_thread_summary`: `thread_summary_set` (push and webhook); in an active thread the summary also
 * arrives as a `system` event of subtype `summary`. A deactivated thread is summarized once.
 */
function requestThreadSummary(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const me = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = p.thread(chat, payload.thread_id);
  if (!thread.active && thread.summarizedInactive)
    throw invalid(`Wrong format of request: thread ${thread.id} is deactivated and was summarized already`);
  if (!thread.active) thread.summarizedInactive = true;
  const summary = { status: 'ok', text: summarize(thread), updated_at: p.store.clock.timestamp() };
  if (thread.active) {
    const event: EventRecord = {
      id: `${thread.id}_${++thread.eventSeq}`,
      created_at: summary.updated_at,
      visibility: 'agents',
      type: 'system',
      source: 'messaging',
      subtype: 'summary',
      version: 1,
      details: JSON.stringify({ summary: { text: summary.text, status: summary.status }, requested_by: me.id }),
    };
    addEvent(p, ctx, chat, thread, event, undefined);
  }
  const body = { chat_id: chat.id, thread_id: thread.id, summary };
  p.emitChat(ctx, chat, 'thread_summary_set', (view) => (view === 'agent' ? body : undefined), {
    webhook: body,
    extra: [me.id],
  });
  return {};
}

function subscribeCustomers(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const groups = payload.group_ids;
  if (groups !== undefined && (!Array.isArray(groups) || !groups.every((g) => Number.isInteger(g))))
    throw invalid('Wrong format of request: "group_ids" must be an array of group ids');
  const limit = payload.limit ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
    throw invalid('Wrong format of request: "limit" must be a positive integer');
  return p.tracking.subscribe(ctx.conn!, { groupIds: groups as number[] | undefined, limit });
}

function unsubscribeCustomers(ctx: RequestContext, payload: Payload): unknown {
  if (!ctx.conn!.customerSubscriptions.delete(String(payload.subscription_id)))
    throw notFound('Subscription', payload.subscription_id);
  return {};
}

export const agentExtraHandlers: Record<string, Handler> = {
  ban_customer: banCustomer,
  multicast,
  request_thread_summary: requestThreadSummary,
  subscribe_customers: subscribeCustomers,
  unsubscribe_customers: unsubscribeCustomers,
};
