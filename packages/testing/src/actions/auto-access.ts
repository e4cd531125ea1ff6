// Configuration auto accesses: an ordered list (`next_id` links each rule to the one after it);
// every change is announced as `auto_accesses_updated` (push and webhook) listing what changed.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import type { AutoAccessRecord } from '../store.js';
import { clone, hexId, isObject } from '../util.js';
import { announce } from './configuration-common.js';

type Payload = Record<string, unknown>;

const GEO_FIELDS = ['country', 'country_code', 'region', 'city'];

function checkAccess(p: Platform, access: unknown): { groups: number[] } {
  const groups = isObject(access) ? access.groups : undefined;
  if (!Array.isArray(groups) || !groups.every((g) => Number.isInteger(g)))
    throw invalid('Wrong format of request: "access.groups" must be an array of group ids');
  for (const g of groups as number[])
    if (!p.store.groups.has(g)) throw new SimError('group_not_found', `Group ${g} not found`);
  return { groups: [...(groups as number[])] };
}

function checkMatches(list: unknown, field: string): void {
  if (!Array.isArray(list)) throw invalid(`Wrong format of request: "${field}" must be an array`);
  for (const [i, m] of list.entries()) {
    if (!isObject(m) || typeof m.value !== 'string')
      throw invalid(`Wrong format of request: "${field}[${i}].value" is required`);
    if (m.exact_match !== undefined && typeof m.exact_match !== 'boolean')
      throw invalid(`Wrong format of request: "${field}[${i}].exact_match" must be a boolean`);
  }
}

/** At least one of `url`, `domain`, `geolocation` (docs footnote 1); `values` and `exclude_values` exclude each other. */
function checkConditions(conditions: unknown): Record<string, unknown> {
  if (!isObject(conditions) || !['url', 'domain', 'geolocation'].some((k) => conditions[k] !== undefined))
    throw invalid('Wrong format of request: "conditions" must have at least one of url, domain, geolocation');
  for (const key of ['url', 'domain']) {
    const condition = conditions[key];
    if (condition === undefined) continue;
    if (!isObject(condition)) throw invalid(`Wrong format of request: "conditions.${key}" must be an object`);
    if (condition.values !== undefined && condition.exclude_values !== undefined)
      throw invalid(
        `Wrong format of request: "conditions.${key}.values" may not be used together with "exclude_values"`,
      );
    if (condition.values !== undefined) checkMatches(condition.values, `conditions.${key}.values`);
    if (condition.exclude_values !== undefined)
      checkMatches(condition.exclude_values, `conditions.${key}.exclude_values`);
  }
  const geo = conditions.geolocation;
  if (geo !== undefined) {
    const values = isObject(geo) ? geo.values : undefined;
    if (!Array.isArray(values)) throw invalid('Wrong format of request: "conditions.geolocation.values" is required');
    for (const [i, v] of values.entries()) {
      if (!isObject(v) || !GEO_FIELDS.some((f) => typeof v[f] === 'string'))
        throw invalid(
          `Wrong format of request: "conditions.geolocation.values[${i}]" needs one of ${GEO_FIELDS.join(', ')}`,
        );
    }
  }
  return clone(conditions);
}

function view(list: AutoAccessRecord[], index: number): Payload {
  const rule = list[index]!;
  return { ...clone(rule), next_id: list[index + 1]?.id ?? '' };
}

/** Where a rule goes given `next_id` (before that rule; at the end for `''` or none). */
function insertionIndex(list: AutoAccessRecord[], nextId: unknown): number {
  if (nextId === undefined || nextId === '') return list.length;
  const at = list.findIndex((r) => r.id === nextId);
  if (at < 0) throw notFound('Auto access', nextId);
  return at;
}

/** The `updated` entries for rules whose `next_id` changed between `before` and the current list. */
function relinked(p: Platform, before: Map<string, string>, skip: string): Payload[] {
  const list = p.store.autoAccesses;
  return list
    .map((r, i) => ({ id: r.id, next_id: list[i + 1]?.id ?? '' }))
    .filter((r) => r.id !== skip && before.has(r.id) && before.get(r.id) !== r.next_id)
    .map((r) => ({ ...r, status: 'updated' }));
}

function links(list: AutoAccessRecord[]): Map<string, string> {
  return new Map(list.map((r, i) => [r.id, list[i + 1]?.id ?? '']));
}

function addAutoAccess(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const access = checkAccess(p, payload.access);
  const conditions = checkConditions(payload.conditions);
  if (payload.description !== undefined && typeof payload.description !== 'string')
    throw invalid('Wrong format of request: "description" must be a string');
  const list = p.store.autoAccesses;
  const at = insertionIndex(list, payload.next_id);
  const before = links(list);
  const rule: AutoAccessRecord = {
    id: hexId(32),
    description: (payload.description as string) ?? '',
    access,
    conditions,
  };
  list.splice(at, 0, rule);
  announce(ctx, p, 'auto_accesses_updated', [...relinked(p, before, rule.id), { ...view(list, at), status: 'added' }]);
  return { id: rule.id };
}

function updateAutoAccess(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const list = p.store.autoAccesses;
  const rule = list.find((r) => r.id === payload.id);
  if (!rule) throw notFound('Auto access', payload.id);
  const access = payload.access === undefined ? undefined : checkAccess(p, payload.access);
  const conditions = payload.conditions === undefined ? undefined : checkConditions(payload.conditions);
  if (payload.description !== undefined && typeof payload.description !== 'string')
    throw invalid('Wrong format of request: "description" must be a string');
  if (payload.next_id === rule.id) throw invalid('Wrong format of request: "next_id" cannot be the rule itself');
  const before = links(list);
  const change: Payload = { id: rule.id };
  if (payload.description !== undefined) rule.description = change.description = payload.description as string;
  if (access) rule.access = access;
  if (conditions) rule.conditions = conditions;
  if (access) change.access = clone(access);
  if (conditions) change.conditions = clone(conditions);
  if (payload.next_id !== undefined) {
    list.splice(list.indexOf(rule), 1);
    list.splice(insertionIndex(list, payload.next_id), 0, rule);
    change.next_id = list[list.indexOf(rule) + 1]?.id ?? '';
  }
  announce(ctx, p, 'auto_accesses_updated', [{ ...change, status: 'updated' }, ...relinked(p, before, rule.id)]);
  return {};
}

function deleteAutoAccess(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const list = p.store.autoAccesses;
  const index = list.findIndex((r) => r.id === payload.id);
  if (index < 0) throw notFound('Auto access', payload.id);
  const before = links(list);
  const [removed] = list.splice(index, 1);
  announce(ctx, p, 'auto_accesses_updated', [
    ...relinked(p, before, removed!.id),
    { id: removed!.id, status: 'deleted' },
  ]);
  return {};
}

export const autoAccessHandlers: Record<string, Handler> = {
  add_auto_access: addAutoAccess,
  update_auto_access: updateAutoAccess,
  delete_auto_access: deleteAutoAccess,
  list_auto_accesses: (_ctx, _payload, p) => p.store.autoAccesses.map((_rule, i) => view(p.store.autoAccesses, i)),
};
