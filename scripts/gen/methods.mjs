// `src/generated/methods.ts` of each API package: per transport, an interface with a typed camelCase
// method per action (with its TSDoc) and the base class `@lc/core`'s `actionMethods` builds from the
// API's wire table (each method a one-liner over the subclass's `_call(action, payload, options)`).
import config from '../generate.config.mjs';
import { isRequired } from './requests.mjs';
import { camel, docsUrl, header, methodsOf, STABLE } from './spec.mjs';
import { actionsConst, FLAGS } from './wire.mjs';

/** Whether the docs make an action paginated (the wire table's `p` flag): it gets a `…Pages` method on a Chat client. */
const isPaginated = FLAGS.find((f) => f.flag === 'p').test;

/** The public TSDoc of a method: title, scopes, how it goes over the wire, the package's notes, the docs link. */
function jsdoc(m, pad, extra = []) {
  const lines = [`${m.title ?? m.method} (\`${m.method}\`).`];
  if (m.description) lines.push(m.description.replace(/\*\//g, '*\\/'));
  if (m.scopes?.length) lines.push(`Scopes: ${m.scopes_expr ?? m.scopes.map((s) => `\`${s}\``).join(', ')}.`);
  if (m.http?.method && !/\bPOST\b/.test(m.http.method) && m.transports.includes('web'))
    lines.push(`Web: HTTP ${m.http.method}, params in the query string.`);
  lines.push(...extra);
  const url = docsUrl(m);
  if (url) lines.push(`@see ${url}`);
  return `${pad}/**\n${lines.map((l) => `${pad} * ${l}`).join('\n')}\n${pad} */`;
}

/**
 * Whether the request has a required top-level field (a required `filters.group_ids` under an
 * optional `filters` does not make the payload required), after the package's type overrides.
 */
function hasTopLevelRequired(m, cfg) {
  const overrides = cfg.typeOverrides ?? {};
  return (m.params ?? []).some(
    (p) =>
      /^[A-Za-z_$][\w$]*$/.test(p.name) &&
      isRequired(p.required) &&
      !(`${m.method}.${p.name}?` in overrides) &&
      overrides[`${m.method}.${p.name}`] !== null,
  );
}

/**
 * `version`: the API version (default the stable one). A later version (`cfg.versions[version]`)
 * takes its response map and types path from there, and its base classes from that version's own
 * wire table (so its entry carries no other version's table).
 */
export function renderMethods(api, version = STABLE) {
  const cfg = config[api];
  const later = version === STABLE ? undefined : cfg.versions?.[version];
  if (version !== STABLE && !later) throw new Error(`${api} ${version}: no per-version methods`);
  const out = [header()];
  out.push(`import { actionMethods, type ClientClass, type RequestOptions } from '@lc/core';`);
  out.push(
    `import type { ${later?.responses ?? `${cfg.prefix}Responses`} as R } from '${later?.types ?? '../types/index.js'}';`,
  );
  out.push(`import type { ${cfg.prefix}Requests as Q } from './requests.js';`);
  if (!cfg.pathTable) {
    const names = Object.keys(cfg.classes).map((t) => actionsConst(api, version, t === 'rtm' ? '_RTM' : ''));
    out.push(`import { ${names.join(', ')} } from '${later ? '../wire.js' : './wire.js'}';`);
  }
  out.push('');
  for (const [transport, className] of Object.entries(cfg.classes)) {
    out.push(
      ...renderInterface(api, transport, className, version),
      ...renderBaseClass(api, transport, className, version),
    );
  }
  if (cfg.pathTable) out.push(...renderPathTable(api, version));
  if (cfg.chat) out.push(...renderPaginated(api, version));
  return out.join('\n');
}

const what = (cfg, transport) => `${cfg.prefix} ${transport === 'web' ? 'Web API' : 'RTM API'}`;

/** The methods' types: an interface with the TSDoc of each method (hand-written ones left out). */
function renderInterface(api, transport, className, version) {
  const cfg = config[api];
  const skip = new Set(cfg.handWritten?.[transport] ?? []);
  const list = methodsOf(api, version, transport).filter((m) => !skip.has(m.method));
  const out = [`/** The generated ${what(cfg, transport)} methods: one per documented ${version} action. */`];
  out.push(`export interface ${className} {`);
  for (const m of list) {
    const key = m.method.includes('/') ? `[${JSON.stringify(m.method)}]` : `['${m.method}']`;
    const hasRequired =
      m.batch_of ||
      cfg.requestOverrides?.[m.method] ||
      (cfg.topLevelRequiredOnly ? hasTopLevelRequired(m, cfg) : m.params?.some((p) => isRequired(p.required)));
    out.push(jsdoc(m, '  ', cfg.docNotes ? cfg.docNotes(m, version) : []));
    out.push(
      `  ${camel(m.method)}(payload${hasRequired ? '' : '?'}: Q${key}, options?: RequestOptions): Promise<R${key}>;\n`,
    );
    if (cfg.chat && isPaginated(m)) {
      out.push(`  /** Every page of \`${m.method}\`, following \`next_page_id\` (see \`paginate\`). */`);
      out.push(
        `  ${camel(m.method)}Pages(payload${hasRequired ? '' : '?'}: Q${key}, options?: RequestOptions): AsyncGenerator<R${key}, void, undefined>;\n`,
      );
    }
  }
  out.push('}\n');
  return out;
}

/** The Chat APIs' paginated actions (what `paginate` takes), from the docs (`page_id`). */
function renderPaginated(api, version) {
  const cfg = config[api];
  const names = methodsOf(api, version)
    .filter(isPaginated)
    .map((m) => `'${m.method}'`);
  return [
    `/** ${cfg.prefix} actions whose responses carry \`next_page_id\` (what \`paginate\` takes). */`,
    `export type ${cfg.prefix}PaginatedAction = ${names.join(' | ')};\n`,
  ];
}

/**
 * The methods' code: `actionMethods` builds one method per action from the wire table (the actions
 * with the transport's flag), so a page carries each action name once. Reports' wire names are
 * paths, so their methods are built from the report names.
 */
function renderBaseClass(api, transport, className, version) {
  const cfg = config[api];
  for (const m of methodsOf(api, version))
    if (m.method.includes(' ')) throw new Error(`${cfg.prefix}.${m.method}: an action name with a space`);
  // Reports: the wire table names actions by path (`chats/duration`), the methods by name: one group
  // of names for the transport, in the table's format.
  const source = cfg.pathTable
    ? `'${[transport[0], ...methodsOf(api, version, transport).map((m) => m.method)].join(' ')}', '${transport[0]}'`
    : `${actionsConst(api, version, transport === 'rtm' ? '_RTM' : '')}, '${transport[0]}'`;
  return [
    `/** \`Base\` (the entry's client) with the ${what(cfg, transport)} methods: each sends its action through \`_call(action, payload, options)\`. */`,
    `export const ${className} = <B extends ClientClass>(Base: B) => actionMethods<${className}, B>(${source}, Base);\n`,
  ];
}

/** Reports: report name → `<resource>/<name>` path. */
function renderPathTable(api, version) {
  const { name, overrides = {}, doc } = config[api].pathTable;
  const out = [`/**\n${doc.map((l) => ` * ${l}`).join('\n')}\n */`, `export const ${name} = {`];
  for (const m of methodsOf(api, version)) {
    const path = overrides[m.method] ?? m.http?.path;
    if (!path) throw new Error(`${api}.${m.method}: no http.path in the spec`);
    out.push(`  ${m.method}: '${path}',${overrides[m.method] ? ` // spec: '${m.http.path}'` : ''}`);
  }
  out.push('} as const;\n');
  return out;
}
