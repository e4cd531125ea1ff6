// Agent Chat API (Web + RTM).
import type { RequestContext } from '../context.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { HandlerTable } from '../dispatch.js';
import type { Platform } from '../platform.js';
import { agentChatSummary, agentUserView, chatList, chatView, customerRecordView, eventView } from '../serialize.js';
import type { AgentRecord, ChatRecord, RoutingStatus } from '../store.js';
import { isObject } from '../util.js';
import {
  deleteProperties,
  getChat,
  listThreads,
  markEventsAsSeen,
  sendRichMessagePostback,
  updateProperties,
  withPageIds,
} from './chats.js';
import { agentExtraHandlers } from './agent-extras.js';
import { applyCustomerUpdate } from './customer-fields.js';
import { loginAgent } from './login.js';

type Payload = Record<string, unknown>;

function me(ctx: RequestContext, p: Platform): AgentRecord {
  return p.agent(p.requester(ctx).id);
}

function activeThread(p: Platform, chat: ChatRecord) {
  const thread = p.lastThread(chat);
  if (!thread?.active) throw new SimError('chat_inactive', `Chat ${chat.id} is not active`);
  return thread;
}

function listChats(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const agent = me(ctx, p);
  const request = { owner: `agent/list_chats/${agent.id}`, payload, defaultLimit: 10, maxLimit: 100 };
  const resolved = p.pager.resolve(request);
  const filters = resolved.params.filters ?? {};
  if (!isObject(filters)) throw invalid('Wrong format of request: "filters" must be an object');
  const groups = filters.group_ids;
  if (groups !== undefined && (!Array.isArray(groups) || groups.length > 200)) {
    throw invalid('Wrong format of request: "filters.group_ids" must be an array of at most 200 group ids');
  }
  let chats = [...p.store.chats.values()].filter((chat) => {
    const last = p.lastThread(chat);
    if (typeof filters.active === 'boolean' && (last?.active ?? false) !== filters.active) return false;
    if (Array.isArray(groups) && !chat.access.group_ids.some((g) => groups.includes(g))) return false;
    if (filters.include_chats_without_threads === false && !last) return false;
    return true;
  });
  chats.sort((a, b) => lastActivity(a).localeCompare(lastActivity(b)));
  if (resolved.params.sort_order !== 'asc') chats = chats.reverse();
  const page = p.pager.page(request, resolved, chats);
  return withPageIds(
    {
      ...chatList(
        ctx.version,
        page.items.map((c) => agentChatSummary(p.store, c, agent.id)),
      ),
      found_chats: page.total,
    },
    page,
  );
}

function lastActivity(chat: ChatRecord): string {
  return chat.threads.at(-1)?.created_at ?? chat.created_at;
}

