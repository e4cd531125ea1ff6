// @ts-check
// The repository's demo (`pnpm demo` at the root): the local simulator, the auto-reply agent
// (examples/agent-bot, on an agent account: bots cannot log in over RTM on the platform) and a customer
// (examples/customer-node) chat; the conversation is printed as it happens. Halfway through, the
// simulator cuts the agent's connection: it reconnects, logs in again and answers the message it
// missed. Exits 0 when every message got its reply.
//
//   node src/demo.mjs                 the conversation, then exit
//   node src/demo.mjs --serve         keep running and serve the customer widget page (examples/customer-widget)
//   options: --port <n> (page port with --serve), --pause <ms> (between customer messages, default 400)
import { simulatorAccount, startBot } from '@lc-examples/agent-bot';
import { startCustomer } from '@lc-examples/customer-node';
import { startWidgetServer } from '@lc-examples/customer-widget';
import { customerTokenFromAgent } from '@lc/customer';
import { startSimulator } from '@lc/testing';

const args = process.argv.slice(2);
/** @param {string} name @param {number} fallback */
const numberArg = (name, fallback) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const serve = args.includes('--serve');
const pause = numberArg('--pause', 400);

const color = process.stdout.isTTY && !process.env.NO_COLOR;
/** @param {string} code @param {string} text */
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const time = () => paint('2', new Date().toISOString().slice(11, 23));
/** @param {string} who @param {string} text */
const note = (who, text) => console.log(`${time()}  ${paint('2', `[${who}]`.padEnd(12))} ${paint('2', text)}`);
/** @param {import('@lc-examples/customer-node').ChatMessage} m */
const said = (m) =>
  console.log(`${time()}  ${paint(m.from === 'customer' ? '36;1' : '33;1', m.author.padEnd(12))} › ${m.text}`);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

console.log(
  paint(
    '1',
    '\nLiveChat SDK demo: an auto-reply agent account and a customer chat over RTM, on the local simulator (@lc/testing).\n',
  ),
);

const sim = await startSimulator({ port: 0 });
note('simulator', `listening on ${sim.url}, organization ${sim.organizationId}`);

const bot = await startBot({
  tokenGetter: await simulatorAccount(sim),
  apiUrl: sim.wsUrl,
  log: (line) => note('bot', line),
});

if (serve) {
  const port = numberArg('--port', 0);
  const server = await startWidgetServer({
    config: {
      organizationId: sim.organizationId,
      clientId: sim.clientId,
      apiUrl: sim.wsUrl,
      accountsUrl: sim.accountsUrl,
    },
    port,
  });
  console.log(
    `\n  Customer chat widget: ${paint('1;4', server.url)}\n  Open it in a browser and chat with ${bot.name}. Ctrl+C stops.\n`,
  );
  const stop = async () => {
    await server.close();
    await bot.close();
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  await conversation();
}

async function conversation() {
  // Nothing may hang the demo: give up after 20 s.
  const watchdog = setTimeout(() => {
    console.error('demo: no progress for 20 s, giving up');
    process.exit(1);
  }, 20_000);
  watchdog.unref();

  const customer = await startDemoCustomer();

  let reconnects = 0;
  bot.rtm.onEvent('ready', ({ reconnected }) => {
    if (reconnected) reconnects++;
  });

  let ok = false;
  try {
    await sleep(pause);
    await customer.say('Hello!');
    await sleep(pause);
    await customer.say('What are your opening hours?');
    await sleep(pause);

    note('simulator', "drops the bot's connection (no closing handshake, as when a network fails)");
    sim.dropSockets({ api: 'agent' });
    await customer.say('How much does it cost?');
    await sleep(pause);
    await customer.say('Thanks, bye!');
    ok = reconnects === 1;
    if (!ok) console.error(`demo: expected one reconnect of the bot, saw ${reconnects}`);
  } catch (error) {
    console.error(`demo failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  } finally {
    await customer.close();
    await bot.close();
    await sim.close();
    clearTimeout(watchdog);
  }
  printOutcome(ok, customer, reconnects);
  process.exitCode = ok ? 0 : 1;
}

/** The customer of the demo, logged in with a token from the simulator's accounts endpoint. */
async function startDemoCustomer() {
  const agent = sim.agents[0];
  if (!agent) throw new Error('the simulator has no agent');
  const customer = await startCustomer({
    // A customer token from the simulator's accounts endpoint (the agent_token grant), as a backend would get one.
    tokenGetter: customerTokenFromAgent({
      clientId: sim.clientId,
      agentToken: agent.accessToken,
      accountsUrl: sim.accountsUrl,
    }),
    apiUrl: sim.wsUrl,
    onMessage: said,
    log: (line) => note('customer', line),
  });
  note('customer', `logged in as ${customer.customerId}`);
  return customer;
}

/**
 * The last lines: what happened, and where to go next after a success.
 * @param {boolean} ok
 * @param {import('@lc-examples/customer-node').CustomerChat} customer
 * @param {number} reconnects
 */
function printOutcome(ok, customer, reconnects) {
  const transcript = customer.transcript();
  console.log(
    paint(
      '1',
      `\n${ok ? 'Done' : 'FAILED'}: ${transcript.length} messages in chat ${customer.chatId()}, ${bot.replies()} bot replies, ${reconnects} reconnect.`,
    ),
  );
  if (ok) {
    console.log('Next: `pnpm demo --serve` serves a customer chat widget page to try in a browser, and');
    console.log('`lc simulator` puts the whole API in your terminal (the `lc` CLI: README, "From the terminal").\n');
  }
}
