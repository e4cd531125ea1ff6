// How each method of a later version differs from the stable one: `change` is new, changed,
// removed or unchanged, and `changes` lists what differs (parameters, response fields, transports,
// scopes, HTTP method, webhooks, pushes), in words a migration table can show.

const ASPECTS = [
  ['transports', (m) => m.transports],
  ['HTTP method', (m) => (m.http ? [m.http.method] : [])],
  ['scopes', (m) => m.scopes],
  ['required', (m) => m.required],
  ['webhooks', (m) => m.webhooks],
  ['pushes', (m) => m.pushes],
  ['response fields', (m) => m.response_fields],
];

const list = (xs) => xs.map((x) => `\`${x}\``).join(', ');

/** What differs between two entries of one method, one sentence per aspect. */
export function differences(before, after) {
  const out = [];
  const params = (m) => new Map(m.params.map((p) => [p.name, `${p.required}|${p.type}`]));
  const [pb, pa] = [params(before), params(after)];
  const added = [...pa.keys()].filter((n) => !pb.has(n));
  const removed = [...pb.keys()].filter((n) => !pa.has(n));
  const retyped = [...pa.keys()].filter((n) => pb.has(n) && pb.get(n) !== pa.get(n));
  if (added.length) out.push(`parameters added: ${list(added)}`);
  if (removed.length) out.push(`parameters removed: ${list(removed)}`);
  for (const n of retyped) {
    const [rb, tb] = pb.get(n).split('|');
    const [ra, ta] = pa.get(n).split('|');
    out.push(
      `parameter \`${n}\`: ${rb === ra ? '' : `required ${rb} → ${ra}`}${rb !== ra && tb !== ta ? ', ' : ''}${tb === ta ? '' : `type ${tb} → ${ta}`}`,
    );
  }
  const split = (m) => (m.params_web_vs_rtm ?? []).map((d) => `${d.name}: web ${d.web}, rtm ${d.rtm}`);
  for (const d of split(after).filter((x) => !split(before).includes(x))) out.push(`Web and RTM tables disagree: ${d}`);
  for (const [label, of] of ASPECTS) {
    const [b, a] = [of(before), of(after)];
    const gone = b.filter((x) => !a.includes(x));
    const come = a.filter((x) => !b.includes(x));
    if (gone.length && come.length) out.push(`${label}: ${list(gone)} → ${list(come)}`);
    else if (gone.length) out.push(`${label} removed: ${list(gone)}`);
    else if (come.length) out.push(`${label} added: ${list(come)}`);
  }
  return out;
}

/** What differs between two entries of one push or webhook: its payload fields and shape. */
export function payloadDifferences(before, after) {
  const out = [];
  const gone = before.payload_fields.filter((f) => !after.payload_fields.includes(f));
  const come = after.payload_fields.filter((f) => !before.payload_fields.includes(f));
  if (come.length) out.push(`payload fields added: ${list(come)}`);
  if (gone.length) out.push(`payload fields removed: ${list(gone)}`);
  if (before.payload_shape !== after.payload_shape)
    out.push(`payload: ${before.payload_shape} → ${after.payload_shape}`);
  return out;
}

/**
 * The later version's entries with `change` (and `changes`), plus a `removed` entry per dropped one.
 * `key` names an entry (methods: api and method); `diff` lists what differs.
 */
export function withChanges(
  stableEntries,
  laterEntries,
  version,
  key = (m) => `${m.api}.${m.method}`,
  diff = differences,
) {
  const before = new Map(stableEntries.map((m) => [key(m), m]));
  const later = new Set(laterEntries.map(key));
  const out = laterEntries.map((m) => {
    const old = before.get(key(m));
    if (!old) return tagged(m, 'new');
    const changes = diff(old, m);
    return tagged(m, changes.length ? 'changed' : 'unchanged', changes);
  });
  for (const m of stableEntries) {
    if (!later.has(key(m))) out.push(tagged({ ...m, version }, 'removed'));
  }
  return out;
}

/** The entry with `change` (and `changes`) right after `version`, the spec's key order. */
function tagged(m, change, changes = []) {
  const out = {};
  for (const [k, v] of Object.entries(m)) {
    out[k] = v;
    if (k === 'version') {
      out.change = change;
      if (changes.length) out.changes = changes;
    }
  }
  return out;
}
