// @ts-check
// Runs the agent bot until Ctrl+C.
//
//   node src/main.mjs
//     No credentials: starts the local simulator in this process, runs the bot on an agent account
//     made there (simulatorAccount), and prints what a customer needs to chat with it (see examples/customer-node).
//   LC_AGENT_TOKEN=... LC_ORGANIZATION_ID=... node src/main.mjs
//     Against the real platform, with an agent's OAuth access token (LC_API_URL overrides the
//     API base URL, default https://api.livechatinc.com).
import { startSimulator } from '@lc/testing';
import { simulatorAccount, startBot } from './bot.mjs';

/** @param {string} line */
const log = (line) => console.log(`${new Date().toISOString().slice(11, 23)}  [bot] ${line}`);

const token = process.env.LC_AGENT_TOKEN;
const organizationId = token ? requireEnv('LC_ORGANIZATION_ID') : '';
const sim = token ? undefined : await startSimulator({ port: Number(process.env.LC_SIMULATOR_PORT ?? 0) });

/** @type {import('@lc/core').TokenGetter} */
const tokenGetter = sim
  ? await simulatorAccount(sim)
  : () => ({ accessToken: /** @type {string} */ (token), organizationID: organizationId, tokenType: 'Bearer' });
const apiUrl = sim ? sim.wsUrl : toWs(process.env.LC_API_URL ?? 'https://api.livechatinc.com');

const bot = await startBot({ tokenGetter, apiUrl, log });

if (sim) {
  console.log(`
Simulator running at ${sim.url} (organization ${sim.organizationId}).
Chat with the bot as a customer, from another terminal:

  LC_API_URL=${sim.url} LC_ORGANIZATION_ID=${sim.organizationId} LC_CUSTOMER_TOKEN=${sim.customer.accessToken} \\
    pnpm --filter @lc-examples/customer-node start "Hello" "What are your opening hours?"

Ctrl+C stops.`);
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await bot.close();
  await sim?.close();
  log(`stopped after ${bot.replies()} replies`);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

/** @param {string} name */
function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required with LC_AGENT_TOKEN`);
    process.exit(2);
  }
  return value;
}

/** `https://host` → `wss://host` (the RTM API lives on the same host as the Web API). */
function toWs(/** @type {string} */ url) {
  return url.replace(/^http/, 'ws');
}
