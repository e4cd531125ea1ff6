// The data-structure pages' field tables (Agent and Customer Chat APIs): per structure and side
// (`request`: what you send, `response`: what you get, `fields`: one table for both), each field with
// the docs' Required / Returned / Req./Opt. word and type. Kept in spec/structures.json and compared
// between versions in CHANGES-<version>.md.
import fs from 'node:fs';
import path from 'node:path';
import { parseMdx, plain } from './mdx.mjs';
import { pagePath } from './pages.mjs';

const SIDE = { request: 'request', response: 'response' };

/** `[{ api, version, name, side, fields: [{ name, presence, type }], source }]` of one API version. */
export function structuresOf(docs, api, version, stable) {
  const rel = pagePath(docs, api, 'structures', version, stable);
  if (!rel) return [];
  const items = parseMdx(fs.readFileSync(path.join(docs, rel), 'utf8'));
  const out = [];
  let name;
  let sub;
  for (const item of items) {
    if (item.kind === 'heading' && item.level <= 2) [name, sub] = [plain(item.text), undefined];
    else if (item.kind === 'heading' && item.level === 3) {
      sub = plain(item.text);
      if (!SIDE[sub.toLowerCase()]) [name, sub] = [sub, undefined]; // `### Cart`: a structure of its own
    }
    if (item.kind !== 'table' || !name) continue;
    const header = item.header.map(plain);
    if (!/^(field|parameters?)$/i.test(header[0])) continue;
    const presence = header.findIndex((h) => /^(required|returned|req\.\/opt\.)$/i.test(h));
    const type = header.findIndex((h) => /type/i.test(h));
    out.push({
      api,
      version,
      name,
      side: SIDE[sub?.toLowerCase()] ?? 'fields',
      fields: item.rows.map((r) => ({
        name: plain(r.cells[0]),
        presence: presence < 0 ? '' : plain(r.cells[presence]),
        type: type < 0 ? '' : plain(r.cells[type]),
      })),
      source: `${rel}#L${item.line}`,
    });
  }
  return out;
}

const keyOf = (s) => `${s.api}|${s.name}|${s.side}`;

/**
 * What differs in each structure of a later version: fields added or removed, presence or type
 * changed. A structure renamed (agent "Chat summaries" → "Chat info") pairs with the one unmatched
 * structure of its API and side. A field the later table drops while the later structure sample
 * still shows it is said so (`samples`: the later version's), since the two disagree.
 */
export function structureDifferences(stable, later, samples = []) {
  const before = new Map(stable.map((s) => [keyOf(s), s]));
  const out = [];
  for (const s of later) {
    let old = before.get(keyOf(s));
    let renamedFrom;
    if (!old) {
      const unmatched = stable.filter(
        (o) => o.api === s.api && o.side === s.side && !later.some((l) => keyOf(l) === keyOf(o)),
      );
      if (unmatched.length === 1) [old, renamedFrom] = [unmatched[0], unmatched[0].name];
    }
    if (!old) {
      out.push({ api: s.api, name: s.name, side: s.side, changes: ['new structure'], source: s.source });
      continue;
    }
    const changes = renamedFrom ? [`renamed from ${renamedFrom}`] : [];
    const fields = (x) => new Map(x.fields.map((f) => [f.name, f]));
    const [a, b] = [fields(old), fields(s)];
    for (const [n, f] of b) {
      const o = a.get(n);
      if (!o) changes.push(`\`${n}\` added`);
      else {
        if (o.presence !== f.presence) changes.push(`\`${n}\`: ${o.presence || '-'} → ${f.presence || '-'}`);
        if (o.type !== f.type) changes.push(`\`${n}\` type: ${o.type || '-'} → ${f.type || '-'}`);
      }
    }
    const sample = samples.find((x) => x.kind === 'structure' && x.api === s.api && x.action === s.name)?.sample;
    for (const n of a.keys()) {
      if (b.has(n)) continue;
      const kept = sample && typeof sample === 'object' && Object.hasOwn(sample, n);
      changes.push(`\`${n}\` removed${kept ? ` (the ${s.version} sample still has it)` : ''}`);
    }
    if (changes.length) out.push({ api: s.api, name: s.name, side: s.side, changes, source: s.source });
  }
  return out;
}
