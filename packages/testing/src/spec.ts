import { METHODS, type MethodSpec } from './spec-data.js';
import { isObject } from './util.js';

/** The platform APIs the simulator serves. */
export type ApiName = 'agent' | 'customer' | 'configuration' | 'reports';
/** `web` (HTTP) or `rtm` (WebSocket). */
export type Transport = 'web' | 'rtm';

/** `3.6` → 6; versions are `3.x`. */
function minor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

/**
 * The API versions the simulator simulates: 3.6 (the spec's base) and every later version the spec
 * records an addition or removal for. Any other version is refused, so a client on an old path never
 * gets another version's rules silently.
 */
export const SIMULATED_VERSIONS: readonly string[] = (() => {
  const versions = new Set(['3.6']);
  for (const table of Object.values(METHODS)) {
    for (const spec of Object.values(table)) {
      if (spec.since) versions.add(spec.since);
      if (spec.removedIn) versions.add(spec.removedIn);
    }
  }
  return [...versions].sort((a, b) => minor(a) - minor(b));
})();

/** The refusal of a version the simulator does not simulate, naming the ones it does. */
export function versionProblem(version: unknown): string | undefined {
  if (typeof version === 'string' && SIMULATED_VERSIONS.includes(version)) return undefined;
  return `Unsupported API version ${JSON.stringify(version)}: the simulator simulates API versions ${SIMULATED_VERSIONS.join(' and ')}`;
}

/** Whether `version` is `since` or later (`3.7` → true for 3.7 and 3.8). */
export function atLeast(version: string, since: string): boolean {
  return minor(version) >= minor(since);
}

/** The spec of `action` in `api` at `version`, or undefined when that version has no such action. */
export function lookup(api: ApiName, action: string, version: string): MethodSpec | undefined {
  const table = METHODS[api];
  if (!Object.hasOwn(table, action)) return undefined;
  const spec = table[action]!;
  if (spec.since && minor(version) < minor(spec.since)) return undefined;
  if (spec.removedIn && minor(version) >= minor(spec.removedIn)) return undefined;
  return spec;
}

/**
 * Required names that the spec lists at the top level but the docs require only inside a nested
 * structure (a footnote table merged into the parameter table): `value` of a `match_object`,
 * `template_id` of a greeting's `rich_message`, and `rules[].operator`, which the docs waive for three
 * rule types. The handlers check these where they belong; test/spec-defects.test.ts fails once the
 * spec stops listing them, so this table goes away with the defect.
 */
export const MISPLACED_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'configuration/add_auto_access': ['value'],
  'configuration/update_auto_access': ['value'],
  'configuration/create_greeting': ['template_id', 'rules[].operator'],
};

/** The parameters the dispatcher checks before the handler runs. */
export function requiredOf(api: ApiName, action: string, spec: MethodSpec): readonly string[] {
  const misplaced = MISPLACED_REQUIRED[`${api}/${action}`];
  return misplaced ? spec.required.filter((name) => !misplaced.includes(name)) : spec.required;
}

/** The first required parameter `payload` lacks, as a dotted name (`chat.id`), or undefined. */
export function missingRequired(required: readonly string[], payload: unknown): string | undefined {
  for (const field of required) {
    if (!hasPath(payload, field.split('.'))) return field;
  }
  return undefined;
}

function hasPath(value: unknown, segments: string[]): boolean {
  if (segments.length === 0) return value !== undefined && value !== null;
  const [head, ...rest] = segments as [string, ...string[]];
  if (!isObject(value)) return false;
  if (head.endsWith('[]')) {
    const list = value[head.slice(0, -2)];
    if (!Array.isArray(list)) return false;
    return list.every((item) => hasPath(item, rest));
  }
  return hasPath(value[head], rest);
}
