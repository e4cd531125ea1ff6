// @ts-check
// A customer chat from the command line: starts a chat, sends each argument as a message and prints
// the replies, then exits.
//
//   node src/main.mjs "Hello" "What are your opening hours?"
//     No credentials: starts the local simulator and the agent bot (examples/agent-bot) in this
//     process; the customer token comes from the simulator's accounts endpoint (agent_token grant).
//   LC_CLIENT_ID=... LC_AGENT_TOKEN=... LC_ORGANIZATION_ID=... node src/main.mjs "Hello"
//     Against the real platform: a customer token through the agent_token grant
//     (LC_ACCOUNTS_URL overrides https://accounts.livechat.com).
//   LC_CUSTOMER_TOKEN=... LC_ORGANIZATION_ID=... node src/main.mjs "Hello"
//     With a customer token you already have (LC_API_URL overrides https://api.livechatinc.com,
//     e.g. the URL of a running simulator).
import { simulatorAccount, startBot } from '@lc-examples/agent-bot';
import { customerTokenFromAgent } from '@lc/customer';
import { startSimulator } from '@lc/testing';
import { startCustomer } from './customer.mjs';

const texts = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (texts.length === 0) texts.push('Hello!', 'What are your opening hours?', 'Thanks, bye!');

/** @param {string} line */
const log = (line) => console.log(`${new Date().toISOString().slice(11, 23)}  ${line}`);

const env = process.env;
const real = Boolean(env.LC_CUSTOMER_TOKEN || env.LC_AGENT_TOKEN);
const sim = real ? undefined : await startSimulator({ port: 0 });
const bot = sim
  ? await startBot({
      tokenGetter: await simulatorAccount(sim),
      apiUrl: sim.wsUrl,
      log: (line) => log(`[bot] ${line}`),
    })
  : undefined;

/** @type {import('@lc/core').TokenGetter} */
let tokenGetter;
if (sim) {
  const agent = sim.agents[0];
  if (!agent) throw new Error('the simulator has no agent');
  tokenGetter = customerTokenFromAgent({
    clientId: sim.clientId,
    agentToken: agent.accessToken,
    accountsUrl: sim.accountsUrl,
  });
} else if (env.LC_CUSTOMER_TOKEN) {
  const token = env.LC_CUSTOMER_TOKEN;
  const organizationID = requireEnv('LC_ORGANIZATION_ID');
  tokenGetter = () => ({ accessToken: token, organizationID, tokenType: 'Bearer' });
} else {
  tokenGetter = customerTokenFromAgent({
    clientId: requireEnv('LC_CLIENT_ID'),
    agentToken: requireEnv('LC_AGENT_TOKEN'),
    organizationId: requireEnv('LC_ORGANIZATION_ID'),
    ...(env.LC_ACCOUNTS_URL ? { accountsUrl: env.LC_ACCOUNTS_URL } : {}),
  });
}

const customer = await startCustomer({
  tokenGetter,
  apiUrl: sim ? sim.wsUrl : (env.LC_API_URL ?? 'https://api.livechatinc.com').replace(/^http/, 'ws'),
  onMessage: (m) => log(`${m.author.padEnd(16)} › ${m.text}`),
  log: (line) => log(`[customer] ${line}`),
});

let failed = false;
try {
  for (const text of texts) await customer.say(text);
  log(`chat ${customer.chatId()}: ${customer.transcript().length} messages`);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
} finally {
  await customer.close();
  await bot?.close();
  await sim?.close();
}
process.exitCode = failed ? 1 : 0;

/** @param {string} name */
function requireEnv(name) {
  const value = env[name];
  if (!value) {
    console.error(`${name} is required (see the README of examples/customer-node)`);
    process.exit(2);
  }
  return value;
}
