import { InputError } from '@lc/core';
import { describe, expect, it } from 'vitest';
import { parseWebhook, verifyWebhook } from '../src/index.js';
import { timingSafeEqual, utf8 } from '../src/verify.js';
import { sample } from './helpers.js';

describe('verifyWebhook', () => {
  it('accepts the right secret and refuses a wrong, missing or non-string one', () => {
    const webhook = parseWebhook(sample('incoming_chat', 'right'));
    expect(verifyWebhook(webhook, 'right')).toBe(true);
    expect(verifyWebhook(webhook, 'wrong')).toBe(false);
    expect(verifyWebhook(webhook, 'righ')).toBe(false);
    expect(verifyWebhook(webhook, 'right!')).toBe(false);
    expect(verifyWebhook({}, 'right')).toBe(false);
    expect(verifyWebhook({ secret_key: 42 }, 'right')).toBe(false);
    expect(verifyWebhook({ secret_key: '' }, 'right')).toBe(false);
  });

  it('accepts any of several secrets during rotation', () => {
    const old = parseWebhook(sample('incoming_chat', 'old-secret'));
    const fresh = parseWebhook(sample('incoming_chat', 'new-secret'));
    const other = parseWebhook(sample('incoming_chat', 'other'));
    const secrets = ['new-secret', 'old-secret'];
    expect(verifyWebhook(old, secrets)).toBe(true);
    expect(verifyWebhook(fresh, secrets)).toBe(true);
    expect(verifyWebhook(other, secrets)).toBe(false);
    expect(verifyWebhook(old, ['new-secret'])).toBe(false);
  });

  it('compares UTF-8 bytes, not UTF-16 units', () => {
    expect(verifyWebhook({ secret_key: 'zażółć' }, 'zażółć')).toBe(true);
    expect(verifyWebhook({ secret_key: 'zażółc' }, 'zażółć')).toBe(false);
  });

  it('tells apart secrets that differ only in a lone surrogate (TextEncoder would make both U+FFFD)', () => {
    const cut = 'ZqRkkHCETgMqHTr7\ud83d'; // a secret whose emoji was cut in half
    expect(verifyWebhook({ secret_key: cut }, cut)).toBe(true);
    expect(verifyWebhook({ secret_key: 'ZqRkkHCETgMqHTr7\udc00' }, cut)).toBe(false);
    expect(verifyWebhook({ secret_key: 'ZqRkkHCETgMqHTr7\ufffd' }, cut)).toBe(false);
    expect(verifyWebhook({ secret_key: 'ZqRkkHCETgMqHTr7\ufffd' }, 'ZqRkkHCETgMqHTr7\ufffd')).toBe(true);
    expect(verifyWebhook({ secret_key: 'a😀b' }, 'a😀b')).toBe(true);
    expect(utf8('a😀é\ud800')).toEqual(new Uint8Array([0x61, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9, 0xed, 0xa0, 0x80]));
  });

  it('refuses to run without a usable secret (that would accept anything)', () => {
    expect(() => verifyWebhook({ secret_key: '' }, '')).toThrow(InputError);
    expect(() => verifyWebhook({ secret_key: 'a' }, [])).toThrow(InputError);
    expect(() => verifyWebhook({ secret_key: 'a' }, ['a', ''])).toThrow(InputError);
  });
});

describe('timingSafeEqual (constant time by structure)', () => {
  const secret = utf8('s3cr3t-value-0123456789');

  function visits(received: Uint8Array): { equal: boolean; visited: number[] } {
    const visited: number[] = [];
    const equal = timingSafeEqual(received, secret, (i) => visited.push(i));
    return { equal, visited };
  }

  it('visits every byte whether the first difference is at the start, the middle, the end, or nowhere', () => {
    const all = [...secret.keys()];
    for (const at of [0, 1, 11, secret.length - 1]) {
      const received = secret.slice();
      received[at] = (received[at] as number) ^ 0x01;
      const r = visits(received);
      expect(r.equal).toBe(false);
      expect(r.visited).toEqual(all);
    }
    const same = visits(secret.slice());
    expect(same.equal).toBe(true);
    expect(same.visited).toEqual(all);
  });

  it('on a length mismatch, still walks the whole received value (no early exit on length)', () => {
    const shorter = visits(secret.slice(0, 5));
    expect(shorter.equal).toBe(false);
    expect(shorter.visited).toEqual([0, 1, 2, 3, 4]);
    const longer = new Uint8Array(secret.length + 7);
    longer.set(secret);
    const r = visits(longer);
    expect(r.equal).toBe(false);
    expect(r.visited).toHaveLength(secret.length + 7);
    // A prefix of the secret is not the secret; an empty value is not either.
    expect(visits(new Uint8Array(0)).equal).toBe(false);
  });

  it('the work done depends only on the received length, never on the secret', () => {
    const received = utf8('x'.repeat(40));
    const counts = ['a', 'a'.repeat(40), 'b'.repeat(200)].map((s) => {
      let n = 0;
      timingSafeEqual(received, utf8(s), () => n++);
      return n;
    });
    expect(counts).toEqual([40, 40, 40]);
  });
});
