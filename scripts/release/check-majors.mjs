#!/usr/bin/env node
// The SDK's major version is the LiveChat API line (6.x = API 3.6, 7.x = API 3.7). Changesets'
// `linked` group lets one package release alone, so this check keeps the majors in step instead:
//   1. every public @lc package has the same major version;
//   2. a pending changeset that bumps one package's major bumps every public @lc package's major
//      (the linked group then takes them all to the same new version).
// See RELEASING.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `{ name, version }` of each public package under packages/. */
function publicPackages() {
  const dir = path.join(root, 'packages');
  return fs
    .readdirSync(dir)
    .map((d) => path.join(dir, d, 'package.json'))
    .filter((f) => fs.existsSync(f))
    .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
    .filter((p) => !p.private && p.name?.startsWith('@lc/'));
}

/** `{ file, bumps: Map<package, bump> }` of each pending changeset (its front matter). */
function pendingChangesets() {
  const dir = path.join(root, '.changeset');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((file) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(dir, file), 'utf8'))?.[1] ?? '';
      const bumps = new Map(
        [...front.matchAll(/^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)].map((m) => [m[1], m[2]]),
      );
      return { file, bumps };
    });
}

const packages = publicPackages();
const problems = [];
const majors = new Set(packages.map((p) => p.version.split('.')[0]));
if (majors.size > 1) {
  problems.push(`majors differ: ${packages.map((p) => `${p.name}@${p.version}`).join(', ')}`);
}
const names = packages.map((p) => p.name);
for (const { file, bumps } of pendingChangesets()) {
  const major = [...bumps].filter(([, bump]) => bump === 'major').map(([name]) => name);
  if (!major.length) continue;
  const missing = names.filter((n) => bumps.get(n) !== 'major');
  if (missing.length) {
    problems.push(
      `.changeset/${file}: a major bump (a new API line) must bump every package; missing ${missing.join(', ')}`,
    );
  }
}
for (const p of problems) console.error(`✗ ${p}`);
if (problems.length) process.exit(1);
console.log(`✓ ${packages.length} packages on major ${[...majors][0]}; no pending major leaves a package behind`);