function listArchives(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const agent = me(ctx, p);
  const request = { owner: `agent/list_archives/${agent.id}`, payload, defaultLimit: 10, maxLimit: 100 };
  const f0 = payload.filters;
  if (payload.page_id === undefined && isObject(f0) && f0.thread_ids !== undefined && Object.keys(f0).length > 1) {
    throw invalid('Wrong format of request: "filters.thread_ids" cannot be used with other filters');
  }
  const resolved = p.pager.resolve(request);
  const filters = resolved.params.filters ?? {};
  if (!isObject(filters)) throw invalid('Wrong format of request: "filters" must be an object');
  const values = (f: unknown): unknown[] | undefined => (isObject(f) && Array.isArray(f.values) ? f.values : undefined);
  const query = typeof filters.query === 'string' ? filters.query.toLowerCase() : undefined;
  const entries: { chat: ChatRecord; thread: ChatRecord['threads'][number] }[] = [];
  for (const chat of p.store.chats.values()) {
    for (const thread of chat.threads) {
      if (Array.isArray(filters.chat_ids) && !filters.chat_ids.includes(chat.id)) continue;
      if (Array.isArray(filters.thread_ids) && !filters.thread_ids.includes(thread.id)) continue;
      if (
        Array.isArray(filters.group_ids) &&
        !chat.access.group_ids.some((g) => (filters.group_ids as unknown[]).includes(g))
      )
        continue;
      if (typeof filters.from === 'string' && thread.created_at < filters.from) continue;
      if (typeof filters.to === 'string' && thread.created_at > filters.to) continue;
      if (typeof filters.customer_id === 'string' && !chat.users.has(filters.customer_id)) continue;
      const agents = values(filters.agents);
      if (agents && !thread.user_ids.some((id) => agents.includes(id))) continue;
      const tags = values(filters.tags);
      if (tags && !thread.tags.some((t) => tags.includes(t))) continue;
      if (query && !thread.events.some((e) => typeof e.text === 'string' && e.text.toLowerCase().includes(query)))
        continue;
      entries.push({ chat, thread });
    }
  }
  entries.sort((a, b) => a.thread.created_at.localeCompare(b.thread.created_at));
  if (resolved.params.sort_order !== 'asc') entries.reverse();
  const page = p.pager.page(request, resolved, entries);
  return withPageIds(
    {
      chats: page.items.map(({ chat, thread }) => chatView(p.store, chat, thread, 'agent', agent.id)),
      found_chats: page.total,
    },
    page,
  );
}

function transferChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = me(ctx, p);
  const chat = p.chat(ctx, payload.id);
  const thread = activeThread(p, chat);
  if (payload.ignore_requester_presence !== true) p.assertPresent(chat, p.requester(ctx));
  const force = payload.ignore_agents_availability === true;
  const current = [...chat.users].filter(([, u]) => u.type === 'agent' && u.present).map(([id]) => id);
  const target = payload.target;
  let newAgents: AgentRecord[] = [];
  const transferredTo: Record<string, unknown> = {};
  if (target === undefined) {
    const agent = p.pickAgent(chat.access.group_ids, new Set(current));
    if (!agent && !force) throw new SimError('agent_offline', "No other agent in the chat's groups can take it now");
    if (agent) newAgents = [agent];
  } else {
    if (
      !isObject(target) ||
      (target.type !== 'agent' && target.type !== 'group') ||
      !Array.isArray(target.ids) ||
      !target.ids.length
    ) {
      throw invalid('Wrong format of request: "target" needs "type" (agent or group) and a non-empty "ids" array');
    }
    if (target.type === 'agent') {
      newAgents = target.ids.map((id) => p.agent(id));
      const busy = newAgents.find((a) => a.status !== 'accepting_chats');
      if (busy && !force) throw new SimError('agent_offline', `Agent ${busy.id} is not accepting chats`);
      transferredTo.agent_ids = newAgents.map((a) => a.id);
    } else {
      const groupIds = target.ids.map((id) => {
        if (typeof id !== 'number' || !p.store.groups.has(id))
          throw new SimError('group_not_found', `Group ${JSON.stringify(id)} not found`);
        return id;
      });
      const agent = p.pickAgent(groupIds, new Set(current));
      if (!agent && !force) throw new SimError('groups_offline', 'No agent in the target groups can take the chat now');
      chat.access = { group_ids: groupIds };
      thread.access = { group_ids: [...groupIds] };
      transferredTo.group_ids = groupIds;
      if (agent) newAgents = [agent];
    }
  }
  const before = p.recipients(chat);
  for (const id of current) chat.users.get(id)!.present = false;
  for (const agent of newAgents) {
    agent.lastAssigned = p.store.nextAssignSeq();
    p.join(chat, thread, agent);
  }
  if (!newAgents.length) thread.queue = { position: 1, wait_time: 0, queued_at: p.store.clock.timestamp() };
  transferredTo.agent_ids ??= newAgents.map((a) => a.id);
  const body: Record<string, unknown> = {
    chat_id: chat.id,
    thread_id: thread.id,
    requester_id: requester.id,
    reason: 'manual',
    transferred_to: transferredTo,
  };
  if (thread.queue) body.queue = thread.queue;
  p.emitChat(ctx, chat, 'chat_transferred', () => body, { extra: before, webhook: body });
  p.emitChat(
    ctx,
    chat,
    'incoming_chat',
    (view) => ({
      requester_id: requester.id,
      chat: chatView(p.store, chat, thread, view),
      transferred_from: { group_ids: thread.access.group_ids, agent_ids: current },
    }),
    { only: newAgents.map((a) => a.id) },
  );
  return {};
}

function addUserToChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = activeThread(p, chat);
  if (payload.user_type !== 'agent' && payload.user_type !== 'customer')
    throw invalid('Wrong format of request: "user_type" must be "agent" or "customer"');
  const id = String(payload.user_id);
  if (payload.user_type === 'agent') p.agent(id);
  else p.customer(id);
  chat.users.set(id, {
    type: payload.user_type,
    present: true,
    events_seen_up_to: chat.users.get(id)?.events_seen_up_to,
  });
  if (!thread.user_ids.includes(id)) thread.user_ids.push(id);
  const user = (view: 'agent' | 'customer') =>
    payload.user_type === 'agent'
      ? agentUserView(p.agent(id), chat.users.get(id), view)
      : customerRecordView(p.store, p.customer(id), view);
  const body = (view: 'agent' | 'customer') => ({
    chat_id: chat.id,
    thread_id: thread.id,
    user: user(view),
    reason: 'manual',
    requester_id: requester.id,
  });
  p.emitChat(ctx, chat, 'user_added_to_chat', body, { webhook: { ...body('agent'), user_type: payload.user_type } });
  if (payload.user_type === 'agent') {
    p.emitChat(
      ctx,
      chat,
      'incoming_chat',
      (view) => ({ requester_id: requester.id, chat: chatView(p.store, chat, thread, view) }),
      { only: [id] },
    );
  }
  return {};
}

function removeUserFromChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = activeThread(p, chat);
  const id = String(payload.user_id);
  const user = chat.users.get(id);
  if (!user?.present) throw notFound('User in chat', id);
  const before = p.recipients(chat);
  user.present = false;
  const body = { chat_id: chat.id, thread_id: thread.id, user_id: id, reason: 'manual', requester_id: requester.id };
  p.emitChat(ctx, chat, 'user_removed_from_chat', () => body, {
    extra: before,
    webhook: { ...body, user_type: payload.user_type },
  });
  return {};
}

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
  p.setStatus(agent, payload.status as RoutingStatus, ctx);
  return {};
}

function listRoutingStatuses(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const filters = isObject(payload.filters) ? payload.filters : {};
  const groups = Array.isArray(filters.group_ids) ? filters.group_ids : undefined;
  return [...p.store.agents.values()]
    .filter((a) => !groups || a.groups.some((g) => groups.includes(g.id)))
    .map((a) => ({ agent_id: a.id, status: a.status }));
}

function sendTypingIndicator(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = activeThread(p, chat);
  if (typeof payload.is_typing !== 'boolean') throw invalid('Wrong format of request: "is_typing" must be a boolean');
  const visibility = payload.visibility ?? 'all';
  if (visibility !== 'all' && visibility !== 'agents')
    throw invalid('Wrong format of request: "visibility" must be "all" or "agents"');
  const timestamp = Math.floor(Date.now() / 1000);
  const others = [...p.recipients(chat)].filter(
    (id) => id !== requester.id && (visibility === 'all' || p.store.agents.has(id)),
  );
  p.emitChat(
    ctx,
    chat,
    'incoming_typing_indicator',
    (view) => ({
      chat_id: chat.id,
      thread_id: thread.id,
      typing_indicator:
        view === 'agent'
          ? { author_id: requester.id, visibility, timestamp, is_typing: payload.is_typing }
          : { author_id: requester.id, recipients: visibility, timestamp, is_typing: payload.is_typing },
    }),
    { only: others },
  );
  return {};
}

