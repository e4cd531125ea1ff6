// The wire table of each API and version: per action, what the transports must know to send it.
// Every rule that decides a flag is written here once; the generated `src/generated/wire.ts` of each
// API package lists the outcome per action (a table a reader can scan) and encodes it as one string
// per version that `@lc/core` decodes (see packages/core/src/wire).
import config from '../generate.config.mjs';
import { header, methodsOf, STABLE, versionsOf } from './spec.mjs';

/**
 * The flags, in the order they are written. Each `test` is the one rule that decides the flag from
 * the spec entry of an action.
 */
export const FLAGS = [
  { flag: 'w', name: 'web', doc: 'exists on the Web API (HTTP)', test: (m) => m.transports.includes('web') },
  { flag: 'r', name: 'rtm', doc: 'exists on the RTM API (WebSocket)', test: (m) => m.transports.includes('rtm') },
  {
    flag: 'g',
    name: 'get',
    doc: 'sent as HTTP GET with the payload in the query string (the docs give GET and no POST)',
    test: (m) => /\bGET\b/.test(m.http?.method ?? '') && !/\bPOST\b/.test(m.http.method),
  },
  {
    flag: 'n',
    name: 'noToken',
    doc: 'sent without Authorization (the docs say the method needs no authorization)',
    // The docs say it in prose; the extraction keeps that sentence in `notes`.
    test: (m) => /\bno authori[sz]ation\b/i.test(m.notes ?? ''),
  },
  {
    flag: 's',
    name: 'resend',
    doc: 'read-only, so safe to re-send after a network error, timeout or 5xx: the docs allow GET for it, or its name starts with `get_` or `list_` (not `check_`: Customer `check_goals` triggers goal checks)',
    test: (m) => /\bGET\b/.test(m.http?.method ?? '') || /^(get|list)_/.test(m.method),
  },
  {
    flag: 'u',
    name: 'upload',
    doc: 'takes a multipart upload (a parameter of type `binary`)',
    test: (m) => (m.params ?? []).some((p) => p.type === 'binary'),
  },
  {
    flag: 'p',
    name: 'paginated',
    doc: 'paginated: takes `page_id`; the fields after the second `:` are sent again with `page_id` (the required ones)',
    test: (m) => (m.params ?? []).some((p) => p.name === 'page_id'),
  },
];

