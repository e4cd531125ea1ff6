import { InputError } from '@lc/core';

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * @internal Encodes text to UTF-8 bytes. A lone surrogate (half an emoji) gets its own 3-byte form
 * (WTF-8) instead of TextEncoder's U+FFFD, so two different strings never encode alike: otherwise a
 * secret ending in `\ud83d` would accept any `secret_key` ending in another lone surrogate or in U+FFFD.
 */
export function utf8(text: string): Uint8Array {
  if (!LONE_SURROGATE.test(text)) return new TextEncoder().encode(text);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
}

/**
 * @internal Constant-time equality of `received` (what the sender sent) and `expected` (a secret).
 *
 * The loop runs over every byte of `received`, whatever its content and wherever the first
 * difference is, XOR-accumulating the differences; bytes of `expected` are taken modulo its
 * length, and the length difference is folded in. Time therefore depends only on the length of
 * what the sender sent, never on the secret's bytes or length. No early exit, no `node:crypto`.
 * `visit` is a test hook called once per byte compared.
 */
export function timingSafeEqual(received: Uint8Array, expected: Uint8Array, visit?: (index: number) => void): boolean {
  const n = expected.length;
  if (n === 0) return false; // refused earlier; never compare against an empty secret
  let diff = received.length ^ n;
  for (let i = 0; i < received.length; i++) {
    diff |= (received[i] as number) ^ (expected[i % n] as number);
    visit?.(i);
  }
  return diff === 0;
}

/** @internal Validates and encodes the configured secret(s); throws `InputError`. */
export function encodeSecrets(secret: unknown, field = 'secret'): Uint8Array[] {
  const list: unknown[] = Array.isArray(secret) ? secret : [secret];
  if (list.length === 0) throw new InputError('At least one webhook secret is required', { field });
  return list.map((s, i) => {
    if (typeof s !== 'string' || s === '') {
      throw new InputError('A webhook secret must be a non-empty string', {
        field: Array.isArray(secret) ? `${field}[${i}]` : field,
      });
    }
    return utf8(s);
  });
}

/** @internal `true` when `candidate` equals one of `secrets`; compares against all of them. */
export function matchesAnySecret(candidate: unknown, secrets: readonly Uint8Array[]): boolean {
  if (typeof candidate !== 'string') return false;
  const received = utf8(candidate);
  let ok = 0;
  for (const secret of secrets) ok |= timingSafeEqual(received, secret) ? 1 : 0;
  return ok === 1;
}

/**
 * Checks a webhook's `secret_key` against the secret you registered it with, in constant time.
 *
 * Pass several secrets while rotating: the webhook is accepted if it matches any of them, and
 * every secret is compared every time (no early exit). The comparison is a pure function over
 * UTF-8 bytes (no `node:crypto`), so it runs in Node, browsers, Deno, Bun and edge runtimes.
 *
 * ```ts
 * const webhook = parseWebhook(body);
 * if (!verifyWebhook(webhook, [process.env.LC_SECRET!, process.env.LC_OLD_SECRET!])) return 401;
 * ```
 *
 * @param webhook A parsed webhook (or any object with a `secret_key`).
 * @param secret The secret, or the list of secrets currently accepted.
 * @returns `false` when `secret_key` is missing, not a string, or matches none of the secrets.
 * @throws {InputError} when no secret is given or a secret is empty (that would accept anything).
 * @see https://platform.text.com/docs/management/configuration-api/v3.6#register-webhook
 */
export function verifyWebhook(webhook: { readonly secret_key?: unknown }, secret: string | readonly string[]): boolean {
  const secrets = encodeSecrets(secret);
  const candidate = typeof webhook === 'object' && webhook !== null ? webhook.secret_key : undefined;
  return matchesAnySecret(candidate, secrets);
}
