import { invalid } from '../errors.js';
import type { CustomerRecord } from '../store.js';
import { isObject } from '../util.js';

/**
 * Applies `name`, `email`, `avatar`, `session_fields` and the other customer fields; returns what changed.
 * Checks every field first: a request with one bad field changes nothing.
 */
export function applyCustomerUpdate(customer: CustomerRecord, payload: Record<string, unknown>): string[] {
  for (const key of ['name', 'email', 'avatar'] as const) {
    if (payload[key] !== undefined && typeof payload[key] !== 'string')
      throw invalid(`Wrong format of request: "${key}" must be a string`);
  }
  const fields = payload.session_fields;
  if (
    fields !== undefined &&
    (!Array.isArray(fields) ||
      !fields.every((f) => isObject(f) && Object.values(f).every((v) => typeof v === 'string')))
  ) {
    throw invalid('Wrong format of request: "session_fields" must be an array of objects with string values');
  }
  const changed: string[] = [];
  for (const key of ['name', 'email', 'avatar'] as const) {
    const value = payload[key];
    if (typeof value !== 'string') continue;
    customer[key] = value;
    changed.push(key);
  }
  if (fields !== undefined) {
    customer.session_fields = fields as Record<string, string>[];
    changed.push('session_fields');
  }
  for (const key of ['phone_number', 'address', 'omnichannel']) {
    if (payload[key] === undefined) continue;
    customer.extra[key] = payload[key];
    changed.push(key);
  }
  return changed;
}
