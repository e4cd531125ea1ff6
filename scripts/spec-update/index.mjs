#!/usr/bin/env node
// pnpm spec:update <path to a clone of livechat/livechat-public-docs> [--versions=3.6,3.7] [--out=spec]
//
// Reads the docs' reference pages, samples, changelogs and the Accounts OpenAPI files, and writes
// spec/methods.json, spec/pushes-webhooks.json, spec/samples.json, spec/changelog.json, spec/structures.json,
// spec/source.json and spec/CHANGES-<version>.md for each version after the stable one, and the
// packages' test/docs-samples.generated.test-d.ts (sample-type-tests.mjs).
// Deterministic: the same docs commit gives the same bytes. Default versions: the docs' stable and
// dev-preview versions (src/constants/index.js).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { changelogOf, markRepeats } from './changelog.mjs';
import { payloadDifferences, withChanges } from './changes.mjs';
import { methodsOf } from './methods.mjs';
import { migrationMarkdown } from './migration.mjs';
import { accountsMethods } from './openapi.mjs';
import { pagesOf, versionGroups } from './pages.mjs';
import { envelopes } from './envelopes.mjs';
import { pushesOf, webhooksOf } from './pushes.mjs';
import { sampleDifferences } from './sample-diff.mjs';
import { outputs as sampleTypeTests } from './sample-type-tests.mjs';
import { pageSamples, sortSamples } from './samples.mjs';
import { structureDifferences, structuresOf } from './structures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHAT_APIS = ['agent', 'customer', 'configuration', 'reports'];

function parseArgs(argv) {
  const docs = argv.find((a) => !a.startsWith('--'));
  const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (!docs) {
    console.error('usage: pnpm spec:update <path to a livechat-public-docs clone> [--versions=3.6,3.7] [--out=spec]');
    process.exit(2);
  }
  // `pnpm spec:update` runs in the repository root; a relative path means one from where it was typed.
  return {
    docs: path.resolve(process.env.INIT_CWD ?? process.cwd(), docs),
    versions: option('versions')?.split(','),
    out: path.resolve(root, option('out') ?? 'spec'),
  };
}

/** JSON as the spec files hold it: two-space indent, a final newline. */
const jsonText = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** Everything one version documents: samples, methods, pushes, webhooks. */
function readVersion(docs, version, stable) {
  const samples = pagesOf(docs, version, stable).flatMap((page) => pageSamples(docs, page, version));
  const methods = CHAT_APIS.flatMap((api) => methodsOf(docs, api, version, stable, samples));
  const pushes = ['agent', 'customer'].flatMap((api) => pushesOf(docs, api, version, stable, samples));
  const webhooks = webhooksOf(docs, version, stable, samples);
  const structures = ['agent', 'customer'].flatMap((api) => structuresOf(docs, api, version, stable));
  return { samples, methods, pushes, webhooks, structures };
}

function main() {
  const { docs, versions: asked, out } = parseArgs(process.argv.slice(2));
  const commit = execFileSync('git', ['-C', docs, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const groups = versionGroups(docs);
  const { stable } = groups;
  const versions = asked ?? [stable, groups.preview].filter(Boolean);
  if (!versions.includes(stable)) versions.unshift(stable); // later versions are described against it
  const { all, changelog, guides } = readVersions(docs, versions, stable, commit);
  all.methods.push(...accountsMethods(docs, 'global_accounts'), ...accountsMethods(docs, 'customer_accounts'));
  const source = { repo: 'livechat/livechat-public-docs', commit };
  const files = {
    ...guides,
    'methods.json': jsonText(all.methods),
    'pushes-webhooks.json': jsonText({
      generated_from: source,
      ...envelopes(docs, stable),
      pushes: all.pushes,
      webhooks: all.webhooks,
    }),
    'samples.json': jsonText(sortSamples(all.samples)),
    'changelog.json': jsonText(changelog),
    'structures.json': jsonText(all.structures),
    'source.json': jsonText({ ...source, versions, stable, preview: groups.preview ?? null }),
  };
  fs.mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(out, name), text);
  // The packages' type tests of the docs' request samples follow the samples (only for the real spec/).
  if (out === path.join(root, 'spec')) {
    for (const [file, text] of sampleTypeTests(sortSamples(all.samples), stable)) fs.writeFileSync(file, text);
  }
  const invalid = all.samples.filter((s) => s.invalid !== undefined);
  console.log(
    `spec-update: docs ${commit.slice(0, 8)}, versions ${versions.join(', ')}: ${all.methods.length} methods, ` +
      `${all.pushes.length} pushes, ${all.webhooks.length} webhooks, ${all.samples.length} samples ` +
      `(${invalid.length} not JSON in the docs, ${invalid.filter((s) => s.repair).length} of them repaired)`,
  );
}

/**
 * Every version's entries (the later ones marked with their change against `stable`), the docs'
 * changelog items of the later versions, and the migration guide of each newer one (by file name).
 */
function readVersions(docs, versions, stable, commit) {
  const base = readVersion(docs, stable, stable);
  const all = {
    samples: [...base.samples],
    methods: [...base.methods],
    pushes: [...base.pushes],
    webhooks: [...base.webhooks],
    structures: [...base.structures],
  };
  const guides = {};
  const changelog = [];
  for (const version of versions.filter((v) => v !== stable)) {
    const later = readVersion(docs, version, stable);
    const methods = withChanges(base.methods, later.methods, version);
    const pushes = withChanges(base.pushes, later.pushes, version, (p) => `${p.api}.${p.name}`, payloadDifferences);
    const webhooks = withChanges(base.webhooks, later.webhooks, version, (w) => w.action, payloadDifferences);
    const names = namesByApi(methods, pushes);
    const items = markRepeats(changelogOf(docs, version, names), changelogOf(docs, stable, names));
    changelog.push(...items);
    markChangelog(methods, (m) => [m.api, m.method], items);
    markChangelog(pushes, (p) => [p.api, p.name], items);
    all.samples.push(...later.samples);
    all.methods.push(...methods);
    all.pushes.push(...pushes);
    all.webhooks.push(...webhooks);
    all.structures.push(...later.structures);
    const samples = sampleDifferences(sortSamples(base.samples), sortSamples(later.samples));
    // A migration guide only leads forward (an older version's entries still carry `change`).
    if (newer(version, stable))
      guides[`CHANGES-${version}.md`] = migrationMarkdown({
        stable,
        version,
        commit,
        methods,
        pushes,
        webhooks,
        changelog: items,
        samples,
        structures: structureDifferences(base.structures, later.structures, later.samples),
      });
  }
  return { all, changelog, guides };
}

/** Whether version `a` (`3.7`) comes after `b` (`3.6`). */
const newer = (a, b) => a.localeCompare(b, 'en', { numeric: true }) > 0;

/** Adds `changelog: [<source>]` to each entry a changelog item names (the docs' own word on it). */
function markChangelog(entries, nameOf, items) {
  for (const entry of entries) {
    const [api, name] = nameOf(entry);
    const refs = items.filter((c) => c.api === api && c.mentions.includes(name)).map((c) => c.source);
    if (refs.length) entry.changelog = refs;
  }
}

/** `{ api: [{ name, title }] }` for resolving changelog mentions (webhook-free: changelogs name pushes). */
function namesByApi(methods, pushes) {
  const out = {};
  for (const m of methods) (out[m.api] ??= []).push({ name: m.method, title: m.title });
  for (const p of pushes) (out[p.api] ??= []).push({ name: p.name, title: p.name });
  return out;
}

main();
