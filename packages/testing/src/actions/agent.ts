// Agent Chat API (Web + RTM): the handler table, session and routing-status actions, tags and customers.
import type { RequestContext } from '../context.js';
import type { HandlerTable } from '../dispatch.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { customerRecordView } from '../serialize.js';
import type { RoutingStatus } from '../store.js';
import { isObject } from '../util.js';
import { addUserToChat, followChat, removeUserFromChat, transferChat, unfollowChat } from './agent-chat-users.js';
import { me } from './agent-common.js';
import { agentExtraHandlers } from './agent-extras.js';
import { sendEventPreview, sendThinkingIndicator, sendTypingIndicator } from './agent-indicators.js';
import { listArchives, listChats } from './agent-lists.js';
import {
  deleteProperties,
  getChat,
  listThreads,
  markEventsAsSeen,
  sendRichMessagePostback,
  updateProperties,
} from './chats.js';
import { applyCustomerUpdate } from './customer-fields.js';
import { loginAgent } from './login.js';
import { activeChats, setStatus } from '../routing.js';
import { deactivateChat, resumeChat, sendEvent, startChat } from '../chat-operations.js';
import { uploadFile } from '../uploads.js';
import { customerUpdated } from '../customer-updates.js';

type Payload = Record<string, unknown>;

function tag(add: boolean) {
  return (ctx: RequestContext, payload: Payload, p: Platform): unknown => {
    const chat = p.chat(ctx, payload.chat_id);
    const thread = p.thread(chat, payload.thread_id);
    const name = String(payload.tag);
    const known = p.store.findTag(name);
    if (!known) throw notFound('Tag', name);
    const has = thread.tags.includes(known.name);
    if (add && has) throw invalid(`Thread ${thread.id} is already tagged with "${known.name}"`);
    if (!add && !has) throw notFound(`Tag of thread ${thread.id}`, known.name);
    thread.tags = add ? [...thread.tags, known.name] : thread.tags.filter((t) => t !== known.name);
    const body = { chat_id: chat.id, thread_id: thread.id, tag: known.name };
    const agents = [...p.recipients(chat)].filter((id) => p.store.agents.has(id));
    p.emitChat(ctx, chat, add ? 'thread_tagged' : 'thread_untagged', () => body, { only: agents, webhook: body });
    return {};
  };
}

function setRoutingStatus(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const agent = payload.agent_id === undefined ? me(ctx, p) : p.agent(payload.agent_id);
  const allowed: RoutingStatus[] = agent.isBot
    ? ['accepting_chats', 'not_accepting_chats', 'offline']
    : ['accepting_chats', 'not_accepting_chats'];
  if (!allowed.includes(payload.status as RoutingStatus)) {
    throw invalid(`Wrong format of request: "status" must be one of ${allowed.join(', ')}`);
  }
  setStatus(p, agent, payload.status as RoutingStatus, ctx);
  return {};
}

function listRoutingStatuses(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const filters = isObject(payload.filters) ? payload.filters : {};
  const groups = Array.isArray(filters.group_ids) ? filters.group_ids : undefined;
  return [...p.store.agents.values()]
    .filter((a) => !groups || a.groups.some((g) => groups.includes(g.id)))
    .map((a) => ({ agent_id: a.id, status: a.status }));
}

function getCustomer(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  return customerRecordView(p.store, p.customer(payload.id), 'agent');
}

function updateCustomer(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const customer = p.customer(payload.id);
  const changedFields = applyCustomerUpdate(customer, payload);
  customerUpdated(p, ctx, customer, changedFields.includes('session_fields'));
  return {};
}

function listAgentsForTransfer(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const chat = p.chat(ctx, payload.chat_id);
  return (
    [...p.store.agents.values()]
      .filter((a) => a.status === 'accepting_chats' && !chat.users.get(a.id)?.present)
      // The Web reference's sample names the count `total_active_chats`, the RTM reference's `active_chats`.
      .map((a) => ({
        agent_id: a.id,
        [ctx.transport === 'rtm' ? 'active_chats' : 'total_active_chats']: activeChats(p, a.id),
      }))
  );
}

function logout(ctx: RequestContext, _payload: Payload, _p: Platform): unknown {
  const conn = ctx.conn!;
  ctx.after(() => conn.ws.close(1000, 'logout'));
  return {};
}

function setAwayStatus(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  if (typeof payload.away !== 'boolean') throw invalid('Wrong format of request: "away" must be a boolean');
  const agent = me(ctx, p);
  ctx.conn!.away = payload.away;
  const conns = p.hub.of(agent.id, 'agent');
  if (payload.away && conns.every((c) => c.away)) setStatus(p, agent, 'not_accepting_chats', ctx);
  if (!payload.away && agent.status !== 'accepting_chats' && agent.loginStatus === 'accepting chats')
    setStatus(p, agent, 'accepting_chats', ctx);
  return {};
}

function updateSession(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const token = String(payload.token).replace(/^Bearer\s+/i, '');
  const principal = p.auth.bearer(token);
  if (principal.id !== ctx.principal?.id) throw new SimError('authentication', 'The new token belongs to another user');
  ctx.conn!.principal = principal;
  // From now on the socket lives on the new token (docs: so it stays open after the former one expires).
  p.bindToken(ctx.conn!, token);
  return {};
}

export const agentHandlers: HandlerTable = {
  handlers: {
    login: loginAgent,
    logout,
    set_away_status: setAwayStatus,
    update_session: updateSession,
    list_chats: listChats,
    list_threads: listThreads,
    get_chat: getChat,
    list_archives: listArchives,
    start_chat: (ctx, payload, p) => startChat(p, ctx, payload),
    resume_chat: (ctx, payload, p) => resumeChat(p, ctx, payload),
    deactivate_chat: (ctx, payload, p) => deactivateChat(p, ctx, payload),
    follow_chat: followChat,
    unfollow_chat: unfollowChat,
    transfer_chat: transferChat,
    add_user_to_chat: addUserToChat,
    remove_user_from_chat: removeUserFromChat,
    send_event: (ctx, payload, p) => sendEvent(p, ctx, payload),
    send_event_preview: sendEventPreview,
    upload_file: (_ctx, payload, p) => uploadFile(p, payload),
    send_rich_message_postback: sendRichMessagePostback,
    update_chat_properties: updateProperties('chat'),
    delete_chat_properties: deleteProperties('chat'),
    update_thread_properties: updateProperties('thread'),
    delete_thread_properties: deleteProperties('thread'),
    update_event_properties: updateProperties('event'),
    delete_event_properties: deleteProperties('event'),
    tag_thread: tag(true),
    untag_thread: tag(false),
    get_customer: getCustomer,
    update_customer: updateCustomer,
    set_routing_status: setRoutingStatus,
    list_routing_statuses: listRoutingStatuses,
    mark_events_as_seen: markEventsAsSeen,
    send_typing_indicator: sendTypingIndicator,
    send_thinking_indicator: sendThinkingIndicator,
    list_agents_for_transfer: listAgentsForTransfer,
    ...agentExtraHandlers,
  },
};
