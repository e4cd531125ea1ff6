#!/usr/bin/env node
// Writes every generated file from spec/ (the one generator; the modules under scripts/gen/ each
// render one kind of file):
//
//   node scripts/generate.mjs          write them
//   node scripts/generate.mjs --check  exit 1 when one is stale or a generated directory holds a file
//                                      the generator no longer writes (CI: scripts/checks.mjs)
//
// Output:
//   packages/<api>/src/generated/requests.ts  request types per method (scripts/gen/requests.mjs)
//   packages/<api>/src/generated/methods.ts   typed methods per transport (scripts/gen/methods.mjs)
//   packages/<api>/src/generated/wire.ts      wire facts per action and version (scripts/gen/wire.mjs)
//   packages/<api>/src/generated/responses.ts, pushes.ts  a Chat API's response and push maps
//                                             (scripts/gen/chat-types.mjs)
//   packages/testing/src/spec-data.ts         the simulator's spec data (scripts/gen/simulator.mjs)
//   packages/webhooks/test/spec-webhooks.generated.ts  webhook field lists (scripts/gen/webhooks.mjs)
//   spec/NOTES.md                             extraction notes, out of the public TSDoc (scripts/gen/notes.mjs)
//   packages/cli/src/generated/*              lc's action tables per API and version (scripts/gen/cli-tables.mjs)
//   README.md (between its markers)           the 3.6 → 3.7 migration table (scripts/gen/migration.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import config from './generate.config.mjs';
import { cliTables } from './gen/cli-tables.mjs';
import { renderPushes, renderResponses } from './gen/chat-types.mjs';
import { renderMethods } from './gen/methods.mjs';
import { renderReadme } from './gen/migration.mjs';
import { renderNotes } from './gen/notes.mjs';
import { renderRequests } from './gen/requests.mjs';
import { renderSimulatorSpec } from './gen/simulator.mjs';
import { root, spec } from './gen/spec.mjs';
import { renderWebhookFields } from './gen/webhooks.mjs';
import { renderWire } from './gen/wire.mjs';

/** Every generated file as [absolute path, text]. */
export function outputs() {
  const files = [];
  for (const api of Object.keys(config)) {
    const dir = path.join(root, 'packages', config[api].pkg, 'src/generated');
    files.push([path.join(dir, 'requests.ts'), renderRequests(api)]);
    files.push([path.join(dir, 'methods.ts'), renderMethods(api)]);
    files.push([path.join(dir, 'wire.ts'), renderWire(api)]);
    if (config[api].chat) {
      files.push([path.join(dir, 'responses.ts'), renderResponses(api)]);
      files.push([path.join(dir, 'pushes.ts'), renderPushes(api)]);
    }
    // A later API version's own entry (`@lc/<pkg>/v3.7`): its request types and methods in src/generated/v<x.y>/.
    for (const version of Object.keys(config[api].versions ?? {})) {
      const sub = path.join(dir, `v${version}`);
      files.push([path.join(sub, 'requests.ts'), renderRequests(api, version, '../../types/index.js')]);
      files.push([path.join(sub, 'methods.ts'), renderMethods(api, version)]);
    }
  }
  files.push([path.join(root, 'packages/testing/src/spec-data.ts'), renderSimulatorSpec()]);
  files.push([path.join(root, 'packages/webhooks/test/spec-webhooks.generated.ts'), renderWebhookFields()]);
  files.push([path.join(root, 'spec/NOTES.md'), renderNotes()]);
  for (const [file, text] of Object.entries(cliTables(spec))) files.push([path.join(root, file), text]);
  // The README's 3.6 → 3.7 migration table, between its markers.
  files.push([path.join(root, 'README.md'), renderReadme('3.7')]);
  return files;
}

/** Files in a `src/generated` directory that the generator does not write (left over from an older one). */
function orphans(files) {
  const written = new Set(files.map(([file]) => file));
  const dirs = new Set(files.map(([file]) => path.dirname(file)).filter((dir) => dir.endsWith('/src/generated')));
  return [...dirs].flatMap((dir) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .map((name) => path.join(dir, name))
          // A version's directory (`v3.7/`) holds written files: not an orphan.
          .filter((f) => !written.has(f) && ![...written].some((w) => w.startsWith(`${f}${path.sep}`)))
      : [],
  );
}

function main() {
  const check = process.argv.includes('--check');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const files = outputs().filter(([file]) => !only || path.relative(root, file).includes(only));
  let stale = 0;
  for (const [file, text] of files) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === text) continue;
    if (check) {
      console.error(`stale: ${path.relative(root, file)} (run \`pnpm generate\`)`);
      stale++;
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  for (const file of only ? [] : orphans(files)) {
    console.error(`not generated any more: ${path.relative(root, file)} (delete it)`);
    stale++;
  }
  if (stale) process.exit(1);
  if (check) console.log(`${files.length} generated files are up to date`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
