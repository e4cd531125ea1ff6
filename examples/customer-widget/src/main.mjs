// @ts-check
// Serves the customer chat widget page until Ctrl+C.
//
//   node src/main.mjs [--port 8080]
//     No credentials: starts the local simulator and the agent bot (examples/agent-bot) in this
//     process; the page gets its customer token from the simulator's accounts endpoint (cookie grant).
//   LC_CLIENT_ID=... LC_ORGANIZATION_ID=... node src/main.mjs --port 8080
//     Against the real platform: the page uses the cookie grant of your app (its redirect URIs must
//     allow the page's origin). LC_API_URL / LC_ACCOUNTS_URL override the platform's URLs.
import { simulatorAccount, startBot } from '@lc-examples/agent-bot';
import { startSimulator } from '@lc/testing';
import { startWidgetServer } from './server.mjs';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 0));
/** @param {string} line */
const log = (line) => console.log(`${new Date().toISOString().slice(11, 23)}  ${line}`);

const env = process.env;
const real = Boolean(env.LC_CLIENT_ID);
const sim = real ? undefined : await startSimulator({ port: 0 });
const bot = sim
  ? await startBot({
      tokenGetter: await simulatorAccount(sim),
      apiUrl: sim.wsUrl,
      log: (line) => log(`[bot] ${line}`),
    })
  : undefined;

/** @type {import('./widget.mjs').WidgetConfig} */
const config = sim
  ? { organizationId: sim.organizationId, clientId: sim.clientId, apiUrl: sim.wsUrl, accountsUrl: sim.accountsUrl }
  : {
      organizationId: env.LC_ORGANIZATION_ID ?? '',
      clientId: env.LC_CLIENT_ID ?? '',
      ...(env.LC_API_URL ? { apiUrl: env.LC_API_URL.replace(/^http/, 'ws') } : {}),
      ...(env.LC_ACCOUNTS_URL ? { accountsUrl: env.LC_ACCOUNTS_URL } : {}),
    };
if (!config.organizationId) {
  console.error('LC_ORGANIZATION_ID is required with LC_CLIENT_ID');
  process.exit(2);
}

const server = await startWidgetServer({ config, port, host: env.HOST ?? '127.0.0.1' });
console.log(`\nCustomer chat widget: ${server.url}  (open it in a browser; Ctrl+C stops)\n`);

const stop = async () => {
  await server.close();
  await bot?.close();
  await sim?.close();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
