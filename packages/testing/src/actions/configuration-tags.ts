// Configuration API tags: create, list, update, delete.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { clone, isObject } from '../util.js';
import { announce, str } from './configuration-common.js';
import { group } from './configuration-groups.js';

type Payload = Record<string, unknown>;

function groupIdList(p: Platform, value: unknown): number[] {
  if (value === undefined) return [0];
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'number'))
    throw invalid('Wrong format of request: "group_ids" must be an array of group ids');
  for (const id of value as number[]) group(p, id);
  return [...(value as number[])];
}

function createTag(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const name = str(payload, 'name');
  if (p.store.findTag(name)) throw new SimError('already_exists', `Tag "${name}" already exists`);
  const tag = p.store.addTag(name, groupIdList(p, payload.group_ids), ctx.principal?.id ?? '');
  announce(ctx, p, 'tag_created', { ...clone(tag) });
  return {};
}

function updateTag(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const tag = p.store.tags.get(str(payload, 'name'));
  if (!tag) throw notFound('Tag', payload.name);
  tag.group_ids = groupIdList(p, payload.group_ids);
  announce(ctx, p, 'tag_updated', { name: tag.name, group_ids: [...tag.group_ids] });
  return {};
}

function deleteTag(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const name = str(payload, 'name');
  if (!p.store.tags.delete(name)) throw notFound('Tag', name);
  announce(ctx, p, 'tag_deleted', { name });
  return {};
}

function listTags(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const filters = isObject(payload.filters) ? payload.filters : {};
  const groups = Array.isArray(filters.group_ids) ? filters.group_ids : undefined;
  return [...p.store.tags.values()]
    .filter((t) => !groups || t.group_ids.some((g) => groups.includes(g)))
    .map((t) => clone(t));
}

export const tagHandlers: Record<string, Handler> = {
  create_tag: createTag,
  list_tags: listTags,
  update_tag: updateTag,
  delete_tag: deleteTag,
};
