import { describe, expect, it } from 'vitest';
import { fieldOf, missingFields, readValue } from '../src/action/fields.js';
import type { Field } from '../src/table.js';

// The shapes the spec gives: nested objects, an array of objects written `a.b` and `a[].b`, placeholders.
const fields: Field[] = [
  ['chat', 'object', false],
  ['chat.users', 'array', false],
  ['chat.users.id', 'string', true],
  ['chat.users.type', 'string', true],
  ['requests', 'array', true],
  ['requests[].id', 'string', true],
  ['filters', 'object', false],
  ['filters.from', 'string', true],
  ['filters.properties.<namespace>.<name>.<filter_type>', 'any', false],
];

describe('missingFields', () => {
  it('a top-level required field is always required', () => {
    expect(missingFields(fields, {})).toEqual(['requests']);
  });

  it('a nested required field only when its parent is given', () => {
    expect(missingFields(fields, { requests: [], filters: {} })).toEqual(['filters.from']);
    expect(missingFields(fields, { requests: [], filters: { from: 'x' } })).toEqual([]);
  });

  it('a field below an array is required in each item', () => {
    const payload = { requests: [{ id: 'a' }, {}], chat: { users: [{ id: 'u', type: 'customer' }, { id: 'v' }] } };
    expect(missingFields(fields, payload)).toEqual(['chat.users.1.type', 'requests.1.id']);
  });
});

describe('fieldOf', () => {
  it('matches placeholders, refuses unknown fields and fields inside arrays', () => {
    expect(fieldOf(fields, ['filters', 'properties', 'routing', 'pinned', 'values'], 'h')[1]).toBe('any');
    expect(() => fieldOf(fields, ['nope'], 'h')).toThrow('unknown field --nope');
    expect(() => fieldOf(fields, ['chat', 'users', 'id'], 'h')).toThrow('give --chat.users as a JSON array');
    expect(() => fieldOf(fields, ['requests', 'id'], 'h')).toThrow('give --requests as a JSON array');
  });
});

describe('readValue', () => {
  it('reads each kind, arrays accumulating', () => {
    expect(readValue('number', '12', '--n', undefined, 'h')).toBe(12);
    expect(() => readValue('number', '', '--n', undefined, 'h')).toThrow('must be a number');
    expect(readValue('boolean', 'false', '--b', undefined, 'h')).toBe(false);
    expect(readValue('number[]', '1,2', '--ids', [0], 'h')).toEqual([0, 1, 2]);
    expect(readValue('string[]', '["a","b"]', '--s', undefined, 'h')).toEqual(['a', 'b']);
    expect(readValue('array', '3', '--a', ['x'], 'h')).toEqual(['x', 3]);
    expect(readValue('any', 'plain text', '--x', undefined, 'h')).toBe('plain text');
    expect(() => readValue('object', '"s"', '--o', undefined, 'h')).toThrow('must be a JSON object');
  });
});
