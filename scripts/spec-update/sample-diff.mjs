// What the reference tables do not show: fields that appear or vanish deep inside the samples
// (a renamed nested field, a new structure member). Compares each sample of a later version with
// the stable version's sample of the same api, action, kind, transport and title.

/** Every key path of a JSON value: `a.b`, `a[].c`; 32-hex map keys and numeric keys read `<id>`. */
export function keyPaths(value, prefix = '', out = new Set()) {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${prefix}[]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = /^[0-9a-f]{32}$|^\d+$/.test(k) ? '<id>' : k;
      const p = prefix ? `${prefix}.${key}` : key;
      out.add(p);
      keyPaths(v, p, out);
    }
  }
  return out;
}

// A structure's title repeats its name, so structures pair by name alone.
const sampleKey = (s) =>
  [s.api, s.action, s.kind, s.transport ?? '', s.kind === 'structure' ? '' : (s.title ?? '')].join('|');

/**
 * A structure renamed between versions (agent "Chat summaries" → "Chat info") is the one unmatched
 * structure of its API on each side: pair it under the later name.
 */
function pairRenamedStructures(before, laterSamples) {
  for (const api of new Set(laterSamples.map((s) => s.api))) {
    const later = laterSamples.filter((s) => s.api === api && s.kind === 'structure' && s.sample);
    const unmatchedLater = [...new Set(later.map(sampleKey).filter((k) => !before.has(k)))];
    const unmatchedBefore = [...before.keys()].filter(
      (k) => k.startsWith(`${api}|`) && k.includes('|structure|') && !later.some((s) => sampleKey(s) === k),
    );
    if (unmatchedLater.length === 1 && unmatchedBefore.length === 1) {
      before.set(unmatchedLater[0], before.get(unmatchedBefore[0]));
    }
  }
}

/** `[{ api, action, kind, transport, added, removed, source }]` for samples whose key paths differ. */
export function sampleDifferences(stableSamples, laterSamples) {
  const before = new Map();
  for (const s of stableSamples) if (s.sample) before.set(sampleKey(s), s);
  pairRenamedStructures(before, laterSamples);
  const out = [];
  for (const s of laterSamples) {
    const old = before.get(sampleKey(s));
    if (!old || !s.sample) continue;
    const body = (x) => (x.transport === 'rtm' ? x.sample.payload : x.sample);
    const [a, b] = [keyPaths(body(old)), keyPaths(body(s))];
    const renamed = renameAlong(a, b);
    const added = [...b].filter((p) => !a.has(p));
    const removed = [...a].filter((p) => !b.has(p));
    if (!added.length && !removed.length && !renamed.length) continue;
    out.push({
      api: s.api,
      action: s.action,
      kind: s.kind,
      transport: s.transport,
      renamed,
      added: collapse(added),
      removed: collapse(removed),
      source: s.source,
    });
  }
  return out;
}

/**
 * A top-level field renamed (`chats_summary` → `chats_info`) would hide every change below it; the
 * old paths are read under the new name so the nested differences show (`last_thread_summary`).
 Returns the renames (`["chats_summary → chats_info"]`).
 */
function renameAlong(a, b) {
  const top = (set) => [...set].filter((p) => !/[.[]/.test(p));
  const gone = top(a).filter((p) => !b.has(p));
  const come = top(b).filter((p) => !a.has(p));
  if (gone.length !== 1 || come.length !== 1) return [];
  const [from, to] = [gone[0], come[0]];
  for (const p of [...a]) {
    if (p === from || p.startsWith(`${from}.`) || p.startsWith(`${from}[]`)) {
      a.delete(p);
      a.add(to + p.slice(from.length));
    }
  }
  return [`${from} → ${to}`];
}

/** Only the topmost of nested paths (`a.b` covers `a.b.c`). */
function collapse(paths) {
  return paths.filter((p) => !paths.some((q) => q !== p && (p.startsWith(`${q}.`) || p.startsWith(`${q}[]`))));
}
