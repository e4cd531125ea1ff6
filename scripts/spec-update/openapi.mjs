// The Accounts APIs (Global Accounts, Customer Accounts) are documented as OpenAPI files the docs
// site renders with Redoc. One entry per operation, version "2.0" (their URL version).
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { REVIEWED_OPERATION_NAMES } from './reviewed.mjs';

export const OPENAPI_FILES = {
  global_accounts: 'src/configs/redoc/global-accounts-api/spec.yml',
  customer_accounts: 'src/configs/redoc/customer-accounts-api/specv2.yml',
};

const HTTP = ['get', 'post', 'put', 'patch', 'delete'];
const snake = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** The JSON body schema of a request or response, resolving `$ref`s into `components`. */
function schemaOf(doc, holder) {
  const resolve = (s) =>
    s?.$ref
      ? s.$ref
          .split('/')
          .slice(1)
          .reduce((o, k) => o?.[k], doc)
      : s;
  return resolve(
    holder?.content?.['application/json']?.schema ?? holder?.content?.['application/x-www-form-urlencoded']?.schema,
  );
}

/** An object schema with its `allOf` parts merged (properties and required lists). */
function flatten(schema) {
  if (!schema?.allOf) return schema;
  const parts = schema.allOf.map(flatten);
  return {
    ...schema,
    properties: Object.assign({}, ...parts.map((p) => p?.properties), schema.properties),
    required: [...new Set([...parts.flatMap((p) => p?.required ?? []), ...(schema.required ?? [])])],
  };
}

/** `{ required, optional, variants }` of a body schema (a `oneOf` lists one required set per variant). */
function bodyFields(raw) {
  const schema = flatten(raw);
  if (!schema) return { required: [], optional: [], variants: [] };
  const parts = (schema.oneOf ?? schema.anyOf ?? [schema]).map(flatten);
  // Read-only properties (`account_id`, `created_at`) are the server's, never sent.
  const writable = (p) =>
    Object.entries(p.properties ?? {})
      .filter(([, v]) => !v?.readOnly)
      .map(([k]) => k);
  const all = [...new Set(parts.flatMap(writable))];
  const requiredSets = parts.map((p) => p.required ?? []);
  const required = all.filter((n) => requiredSets.every((r) => r.includes(n)));
  const variants =
    parts.length > 1
      ? parts.map(
          (p, i) => `${p.title ?? `variant ${i + 1}`}: required ${[...(p.required ?? [])].sort().join(', ') || '-'}`,
        )
      : [];
  return { required, optional: all.filter((n) => !required.includes(n)), variants };
}

function responseOf(doc, op) {
  const ok = Object.keys(op.responses ?? {}).find((c) => /^2/.test(c));
  const schema = flatten(schemaOf(doc, op.responses?.[ok]));
  if (!schema) return { response_fields: [], response_shape: 'empty' };
  if (schema.type === 'array')
    return { response_fields: Object.keys(flatten(schema.items)?.properties ?? {}), response_shape: 'array' };
  return { response_fields: Object.keys(schema.properties ?? {}), response_shape: 'object' };
}

/** Every operation of one OpenAPI file as a spec entry. */
export function accountsMethods(docs, api) {
  const rel = OPENAPI_FILES[api];
  if (!fs.existsSync(path.join(docs, rel))) return [];
  const doc = YAML.parse(fs.readFileSync(path.join(docs, rel), 'utf8'), { merge: true, maxAliasCount: -1 });
  const base = doc.servers?.[0]?.url ?? '';
  const out = [];
  for (const [route, ops] of Object.entries(doc.paths ?? {})) {
    for (const verb of HTTP.filter((v) => ops[v])) {
      const op = ops[verb];
      // Header parameters (`Authorization`) are how a call is authorized, not its payload.
      const params = [...(ops.parameters ?? []), ...(op.parameters ?? [])]
        .map((p) => (p.$ref ? schemaOf(doc, { content: { 'application/json': { schema: p } } }) : p))
        .filter((p) => p.in !== 'header');
      const body = bodyFields(schemaOf(doc, op.requestBody));
      const named = (p) => `${p.name} (${p.in})`;
      const security = [...new Set((op.security ?? doc.security ?? []).flatMap((s) => Object.keys(s)))].sort();
      const scopes = [...new Set((op.security ?? []).flatMap((s) => Object.values(s).flat()).filter(Boolean))];
      const codes = Object.keys(op.responses ?? {});
      const notes = [
        security.length ? `security: ${security.join(', ')}.` : 'no security declared in spec.',
        body.variants.length ? `Body variants: ${body.variants.join('; ')}.` : '',
        `Response codes: ${codes.join(', ')}.`,
      ].filter(Boolean);
      out.push({
        api,
        method:
          REVIEWED_OPERATION_NAMES[`${api} ${verb.toUpperCase()} ${route}`] ?? snake(op.summary ?? `${verb} ${route}`),
        transports: ['web'],
        version: '2.0',
        required: [...params.filter((p) => p.required).map(named), ...body.required],
        optional: [...params.filter((p) => !p.required).map(named), ...body.optional],
        ...responseOf(doc, op),
        scopes,
        notes: notes.join(' '),
        title: op.summary ?? '',
        category: op.tags?.[0] ?? '',
        http: { method: verb.toUpperCase(), url: `${base}${route}` },
        scopes_expr: null,
        conditionally_required: [],
        webhooks: [],
        pushes: [],
        params: [],
        sources: [rel],
      });
    }
  }
  return out.map(({ response_fields, response_shape, ...m }) => reorder(m, response_fields, response_shape));
}

/** The spec's key order (response_fields after optional, response_shape after conditionally_required). */
function reorder(m, response_fields, response_shape) {
  const { api, method, transports, version, required, optional, ...rest } = m;
  const { conditionally_required, ...tail } = rest;
  const { scopes, notes, title, category, http, scopes_expr, ...last } = tail;
  return {
    api,
    method,
    transports,
    version,
    required,
    optional,
    response_fields,
    scopes,
    notes,
    title,
    category,
    http,
    scopes_expr,
    conditionally_required,
    response_shape,
    ...last,
  };
}
