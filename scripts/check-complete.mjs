#!/usr/bin/env node
// Completeness check: every documented 3.6 method has a method on the right client class, and
// every public method a client exposes is either a documented action or a known helper.
// Runs against the BUILT packages (what users get): `pnpm build` first.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { camel, methodsOf } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// api → transport → [package, exported class, helpers that are not API actions]
const CLIENTS = {
  agent: {
    web: ['agent', 'AgentWeb', ['call', 'listChatsPages', 'listThreadsPages', 'listArchivesPages', 'paginate']],
    rtm: [
      'agent',
      'AgentRTM',
      [
        'call',
        'connect',
        'on',
        'onAny',
        'onEvent',
        'close',
        'listChatsPages',
        'listThreadsPages',
        'listArchivesPages',
        'paginate',
      ],
    ],
  },
  customer: {
    web: ['customer', 'CustomerWeb', ['call', 'listChatsPages', 'listThreadsPages', 'paginate']],
    rtm: [
      'customer',
      'CustomerRTM',
      [
        'call',
        'connect',
        'on',
        'onAny',
        'onEvent',
        'close',
        'reconnectNow',
        'listChatsPages',
        'listThreadsPages',
        'paginate',
      ],
    ],
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

for (const [api, transports] of Object.entries(CLIENTS)) {
  const methods = methodsOf(api);
  for (const [transport, [pkg, className, helpers]] of Object.entries(transports)) {
    let mod;
    try {
      const require = createRequire(path.join(root, 'packages', pkg, 'package.json'));
      mod = require(`@lc/${pkg}`);
    } catch (error) {
      report(`@lc/${pkg}: cannot load the built package (${error.code ?? error.message}); run \`pnpm build\``);
      continue;
    }
    const Cls = mod[className];
    if (typeof Cls !== 'function') {
      report(`@lc/${pkg} does not export class ${className}`);
      continue;
    }
    const exposed = new Set();
    for (let proto = Cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (INFRA.has(name) || name.startsWith('_') || name.startsWith('#')) continue;
        const d = Object.getOwnPropertyDescriptor(proto, name);
        if (typeof d?.value === 'function') exposed.add(name);
      }
    }
    const expected = methods.filter((m) => m.transports.includes(transport)).map((m) => camel(m.method));
    const missing = expected.filter((n) => !exposed.has(n));
    const extra = [...exposed].filter((n) => !expected.includes(n) && !helpers.includes(n));
    for (const n of missing) report(`${className}.${n}: documented ${api} ${transport} method has no implementation`);
    for (const n of extra)
      report(`${className}.${n}: exposed but not a documented ${api} ${transport} action (misspelled?)`);
    if (!missing.length && !extra.length)
      console.log(`✓ ${className}: ${expected.length} documented methods, no extras`);
  }
}
if (problems) {
  console.error(`${problems} completeness problem(s)`);
  process.exit(1);
}
