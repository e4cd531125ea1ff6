import type { SimulatorInfo } from '@lc/testing';
import { parseCommand } from '../args.js';
import { UsageError } from '../errors.js';
import type { GlobalFlags } from '../globals.js';
import { writeErr, writeOut } from '../output.js';
import { untilStopped } from '../stop.js';

const HELP = `Usage: lc simulator [--port <n>] [--host <addr>]

Runs the local LiveChat platform simulator (@lc/testing) until Ctrl+C and prints the environment
to point \`lc\` at it, as \`export\` lines to paste into another terminal. The tokens are the
simulator's own fake ones: they only work against this run and are not secrets.
  --port <n>    port to listen on (default 8080; 0 picks a free one)
  --host <addr> interface to listen on (default 127.0.0.1)
`;

/** The `export` lines for `lc` against this simulator run (its fake, per-run credentials). */
export function exportsOf(info: SimulatorInfo): string {
  const [agent] = info.agents;
  return [
    `# LiveChat simulator on ${info.url}; Ctrl+C stops it.`,
    '# Fake credentials of this run (not secrets: they only work against this simulator). Paste into another terminal:',
    `export LC_API_URL=${info.url}`,
    `export LC_ORGANIZATION_ID=${info.organizationId}`,
    ...(agent ? [`export LC_TOKEN=${agent.accessToken}`] : []),
    `export LC_CUSTOMER_TOKEN=${info.customer.accessToken}`,
    ...(agent
      ? [
          `# Or the Web APIs with ${agent.name}'s Personal Access Token (unset LC_TOKEN; RTM needs a Bearer token):`,
          `#   export LC_ACCOUNT_ID=${agent.accountId} LC_PAT=${agent.pat}`,
        ]
      : []),
    '# Then: lc configuration list_agents; lc agent list_chats --paginate; lc rtm agent',
    '',
  ].join('\n');
}

/** `lc simulator`: the simulator of `@lc/testing`, until Ctrl+C (then closed, exit 0). */
export async function run(args: string[], flags: GlobalFlags): Promise<void> {
  const { values } = parseCommand(
    { args, options: { port: { type: 'string' }, host: { type: 'string' } } },
    'lc simulator --help',
  );
  if (flags.help) return writeOut(HELP);
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be 0–65535', 'lc simulator --help');
  const stopped = untilStopped();
  const { startSimulator } = await import('@lc/testing');
  const options: { port: number; host?: string } = { port };
  if (values.host) options.host = values.host;
  const simulator = await startSimulator(options).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new UsageError(
      `port ${port} is in use: pick another with --port (0 picks a free one)`,
      'lc simulator --help',
    );
  });
  writeOut(exportsOf(simulator.info()));
  const signal = await stopped;
  writeErr(`\n${signal}: stopping the simulator\n`);
  await simulator.close();
}
