// spec/methods.json entries of one API version, from its Web and RTM reference pages and samples.
import { namesIn, readReference } from './reference.mjs';
import { plain } from './mdx.mjs';
import { pagePath } from './pages.mjs';
import { requirement, unionRows } from './params.mjs';
import { reportParams } from './reports.mjs';
import { batchEntries } from './batch.mjs';
import { notesOf } from './notes.mjs';
import { REVIEWED_RESPONSES } from './reviewed.mjs';

/** A sample key that is an instance of a placeholder: a 32-hex client ID is a property namespace. */
const placeholderOf = (key) => (/^[0-9a-f]{32}$/.test(key) ? '<namespace>' : key);

/** Top-level keys of a response sample (RTM: of the frame's payload), or undefined. */
function sampleKeys(sample, transport) {
  const body = transport === 'rtm' ? sample?.payload : sample;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    return { shape: 'object', keys: [...new Set(Object.keys(body).map(placeholderOf))] };
  }
  if (Array.isArray(body))
    return { shape: 'array', keys: [...new Set(body.flatMap((item) => Object.keys(item ?? {})))] };
  if (body && typeof body === 'object') return { shape: 'object', keys: Object.keys(body) };
  return undefined;
}

/** `\`a\` **\*** or \`b\`` → "`a` or `b`": the scopes cell without footnote marks. */
function scopesExpr(cell) {
  if (!cell) return null;
  const text = cell
    .replace(/<sup>.*?<\/sup>/g, '')
    .replace(/\*\*(?:\\\*|\s)*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text && text !== '-' ? text : null;
}

/**
 * Top-level response fields: the response table's, then the samples' other keys. A table whose
 * top level is a placeholder (`<namespace>`) documents a map; the samples' keys are its instances.
 */
function responseOf(facts, samples) {
  const table = [...new Set(facts.flatMap((f) => f.responseTable.map((n) => n.split(/[.[]/)[0])))];
  const fromSamples = samples.map((s) => sampleKeys(s.sample, s.transport)).filter(Boolean);
  const isMap = [...table, ...fromSamples.flatMap((s) => s.keys)].some((f) => /^<.*>$/.test(f));
  const fields = [...new Set([...table, ...fromSamples.flatMap((s) => s.keys)])];
  let shape = facts.some((f) => f.action === 'ping') ? 'empty' : 'unknown'; // the server answers `ping` with an empty payload
  if (fromSamples.some((s) => s.shape === 'array')) shape = 'array';
  else if (isMap) shape = 'map';
  else if (fields.length) shape = 'object';
  else if (facts.some((f) => f.noPayload) || samples.length) shape = 'empty';
  return { response_fields: fields, response_shape: shape };
}

/** Rows the Web and RTM tables both list but describe differently (`params` keeps the Web row). */
function paramDisagreements(web, rtm) {
  if (!web || !rtm) return [];
  const rtmRows = new Map(rtm.params.map((p) => [p.name, p]));
  return web.params
    .filter((p) => rtmRows.has(p.name))
    .filter((p) => p.required !== rtmRows.get(p.name).required || p.type !== rtmRows.get(p.name).type)
    .map((p) => {
      const r = rtmRows.get(p.name);
      return { name: p.name, web: `${p.required} ${p.type}`, rtm: `${r.required} ${r.type}` };
    });
}

/** The "Required scopes" cell (Configuration `register_webhook`: "Required token scopes"). */
const scopesOf = (facts) =>
  facts && (facts.specifics['Required scopes'] ?? facts.specifics['Required token scopes'])?.text;

/** One method entry from its Web and/or RTM facts. Key order follows the spec's historical format. */
function entry(api, version, web, rtm, samples, docs) {
  const main = web ?? rtm;
  const params = api === 'reports' ? reportParams(docs, main) : unionRows(web?.params ?? [], rtm?.params ?? []);
  const scopesCell = scopesOf(web) ?? scopesOf(rtm);
  // Web and RTM tables that word the scopes differently are both kept: "<web> | <rtm>".
  const exprs = [...new Set([scopesOf(web), scopesOf(rtm)].map(scopesExpr).filter(Boolean))];
  const url = web ? plain(web.specifics['Method URL'].text) : undefined;
  const httpMethod = plain(web?.specifics['HTTP Method']?.text ?? web?.specifics['HTTP method']?.text ?? 'POST');
  const { response_fields, response_shape } = responseOf([web, rtm].filter(Boolean), samples);
  const { required, optional, conditionally_required } = requirement(params);
  const out = {
    api,
    method: main.action,
    transports: [web && 'web', rtm && 'rtm'].filter(Boolean),
    version,
    required,
    optional,
    response_fields,
    scopes: namesIn(scopesCell),
    notes: '',
    title: main.action === 'ping' ? 'Ping (server pinging)' : main.title,
    category: main.category,
  };
  if (web) out.http = { method: httpMethod, url, ...(api === 'reports' && { path: url.split('/reports/')[1] }) };
  if (rtm) out.rtm_action = rtm.action;
  Object.assign(out, {
    scopes_expr: exprs.length ? exprs.join(' | ') : null,
    conditionally_required,
    response_shape,
    webhooks: namesIn(web?.specifics.Webhook?.text),
    pushes: namesIn(rtm?.specifics['Push message']?.text ?? web?.specifics['Push message']?.text),
  });
  const batch = web?.specifics['Batch support'];
  if (batch) out.batch_support = plain(batch.text);
  out.params = params;
  const disagree = paramDisagreements(web, rtm);
  if (disagree.length) out.params_web_vs_rtm = disagree;
  out.sources = [web?.source, rtm?.source].filter(Boolean);
  return out;
}

/** Every method of `api` at `version`: Web page order, then the RTM-only actions in RTM page order. */
export function methodsOf(docs, api, version, stable, samples) {
  const webPath = pagePath(docs, api, 'web', version, stable);
  const rtmPath = pagePath(docs, api, 'rtm', version, stable);
  const web = webPath ? readReference(docs, webPath, 'web') : new Map();
  const rtm = rtmPath ? readReference(docs, rtmPath, 'rtm') : new Map();
  // Web order, the protocol `ping`, then the RTM-only actions.
  const names = [...new Set([...web.keys(), ...(rtm.has('ping') ? ['ping'] : []), ...rtm.keys()])];
  const samplesOf = (name) =>
    samples.filter(
      (s) => s.api === api && s.version === version && s.action === name && s.kind === 'response' && s.sample,
    );
  const out = names.map((name) => entry(api, version, web.get(name), rtm.get(name), samplesOf(name), docs));
  if (api === 'configuration') {
    // The batch tables stand before the methods: page order is source line order.
    out.push(...batchEntries(docs, webPath, out, version));
    out.sort((a, b) => lineOf(a) - lineOf(b));
  }
  for (const m of out) {
    Object.assign(m, REVIEWED_RESPONSES[`${api}.${m.method}`]);
    m.notes = notesOf(m);
  }
  return out;
}

const lineOf = (m) => Number(m.sources[0].split('#L')[1]);
