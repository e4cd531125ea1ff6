#!/usr/bin/env node
// Repository checks that run after build/lint/typecheck/test (`pnpm test` runs them last):
// generated files are current, every documented method/push/type exists, bundle budgets hold.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const steps = [
  ['generated files are current', ['scripts/generate.mjs', '--check']],
  ['spec-update reads the docs as documented', ['scripts/spec-update/test/spec-update.test.mjs']],
  ['docs sample type tests are current', ['scripts/spec-update/sample-type-tests.mjs', '--check']],
  ['every documented method is implemented', ['scripts/check-complete.mjs']],
  ['every documented response and push is typed', ['scripts/check-types-complete.mjs']],
  ["every @see points to its own API's docs", ['scripts/check-see-links.mjs']],
  ['majors follow the API line', ['scripts/release/check-majors.mjs']],
  ['bundle budgets', ['scripts/bundle-budgets.mjs']],
];
let failed = 0;
for (const [title, args] of steps) {
  if (!fs.existsSync(path.join(root, args[0]))) {
    console.error(`✗ ${title}: ${args[0]} is missing`);
    failed++;
    continue;
  }
  console.log(`\n== ${title} (node ${args.join(' ')})`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${title} failed`);
    failed++;
  }
}
console.log(`\nchecks: ${steps.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
