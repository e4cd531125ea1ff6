// Routing: which agent or bot takes a chat, the queue of chats nobody can take yet, and routing statuses.
import { type RequestContext, systemContext } from './context.js';
import type { Platform } from './platform.js';
import { agentUserView, chatView } from './serialize.js';
import type { AgentRecord, ChatRecord, RoutingStatus, ThreadRecord } from './store.js';

const PRIORITY_RANK: Record<string, number> = { first: 0, normal: 1, last: 2 };

/** How many active chats the agent is present in: its load when routing. */
export function activeChats(p: Platform, agentId: string): number {
  let n = 0;
  for (const chat of p.store.chats.values()) {
    if (chat.users.get(agentId)?.present && p.lastThread(chat)?.active) n++;
  }
  return n;
}

/** The agent or bot a chat in `groupIds` would be routed to now, if any. */
export function pickAgent(p: Platform, groupIds: number[], exclude: Set<string> = new Set()): AgentRecord | undefined {
  const candidates: { agent: AgentRecord; rank: number; load: number }[] = [];
  for (const agent of p.store.agents.values()) {
    if (exclude.has(agent.id) || agent.suspended || agent.status !== 'accepting_chats') continue;
    const memberships = agent.groups.filter((g) => groupIds.includes(g.id) && g.priority !== 'supervisor');
    if (!memberships.length) continue;
    const load = activeChats(p, agent.id);
    if (load >= agent.maxChats) continue;
    const rank = Math.min(...memberships.map((g) => PRIORITY_RANK[g.priority] ?? 1));
    candidates.push({ agent, rank, load });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.load - b.load || a.agent.lastAssigned - b.agent.lastAssigned);
  return candidates[0]?.agent;
}

/** Adds an agent to a chat's current thread. */
export function addAgentToThread(chat: ChatRecord, thread: ThreadRecord, agent: AgentRecord): void {
  const existing = chat.users.get(agent.id);
  chat.users.set(agent.id, { type: 'agent', present: true, events_seen_up_to: existing?.events_seen_up_to });
  if (!thread.user_ids.includes(agent.id)) thread.user_ids.push(agent.id);
}

/** Routes a new thread to an available agent or bot; queues it when there is none. Returns the agent. */
export function route(p: Platform, chat: ChatRecord, thread: ThreadRecord): AgentRecord | undefined {
  const agent = pickAgent(p, chat.access.group_ids);
  if (agent) assign(p, chat, thread, agent);
  else {
    thread.queue = { position: queued(p).length + 1, wait_time: 0, queued_at: p.store.clock.timestamp() };
  }
  return agent;
}

/** `agent` takes the thread: it joins it, the thread leaves the queue, and ties in `pickAgent` go to others next. */
function assign(p: Platform, chat: ChatRecord, thread: ThreadRecord, agent: AgentRecord): void {
  agent.lastAssigned = p.store.nextAssignSeq();
  addAgentToThread(chat, thread, agent);
  thread.queue = undefined;
}

function queued(p: Platform): ChatRecord[] {
  return [...p.store.chats.values()].filter((c) => {
    const t = p.lastThread(c);
    return t?.active && t.queue;
  });
}

/** Hands queued chats to agents who can take them now. */
export function processQueue(p: Platform, ctx: RequestContext = systemContext()): void {
  const queue = queued(p).sort((a, b) =>
    a.threads.at(-1)!.queue!.queued_at.localeCompare(b.threads.at(-1)!.queue!.queued_at),
  );
  for (const chat of queue) {
    const thread = p.lastThread(chat)!;
    const agent = pickAgent(p, chat.access.group_ids);
    if (!agent) continue;
    assign(p, chat, thread, agent);
    p.emitChat(ctx, chat, 'incoming_chat', (view) => ({ chat: chatView(p.store, chat, thread, view) }), {
      only: [agent.id],
    });
    const others = [...p.recipients(chat)].filter((id) => id !== agent.id);
    p.emitChat(
      ctx,
      chat,
      'user_added_to_chat',
      (view) => ({
        chat_id: chat.id,
        thread_id: thread.id,
        user: agentUserView(agent, chat.users.get(agent.id), view),
        reason: 'assigned',
      }),
      { only: others },
    );
    ctx.after(() =>
      p.webhooks.fire(
        'user_added_to_chat',
        {
          chat_id: chat.id,
          thread_id: thread.id,
          user: agentUserView(agent, chat.users.get(agent.id), 'agent'),
          reason: 'assigned',
          user_type: 'agent',
        },
        { chat },
      ),
    );
  }
  let position = 1;
  for (const chat of queued(p)) p.lastThread(chat)!.queue!.position = position++;
}

/** Changes an agent's routing status; pushes `routing_status_set` and routes queued chats. */
export function setStatus(
  p: Platform,
  agent: AgentRecord,
  status: RoutingStatus,
  ctx: RequestContext = systemContext(),
): void {
  if (agent.status === status) return;
  agent.status = status;
  p.log(`routing status ${agent.id}: ${status}`);
  ctx.after(() => {
    const agentIds = p.hub.agents().map((c) => c.principal!.id);
    p.hub.push(agentIds, 'routing_status_set', () => ({ agent_id: agent.id, status }), ctx.origin);
    p.webhooks.fire('routing_status_set', { agent_id: agent.id, status });
    if (status === 'accepting_chats') processQueue(p);
  });
}

/** After an agent's last RTM socket closed. */
export function agentWentAway(p: Platform, agentId: string): void {
  const agent = p.store.agents.get(agentId);
  if (!agent || p.hub.of(agentId, 'agent').length) return;
  agent.lastLogout = p.store.clock.timestamp();
  setStatus(p, agent, 'offline');
}
