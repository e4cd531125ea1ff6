// `src/generated/requests.ts` of each API package: one `<Name>Request` interface per method of the
// stable version, the `<Prefix>Requests` map and the per-transport action unions.
import config from '../generate.config.mjs';
import { docsUrl, header, methodsOf, pascal, STABLE } from './spec.mjs';

export const isRequired = (r) => /^yes$/i.test(String(r).trim());

/** The TypeScript type of a docs type (`lc` reads its `--field` flags by it too: scripts/gen/cli-tables.mjs). */
export function leafType(type) {
  switch (String(type).trim()) {
    case 'string':
      return 'string';
    case 'bool':
      return 'boolean';
    case 'number':
    case 'int':
    case 'uint':
      return 'number';
    case '[]int':
    case 'int[]':
    case 'array[number]':
      return 'number[]';
    case '[]string':
    case 'string[]':
    case 'array[string]':
    case '[string]':
      return 'string[]';
    case 'array':
      return 'unknown[]';
    case '[]object':
    case 'object[]':
    case '[]match_object':
    case '[]geolocation_object':
      return 'Array<Record<string, unknown>>';
    case 'object':
      return 'Record<string, unknown>';
    case 'binary':
      return 'Blob | Uint8Array';
    default:
      return 'unknown';
  }
}

/** Builds a nested field tree from dotted param names (`a.b`, `a[].b`, `a.<key>.b`). */
function buildTree(params) {
  const rootNode = { children: new Map() };
  for (const p of params) {
    const parts = p.name.split('.');
    let node = rootNode;
    parts.forEach((raw, i) => {
      const isArray = raw.endsWith('[]');
      const key = isArray ? raw.slice(0, -2) : raw;
      let child = node.children.get(key);
      if (!child) {
        child = {
          key,
          children: new Map(),
          type: undefined,
          required: false,
          array: false,
          placeholder: /^<.*>$/.test(key),
        };
        node.children.set(key, child);
      }
      if (isArray) child.array = true;
      if (i === parts.length - 1) {
        child.type = p.type;
        child.required = isRequired(p.required);
      }
      node = child;
    });
  }
  return rootNode;
}

function renderLeaf(node) {
  if (node.key === 'sort_order') return "'asc' | 'desc'";
  const t = leafType(node.type);
  return node.array && !t.endsWith('[]') && !t.startsWith('Array<') ? `Array<${t}>` : t;
}

const propName = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));

function requestTypeName(m) {
  return `${pascal(m.method)}Request`;
}

/** The request type of one method from its params table, after the package's type overrides. */
function requestBody(m, cfg) {
  if (m.batch_of) return `{\n  requests: Array<${pascal(m.batch_of)}Request>;\n}`;
  if (!m.params?.length) return 'Record<string, never>';
  const tree = buildTree(m.params);
  for (const [key, type] of Object.entries(cfg.typeOverrides ?? {})) applyOverride(tree, m, key, type);
  return renderNodeWithOverrides(tree, 0);
}

/**
 * Applies one `typeOverrides` entry to the field tree of `m` (entries of other methods are skipped).
 * `method.a.b?` also marks the field optional (the docs' "Required: Yes" is conditional).
 */
function applyOverride(tree, m, key, type) {
  const optional = key.endsWith('?');
  const field = optional ? key.slice(0, -1) : key;
  const [method, ...rest] = field.split('.');
  if (method !== m.method) return;
  let parent;
  let node = tree;
  for (const k of rest) {
    parent = node;
    node = node?.children.get(k);
  }
  if (!node) throw new Error(`typeOverrides: ${field} matches no documented field`);
  if (type === null) {
    // The docs table lists a nested structure's fields at the top level (e.g. `value` of a
    // match object); the override of the parent carries them, so the stray field goes.
    parent.children.delete(rest[rest.length - 1]);
  } else {
    node.children = new Map();
    node.type = '__override__';
    node.override = type;
    if (optional) node.required = false;
  }
}

/** The request type of one method as the package writes it: `{ body, whole }` (`whole`: a hand-written override). */
function requestOf(spec, cfg) {
  // `extraParams`: fields the docs give outside the params table (e.g. a query parameter).
  const extra = cfg.extraParams?.[spec.method];
  const m = extra ? { ...spec, params: [...(spec.params ?? []), ...extra] } : spec;
  const whole = cfg.requestOverrides?.[m.method];
  return { body: whole ?? requestBody(m, cfg), whole };
}

