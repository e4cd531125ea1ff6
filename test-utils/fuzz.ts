// Shared pieces of the fuzz suites (`test/fuzz-*.test.ts`): the run settings, arbitraries for hostile
// input, and the invariant checks every boundary asserts.
//
// Runs are seeded and bounded: LC_FUZZ_SEED replays a run (fast-check prints the seed and the
// counterexample path on failure), LC_FUZZ_RUNS sets the inputs per property for a long nightly run.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';

const DEFAULT_SEED = 1717;

/** The seed of this run: `LC_FUZZ_SEED`, or a fixed default so CI runs are reproducible. */
export const FUZZ_SEED = Number(process.env.LC_FUZZ_SEED ?? DEFAULT_SEED);

/** `LC_FUZZ_RUNS`, when set: every property runs that many inputs (nightly), and the test timeout grows to match. */
const nightlyRuns = process.env.LC_FUZZ_RUNS ? Number(process.env.LC_FUZZ_RUNS) : undefined;

/** fast-check parameters for a property that runs `runs` inputs in a normal `pnpm test`. */
export function fuzzParams<T>(runs: number): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: nightlyRuns ?? runs, endOnFailure: true, verbose: 1 };
}

/** The vitest timeout of a fuzz test: `ms` normally, unbounded (one day) in a nightly run. */
export function fuzzTimeout(ms: number): number {
  return nightlyRuns ? 24 * 3600_000 : ms;
}

/** Runs an async property with the fuzz parameters; the thrown error carries seed and path. */
export async function checkAsync<Ts extends [unknown, ...unknown[]]>(
  runs: number,
  ...args: [...arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...values: Ts) => Promise<unknown>]
): Promise<void> {
  const predicate = args.pop() as (...values: Ts) => Promise<unknown>;
  const arbitraries = args as unknown as { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };
  await fc.assert(
    fc.asyncProperty(...arbitraries, async (...values: Ts) => {
      await predicate(...values);
    }),
    fuzzParams(runs),
  );
}

/** Keys that pollute `Object.prototype` when code assigns them naively. */
const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then'];

/** Any JSON value, with prototype-polluting keys mixed in. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...POISON_KEYS), fc.string({ maxLength: 8 })), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** JSON text nested `depth` levels (`{"a":{"a":…}}` or `[[…]]`): what overflows a recursive walker. */
export function deepJson(depth: number, kind: 'object' | 'array' = 'object'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Text that is JSON cut short, JSON with garbage, bare garbage, or a deeply nested document. */
export const hostileJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.json(),
  hostileJsonValue.map((v) => JSON.stringify(v) ?? 'null'),
  fc.tuple(fc.json(), fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
  fc.tuple(fc.json(), fc.string({ unit: 'binary', maxLength: 8 })).map(([text, junk]) => text + junk),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom('', ' ', 'null', '[]', '"x"', '{}', '{"__proto__":{"polluted":1}}', '\uFEFF{}'),
  fc.integer({ min: 1000, max: 6000 }).map((depth) => deepJson(depth)),
  fc.integer({ min: 1000, max: 6000 }).map((depth) => deepJson(depth, 'array')),
);

/** A secret or token as issued: distinctive enough that a 6-character piece of it in an error is a leak. */
export const secretArb: fc.Arbitrary<string> = fc
  .string({
    unit: fc.constantFrom(...'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'),
    minLength: 16,
    maxLength: 40,
  })
  .map((s) => `Zq${s}`);

/** A token as a token getter may return it: mostly clean, sometimes with a character no header can carry. */
export const tokenArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: secretArb },
  fc
    .tuple(secretArb, fc.constantFrom('\n', '\r\nx-injected: 1', '\u2028', '\u0000', '\u00ff', '\ud800', ' '))
    .map(([secret, tail]) => secret + tail),
);

/** Every text an error shows a logger: `String`, `stack`, `JSON.stringify`, `util.inspect`, down the `cause` chain. */
export function errorTexts(error: unknown): string[] {
  const texts = [String(error), JSON.stringify(error) ?? '', inspect(error, { depth: 6 })];
  for (let e: unknown = error, i = 0; e instanceof Error && i < 8; e = e.cause, i++) {
    texts.push(String(e), e.stack ?? '', JSON.stringify(e) ?? '');
  }
  return texts;
}

/** Throws when any 6-character piece of a secret appears in what the error shows (message, cause, stack, JSON, inspect). */
export function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  const texts = errorTexts(error).join('\n');
  for (const secret of secrets) {
    for (let i = 0; i + 6 <= secret.length; i++) {
      const piece = secret.slice(i, i + 6);
      if (texts.includes(piece)) {
        expect.fail(`a piece of a secret ("${piece}…") reached the error: ${texts.slice(0, 600)}`);
      }
    }
  }
}

/** Throws when `Object.prototype` gained a property (a polluting `__proto__` key reached an assignment). */
export function expectPrototypeClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PRISTINE_PROTOTYPE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
const PRISTINE_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();

/** `JSON.stringify(error)` must not throw (a logger calls it inside its own `catch`). */
export function expectStringifies(error: unknown): void {
  expect(() => JSON.stringify(error)).not.toThrow();
}

/** Rejects after `ms` unless `promise` settles first: "every call settles within its timeout". */
export async function settlesWithin<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
): Promise<PromiseSettledResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Active handles by type (`process.getActiveResourcesInfo()`), for before/after comparisons. */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}
