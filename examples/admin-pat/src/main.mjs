// @ts-check
// Runs the admin script once and exits.
//
//   node src/main.mjs [--tag vip]
//     No credentials: starts the local simulator in this process (with one chat, so the report has
//     something to count) and uses its first agent's PAT.
//   LC_ACCOUNT_ID=... LC_PAT=... node src/main.mjs --tag vip
//     Against the real platform (creates the tag on your license if it is missing).
//     LC_API_URL / LC_ACCOUNTS_URL override the platform's URLs.
import { startSimulator } from '@lc/testing';
import { runAdmin } from './admin.mjs';

const args = process.argv.slice(2);
const tagArg = args.indexOf('--tag');
const tag = tagArg >= 0 ? args[tagArg + 1] : undefined;

const env = process.env;
const sim = env.LC_PAT ? undefined : await startSimulator({ port: 0 });
if (sim) {
  // Something for the report: a customer starts a chat.
  await fetch(`${sim.url}/v3.6/customer/action/start_chat?organization_id=${sim.organizationId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.customer.accessToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
}
const agent = sim?.agents[0];

try {
  await runAdmin({
    accountId: agent ? agent.accountId : (env.LC_ACCOUNT_ID ?? ''),
    pat: agent ? agent.pat : (env.LC_PAT ?? ''),
    ...(sim ? { apiUrl: sim.url, accountsUrl: sim.accountsUrl } : {}),
    ...(!sim && env.LC_API_URL ? { apiUrl: env.LC_API_URL } : {}),
    ...(!sim && env.LC_ACCOUNTS_URL ? { accountsUrl: env.LC_ACCOUNTS_URL } : {}),
    ...(tag ? { tag } : {}),
    log: (line) => console.log(line),
  });
} catch (error) {
  // SDK errors never carry the PAT, so they are safe to print.
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await sim?.close();
}
