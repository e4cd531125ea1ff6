// Agent Chat API chat lists: `list_chats` and `list_archives`.
import type { RequestContext } from '../context.js';
import { invalid } from '../errors.js';
import type { Platform } from '../platform.js';
import { agentChatSummary, chatList, chatView } from '../serialize.js';
import type { ChatRecord } from '../store.js';
import { isObject } from '../util.js';
import { me } from './agent-common.js';
import { withPageIds } from './chats.js';

type Payload = Record<string, unknown>;

export function listChats(ctx: RequestContext, payload: Payload, p: Platform): unknown {
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

export function listArchives(ctx: RequestContext, payload: Payload, p: Platform): unknown {
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
