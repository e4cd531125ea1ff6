// Compares the shape of an answer with a docs sample: the same keys at every level. What the docs leave
// open is skipped: an empty `{}` / `[]` in a sample stands for a structure described elsewhere, and
// objects keyed by data (dates, ids, property names) are compared value by value, not key by key.

/** Keys whose object values are keyed by data (dates, ids, event types): each value has the sample's shape. */
const DATA_KEYED = new Set(['records', 'groups_status', 'agent_priorities', 'last_event_per_type', 'phrases']);
/** Keys whose values are free-form by definition (`{ <namespace>: { <name>: <value> } }`, session fields). */
const FREE_FORM = new Set(['properties', 'session_fields', 'content', 'details']);

export interface ShapeOptions {
  /**
   * Dotted paths (`chats[].users[].email`) the docs mark optional: either side may lack them. A path
   * ending in `.*` covers everything below it; one starting with `*.` matches at any depth.
   */
  optional?: readonly string[];
  /** The answer's top level is keyed by data (e.g. `list_license_properties`). */
  dataKeyed?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every difference in keys between `sample` and `actual`, as readable lines (empty when the shapes match). */
export function shapeDiff(sample: unknown, actual: unknown, options: ShapeOptions = {}): string[] {
  const out: string[] = [];
  compare(sample, actual, '', options.dataKeyed === true, new Set(options.optional ?? []), out);
  return [...new Set(out)];
}

function compare(
  sample: unknown,
  actual: unknown,
  path: string,
  dataKeyed: boolean,
  optional: Set<string>,
  out: string[],
): void {
  if (Array.isArray(sample)) {
    if (!Array.isArray(actual))
      return void out.push(`${path || '(top)'}: an array in the sample, ${kind(actual)} here`);
    const items = sample.filter((s) => s !== null);
    if (!items.length || !actual.length) return;
    if (!isObject(items[0])) return;
    for (const item of actual) {
      // Items of several kinds (agents and customers in `users`) are compared with the sample items of
      // their kind; items of one kind may differ in which optional fields they show: their union counts.
      const typed = isObject(item) && typeof item.type === 'string' && 'type' in (items[0] as object);
      const kin = (items as Record<string, unknown>[]).filter(
        (i) => !typed || i.type === (item as { type: unknown }).type,
      );
      if (!kin.length) continue; // the sample shows no item of this kind
      const itemOptional = new Set([...optional, ...partialKeys(kin).map((k) => `${path}[].${k}`)]);
      compare(unionOf(kin), item, `${path}[]`, false, itemOptional, out);
    }
    return;
  }
  if (!isObject(sample)) return;
  if (!isObject(actual)) return void out.push(`${path || '(top)'}: an object in the sample, ${kind(actual)} here`);
  if (Object.keys(sample).length === 0) return;
  if (dataKeyed) {
    const values = Object.values(sample).filter(isObject);
    if (!values.length) return;
    const union = unionOf(values);
    const valueOptional = new Set([...optional, ...partialKeys(values).map((k) => `${path}{}.${k}`)]);
    // An empty value is a day (or an id) without data, as the docs' greetings_conversion sample shows.
    for (const value of Object.values(actual)) {
      if (!isObject(value) || Object.keys(value).length) compare(union, value, `${path}{}`, false, valueOptional, out);
    }
    return;
  }
  const at = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of Object.keys(sample)) {
    if (!(key in actual)) {
      if (!isOptional(optional, at(key))) out.push(`${at(key)}: missing`);
      continue;
    }
    if (!FREE_FORM.has(key)) compare(sample[key], actual[key], at(key), DATA_KEYED.has(key), optional, out);
  }
  for (const key of Object.keys(actual)) {
    if (!(key in sample) && !isOptional(optional, at(key))) out.push(`${at(key)}: not in the sample`);
  }
}

function isOptional(optional: Set<string>, path: string): boolean {
  if (optional.has(path)) return true;
  for (const entry of optional) {
    if (entry.endsWith('.*') && path.startsWith(entry.slice(0, -1))) return true;
    if (entry.startsWith('*.') && (path === entry.slice(2) || path.endsWith(entry.slice(1)))) return true;
  }
  return false;
}

function unionOf(items: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of items) for (const [k, v] of Object.entries(item)) if (!(k in out) || out[k] === null) out[k] = v;
  return out;
}

/** Keys some items of a sample array have and others lack: the docs show them as optional. */
function partialKeys(items: Record<string, unknown>[]): string[] {
  const all = new Set(items.flatMap((i) => Object.keys(i)));
  return [...all].filter((k) => !items.every((i) => k in i));
}

function kind(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}
