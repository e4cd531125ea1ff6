import { InputError } from '../errors/index.js';

/** Throws the `InputError` for a bad option or field: `Invalid <field> (<hint>)`. Never quotes a value. */
export function invalid(field: string, hint?: string, action?: string, cause?: unknown): never {
  throw new InputError(`Invalid ${field}${hint ? ` (${hint})` : ''}`, { field, action, cause });
}
