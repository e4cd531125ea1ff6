import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/output.js';

const value = { id: 'C1', count: 2, active: true, next: null, tags: ['a:1'] };

describe('formatJson', () => {
  it('is one compact line when piped', () => {
    expect(formatJson(value, false)).toBe('{"id":"C1","count":2,"active":true,"next":null,"tags":["a:1"]}');
  });

  it('is indented and coloured on a terminal: keys, strings, numbers and literals apart', () => {
    const text = formatJson(value, true, true);
    expect(text).toContain('\u001b[36m"id"\u001b[39m: \u001b[32m"C1"\u001b[39m');
    expect(text).toContain('\u001b[33m2\u001b[39m');
    expect(text).toContain('\u001b[35mtrue\u001b[39m');
    // Without the escapes it is the indented JSON, numbers inside strings untouched.
    expect(
      text
        .split('\u001b')
        .map((part) => part.replace(/^\[\d+m/, ''))
        .join(''),
    ).toBe(JSON.stringify(value, null, 2));
  });

  it('is indented without colours when colours are off (NO_COLOR)', () => {
    expect(formatJson(value, true, false)).toBe(JSON.stringify(value, null, 2));
  });
});
