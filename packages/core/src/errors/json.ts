/**
 * A JSON-safe copy for `LcError#toJSON`: a logger that stringifies an error must never throw inside its
 * own `catch`. Network data can nest thousands of levels (JSON.stringify would overflow the stack) or
 * be huge, and a caller may hang cycles, BigInts or throwing getters on an error.
 */

/** Levels of nesting kept; deeper values become {@link CUT}. */
const MAX_DEPTH = 32;
/** Objects and arrays kept in all; later ones become {@link CUT}. */
const MAX_OBJECTS = 1000;
const CUT = '[…]';

/** Copies what `read()` returns; a read that throws (a getter, `toJSON`) gives `[unreadable]` for that value only. */
function copy(read: () => unknown, depth: number, budget: { left: number }): unknown {
  try {
    const value = read();
    if (typeof value === 'bigint') return String(value);
    if (typeof value !== 'object' || value === null) return value;
    if (depth > MAX_DEPTH || --budget.left < 0) return CUT;
    const own = (value as { toJSON?: unknown }).toJSON;
    if (typeof own === 'function') return copy(() => own.call(value), depth + 1, budget);
    const record = value as Record<string, unknown>;
    if (Array.isArray(value)) return value.map((_, i) => copy(() => record[i], depth + 1, budget));
    // fromEntries defines own properties, so a `__proto__` key from the network stays an ordinary key.
    return Object.fromEntries(Object.keys(value).map((key) => [key, copy(() => record[key], depth + 1, budget)]));
  } catch {
    return '[unreadable]';
  }
}

/** What `build()` returns as plain JSON data, at most {@link MAX_DEPTH} deep and {@link MAX_OBJECTS} objects big; never throws. */
export const jsonSafe = (build: () => unknown): unknown => copy(build, 0, { left: MAX_OBJECTS });