function sendThinkingIndicator(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = activeThread(p, chat);
  const body: Record<string, unknown> = {
    chat_id: chat.id,
    thread_id: thread.id,
    author_id: requester.id,
    sent_at: p.store.clock.timestamp(),
  };
  for (const k of ['title', 'description', 'custom_id']) if (typeof payload[k] === 'string') body[k] = payload[k];
  p.emitChat(ctx, chat, 'incoming_thinking_indicator', () => body, {
    only: [...p.recipients(chat)].filter((id) => id !== requester.id),
  });
  return {};
}

function sendEventPreview(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  p.assertPresent(chat, requester);
  const thread = activeThread(p, chat);
  const input = p.checkEvent(payload.event, 'agent');
  if (input.type !== 'message')
    throw invalid('Wrong format of request: "event.type" must be "message" for an event preview');
  if ((input.visibility ?? 'all') !== 'all')
    throw invalid('Wrong format of request: "event.visibility" must be "all" for an event preview');
  const event = {
    ...p.makeEvent({ ...thread, eventSeq: thread.eventSeq }, input, requester.id),
    id: `${thread.id}_preview`,
  };
  const customers = [...p.recipients(chat)].filter((id) => p.store.customers.has(id));
  p.emitChat(
    ctx,
    chat,
    'incoming_event_preview',
    (view) => ({ chat_id: chat.id, thread_id: thread.id, event: eventView(event, view) }),
    {
      only: customers,
    },
  );
  return {};
}

function followChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = me(ctx, p);
  const chat = p.chat(ctx, payload.id);
  chat.followers.add(requester.id);
  p.emitChat(
    ctx,
    chat,
    'incoming_chat',
    (view) => ({ requester_id: requester.id, chat: chatView(p.store, chat, p.lastThread(chat), view) }),
    {
      only: [requester.id],
    },
  );
  return {};
}

function unfollowChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = me(ctx, p);
  const chat = p.chat(ctx, payload.id);
  chat.followers.delete(requester.id);
  p.emitChat(ctx, chat, 'chat_unfollowed', () => ({ chat_id: chat.id }), { only: [requester.id] });
  // The RTM reference's sample answers the chat id; the Web reference documents no payload.
  return ctx.transport === 'rtm' ? { chat_id: chat.id } : {};
}

function getCustomer(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  return customerRecordView(p.store, p.customer(payload.id), 'agent');
}

function updateCustomer(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const customer = p.customer(payload.id);
  const changedFields = applyCustomerUpdate(customer, payload);
  p.customerUpdated(ctx, customer, changedFields.includes('session_fields'));
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
        [ctx.transport === 'rtm' ? 'active_chats' : 'total_active_chats']: p.activeChats(a.id),
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
  if (payload.away && conns.every((c) => c.away)) p.setStatus(agent, 'not_accepting_chats', ctx);
  if (!payload.away && agent.status !== 'accepting_chats' && agent.loginStatus === 'accepting chats')
    p.setStatus(agent, 'accepting_chats', ctx);
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
    start_chat: (ctx, payload, p) => p.startChat(ctx, payload),
    resume_chat: (ctx, payload, p) => p.resumeChat(ctx, payload),
    deactivate_chat: (ctx, payload, p) => p.deactivateChat(ctx, payload),
    follow_chat: followChat,
    unfollow_chat: unfollowChat,
    transfer_chat: transferChat,
    add_user_to_chat: addUserToChat,
    remove_user_from_chat: removeUserFromChat,
    send_event: (ctx, payload, p) => p.sendEvent(ctx, payload),
    send_event_preview: sendEventPreview,
    upload_file: (_ctx, payload, p) => p.uploadFile(payload),
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
