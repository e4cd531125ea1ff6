#!/usr/bin/env node
// Cold start of the `lc` binary: `lc --help` (no action table) and `lc agent list_chats` against the
// simulator (one table, the Agent client, one request), next to a bare `node -e 0`. Each is run
// `RUNS` times in turn; printed: the median CPU time (user + system, from /usr/bin/time: what the
// process itself costs, steadier than wall time on a shared machine) and the median and best wall
// time. Needs a build: `pnpm --filter @lc/cli... build`.
//
//   node bench/cli-startup.mjs            RUNS=21 node bench/cli-startup.mjs
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../packages/testing/dist/index.js';

const LC = fileURLToPath(new URL('../packages/cli/dist/cli.js', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 11);

/** One run under /usr/bin/time: wall and CPU milliseconds. */
function measure(args, env) {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S', process.execPath, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      const [wall, user, system] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
      resolve({ wall: wall * 1000, cpu: (user + system) * 1000 });
    });
  });
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

const sim = await startSimulator({ port: 0 });
const env = {
  ...process.env,
  LC_API_URL: sim.url,
  LC_TOKEN: sim.agents[0].accessToken,
  LC_ORGANIZATION_ID: sim.organizationId,
};
const cases = {
  'node -e 0': ['-e', '0'],
  'lc --help': [LC, '--help'],
  'lc agent list_chats': [LC, 'agent', 'list_chats'],
};
const results = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
try {
  for (let i = 0; i < RUNS; i++)
    for (const [name, args] of Object.entries(cases)) results[name].push(await measure(args, env));
} finally {
  await sim.close();
}
for (const [name, runs] of Object.entries(results)) {
  const cpu = median(runs.map((r) => r.cpu));
  const wall = median(runs.map((r) => r.wall));
  const best = Math.min(...runs.map((r) => r.wall));
  console.log(
    `${name.padEnd(20)} cpu ${cpu.toFixed(0)} ms   wall median ${wall.toFixed(0)} ms, best ${best.toFixed(0)} ms`,
  );
}
