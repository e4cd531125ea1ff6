import { InputError } from '@lc/core';

/** Throws the {@link InputError} a widget helper gives for bad caller input (before anything is sent). */
export function invalidInput(helper: string, action: string, field: string, what: string): never {
  throw new InputError(`${helper}: ${field} must be ${what}`, { field, action });
}

/** The ID fields a helper sends: non-empty strings. */
export function checkId(helper: string, action: string, field: string, value: unknown): void {
  if (typeof value !== 'string' || value === '') invalidInput(helper, action, field, 'a non-empty string');
}
