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
    const renamed = align(a, b);
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

/** The last key of a path (`a[].b.c` → `c`) and the path above it (`a[].b`). */
const leaf = (p) =>
  p
    .split(/\.|\[\]/)
    .filter(Boolean)
    .at(-1);
const parentOf = (p) => p.replace(/(\[\])*(\.?[^.[\]]+)(\[\])*$/, '');

/** Re-keys the paths of `a` under `from` to `to` (the subtree moves with its root). */
function rekey(a, from, to) {
  for (const p of [...a]) {
    if (p === from || p.startsWith(`${from}.`) || p.startsWith(`${from}[]`)) {
      a.delete(p);
      a.add(to + p.slice(from.length));
    }
  }
}

/**
 * Lines the old paths up with the new ones so that a rename or a move does not hide what changed
 * below it: a field that moved (the one added path with its key elsewhere, e.g. `last_event_per_type`
 * into `last_thread_info`) and a field renamed (the one removed and the one added key under the same
 * parent, e.g. `chats_summary` → `chats_info`) have their old subtree read at the new place.
 * Returns what was renamed or moved (`["a → b"]`).
 */
function align(a, b) {
  const notes = [];
  for (let changed = true; changed; ) {
    changed = false;
    const removed = collapse([...a].filter((p) => !b.has(p)));
    const added = [...b].filter((p) => !a.has(p));
    const addedTops = collapse(added);
    const moved = removed.find((r) => {
      const to = added.filter((q) => leaf(q) === leaf(r));
      return to.length === 1 && parentOf(to[0]) !== parentOf(r);
    });
    const renamed = removed.find(
      (r) =>
        removed.filter((x) => parentOf(x) === parentOf(r)).length === 1 &&
        addedTops.filter((q) => parentOf(q) === parentOf(r)).length === 1,
    );
    const from = moved ?? renamed;
    if (!from) break;
    const to = moved
      ? added.find((q) => leaf(q) === leaf(from))
      : addedTops.find((q) => parentOf(q) === parentOf(from));
    rekey(a, from, to);
    notes.push(`${from} → ${to}`);
    changed = true;
  }
  return notes;
}

/** Only the topmost of nested paths (`a.b` covers `a.b.c`). */
function collapse(paths) {
  return paths.filter((p) => !paths.some((q) => q !== p && (p.startsWith(`${q}.`) || p.startsWith(`${q}[]`))));
}
