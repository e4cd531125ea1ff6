#!/usr/bin/env node
// lc-simulator: runs the LiveChat platform simulator until SIGINT/SIGTERM and prints what to connect to.
import { parseArgs } from 'node:util';
import type { SimulatorOptions } from './options.js';
import { startSimulator } from './simulator.js';
import type { SimulatorInfo } from './simulator-types.js';

const HELP = `Usage: lc-simulator [options]

Runs a local LiveChat platform simulator (Agent/Customer Chat Web + RTM, Configuration,
Reports, accounts endpoints) and prints the URLs, ids and tokens to connect with.

Options:
  -p, --port <n>            port to listen on (default 8080; 0 picks a free one)
      --host <addr>         interface to listen on (default 127.0.0.1)
      --json                print the connection info as one JSON line
      --login-timeout <ms>  close sockets that do not log in within this time (default 30000)
      --idle-timeout <ms>   close logged-in sockets idle for this time (default 30000)
      --request-delay <ms>  processing time of every request (default 0)
  -v, --verbose             log requests, sockets and webhooks to stderr
  -h, --help                show this help
`;

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`lc-simulator: --${name} must be a non-negative number\n`);
    process.exit(2);
  }
  return n;
}

function human(info: SimulatorInfo): string {
  const lines = [
    `LiveChat simulator listening on ${info.url}`,
    '',
    `  Web API         ${info.url}/v3.6/<agent|customer|configuration>/action/<action>`,
    `  RTM API         ${info.wsUrl}/v3.6/<agent|customer>/rtm/ws?organization_id=${info.organizationId}`,
    `  Accounts        ${info.accountsUrl}/v2/...`,
    `  organization    ${info.organizationId}   (license ${info.licenseId})`,
    `  OAuth client    ${info.clientId}`,
    '',
  ];
  for (const a of info.agents) {
    lines.push(
      `  agent ${a.id} (${a.role})`,
      `    access token  ${a.accessToken}`,
      `    PAT           account ${a.accountId}  token ${a.pat}`,
    );
  }
  lines.push(
    `  bot ${info.bot.name} ${info.bot.id} (Web API only: bots cannot log in over RTM)`,
    `    access token  ${info.bot.accessToken}`,
  );
  lines.push(
    `  customer ${info.customer.id}`,
    `    access token  ${info.customer.accessToken}`,
    '',
    'These credentials only work against this simulator. Ctrl+C stops it.',
    '',
  );
  return lines.join('\n');
}

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  json: { type: 'boolean' },
  'login-timeout': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'request-delay': { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The parsed command line; a bad flag prints the usage and exits 2. */
function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (err) {
    process.stderr.write(`lc-simulator: ${err instanceof Error ? err.message : String(err)}\n\n${HELP}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = parseOptions();
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const options: SimulatorOptions = {
    port: numberOption('port', values.port) ?? 8080,
    host: values.host,
    loginTimeout: numberOption('login-timeout', values['login-timeout']),
    idleTimeout: numberOption('idle-timeout', values['idle-timeout']),
    requestDelay: numberOption('request-delay', values['request-delay']),
    logger: values.verbose ? (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`) : undefined,
  };
  // Handlers first: a signal that arrives before them would kill the process with the default action.
  let stopping = false;
  let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (!values.json) process.stderr.write(`\n${signal}: stopping\n`);
    void (sim?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  sim = await startSimulator(options);
  if (stopping) {
    await sim.close();
    process.exit(0);
  }
  process.stdout.write(values.json ? `${JSON.stringify(sim.info())}\n` : human(sim.info()));
}

main().catch((err: unknown) => {
  const code = (err as { code?: string }).code;
  process.stderr.write(
    `lc-simulator: ${code === 'EADDRINUSE' ? 'the port is already in use' : err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
