// spec/pushes-webhooks.json: the RTM pushes (per API and version) and the webhooks (per version),
// each with its payload fields, read from the pushes and webhooks pages and their samples.
import fs from 'node:fs';
import path from 'node:path';
import { actionOf, specifics } from './actions.mjs';
import { parseMdx, plain, prose, sections } from './mdx.mjs';
import { pagePath } from './pages.mjs';
import { REVIEWED_PUSH_NOTES } from './reviewed.mjs';

/**
 * `{ shape, fields }` of a payload value: an object's keys, an array's items' keys (union); an object
 * keyed only by 32-hex IDs is a map (`<key:hex32>`).
 */
function fieldsOf(value) {
  if (Array.isArray(value)) return { shape: 'array', fields: [...new Set(value.flatMap((v) => Object.keys(v ?? {})))] };
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length && keys.every((k) => /^[0-9a-f]{32}$/.test(k))) return { shape: 'map', fields: ['<key:hex32>'] };
    return { shape: 'object', fields: keys };
  }
  return { shape: 'object', fields: [] };
}

/**
 * A sample that is only a comment naming a structure (`{ // "User > Customer" object }`) stands for
 * that structure: its fields are those of the data-structure sample of that name.
 */
function placeholderStructure(raw) {
  const m = /^\s*\{\s*\/\/\s*"(?:[^"]*>\s*)?([^"]+)"\s*(?:user\s+)?object\s*\}\s*$/i.exec(raw ?? '');
  return m?.[1].trim();
}

function rawCode(section) {
  return section.items.find((i) => i.kind === 'code')?.text;
}

/** The pushes of one API at one version, in page order. */
export function pushesOf(docs, api, version, stable, samples) {
  const rel = pagePath(docs, api, 'pushes', version, stable);
  if (!rel) return [];
  const items = parseMdx(fs.readFileSync(path.join(docs, rel), 'utf8'));
  const out = [];
  for (const section of sections(items)) {
    const name = actionOf(section, 'pushes');
    if (!name) continue;
    const mine = samples.filter(
      (s) => s.api === api && s.version === version && s.action === name && s.kind === 'push',
    );
    const payloads = mine.filter((s) => s.sample).map((s) => (isFrame(s.sample) ? s.sample.payload : s.sample));
    const structure = placeholderStructure(rawCode(section));
    const fromStructure = structure
      ? samples.find((s) => s.api === api && s.version === version && s.kind === 'structure' && s.action === structure)
      : undefined;
    const shapes = (fromStructure ? [fromStructure.sample] : payloads).map(fieldsOf);
    const entry = {
      api,
      name,
      version,
      category: section.category,
      payload_fields: [...new Set(shapes.flatMap((s) => s.fields))],
      payload_shape: ['array', 'map'].find((shape) => shapes.some((s) => s.shape === shape)) ?? 'object',
      notes: REVIEWED_PUSH_NOTES[`${api}.${name}`] ?? '',
      source: `${rel}#L${section.line}`,
    };
    const reasons = reasonsOf(section);
    if (reasons.length) entry.reasons = reasons;
    out.push(entry);
  }
  return out;
}

/** A whole push frame shown as the sample (`{ action, type: "push", payload }`). */
const isFrame = (s) => s && typeof s === 'object' && s.type === 'push' && 'payload' in s;

/** The "Possible reasons" table of a `*_disconnected` push. */
function reasonsOf(section) {
  const table = section.items.find((i) => i.kind === 'table' && /^type$/i.test(plain(i.header[0])));
  if (!table) return [];
  return table.rows.map((r) => ({
    reason: plain(r.cells[0]).replace(/\s*\*+$/, ''),
    notes: prose(r.cells[1]),
    suggested_behavior: prose(r.cells[2]),
  }));
}

/** The webhooks of one version, with the filters Configuration's `register_webhook` allows for each. */
export function webhooksOf(docs, version, stable, samples) {
  const rel = pagePath(docs, 'webhooks', 'webhooks', version, stable);
  if (!rel) return [];
  const filters = availableFilters(docs, version, stable);
  const items = parseMdx(fs.readFileSync(path.join(docs, rel), 'utf8'));
  const out = [];
  for (const section of sections(items)) {
    const action = actionOf(section, 'webhooks');
    if (!action) continue;
    const mine = samples.filter((s) => s.api === 'webhooks' && s.version === version && s.action === action);
    const table = section.items
      .filter((i) => i.kind === 'table' && /^field$/i.test(plain(i.header[0])))
      .flatMap((t) =>
        t.rows.map((r) =>
          plain(r.cells[0])
            .split('.')[0]
            .replace(/\s*\*+$/, ''),
        ),
      );
    const payloads = mine.filter((s) => s.sample).map((s) => fieldsOf(s.sample.payload));
    const envelopes = mine.filter((s) => s.sample).map((s) => Object.keys(s.sample));
    const equivalent = specifics(section)['Push equivalent in']?.text ?? '';
    out.push({
      action,
      version,
      category: section.category,
      payload_fields: [...new Set([...payloads.flatMap((p) => p.fields), ...table])],
      payload_shape: payloads.some((p) => p.shape === 'array') ? 'array' : 'object',
      envelope_fields: [...new Set(envelopes.flat())],
      push_equivalent: { agent: /Agent Chat API/.test(equivalent), customer: /Customer Chat API/.test(equivalent) },
      available_filters: filters.get(action) ?? [],
      notes: REVIEWED_PUSH_NOTES[`webhooks.${action}`] ?? '',
      source: `${rel}#L${section.line}`,
    });
  }
  return out;
}

/** `action → filters` from Configuration's "Possible action | Available filters" table. */
function availableFilters(docs, version, stable) {
  const rel = pagePath(docs, 'configuration', 'web', version, stable);
  const items = parseMdx(fs.readFileSync(path.join(docs, rel), 'utf8'));
  const table = items.find((i) => i.kind === 'table' && /^possible action$/i.test(plain(i.header[0])));
  return new Map(
    (table?.rows ?? []).map((r) => [plain(r.cells[0]), [...r.cells[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])]),
  );
}
