// Agent Chat API: who is in a chat (transfer, add and remove users, follow and unfollow).
import type { RequestContext } from '../context.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { agentUserView, chatView, customerRecordView } from '../serialize.js';
import type { AgentRecord, ChatRecord, ThreadRecord } from '../store.js';
import { isObject } from '../util.js';
import { activeThread, me } from './agent-common.js';
import { addAgentToThread, pickAgent } from '../routing.js';

type Payload = Record<string, unknown>;

/** Who a transfer hands the chat to, and what `transferred_to` says; a group target moves the chat to those groups. */
function transferTarget(
  p: Platform,
  chat: ChatRecord,
  thread: ThreadRecord,
  payload: Payload,
  current: string[],
): { newAgents: AgentRecord[]; transferredTo: Record<string, unknown> } {
  const force = payload.ignore_agents_availability === true;
  const target = payload.target;
  if (target === undefined) {
    const agent = pickAgent(p, chat.access.group_ids, new Set(current));
    if (!agent && !force) throw new SimError('agent_offline', "No other agent in the chat's groups can take it now");
    return { newAgents: agent ? [agent] : [], transferredTo: {} };
  }
  if (
    !isObject(target) ||
    (target.type !== 'agent' && target.type !== 'group') ||
    !Array.isArray(target.ids) ||
    !target.ids.length
  ) {
    throw invalid('Wrong format of request: "target" needs "type" (agent or group) and a non-empty "ids" array');
  }
  if (target.type === 'agent') {
    const newAgents = target.ids.map((id) => p.agent(id));
    const busy = newAgents.find((a) => a.status !== 'accepting_chats');
    if (busy && !force) throw new SimError('agent_offline', `Agent ${busy.id} is not accepting chats`);
    return { newAgents, transferredTo: { agent_ids: newAgents.map((a) => a.id) } };
  }
  const groupIds = target.ids.map((id) => {
    if (typeof id !== 'number' || !p.store.groups.has(id))
      throw new SimError('group_not_found', `Group ${JSON.stringify(id)} not found`);
    return id;
  });
  const agent = pickAgent(p, groupIds, new Set(current));
  if (!agent && !force) throw new SimError('groups_offline', 'No agent in the target groups can take the chat now');
  chat.access = { group_ids: groupIds };
  thread.access = { group_ids: [...groupIds] };
  return { newAgents: agent ? [agent] : [], transferredTo: { group_ids: groupIds } };
}

export function transferChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = me(ctx, p);
  const chat = p.chat(ctx, payload.id);
  const thread = activeThread(p, chat);
  if (payload.ignore_requester_presence !== true) p.assertPresent(chat, p.requester(ctx));
  const current = [...chat.users].filter(([, u]) => u.type === 'agent' && u.present).map(([id]) => id);
  const { newAgents, transferredTo } = transferTarget(p, chat, thread, payload, current);
  const before = p.recipients(chat);
  for (const id of current) chat.users.get(id)!.present = false;
  for (const agent of newAgents) {
    agent.lastAssigned = p.store.nextAssignSeq();
    addAgentToThread(chat, thread, agent);
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

export function addUserToChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
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

export function removeUserFromChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
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

export function followChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
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

export function unfollowChat(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = me(ctx, p);
  const chat = p.chat(ctx, payload.id);
  chat.followers.delete(requester.id);
  p.emitChat(ctx, chat, 'chat_unfollowed', () => ({ chat_id: chat.id }), { only: [requester.id] });
  // The RTM reference's sample answers the chat id; the Web reference documents no payload.
  return ctx.transport === 'rtm' ? { chat_id: chat.id } : {};
}
