// Test helpers shared by several packages' test suites (never shipped).
// Table data for the behaviour tests: the documented 3.6 methods and a sample payload for each,
// straight from spec/methods.json (the docs' parameter tables).
import { camel, methodsOf as specMethodsOf, type SpecMethod } from '../scripts/gen/spec.mjs';

export { camel, type SpecMethod };

/** The documented 3.6 methods of `api` available over `transport` (without the protocol `ping`). */
export const methodsOf = (api: string, transport: 'web' | 'rtm'): SpecMethod[] => specMethodsOf(api, '3.6', transport);

function sampleValue(name: string, type: string): unknown {
  const t = type.trim();
  if (t === 'string') return `${name}-value`;
  if (t === 'bool') return true;
  if (['number', 'int', 'uint'].includes(t)) return 7;
  if (/^(\[\]string|string\[\]|array\[string\]|\[string\])$/.test(t)) return [`${name}-1`, `${name}-2`];
  if (/^(\[\]int|int\[\]|array\[number\])$/.test(t)) return [1, 2];
  if (/\[\]|^array/.test(t)) return [{ id: `${name}-item` }];
  if (t === 'object') return { sample: name };
  return `${name}-any`;
}

/**
 * A payload with every top-level documented field filled in (wire names, snake_case). The SDK must
 * send it unchanged.
 */
export function samplePayload(m: SpecMethod): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of m.params ?? []) {
    if (p.name.includes('.') || p.name.includes('<')) continue;
    out[p.name] = sampleValue(p.name, p.type);
  }
  return out;
}
