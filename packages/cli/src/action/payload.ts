import { UsageError } from '../errors.js';
import type { ActionSpec } from '../table.js';
import { fieldOf, getPath, missingFields, readValue, setPath } from './fields.js';

/** Reads all of stdin (for a `-` payload). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function basePayload(positional: string[], help: string): Promise<Record<string, unknown>> {
  if (positional.length > 1) throw new UsageError(`one payload at most, got ${positional.length}`, help);
  const source = positional[0];
  if (source === undefined) return {};
  const text = source === '-' ? await readStdin() : source;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`the payload${source === '-' ? ' on stdin' : ''} is not valid JSON`, help);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('the payload must be a JSON object', help);
  return value as Record<string, unknown>;
}

/**
 * The payload of `lc <api> <action> [payload] [--field value …]`: the JSON argument (or stdin for
 * `-`) with each `--a.b value` flag set on it, typed from the spec; then the spec's required fields
 * are checked, so a bad command line fails before anything is sent.
 */
export async function buildPayload(action: ActionSpec, args: readonly string[], help: string) {
  const positional: string[] = [];
  const flags: Array<[path: string[], raw: string | undefined, flag: string]> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const path = name.split('.');
    const [, kind] = fieldOf(action.fields, path, help);
    let raw = eq >= 0 ? arg.slice(eq + 1) : undefined;
    // A boolean flag may stand alone (`--filters.active`); any other takes the next argument.
    if (raw === undefined && !(kind === 'boolean' && !/^(true|false)$/.test(args[i + 1] ?? ''))) raw = args[++i];
    if (raw === undefined && kind !== 'boolean') throw new UsageError(`--${name} needs a value`, help);
    flags.push([path, raw, `--${name}`]);
  }
  const payload = await basePayload(positional, help);
  for (const [path, raw, flag] of flags) {
    const [, kind] = fieldOf(action.fields, path, help);
    setPath(payload, path, raw === undefined ? true : readValue(kind, raw, flag, getPath(payload, path), help));
  }
  const missing = missingFields(action.fields, payload);
  if (missing.length > 0)
    throw new UsageError(`missing required field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, help);
  return payload;
}
