#!/usr/bin/env node
// Completeness check, against the BUILT packages (what users get; `pnpm build` first):
// - every documented method of each typed version (the stable one at the package root, a later one
//   at its entry, e.g. `@lc/agent/v3.7`) has a method on the right client class, and every public
//   method a client exposes is either a documented action of that version or a known helper;
// - every API's wire table (`<API>_WIRE`, generated) has exactly the versions the spec describes, and
//   per version exactly the documented actions (both directions) with the flags the rules give.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import config from './generate.config.mjs';
import { camel, methodsOf, root, versionsOf } from './gen/spec.mjs';
import { encodeFlags, wireConst, wireFacts } from './gen/wire.mjs';

// What every RTM client has besides its actions: connection, subscriptions, lifecycle (the shared
// ChatRTM's `reconnectNow` included).
const RTM_HELPERS = ['call', 'connect', 'on', 'onAny', 'onEvent', 'close', 'reconnectNow'];

// api → transport → [package, exported class, helpers that are not API actions]
const CLIENTS = {
  agent: {
    web: ['agent', 'AgentWeb', ['call', 'listChatsPages', 'listThreadsPages', 'listArchivesPages', 'paginate']],
    rtm: ['agent', 'AgentRTM', [...RTM_HELPERS, 'listChatsPages', 'listThreadsPages', 'listArchivesPages', 'paginate']],
  },
  customer: {
    web: ['customer', 'CustomerWeb', ['call', 'listChatsPages', 'listThreadsPages', 'paginate']],
    rtm: ['customer', 'CustomerRTM', [...RTM_HELPERS, 'listChatsPages', 'listThreadsPages', 'paginate']],
  },
  configuration: { web: ['configuration', 'ConfigurationWeb', ['call']] },
  reports: { web: ['reports', 'ReportsWeb', ['call']] },
};

const INFRA = new Set(['constructor']);
let problems = 0;
const report = (msg) => {
  problems++;
  console.error(`✗ ${msg}`);
};

/** The built package root, or its entry of a later `version` (`@lc/<pkg>/v3.7`). */
function load(pkg, version) {
  try {
    return createRequire(path.join(root, 'packages', pkg, 'package.json'))(
      version ? `@lc/${pkg}/v${version}` : `@lc/${pkg}`,
    );
  } catch (error) {
    report(`@lc/${pkg}: cannot load the built package (${error.code ?? error.message}); run \`pnpm build\``);
    return undefined;
  }
}

/** Whether `@lc/<pkg>` exports an entry for `version` (`exports["./v3.7"]`). */
function exportsEntry(pkg, version) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'packages', pkg, 'package.json'), 'utf8'));
  return Boolean(manifest.exports?.[`./v${version}`]);
}

/**
 * The prototypes of `pkg`'s core RTM client class and its bases. AgentRTM and CustomerRTM are that
 * class: its own members are renamed short by the build (not API), so only its public methods
 * (`login` and RTM_HELPERS) count as exposed there.
 */
