import { invalid } from '../errors.js';
import type { CustomerRecord } from '../store.js';
import { isObject } from '../util.js';

/** Applies `name`, `email`, `avatar`, `session_fields` and the other customer fields; returns what changed. */
export function applyCustomerUpdate(customer: CustomerRecord, payload: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const key of ['name', 'email', 'avatar'] as const) {
    if (payload[key] === undefined) continue;
    if (typeof payload[key] !== 'string') throw invalid(`Wrong format of request: "${key}" must be a string`);
    customer[key] = payload[key];
    changed.push(key);
  }
  if (payload.session_fields !== undefined) {
    const fields = payload.session_fields;
    if (!Array.isArray(fields) || !fields.every((f) => isObject(f) && Object.values(f).every((v) => typeof v === 'string'))) {
      throw invalid('Wrong format of request: "session_fields" must be an array of objects with string values');
    }
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

