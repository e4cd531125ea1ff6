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
 * `<placeholder>` segment such as `<namespace>`). A flag below an array of objects (`chat.users[].id`)
 * cannot be given as a flag: the array is given whole, as JSON.
 */
export function fieldOf(fields: readonly Field[], path: string[], help: string): Field {
  let placeholderMatch: Field | undefined;
  for (const field of fields) {
    const segments = segmentsOf(field[0]);
    if (segments.length !== path.length) continue;
    let exact = true;
    let matches = true;
    for (let i = 0; i < segments.length && matches; i++) {
      const segment = segments[i]!.replace(/\[\]$/, '');
      if (segment === path[i]) continue;
      if (isPlaceholder(segments[i]!)) exact = false;
      else matches = false;
    }
    if (!matches) continue;
    const arrayParent = segments.slice(0, -1).find((s) => s.endsWith('[]'));
    if (arrayParent) {
      const whole = segments
        .slice(0, segments.indexOf(arrayParent) + 1)
        .join('.')
        .replace(/\[\]$/, '');
      throw new UsageError(`--${path.join('.')} is inside an array: give --${whole} as a JSON array`, help);
    }
    if (exact) return field;
    placeholderMatch ??= field;
  }
  if (placeholderMatch) return placeholderMatch;
  throw new UsageError(`unknown field --${path.join('.')}`, help);
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
      if (segment.endsWith('[]') && Array.isArray(value))
        for (const [i, item] of value.entries()) walk(item, rest, [...at, k, String(i)]);
      else walk(value, rest, [...at, k]);
    }
  };
  for (const [name, , required] of fields) if (required) walk(payload, segmentsOf(name), []);
  return missing;
}