function coreRTMPrototypes(pkg) {
  let prototypes = coreRTMPrototypesOf.get(pkg);
  if (prototypes) return prototypes;
  const core = createRequire(path.join(root, 'packages', pkg, 'package.json'))('@lc/core');
  const client = core.createRTMClient(class {}, () => undefined, { api: 'agent' });
  prototypes = new Set();
  for (let p = Object.getPrototypeOf(client); p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    prototypes.add(p);
  coreRTMPrototypesOf.set(pkg, prototypes);
  return prototypes;
}
/** Per package: found once, for every class of it that is checked. */
const coreRTMPrototypesOf = new Map();
const CORE_RTM_PUBLIC = new Set([...RTM_HELPERS, 'login', 'paginate']);

/** The public methods of a class and its bases. */
function exposedMethods(Cls, pkg) {
  const exposed = new Set();
  const core = coreRTMPrototypes(pkg);
  for (let proto = Cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (INFRA.has(name) || name.startsWith('_') || name.startsWith('#')) continue;
      if (core.has(proto) && !CORE_RTM_PUBLIC.has(name)) continue;
      if (typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function') exposed.add(name);
    }
  }
  return exposed;
}

function checkClient(api, transport, [pkg, className, helpers], version) {
  const entry = version ? `@lc/${pkg}/v${version}` : `@lc/${pkg}`;
  const module = load(pkg, version);
  const Cls = module?.[className];
  // A later entry may come one transport at a time: named here, not failed (the root must have both).
  if (version && module && Cls === undefined) return console.log(`- ${entry}: no ${className} yet (not checked)`);
  if (typeof Cls !== 'function') return report(`${entry} does not export class ${className}`);
  const exposed = exposedMethods(Cls, pkg);
  const expected = methodsOf(api, version, transport).map((m) => camel(m.method));
  const missing = expected.filter((n) => !exposed.has(n));
  const extra = [...exposed].filter((n) => !expected.includes(n) && !helpers.includes(n));
  const what = `${api} ${version ?? ''} ${transport}`.replace('  ', ' ');
  for (const n of missing) report(`${entry} ${className}.${n}: documented ${what} method has no implementation`);
  for (const n of extra)
    report(`${entry} ${className}.${n}: exposed but not a documented ${what} action (misspelled?)`);
  if (!missing.length && !extra.length)
    console.log(`✓ ${entry} ${className}: ${expected.length} documented methods, no extras`);
}

/** A version's encoded table as action → flags (the format `encodeVersion` in scripts/gen/wire.mjs writes). */
function decode(encoded) {
  const flagsOf = new Map();
  for (const group of encoded.split('|')) {
    const [flags, ...actions] = group.split(' ');
    for (const action of actions) flagsOf.set(action, flags);
  }
  return flagsOf;
}

function checkWire(api) {
  const name = wireConst(api);
  const wire = load(config[api].pkg)?.[name];
  if (!wire?.versions) return report(`@lc/${config[api].pkg} does not export ${name}`);
  const versions = versionsOf(api);
  const tabled = Object.keys(wire.versions);
  for (const v of versions.filter((v) => !tabled.includes(v))) report(`${name}: no table for documented version ${v}`);
  for (const v of tabled.filter((v) => !versions.includes(v)))
    report(`${name}: a table for ${v}, which the spec does not describe`);
  for (const version of versions.filter((v) => tabled.includes(v))) {
    const table = decode(wire.versions[version]);
    const documented = new Map(wireFacts(api, version).map((f) => [f.action, encodeFlags(f)]));
    for (const [action, flags] of documented) {
      if (!table.has(action)) report(`${name} ${version}: documented action ${action} is missing`);
      else if (table.get(action) !== flags)
        report(`${name} ${version}: ${action} is "${table.get(action)}", the rules say "${flags}"`);
    }
    for (const action of table.keys())
      if (!documented.has(action)) report(`${name} ${version}: ${action} is not a documented action`);
    if ([...documented.keys()].every((a) => table.get(a) === documented.get(a)) && table.size === documented.size)
      console.log(`✓ ${name} ${version}: ${table.size} documented actions, flags as the rules give`);
  }
}

for (const [api, transports] of Object.entries(CLIENTS)) {
  // The root (stable) and each typed later version's entry (`versions` in generate.config.mjs) that
  // the package exports; a version whose types are generated before its entry exists is named.
  for (const version of [undefined, ...Object.keys(config[api].versions ?? {})]) {
    if (version && !exportsEntry(config[api].pkg, version)) {
      console.log(`- @lc/${config[api].pkg}/v${version}: no entry yet (its types are generated; not checked)`);
      continue;
    }
    for (const [transport, client] of Object.entries(transports)) checkClient(api, transport, client, version);
  }
  checkWire(api);
}
if (problems) {
  console.error(`${problems} completeness problem(s)`);
  process.exit(1);
}
