#!/usr/bin/env node
// Types completeness check, for every typed API version: each version's entry (the package root for
// the stable version, `src/v3.7.ts` for `@lc/<pkg>/v3.7`) exports a `*Responses` map with an entry
// for every documented action of that version and a `*Pushes` map (Chat APIs) with one for every
// documented RTM push, and those maps hold NO other names (a misspelled push name types a handler that
// never fires). A later version's maps derive from the stable ones (`Omit<…> & {…}`), so the names are
// read through the TypeScript type checker over the sources (no build needed) and the spec in spec/.
//
// Also checks the stable maps' declarations (they list every name): each entry's type is the exported
// `<PascalName>Response` / `<PascalName>Push` (Chat APIs); that the shared data structures in
// packages/core/src/types are type-only; and that none of the checked type folders uses `any`.
//
// Usage: node scripts/check-types-complete.mjs   (exit 1 and a list of problems on failure)
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import config from './generate.config.mjs';
import { APIS, STABLE, methodsOf, pushesWebhooks, root } from './gen/spec.mjs';

const pascal = (name) =>
  name
    .split('_')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

const actionsOf = (api, version) => methodsOf(api, version).map((m) => m.method);
const pushesOf = (api, version) =>
  pushesWebhooks.pushes.filter((p) => p.api === api && p.version === version).map((p) => p.name);

/**
 * [label, spec names, entry file, map name] for each typed version of each API: the stable one at the
 * package root, each later one (`versions` in generate.config.mjs) at its own entry.
 */
const ENTRY_CHECKS = APIS.flatMap((api) => {
  const { pkg, prefix, classes, versions = {} } = config[api];
  return [STABLE, ...Object.keys(versions)].flatMap((version) => {
    const later = version === STABLE ? undefined : versions[version];
    const entry = `packages/${pkg}/src/${later ? `v${version}` : 'index'}.ts`;
    const checks = [
      [`${api} ${version} responses`, actionsOf(api, version), entry, later?.responses ?? `${prefix}Responses`],
    ];
    if (classes.rtm)
      checks.push([`${api} ${version} pushes`, pushesOf(api, version), entry, later?.pushes ?? `${prefix}Pushes`]);
    return checks;
  });
});

// The stable maps' declarations: [file, map name, per-entry type suffix].
const STABLE_DECLARATIONS = [
  ['packages/agent/src/types/responses.ts', 'AgentResponses', 'Response'],
  ['packages/agent/src/types/pushes.ts', 'AgentPushes', 'Push'],
  ['packages/customer/src/types/responses.ts', 'CustomerResponses', 'Response'],
  ['packages/customer/src/types/pushes.ts', 'CustomerPushes', 'Push'],
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

/** The stable map's declaration: exported, listing every name (no `extends`), each typed `<PascalName><suffix>`. */
function checkDeclaration(file, mapName, suffix) {
  const map = findMap([path.join(root, file)], mapName);
  if (!map) return report(`${file}: no exported ${mapName}`);
  const seen = new Set();
  for (const m of map.members) {
    if (m.bad) {
      report(`${file}: ${mapName} has a non-property member ${m.name} (index signatures let misspelled names through)`);
      continue;
    }
    if (seen.has(m.name)) report(`${file}: ${mapName}.${m.name} is listed twice`);
    seen.add(m.name);
    const want = pascal(m.name) + suffix;
    if (m.typeName !== want) report(`${file}: ${mapName}.${m.name} should be typed ${want}, is ${m.typeText}`);
    else if (!exportedTypes(map.file).has(want)) report(`${file}: ${want} is not declared and exported in this file`);
  }
}

/** One program over every checked entry: `@lc/core` read from its sources, so no build is needed. */
const program = ts.createProgram(
  [...new Set(ENTRY_CHECKS.map(([, , entry]) => path.join(root, entry)))].filter((f) => fs.existsSync(f)),
  {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    baseUrl: root,
    paths: { '@lc/core': ['packages/core/src/index.ts'] },
  },
);
const checker = program.getTypeChecker();

/** The property names of the map `mapName` the entry exports (through `export type *` too), or a reason it has none. */
function entryMap(entry, mapName) {
  const sf = program.getSourceFile(path.join(root, entry));
  if (!sf) return { missing: `${entry} does not exist` };
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)).find((s) => s.name === mapName);
  if (!exported) return { missing: `${entry} does not export ${mapName}` };
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  return {
    indexed: checker.getIndexInfosOfType(type).length > 0,
    members: checker.getPropertiesOfType(type).map((p) => ({
      name: p.name,
      optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
    })),
  };
}

for (const [file, mapName, suffix] of STABLE_DECLARATIONS) checkDeclaration(file, mapName, suffix);

// Both directions, per version: every documented name typed, every typed name documented.
for (const [label, specNames, entry, mapName] of ENTRY_CHECKS) {
  const version = label.split(' ')[1];
  const map = entryMap(entry, mapName);
  if (map.missing) {
    report(`${label}: ${map.missing}`);
    continue;
  }
  const where = `${entry} ${mapName}`;
  if (map.indexed) report(`${where} has an index signature (it lets misspelled names through)`);
  const expected = new Set(specNames);
  const seen = new Set(map.members.map((m) => m.name));
  for (const m of map.members) {
    if (!expected.has(m.name)) report(`${where}.${m.name} is not a documented ${version} name (misspelled?)`);
    if (m.optional) report(`${where}.${m.name} must not be optional`);
  }
  const missing = specNames.filter((n) => !seen.has(n));
  for (const n of missing) report(`${where} lacks documented ${version} name \`${n}\``);
  if (!missing.length && !map.indexed && [...seen].every((n) => expected.has(n)))
    console.log(`✓ ${label}: ${where} types all ${specNames.length} documented names, no extras`);
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