/** `import type { … } from '<from>';` of the names `code` uses, or nothing. */
function typeImport(names, code, from) {
  const used = [...(names ?? [])].filter((t) => new RegExp(`\\b${t}\\b`).test(code)).sort();
  return used.length ? `import type {\n${used.map((t) => `  ${t},`).join('\n')}\n} from '${from}';\n` : undefined;
}

/**
 * `version`: the API version to type (default the stable one); `types`: where the package's types are.
 * A later version's request that the stable version types alike is an alias of the stable type (one
 * declaration per shape), under the later version's docs link.
 */
export function renderRequests(api, version = STABLE, types = '../types/index.js') {
  const cfg = config[api];
  const methods = methodsOf(api, version);
  const stable =
    version === STABLE ? undefined : new Map(methodsOf(api, STABLE).map((m) => [m.method, requestOf(m, cfg).body]));
  const declarations = [];
  let aliases = 0;
  for (const m of methods) {
    const { body, whole } = requestOf(m, cfg);
    const name = requestTypeName(m);
    declarations.push(`/** Request of \`${m.method}\`${docsUrl(m) ? ` — ${docsUrl(m)}` : ''} */`);
    if (stable?.get(m.method) === body) {
      aliases++;
      declarations.push(`export type ${name} = Stable.${name};\n`);
    } else if (body.startsWith('{') && !whole) declarations.push(`export interface ${name} ${body}\n`);
    else declarations.push(`export type ${name} = ${body};\n`);
  }
  // The action map and unions: an alias too when they list what the stable version lists (and every
  // request in the map is an alias, so each name means the same type).
  const tables = (list) => [
    [
      `${cfg.prefix}Requests`,
      `interface`,
      `{\n${list.map((m) => `  ${m.method.includes('/') ? JSON.stringify(m.method) : m.method}: ${requestTypeName(m)};`).join('\n')}\n}`,
    ],
    ...Object.keys(cfg.classes).map((t) => [
      `${cfg.prefix}${t === 'web' ? 'Web' : 'RTM'}Action`,
      'type',
      `\n  | ${list
        .filter((m) => m.transports.includes(t))
        .map((m) => `'${m.method}'`)
        .join('\n  | ')}`,
    ]),
  ];
  const stableTables = stable && new Map(tables(methodsOf(api, STABLE)).map(([name, , body]) => [name, body]));
  const docs = [`Every ${cfg.prefix} ${version} action and its request type.`];
  for (const t of Object.keys(cfg.classes))
    docs.push(`${cfg.prefix} actions available over ${t === 'web' ? 'the Web API' : 'RTM'}.`);
  tables(methods).forEach(([name, kind, body], i) => {
    const same = stableTables?.get(name) === body && (kind === 'type' || aliases === methods.length);
    if (same) aliases++;
    declarations.push(`/** ${docs[i]} */`);
    declarations.push(
      same
        ? `export type ${name} = Stable.${name};\n`
        : kind === 'interface'
          ? `export interface ${name} ${body}\n`
          : `export type ${name} =${body};\n`,
    );
  });
  const code = declarations.join('\n');
  const imports = [
    typeImport(cfg.coreTypeImports, code, '@lc/core'),
    typeImport(cfg.typeImports, code, types),
    aliases ? `import type * as Stable from '../requests.js';\n` : undefined,
  ];
  return [header(), ...imports.filter(Boolean), code].join('\n');
}

function renderNodeWithOverrides(node, indent) {
  if (node.override) return node.override;
  if (node.children.size === 0) return renderLeaf(node);
  const pad = '  '.repeat(indent);
  const placeholders = [...node.children.values()].filter((c) => c.placeholder);
  const named = [...node.children.values()].filter((c) => !c.placeholder);
  if (named.length === 0 && placeholders.length > 0) {
    const body = `Record<string, ${placeholders.map((c) => renderNodeWithOverrides(c, indent)).join(' | ')}>`;
    return node.array ? `Array<${body}>` : body;
  }
  const lines = named.map(
    (c) => `${pad}  ${propName(c.key)}${c.required ? '' : '?'}: ${renderNodeWithOverrides(c, indent + 1)};`,
  );
  if (placeholders.length > 0) lines.push(`${pad}  [key: string]: unknown;`);
  const body = `{\n${lines.join('\n')}\n${pad}}`;
  return node.array || ARRAYISH.test(String(node.type ?? '')) ? `Array<${body}>` : body;
}

const ARRAYISH = /\[\]|^array$|^\[/;