/** The fields a paginated action sends again with `page_id`: its required top-level fields. */
export const pageFields = (m) => m.required.filter((f) => f !== 'page_id' && !/[.[<]/.test(f));

/** The wire name of an action: its path for Reports (`chats/duration`), its method name otherwise. */
export function wireName(api, m) {
  const paths = config[api].pathTable;
  if (!paths) return m.method;
  const path = paths.overrides?.[m.method] ?? m.http?.path;
  if (!path) throw new Error(`${api}.${m.method}: no http.path in the spec`);
  return path;
}

/** Every action of `api` at `version` with its wire facts, in spec order. */
export function wireFacts(api, version = STABLE) {
  return methodsOf(api, version).map((m) => {
    const facts = { action: wireName(api, m) };
    for (const { name, test } of FLAGS) facts[name] = Boolean(test(m));
    facts.pageFields = facts.paginated ? pageFields(m) : [];
    return facts;
  });
}

/** The flags the RTM action methods read (core `actionMethods`): the transport, and pagination. */
const RTM_FLAGS = FLAGS.filter(({ name }) => name === 'rtm' || name === 'paginated');

/**
 * The flags of one action as letters (of `flags`: all by default), plus `:<field>,<field>` when later
 * pages send fields again.
 */
export function encodeFlags(facts, flags = FLAGS) {
  const letters = flags
    .filter(({ name }) => facts[name])
    .map(({ flag }) => flag)
    .join('');
  return facts.pageFields.length ? `${letters}:${facts.pageFields.join(',')}` : letters;
}

/**
 * One version's table as strings: groups of actions with the same flags, `|`-separated, each
 * `<flags> <action> <action> ...` (e.g. `wrs get_chat get_customer|w check_goals`), so that each
 * flag set is written once. `whole` is every action with every flag (what the Web client and its
 * methods read); `rtm` is the RTM actions with only what the RTM methods read (`r`, and `p` with its
 * fields), so a page that uses only the RTM client carries no Web-only action name or flag.
 */
export function encodeVersion(api, version) {
  const facts = wireFacts(api, version);
  return {
    whole: encodeGroups(facts, FLAGS),
    rtm: encodeGroups(
      facts.filter((f) => f.rtm),
      RTM_FLAGS,
    ),
  };
}

function encodeGroups(facts, flags) {
  const groups = new Map();
  for (const f of facts) {
    const key = encodeFlags(f, flags);
    groups.set(key, [...(groups.get(key) ?? []), f.action]);
  }
  return [...groups].map(([flags, actions]) => [flags, ...actions].join(' ')).join('|');
}

/** The name of the exported constant of one version's encoded table, e.g. `CUSTOMER_ACTIONS_3_6`. */
export const actionsConst = (api, version, part = '') =>
  `${api.toUpperCase()}${part}_ACTIONS_${version.replace('.', '_')}`;
export const wireConst = (api) => `${api.toUpperCase()}_WIRE`;

const yes = (value) => (value ? 'yes' : '');

/** The readable table of one version, as comment lines. */
function factTable(api, version) {
  const rows = wireFacts(api, version).map((f) => [
    f.action,
    [f.web && 'web', f.rtm && 'rtm'].filter(Boolean).join('+'),
    f.web ? (f.get ? 'GET' : 'POST') : '',
    yes(f.noToken),
    yes(f.resend),
    yes(f.upload),
    f.paginated ? ['page_id', ...f.pageFields].join(' + ') : '',
  ]);
  const head = ['action', 'transports', 'HTTP', 'no token', 're-send', 'upload', 'next pages send'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `//   ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')}`.trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The encoded table of one version: one constant, or for the stable one its RTM part and the whole. */
function renderVersion(api, version) {
  const { whole, rtm } = encodeVersion(api, version);
  const wholeConst = actionsConst(api, version);
  // Methods are built from the stable version's table and from each typed later version's
  // (`versions` in generate.config.mjs; scripts/gen/methods.mjs).
  if (!rtm || !typedVersion(api, version)) return [`export const ${wholeConst} = '${whole}';`];
  return [
    `/** The RTM actions, with only the flags the RTM methods read: all a page that uses only the RTM client needs. */`,
    `export const ${actionsConst(api, version, '_RTM')} = '${rtm}';`,
    `export const ${wholeConst} = '${whole}';`,
  ];
}

/** Whether `version` has typed methods: the stable one, or a later one with its own entry (`@lc/<pkg>/v3.7`). */
const typedVersion = (api, version) => version === STABLE || Boolean(config[api].versions?.[version]);

/**
 * The wire object of one typed version: only that version's table, so a page of its entry (the
 * root for the stable one, `@lc/<pkg>/v3.7` for 3.7) carries no other version's table. The root's
 * exported `<API>_WIRE` holds every version.
 */
function renderVersionWire(api, version) {
  const { path, orgQuery, resourcePaths } = config[api].wire;
  return [
    `/** The ${config[api].prefix} ${version} entry's wire object: the URL shape and the ${version} table only. */`,
    `export const ${wireConst(api)}_${version.replace('.', '_')} = {`,
    `  path: '${path}',`,
    ...(orgQuery ? ['  orgQuery: true,'] : []),
    ...(resourcePaths ? ['  resourcePaths: true,'] : []),
    `  versions: { '${version}': ${actionsConst(api, version)} },`,
    '} as const;',
    '',
  ];
}

/** `src/generated/wire.ts` of one API package. */
export function renderWire(api) {
  const cfg = config[api];
  const versions = versionsOf(api);
  const out = [header()];
  out.push(
    `// The wire facts of every ${cfg.prefix} action, per API version. Which actions need no token, which may be`,
    '// re-sent, which are GET: read the table of your version below. The encoded strings group actions by',
    '// their flags (`<flags> <action> <action>|<flags> ...`, see encodeVersion in scripts/gen/wire.mjs):',
    ...FLAGS.map(({ flag, doc }) => `//   ${flag}  ${doc}`),
    '',
  );
  for (const version of versions) {
    out.push(`// ${cfg.prefix} API ${version}:`, ...factTable(api, version));
    out.push(...renderVersion(api, version), '');
  }
  const { path, orgQuery, resourcePaths } = cfg.wire;
  out.push(
    `/** What the ${cfg.prefix} Web and RTM clients hand to \`@lc/core\`: the URL shape and each version's table. */`,
  );
  out.push(`export const ${wireConst(api)} = {`);
  out.push(`  path: '${path}',`);
  if (orgQuery) out.push('  orgQuery: true,');
  if (resourcePaths) out.push('  resourcePaths: true,');
  out.push(`  versions: { ${versions.map((v) => `'${v}': ${actionsConst(api, v)}`).join(', ')} },`);
  out.push('} as const;', '');
  // With a typed later version, each typed version's entry gets a wire object of its own table.
  if (cfg.versions)
    for (const version of versions) if (typedVersion(api, version)) out.push(...renderVersionWire(api, version));
  return out.join('\n');
}
