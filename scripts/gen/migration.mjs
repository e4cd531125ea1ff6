// The README's 3.6 → 3.7 migration table, generated from the spec rows of the later version
// (`change` and `changes` in spec/methods.json, the pushes' `change` in spec/pushes-webhooks.json)
// and from which packages have a typed entry for it (`exports["./v3.7"]` in their package.json).
// scripts/generate.mjs writes it between the README's markers.
import fs from 'node:fs';
import path from 'node:path';
import { APIS, camel, pushesWebhooks, root, STABLE, spec, versionsOf } from './spec.mjs';

const changelog = JSON.parse(fs.readFileSync(path.join(root, 'spec/changelog.json'), 'utf8'));
const code = (s) => `\`${s}\``;
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The marker pair around the generated table of `version` in README.md. */
export const markers = (version) => [
  `<!-- generated:migration-${version} (scripts/gen/migration.mjs; run \`pnpm generate\`) -->`,
  `<!-- /generated:migration-${version} -->`,
];

/** Whether `@lc/<pkg>` has a typed entry for `version`. */
function typedEntry(api, version) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'packages', api, 'package.json'), 'utf8'));
  return Boolean(pkg.exports?.[`./v${version}`]);
}

/** Whether the entry of `version` has an RTM client (an entry may come with its Web client first). */
function entryHasRTM(api, version) {
  const file = path.join(root, 'packages', api, 'src', `v${version}.ts`);
  return fs.existsSync(file) && /export class \w+RTM\b/.test(fs.readFileSync(file, 'utf8'));
}

/** What a caller writes at `version`: the typed method on the entry, or the untyped call. */
function howTo(api, version, m) {
  const action = m.method;
  if (m.change === 'removed') return `removed: the ${version} API refuses it`;
  const typed = typedEntry(api, version) && (m.transports.includes('web') || entryHasRTM(api, version));
  if (typed) return `${code(`@lc/${api}/v${version}`)}: ${code(`${camel(action)}()`)}`;
  return `${code(`call('${action}', payload, { apiVersion: '${version}' })`)} (untyped: no typed ${code(`/v${version}`)} client for it yet)`;
}

/** A changed action: the docs' changelog sentence where it has one (links dropped), else the spec's diff. */
function changedText(m) {
  const items = changelog.filter((c) => (m.changelog ?? []).includes(c.source));
  if (!items.length) return m.changes.join('; ');
  return items.map((c) => c.text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')).join(' ');
}

/**
 * What the row of an entry the changelog names says when its tables and samples match the stable
 * version's: the changelog's words, and that the stable docs say the same (so nothing to migrate).
 */
function unchangedText(entry) {
  const items = changelog.filter((c) => (entry.changelog ?? []).includes(c.source));
  const words = items.map((c) => c.text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')).join(' ');
  const repeated = items.some((c) => c.also_in);
  return `unchanged: ${words} ${repeated ? `The ${STABLE} changelog says the same` : `Its ${STABLE} tables and samples are the same`}; nothing to migrate.`;
}

/** Whether a row belongs in the table: a difference, or an unchanged entry the changelog names. */
const listed = (r) => r.change && r.change !== 'changelog_only' && (r.change !== 'unchanged' || r.changelog);

/** The rows of one API: its changed, new and removed actions, then its new or changed pushes. */
function rows(api, version) {
  const out = [];
  for (const m of spec.filter((r) => r.api === api && r.version === version && listed(r))) {
    const what =
      m.change === 'changed'
        ? changedText(m)
        : m.change === 'unchanged'
          ? unchangedText(m)
          : m.change === 'new'
            ? 'new'
            : 'removed';
    out.push(`| ${api} | ${code(m.method)} | ${cell(what)} | ${howTo(api, version, m)} |`);
  }
  for (const p of pushesWebhooks.pushes.filter((r) => r.api === api && r.version === version && listed(r))) {
    const what =
      p.change === 'changed' ? (p.changes ?? []).join('; ') : p.change === 'unchanged' ? unchangedText(p) : p.change;
    const typed = entryHasRTM(api, version) ? `${code(`@lc/${api}/v${version}`)}: ${code(`on('${p.name}')`)}` : '—';
    out.push(`| ${api} | push ${code(p.name)} | ${cell(what)} | ${typed} |`);
  }
  return out;
}

/** The Markdown table of every later version's differences (today: 3.7). */
export function renderMigration(version) {
  const lines = [
    `| API | Action | ${STABLE} → ${version} | In code |`,
    '| --- | --- | --- | --- |',
    ...APIS.filter((api) => versionsOf(api).includes(version)).flatMap((api) => rows(api, version)),
  ];
  return `${lines.join('\n')}\n`;
}

/** README.md with the generated table of `version` between its markers (unchanged when they are missing). */
export function renderReadme(version) {
  const file = path.join(root, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const [open, close] = markers(version);
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README.md: the markers of the ${version} migration table are missing`);
  return `${text.slice(0, start + open.length)}\n${renderMigration(version)}${text.slice(end)}`;
}
