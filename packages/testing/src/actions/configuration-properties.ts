// Configuration API license and group properties: update, list, delete (values; the registry is property-registry.ts).
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid } from '../errors.js';
import type { Platform } from '../platform.js';
import { assertProperties, mergeProperties } from '../properties.js';
import type { Properties } from '../store.js';
import { clone, isObject, ownValue } from '../util.js';
import { group } from './configuration-groups.js';
import { checkRegisteredWrite } from './property-registry.js';

type Payload = Record<string, unknown>;

function pickProps(props: Properties, payload: Payload): Properties {
  const out: Properties = {};
  for (const [ns, values] of Object.entries(props)) {
    if (typeof payload.namespace === 'string' && ns !== payload.namespace) continue;
    const kept = Object.fromEntries(
      Object.entries(values).filter(([name]) => typeof payload.name !== 'string' || name === payload.name),
    );
    if (Object.keys(kept).length) out[ns] = clone(kept);
  }
  return out;
}

function removeProps(bag: Properties, names: unknown): void {
  if (!isObject(names) || !Object.values(names).every((v) => Array.isArray(v))) {
    throw invalid('Wrong format of request: "properties" must map each namespace to an array of property names');
  }
  for (const [ns, list] of Object.entries(names as Record<string, unknown[]>)) {
    // Own properties only: `__proto__` / `constructor` must not lead to Object.prototype or Object.
    const values = ownValue(bag, ns);
    if (!values) continue;
    for (const name of list) if (typeof name === 'string' && Object.hasOwn(values, name)) delete values[name];
    if (Object.keys(values).length === 0) delete bag[ns];
  }
}

function updateLicenseProperties(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const update = assertProperties(payload.properties, 'properties');
  checkRegisteredWrite(p, 'license', 'agent', update);
  mergeProperties(p.store.licenseProperties, update);
  ctx.after(() =>
    p.hub.push(
      p.hub.agents().map((c) => c.principal!.id),
      'license_properties_updated',
      () => ({ properties: clone(update) }),
    ),
  );
  return {};
}

function updateGroupProperties(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const g = group(p, payload.group_id);
  const update = assertProperties(payload.properties, 'properties');
  checkRegisteredWrite(p, 'group', 'agent', update);
  mergeProperties(g.properties, update);
  ctx.after(() =>
    p.hub.push(
      p.hub.agents().map((c) => c.principal!.id),
      'group_properties_updated',
      () => ({ group_id: g.id, properties: clone(update) }),
    ),
  );
  return {};
}

function listGroupsProperties(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  if (!Array.isArray(payload.group_ids)) throw invalid('Wrong format of request: "group_ids" must be an array');
  return payload.group_ids.map((id) => ({ id, properties: pickProps(group(p, id).properties, payload) }));
}

export const licenseAndGroupPropertyHandlers: Record<string, Handler> = {
  update_license_properties: updateLicenseProperties,
  list_license_properties: (_ctx, payload, p) => pickProps(p.store.licenseProperties, payload),
  delete_license_properties: (_ctx, payload, p) => {
    removeProps(p.store.licenseProperties, payload.properties);
    return {};
  },
  update_group_properties: updateGroupProperties,
  list_groups_properties: listGroupsProperties,
  delete_group_properties: (_ctx, payload, p) => {
    removeProps(group(p, payload.id).properties, payload.properties);
    return {};
  },
};
