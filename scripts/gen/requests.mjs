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

/** `export …` of `name`: an alias of the stable version's type, an interface of an object `body`, or a type. */
function declaration(name, body, { alias = false, asInterface = false } = {}) {
  if (alias) return `export type ${name} = Stable.${name};\n`;
  if (asInterface) return `export interface ${name} ${body}\n`;
  // A union written one member a line starts on the next line.
  return `export type ${name} =${body.startsWith('\n') ? '' : ' '}${body};\n`;
}

/** The action map and the per-transport action unions of `methods`: `{ name, doc, body, asInterface }` each. */
function actionTables(cfg, version, methods) {
  const actionKey = (m) => (m.method.includes('/') ? JSON.stringify(m.method) : m.method);
  return [
    {
      name: `${cfg.prefix}Requests`,
      doc: `Every ${cfg.prefix} ${version} action and its request type.`,
      body: `{\n${methods.map((m) => `  ${actionKey(m)}: ${requestTypeName(m)};`).join('\n')}\n}`,
      asInterface: true,
    },
    ...Object.keys(cfg.classes).map((t) => ({
      name: `${cfg.prefix}${t === 'web' ? 'Web' : 'RTM'}Action`,
      doc: `${cfg.prefix} actions available over ${t === 'web' ? 'the Web API' : 'RTM'}.`,
      body: `\n  | ${methods
        .filter((m) => m.transports.includes(t))
        .map((m) => `'${m.method}'`)
        .join('\n  | ')}`,
      asInterface: false,
    })),
  ];
}

/**
 * `version`: the API version to type (default the stable one); `types`: where the package's types are.
 * A later version's request that the stable version types alike is an alias of the stable type (one
 * declaration per shape), under the later version's docs link. So is its action map when it lists
 * what the stable one lists and every request in it is an alias, and an action union that lists the
 * same actions.
 */
export function renderRequests(api, version = STABLE, types = '../types/index.js') {
  const cfg = config[api];
  const methods = methodsOf(api, version);
  // The stable version's declarations, to alias (none when this is the stable version).
  const stableMethods = version === STABLE ? undefined : methodsOf(api, STABLE);
  const stableRequests = new Map(stableMethods?.map((m) => [m.method, requestOf(m, cfg).body]));
  const stableTables = new Map(stableMethods && actionTables(cfg, STABLE, stableMethods).map((t) => [t.name, t.body]));
  const declarations = [];
  let aliases = 0;
  for (const m of methods) {
    const { body, whole } = requestOf(m, cfg);
    const alias = stableRequests.get(m.method) === body;
    if (alias) aliases++;
    declarations.push(`/** Request of \`${m.method}\`${docsUrl(m) ? ` — ${docsUrl(m)}` : ''} */`);
    declarations.push(declaration(requestTypeName(m), body, { alias, asInterface: body.startsWith('{') && !whole }));
  }
  const everyRequestAliased = aliases === methods.length;
  for (const { name, doc, body, asInterface } of actionTables(cfg, version, methods)) {
    // The map names each request type: the same text means the same types only when all are aliases.
    const alias = stableTables.get(name) === body && (!asInterface || everyRequestAliased);
    if (alias) aliases++;
    declarations.push(`/** ${doc} */`, declaration(name, body, { alias, asInterface }));
  }
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
