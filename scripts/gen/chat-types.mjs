// Renders a Chat API package's response and push maps (`src/generated/responses.ts`,
// `src/generated/pushes.ts`): every documented 3.6 action → `<Action>Response`, every 3.6 push →
// `<Push>Push`. A name comes from the first of:
//   1. the package's hand-written `src/types/responses.ts` / `src/types/pushes.ts` (the API's own shape);
//   2. `@lc/core`'s `src/types/responses.ts` (`<Action>Response`) or `src/types/pushes.ts`
//      (`<Push>Payload`): a shape both Chat APIs document alike;
//   3. for a response the spec documents as empty: `EmptyResponse`.
// Anything else is an error: declare its type by hand.
import fs from 'node:fs';
import path from 'node:path';
import config from '../generate.config.mjs';
import { docsPage, docsUrl, header, methodsOf, pascal, pushesWebhooks, root, STABLE } from './spec.mjs';

/** The exported type names declared in a source file (interfaces and type aliases). */
function declaredTypes(file) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return new Set([...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map(([, name]) => name));
}

const API_TITLES = { agent: 'Agent Chat API', customer: 'Customer Chat API' };
const ONLY_OVER = { web: ' (Web only)', rtm: ' (RTM only)' };

/** The docs page of a push: its source page and the push name as the anchor. */
const pushUrl = (push) => `${docsPage(push.source)}#${push.name}`;

/** An import statement of `names` (sorted) from `from`, or nothing. */
function importOf(names, from, verb = 'import') {
  if (!names.length) return [];
  return [`${verb} type { ${[...names].sort().join(', ')} } from '${from}';`];
}

/** `interface <map> { name: Type }` (or `type <map> = { ... }`) with one documented entry per name. */
function mapOf(doc, declaration, entries, kind) {
  const lines = [...doc, declaration];
  for (const [name, type] of entries)
    lines.push(`  /** \`${name}\` ${kind}: {@link ${type}}. */`, `  ${name}: ${type};`);
  return lines;
}

/**
 * Sorts each wire name into [hand-written names, core names, generated declarations].
 * `fallback(item, name)` returns a declaration (lines) for a name neither the package nor core has.
 */
function resolve(items, suffix, own, core, coreName, fallback) {
  const hand = [];
  const shared = [];
  const declared = [];
  const entries = [];
  for (const item of items) {
    const name = pascal(item.name) + suffix;
    entries.push([item.name, name]);
    if (own.has(name)) hand.push(name);
    else if (core.has(coreName(item))) shared.push(coreName(item));
    else declared.push(...fallback(item, name));
  }
  return { hand, shared, declared, entries };
}

/** `packages/<api>/src/generated/responses.ts`. */
export function renderResponses(api) {
  const { pkg, prefix } = config[api];
  const methods = methodsOf(api).map((m) => ({ ...m, name: m.method }));
  const { hand, shared, declared, entries } = resolve(
    methods,
    'Response',
    declaredTypes(`packages/${pkg}/src/types/responses.ts`),
    declaredTypes('packages/core/src/types/responses.ts'),
    (m) => `${pascal(m.name)}Response`,
    (m, name) => {
      if (m.response_shape !== 'empty')
        throw new Error(`${api} ${m.name}: the spec documents a response; declare ${name} in src/types/responses.ts`);
      const only = m.transports.length === 1 ? ONLY_OVER[m.transports[0]] : '';
      return [
        '',
        `/** Response of \`${m.name}\`${only}: no payload. @see ${docsUrl(m)} */`,
        `export type ${name} = EmptyResponse;`,
      ];
    },
  );
  const map = `${prefix}Responses`;
  return [
    header(),
    ...importOf(declared.length ? ['EmptyResponse'] : [], '@lc/core'),
    ...importOf(hand, '../types/responses.js'),
    ...importOf(shared, '@lc/core'),
    '',
    '// Responses both Chat APIs document alike: one declaration in @lc/core.',
    ...importOf(shared, '@lc/core', 'export'),
    ...declared,
    '',
    ...mapOf(
      [
        '/**',
        ` * Every ${API_TITLES[api]} ${STABLE} action (Web and RTM, without \`ping\`) → its response payload type.`,
        ` * \`${map}['list_chats']\` is {@link ListChatsResponse}.`,
        ' */',
      ],
      `export interface ${map} {`,
      entries,
      'action',
    ),
    '}',
    '',
  ].join('\n');
}

/** `packages/<api>/src/generated/pushes.ts`. */
export function renderPushes(api) {
  const { pkg, prefix } = config[api];
  const pushes = pushesWebhooks.pushes.filter((p) => p.api === api && p.version === STABLE);
  const payloadOf = (p) => `${pascal(p.name)}Payload`;
  const { hand, shared, declared, entries } = resolve(
    pushes,
    'Push',
    declaredTypes(`packages/${pkg}/src/types/pushes.ts`),
    declaredTypes('packages/core/src/types/pushes.ts'),
    payloadOf,
    (_p, name) => {
      throw new Error(
        `${api}: declare ${name} in src/types/pushes.ts (core has no ${name.replace(/Push$/, 'Payload')})`,
      );
    },
  );
  const aliases = pushes
    .filter((p) => shared.includes(payloadOf(p)))
    .flatMap((p) => [
      '',
      `/** Push \`${p.name}\`: {@link ${payloadOf(p)}}. @see ${pushUrl(p)} */`,
      `export type ${pascal(p.name)}Push = ${payloadOf(p)};`,
    ]);
  const map = `${prefix}Pushes`;
  return [
    header(`spec/pushes-webhooks.json`),
    ...importOf(shared, '@lc/core'),
    ...importOf(hand, '../types/pushes.js'),
    ...declared,
    '',
    '// Pushes both Chat APIs document alike: their payload is declared once in @lc/core.',
    ...aliases.slice(1),
    '',
    ...mapOf(
      [
        '/**',
        ` * Every ${API_TITLES[api]} ${STABLE} push name → its payload type. A type alias rather than an interface so`,
        " * it satisfies core's `RTMClient<Pushes extends Record<string, unknown>>` constraint.",
        ' */',
      ],
      `export type ${map} = {`,
      entries,
      'push',
    ),
    '};',
    '',
  ].join('\n');
}
