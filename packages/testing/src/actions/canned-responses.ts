// 3.7 Configuration canned responses: create, update, list (paginated), delete; each change reaches the
// agents' 3.7 sockets as `canned_response_created` / `_updated` / `_deleted` (3.7 agent pushes).
import type { CannedResponse } from '@lc/core';
import type { RequestContext } from '../context.js';
import { invalid, notFound } from '../errors.js';
import type { Handler } from '../dispatch.js';
import type { Platform } from '../platform.js';
import { atLeast } from '../spec.js';
import { withPageIds } from './chats.js';

type Payload = Record<string, unknown>;

/** The 3.7 pushes exist only for sockets of 3.7 and later. */
function pushToAgents(p: Platform, action: string, payload: unknown): void {
  for (const conn of p.hub.agents()) if (atLeast(conn.version, '3.7')) conn.push(action, payload);
}

function text(value: unknown): string {
  // The docs: text is sanitized, and an input that becomes empty is rejected as invalid.
  const cleaned = typeof value === 'string' ? value.replace(/<[^>]*>/g, '').trim() : '';
  if (!cleaned) throw invalid('Wrong format of request: "text" must be a non-empty string');
  return cleaned;
}

function tags(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string'))
    throw invalid('Wrong format of request: "tags" must be an array of strings');
  return [...value];
}

function groupId(p: Platform, value: unknown): number {
  if (typeof value !== 'number' || !p.store.groups.has(value)) throw notFound('Group', value);
  return value;
}

function find(p: Platform, id: unknown): CannedResponse {
  const found = typeof id === 'number' ? p.store.cannedResponses.get(id) : undefined;
  if (!found) throw notFound('Canned response', id);
  return found;
}

const create: Handler = (ctx, payload, p) => {
  const now = new Date().toISOString();
  const record: CannedResponse = {
    id: Math.max(0, ...p.store.cannedResponses.keys()) + 1,
    text: text(payload.text),
    tags: tags(payload.tags),
    group_id: groupId(p, payload.group_id),
    is_private: payload.is_private === true,
    author_id: p.requester(ctx).id,
    created_at: now,
    updated_at: now,
  };
  p.store.cannedResponses.set(record.id, record);
  ctx.after(() => pushToAgents(p, 'canned_response_created', { ...record }));
  return { id: record.id };
};

const update: Handler = (ctx, payload, p) => {
  const record = find(p, payload.id);
  if (payload.text !== undefined) record.text = text(payload.text);
  if (payload.tags !== undefined) record.tags = tags(payload.tags);
  if (payload.group_id !== undefined) record.group_id = groupId(p, payload.group_id);
  if (payload.is_private !== undefined) record.is_private = payload.is_private === true;
  record.author_id = p.requester(ctx).id;
  record.updated_at = new Date().toISOString();
  const { created_at: _created, ...pushed } = record;
  ctx.after(() => pushToAgents(p, 'canned_response_updated', pushed));
  return {};
};

function visible(ctx: RequestContext, params: Payload, record: CannedResponse): boolean {
  const groups = Array.isArray(params.group_ids) ? params.group_ids : undefined;
  if (groups && !groups.includes(record.group_id)) return false;
  if (!record.is_private || params.include_all_private === true) return true;
  return params.include_private === true && record.author_id === ctx.principal?.id;
}

const list: Handler = (ctx, payload, p) => {
  const request = { owner: `configuration/list_canned_responses/${ctx.principal?.id}`, payload };
  const paged = { ...request, defaultLimit: 100, maxLimit: 100_000 };
  const resolved = p.pager.resolve(paged);
  const all = [...p.store.cannedResponses.values()].filter((r) => visible(ctx, resolved.params, r));
  const page = p.pager.page(paged, resolved, all);
  const { previous_page_id: _previous, ...ids } = withPageIds({}, page) as Payload;
  return { canned_responses: page.items.map((r) => ({ ...r })), found_canned_responses: page.total, ...ids };
};

const remove: Handler = (ctx, payload, p) => {
  const record = find(p, payload.id);
  p.store.cannedResponses.delete(record.id);
  ctx.after(() => pushToAgents(p, 'canned_response_deleted', { id: record.id }));
  return {};
};

export const cannedResponseHandlers: Record<string, Handler> = {
  create_canned_response: create,
  update_canned_response: update,
  list_canned_responses: list,
  delete_canned_response: remove,
};
