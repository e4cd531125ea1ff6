// Chat, thread, event, license and group properties: `{ <namespace>: { <name>: <value> } }`.
import { invalid } from './errors.js';
import type { Properties } from './store.js';
import { clone, isObject, ownValue, setOwn } from './util.js';

/** Merges `{ <namespace>: { <name>: <value> } }` into `target`. */
export function mergeProperties(target: Properties, update: Properties): void {
  for (const [ns, values] of Object.entries(update)) setOwn(target, ns, { ...ownValue(target, ns), ...clone(values) });
}

/** Checks `{ <namespace>: { <name>: <value> } }`; `__proto__` is no namespace or property name. */
export function assertProperties(value: unknown, field: string): Properties {
  if (!isObject(value) || !Object.values(value).every(isObject)) {
    throw invalid(`Wrong format of request: "${field}" must be an object of namespaces, each an object of properties`);
  }
  for (const [ns, values] of Object.entries(value)) {
    if (ns === '__proto__' || Object.hasOwn(values as object, '__proto__')) {
      throw invalid(`Wrong format of request: "__proto__" is not a valid namespace or property name in "${field}"`);
    }
  }
  return value as Properties;
}
