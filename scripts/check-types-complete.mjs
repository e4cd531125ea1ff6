#!/usr/bin/env node
// Types completeness check: every documented 3.6 action has an entry in its API's `*Responses` map and
// every documented 3.6 RTM push an entry in its `*Pushes` map, and those maps hold NO other names (a
// misspelled push name types a handler that never fires). Reads the TypeScript sources with the
// compiler API (no build needed) and the spec data in spec/.
//
// Also checks, for the Chat API maps: each entry's type is the exported `<PascalName>Response` /
// `<PascalName>Push`; and that the shared data structures in packages/core/src/types are type-only
// and that none of the checked type folders uses `any`.
//
// Usage: node scripts/check-types-complete.mjs   (exit 1 and a list of problems on failure)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STABLE = '3.6';
const methods = JSON.parse(fs.readFileSync(path.join(root, 'spec/methods.json'), 'utf8'));
const { pushes } = JSON.parse(fs.readFileSync(path.join(root, 'spec/pushes-webhooks.json'), 'utf8'));

const pascal = (name) =>
  name
    .split('_')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

// [label, spec names, file (relative to root) or types folder to search, map name, per-entry type suffix or null]
const actionsOf = (api) =>
  methods.filter((m) => m.api === api && m.version === STABLE && m.method !== 'ping').map((m) => m.method);
const pushesOf = (api) => pushes.filter((p) => p.api === api && p.version === STABLE).map((p) => p.name);
const CHECKS = [
  ['agent responses', actionsOf('agent'), 'packages/agent/src/types/responses.ts', 'AgentResponses', 'Response'],
  ['agent pushes', pushesOf('agent'), 'packages/agent/src/types/pushes.ts', 'AgentPushes', 'Push'],
  [
    'customer responses',
    actionsOf('customer'),
    'packages/customer/src/types/responses.ts',
    'CustomerResponses',
    'Response',
  ],
  ['customer pushes', pushesOf('customer'), 'packages/customer/src/types/pushes.ts', 'CustomerPushes', 'Push'],
  [
    'configuration responses',
    actionsOf('configuration'),
    'packages/configuration/src/types',
    'ConfigurationResponses',
    null,
  ],
  ['reports responses', actionsOf('reports'), 'packages/reports/src/types', 'ReportsResponses', null],
];
// Folders that must not use `any`; the first must also be type-only (no runtime code at all).
const TYPE_ONLY_DIRS = ['packages/core/src/types'];
const NO_ANY_DIRS = ['packages/core/src/types', 'packages/agent/src/types', 'packages/customer/src/types'];

let problems = 0;
const report = (msg) => {
  problems++;
  console.error(`✗ ${msg}`);
};

const tsFiles = (target) => {
  const abs = path.join(root, target);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [abs];
  return fs
    .readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(abs, f));
};
const parsed = new Map();
const parse = (file) => {
  if (!parsed.has(file)) {
    parsed.set(file, ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
  }
  return parsed.get(file);
};
const isExported = (node) => !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const nameOf = (n) => (ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : n.getText());

/** The members of `interface <name>` or `type <name> = { ... }` in the files: [{ name, typeText, typeName }]. */
function findMap(files, mapName) {
  for (const file of files) {
    const sf = parse(file);
    for (const st of sf.statements) {
      let members;
      if (ts.isInterfaceDeclaration(st) && st.name.text === mapName) members = st.members;
      else if (ts.isTypeAliasDeclaration(st) && st.name.text === mapName && ts.isTypeLiteralNode(st.type))
        members = st.type.members;
      if (!members) continue;
      if (!isExported(st)) report(`${path.relative(root, file)}: ${mapName} is not exported`);
      if (st.heritageClauses?.length)
        report(`${path.relative(root, file)}: ${mapName} must not extend other types (list every name)`);
      return {
        file,
        members: members.map((m) => {
          if (!ts.isPropertySignature(m) || !m.name) return { name: `<${ts.SyntaxKind[m.kind]}>`, bad: true };
          const t = m.type;
          return {
            name: nameOf(m.name),
            optional: !!m.questionToken,
            typeName:
              t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && !t.typeArguments
                ? t.typeName.text
                : null,
            typeText: t ? t.getText(sf) : '<none>',
          };
        }),
      };
    }
  }
  return null;
}

/** Exported type names declared in a file. */
function exportedTypes(file) {
  const names = new Set();
  for (const st of parse(file).statements) {
    if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && isExported(st)) names.add(st.name.text);
  }
  return names;
}

for (const [label, specNames, target, mapName, suffix] of CHECKS) {
  const files = tsFiles(target);
  const map = files.length ? findMap(files, mapName) : null;
  if (!map) {
    report(`${label}: no exported ${mapName} in ${target}`);
    continue;
  }
  const rel = path.relative(root, map.file);
  const expected = new Set(specNames);
  const seen = new Set();
  for (const m of map.members) {
    if (m.bad) {
      report(`${rel}: ${mapName} has a non-property member ${m.name} (index signatures let misspelled names through)`);
      continue;
    }
    if (seen.has(m.name)) report(`${rel}: ${mapName}.${m.name} is listed twice`);
    seen.add(m.name);
    if (!expected.has(m.name)) report(`${rel}: ${mapName}.${m.name} is not a documented ${STABLE} name (misspelled?)`);
    if (m.optional) report(`${rel}: ${mapName}.${m.name} must not be optional`);
    if (suffix) {
      const want = pascal(m.name) + suffix;
      if (m.typeName !== want) report(`${rel}: ${mapName}.${m.name} should be typed ${want}, is ${m.typeText}`);
      else if (!exportedTypes(map.file).has(want)) report(`${rel}: ${want} is not declared and exported in this file`);
    }
  }
  const missing = specNames.filter((n) => !seen.has(n));
  for (const n of missing) report(`${rel}: ${mapName} lacks documented ${STABLE} name \`${n}\``);
  if (!missing.length && [...seen].every((n) => expected.has(n))) {
    console.log(`✓ ${label}: ${mapName} types all ${specNames.length} documented names, no extras`);
  }
}

// `any` hides mistakes: the docs-derived types use `unknown` where the docs are not precise.
for (const dir of NO_ANY_DIRS) {
  for (const file of tsFiles(dir)) {
    const sf = parse(file);
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.AnyKeyword) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        report(`${path.relative(root, file)}:${line + 1}: uses \`any\` (use \`unknown\` or a precise type)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
}

// The shared data structures must emit no JavaScript.
for (const dir of TYPE_ONLY_DIRS) {
  for (const file of tsFiles(dir)) {
    for (const st of parse(file).statements) {
      const typeOnly =
        ts.isInterfaceDeclaration(st) ||
        ts.isTypeAliasDeclaration(st) ||
        (ts.isImportDeclaration(st) && st.importClause?.isTypeOnly) ||
        (ts.isExportDeclaration(st) && st.isTypeOnly);
      if (!typeOnly) {
        const { line } = parse(file).getLineAndCharacterOfPosition(st.getStart());
        report(
          `${path.relative(root, file)}:${line + 1}: runtime statement in a type-only folder (${ts.SyntaxKind[st.kind]})`,
        );
      }
    }
  }
}

if (problems) {
  console.error(`${problems} type completeness problem(s)`);
  process.exit(1);
}
console.log('✓ types complete');
