#!/usr/bin/env node
// pnpm spec:update <path to a clone of livechat/livechat-public-docs> [--versions=3.6,3.7] [--out=spec]
//
// Reads the docs' reference pages, samples and changelogs and writes spec/methods.json,
// spec/pushes-webhooks.json, spec/samples.json, spec/source.json and spec/CHANGES-<preview>.md.
// Deterministic: the same docs commit gives the same bytes. Default versions: the docs' stable and
// dev-preview versions (src/constants/index.js).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pagesOf, versionGroups } from './pages.mjs';
import { pageSamples, sortSamples } from './samples.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function parseArgs(argv) {
  const docs = argv.find((a) => !a.startsWith('--'));
  const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (!docs) {
    console.error('usage: pnpm spec:update <path to a livechat-public-docs clone> [--versions=3.6,3.7] [--out=spec]');
    process.exit(2);
  }
  return {
    docs: path.resolve(docs),
    versions: option('versions')?.split(','),
    out: path.resolve(root, option('out') ?? 'spec'),
  };
}

/** JSON as the spec files hold it: two-space indent, a final newline. */
export const jsonText = (value) => `${JSON.stringify(value, null, 2)}\n`;

function main() {
  const { docs, versions: asked, out } = parseArgs(process.argv.slice(2));
  const commit = execFileSync('git', ['-C', docs, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const groups = versionGroups(docs);
  const versions = asked ?? [groups.stable, groups.preview].filter(Boolean);
  const samples = [];
  for (const version of versions) {
    for (const page of pagesOf(docs, version, groups.stable)) samples.push(...pageSamples(docs, page, version));
  }
  const files = {
    'samples.json': jsonText(sortSamples(samples)),
    'source.json': jsonText({
      repo: 'livechat/livechat-public-docs',
      commit,
      versions,
      stable: groups.stable,
      preview: groups.preview,
    }),
  };
  fs.mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(out, name), text);
  const invalid = samples.filter((s) => s.invalid !== undefined);
  const repaired = invalid.filter((s) => s.repair).length;
  console.log(
    `spec-update: docs ${commit.slice(0, 8)}, versions ${versions.join(', ')}: ${samples.length} samples, ` +
      `${invalid.length} not JSON in the docs (${repaired} repaired)`,
  );
}

main();
