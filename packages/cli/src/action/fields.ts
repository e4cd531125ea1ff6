import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import type { Field, FieldKind } from '../table.js';

type Json = Record<string, unknown>;

/** The segments of a documented field name: `chat.users[].id` → chat, users[], id. */
const segmentsOf = (name: string) => name.split('.');
const isPlaceholder = (segment: string) => /^<.*>(\[\])?$/.test(segment);

/**
 * The documented field a `--a.b` flag sets: each segment equal to the docs' (or matched by a
 * `<placeholder>` segment such as `<namespace>`). A field inside an array of objects
 * (`chat.users.id`, `chat.users[].id`) cannot be a flag: the array is given whole, as JSON.
 */
export function fieldOf(fields: readonly Field[], path: string[], help: string): Field {
  const field = matchField(fields, path);
  if (!field) throw new UsageError(`unknown field --${path.join('.')}`, help);
  const array = arrayParentOf(fields, field[0]);
  if (array) throw new UsageError(`--${path.join('.')} is inside an array: give --${array} as a JSON array`, help);
  return field;
}

/** The array a documented field sits in (`chat.users` for `chat.users.id` or `chat.users[].id`), if any. */
export function arrayParentOf(fields: readonly Field[], name: string): string | undefined {
  const segments = segmentsOf(name);
  for (let depth = 1; depth < segments.length; depth++) {
    const path = segments.slice(0, depth).map((s) => s.replace(/\[\]$/, ''));
    if (segments[depth - 1]!.endsWith('[]') || matchField(fields, path)?.[1] === 'array') return path.join('.');
  }
  return undefined;
}

/** The field named by `path`: an exact match first, else one with `<placeholder>` segments. */
function matchField(fields: readonly Field[], path: string[]): Field | undefined {
  let placeholderMatch: Field | undefined;
  for (const field of fields) {
    const segments = segmentsOf(field[0]);
    if (segments.length !== path.length) continue;
    let exact = true;
    let matches = true;
    for (let i = 0; i < segments.length && matches; i++) {
      if (segments[i]!.replace(/\[\]$/, '') === path[i]) continue;
      if (isPlaceholder(segments[i]!)) exact = false;
      else matches = false;
    }
    if (matches && exact) return field;
    if (matches) placeholderMatch ??= field;
  }
  return placeholderMatch;
}

function parseJson(text: string, what: string, help: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} is not valid JSON`, help);
  }
}

/** JSON when the text is JSON (`12`, `true`, `{"a":1}`), the text itself otherwise. */
const jsonOrText = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Reads one flag value as the field's kind; `previous` is the value so far (arrays accumulate). */
export function readValue(kind: FieldKind, raw: string, flag: string, previous: unknown, help: string): unknown {
  const list = (items: unknown[]) => (Array.isArray(previous) ? [...previous, ...items] : items);
  switch (kind) {
    case 'string':
      return raw;
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number`, help);
      return n;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`${flag} must be true or false`, help);
      return raw === 'true';
    case 'number[]':
      if (raw.startsWith('[')) return parseJson(raw, flag, help);
      return list(raw.split(',').map((item) => readValue('number', item, flag, undefined, help)));
    case 'string[]':
      return raw.startsWith('[') ? parseJson(raw, flag, help) : list([raw]);
    case 'array':
      return raw.startsWith('[') ? parseJson(raw, flag, help) : list([jsonOrText(raw)]);
    case 'object': {
      const value = parseJson(raw, flag, help);
      if (typeof value !== 'object' || value === null) throw new UsageError(`${flag} must be a JSON object`, help);
      return value;
    }
    case 'file':
      return readFile(raw, flag, help);
    default:
      return jsonOrText(raw);
  }
}

function readFile(path: string, flag: string, help: string): Blob {
  try {
    return new File([readFileSync(path)], basename(path));
  } catch {
    throw new UsageError(`${flag}: cannot read the file ${path}`, help);
  }
}

/** Sets `payload.a.b.c`, creating the objects on the way (and merging into ones a JSON payload gave). */
export function setPath(payload: Json, path: readonly string[], value: unknown): void {
  let node = payload;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Json;
  }
  node[path[path.length - 1]!] = value;
}

export function getPath(payload: Json, path: readonly string[]): unknown {
  let node: unknown = payload;
  for (const key of path) node = (node as Json | undefined)?.[key];
  return node;
}

/**
 * The documented required fields missing from `payload`, as dotted names. A nested field is
 * required only when its parent is there (a required `filters.from` under an optional `filters`),
 * in every element of an array parent and under every key of a `<placeholder>` parent.
 */
export function missingFields(fields: readonly Field[], payload: unknown): string[] {
  const missing: string[] = [];
  const walk = (node: unknown, segments: string[], at: string[]) => {
    if (segments.length === 0) return;
    if (typeof node !== 'object' || node === null) return;
    const [segment, ...rest] = segments as [string, ...string[]];
    const key = segment.replace(/\[\]$/, '');
    const keys = isPlaceholder(segment) ? Object.keys(node) : [key];
    for (const k of keys) {
      const value = (node as Json)[k];
      if (value === undefined) {
        if (rest.length === 0 && !isPlaceholder(segment)) missing.push([...at, k].join('.'));
        continue;
      }
      if (rest.length === 0) continue;
      // Below an array (`chat.users.id`, `chat.users[].id`): the field is required in each element.
      if (Array.isArray(value)) for (const [i, item] of value.entries()) walk(item, rest, [...at, k, String(i)]);
      else walk(value, rest, [...at, k]);
    }
  };
  for (const [name, , required] of fields) if (required) walk(payload, segmentsOf(name), []);
  return missing;
}
