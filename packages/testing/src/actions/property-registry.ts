// Configuration property registration (`register_property` and friends) and the check that a property
// written into a registered namespace (its owner client id) was registered for that location, side,
// type and domain.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import type { Properties, PropertyDefinition } from '../store.js';
import { clone, isObject } from '../util.js';
import { str } from './configuration-common.js';

type Payload = Record<string, unknown>;
export type PropertyLocation = 'chat' | 'thread' | 'event' | 'license' | 'group';

const TYPES = ['int', 'bool', 'string', 'tokenized_string'];
const LOCATIONS: readonly PropertyLocation[] = ['chat', 'thread', 'event', 'license', 'group'];
const ACCESS = ['read', 'write'];

const key = (owner: string, name: string) => `${owner}/${name}`;

function fitsType(type: string, value: unknown): boolean {
  if (type === 'int') return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31;
  if (type === 'bool') return typeof value === 'boolean';
  return typeof value === 'string';
}

/** Why `value` is not a valid value of `definition`, or undefined when it is. */
function valueProblem(definition: PropertyDefinition, value: unknown): string | undefined {
  if (!fitsType(definition.type, value)) return `must be of type ${definition.type}`;
  if (definition.domain && !definition.domain.includes(value)) return 'is not in the property domain';
  const range = definition.range;
  if (
    range &&
    ((range.from !== undefined && (value as number) < range.from) ||
      (range.to !== undefined && (value as number) > range.to))
  )
    return 'is out of the property range';
  return undefined;
}

function checkAccess(access: unknown): Record<string, Record<string, string[]>> {
  const locations = isObject(access) ? Object.entries(access) : [];
  if (!locations.length) throw invalid('Wrong format of request: "access" needs at least one location');
  for (const [location, users] of locations) {
    if (!LOCATIONS.includes(location as PropertyLocation))
      throw invalid(`Wrong format of request: "access.${location}" is not one of ${LOCATIONS.join(', ')}`);
    const entries = isObject(users) ? Object.entries(users) : [];
    if (!entries.length) throw invalid(`Wrong format of request: "access.${location}" needs at least one user`);
    for (const [user, rights] of entries) {
      if (
        (user !== 'agent' && user !== 'customer') ||
        !Array.isArray(rights) ||
        !rights.every((r) => ACCESS.includes(r))
      )
        throw invalid(`Wrong format of request: "access.${location}.${user}" must be an array of read, write`);
    }
  }
  return clone(access) as Record<string, Record<string, string[]>>;
}

function registerProperty(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const name = str(payload, 'name');
  const owner = str(payload, 'owner_client_id');
  if (!TYPES.includes(payload.type as string))
    throw invalid(`Wrong format of request: "type" must be one of ${TYPES.join(', ')}`);
  const definition: PropertyDefinition = {
    name,
    owner_client_id: owner,
    type: payload.type as PropertyDefinition['type'],
    description: payload.description === undefined ? '' : str(payload, 'description'),
    access: checkAccess(payload.access),
    domain: undefined,
    range: undefined,
    default_value: undefined,
    public_access: undefined,
  };
  if (payload.domain !== undefined && payload.range !== undefined)
    throw invalid('Wrong format of request: a property takes a "domain" or a "range", not both');
  if (payload.domain !== undefined) {
    if (!Array.isArray(payload.domain) || !payload.domain.every((v) => fitsType(definition.type, v)))
      throw invalid(`Wrong format of request: "domain" must be an array of ${definition.type} values`);
    definition.domain = clone(payload.domain);
  }
  if (payload.range !== undefined) {
    const range = payload.range;
    if (
      definition.type !== 'int' ||
      !isObject(range) ||
      ![range.from, range.to].every((v) => v === undefined || Number.isInteger(v))
    )
      throw invalid('Wrong format of request: "range" needs an int property and integer "from" / "to"');
    definition.range = clone(range) as PropertyDefinition['range'];
  }
  if (payload.default_value !== undefined) {
    if (!definition.access.license && !definition.access.group)
      throw invalid('Wrong format of request: "default_value" needs the license or group location (docs)');
    const problem = valueProblem(definition, payload.default_value);
    if (problem) throw invalid(`Wrong format of request: "default_value" ${problem}`);
    definition.default_value = payload.default_value;
  }
  if (p.store.propertyDefinitions.has(key(owner, name)))
    throw new SimError('already_exists', `Property ${name} of ${owner} already exists`);
  p.store.propertyDefinitions.set(key(owner, name), definition);
  return {};
}

function definitionOf(p: Platform, payload: Payload): PropertyDefinition {
  const found = p.store.propertyDefinitions.get(key(String(payload.owner_client_id), String(payload.name)));
  if (!found) throw notFound('Property', payload.name);
  return found;
}

function view(definition: PropertyDefinition): Payload {
  const out: Payload = { type: definition.type, description: definition.description, access: clone(definition.access) };
  if (definition.public_access) out.public_access = [...definition.public_access];
  if (definition.domain) out.domain = clone(definition.domain);
  if (definition.range) out.range = clone(definition.range);
  if (definition.default_value !== undefined) out.default_value = definition.default_value;
  return out;
}

export const propertyRegistryHandlers: Record<string, Handler> = {
  register_property: registerProperty,
  unregister_property: (_ctx, payload, p) => {
    const definition = definitionOf(p, payload);
    if (definition.public_access) throw invalid('Wrong format of request: published properties cannot be unregistered');
    p.store.propertyDefinitions.delete(key(definition.owner_client_id, definition.name));
    return {};
  },
  publish_property: (_ctx, payload, p) => {
    const definition = definitionOf(p, payload);
    const types = payload.access_type;
    if (!Array.isArray(types) || !types.length || !types.every((t) => ACCESS.includes(t)))
      throw invalid('Wrong format of request: "access_type" must be a non-empty array of read, write');
    definition.public_access = [...new Set(types as string[])];
    return {};
  },
  list_properties: (_ctx, payload, p) => {
    const out: Payload = {};
    for (const definition of p.store.propertyDefinitions.values())
      if (definition.owner_client_id === payload.owner_client_id) out[definition.name] = view(definition);
    return out;
  },
};

/**
 * Throws `validation` when `update` writes into a namespace with registered properties a property that
 * is not registered there, not writable at `location` by `side`, or of a wrong value. Namespaces
 * nobody registered stay free (the docs do not say what the platform does with them).
 */
export function checkRegisteredWrite(
  p: Platform,
  location: PropertyLocation,
  side: 'agent' | 'customer',
  update: Properties,
): void {
  for (const [namespace, values] of Object.entries(update)) {
    const registered = [...p.store.propertyDefinitions.values()].filter((d) => d.owner_client_id === namespace);
    if (!registered.length) continue;
    for (const [name, value] of Object.entries(values)) {
      const field = `properties.${namespace}.${name}`;
      const definition = registered.find((d) => d.name === name);
      if (!definition) throw invalid(`Wrong format of request: "${field}" is not a registered property`);
      if (!definition.access[location]?.[side]?.includes('write'))
        throw invalid(`Wrong format of request: "${field}" cannot be written by ${side}s at the ${location} location`);
      const problem = valueProblem(definition, value);
      if (problem) throw invalid(`Wrong format of request: "${field}" ${problem}`);
    }
  }
}
