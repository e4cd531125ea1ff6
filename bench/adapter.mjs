// Benchmark adapter for the @lc SDK (see /work/shared/bench/README.md, "Adding an adapter").
//
//   node check-adapter.mjs --adapter /abs/path/bench/adapter.mjs
//   ADAPTERS="raw raw-corked lc-sdk-js-4 /abs/path/bench/adapter.mjs" BENCHES="rtm push memory" LABEL=ours ./run-all.sh
//
// What it measures is what a user gets: the BUILT package (`pnpm --filter @lc/core build` first), loaded
// by its name so that Node's `node` export condition picks the entry a Node user gets, with the `ws`
// package injected as the WebSocket class (what the README tells Node 20 users to do).
//
// Choices, all of them options a user has:
//  * RTM goes through the typed clients a user constructs (`new AgentRTM(ws, getter)` /
//    `new CustomerRTM(ws, getter)`), and B's `sendEvent` is the typed `rtm.sendEvent({ chat_id, event })`.
//  * `requestTimeout: 1500`: the default is 15 s (the platform's own request timeout), but probe-bugs.mjs
//    looks for a settled promise after only 2 s. The timeout has no per-request cost (one timer per
//    client, not per request), so this does not change the other figures.
//  * Everything else is the default, including `maxPending: 10` (the platform's limit of pending requests
//    per socket): in B the client keeps 10 of the harness's 100 concurrent calls in flight and queues the rest.
//  * LC_BENCH_MAX_PENDING=100 (experiment only) lifts the cap to the harness's 100 concurrent calls, the
//    same concurrency raw/raw-corked use; the real platform answers the 11th pending request with
//    `pending_requests_limit_reached`, so no user should run like that.
//  * LC_BENCH_CORK=1 injects a `ws` subclass that coalesces the frames sent in one tick into one socket write
//    (cork/uncork on nextTick, like adapters/raw-corked.mjs). It reaches into ws's private `_socket`, which
//    the SDK itself never does; it is the recipe a Node user could copy, measured separately as `ours-corked`.
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORE_DIR = process.env.LC_CORE_DIR || path.join(ROOT, 'packages', 'core');
const coreRequire = createRequire(path.join(CORE_DIR, 'package.json'));
// Self-reference by package name: resolved through @lc/core's `exports` (the `node` + `require` entry).
coreRequire('@lc/core'); // fail early when the build is missing
const WS = coreRequire('ws');
const CORK = process.env.LC_BENCH_CORK === '1';
const REQUEST_TIMEOUT = 1500;
const MAX_PENDING = Number(process.env.LC_BENCH_MAX_PENDING) || undefined;

/** `ws` plus per-tick write coalescing (private `_socket`; what raw-corked does). Not used by the SDK. */
class CorkedWebSocket extends WS {
  #corked = false;
  #uncork = () => {
    this.#corked = false;
    this._socket?.uncork();
  };
  send(data, options, cb) {
    if (!this.#corked && this._socket) {
      this.#corked = true;
      this._socket.cork();
      process.nextTick(this.#uncork);
    }
    super.send(data, options, cb);
  }
}
const WebSocketClass = CORK ? CorkedWebSocket : WS;

function gitHead() {
  try {
    return execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '?';
  }
}
import { readFileSync } from 'node:fs';
const version = (name) => {
  const dir = name === '@lc/core' ? CORE_DIR : path.join(CORE_DIR, 'node_modules', name);
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
};

/** The typed RTM client class of `api` (AgentRTM / CustomerRTM), from the built package. */
function rtmClientClass(api) {
  const pkg = api === 'customer' ? 'customer' : 'agent';
  const dir = path.join(ROOT, 'packages', pkg);
  return createRequire(path.join(dir, 'package.json'))(`@lc/${pkg}`)[api === 'customer' ? 'CustomerRTM' : 'AgentRTM'];
}

/** The typed Web client class of `api`, from the built package (`pnpm build` first). */
const WEB_CLASSES = {
  agent: ['agent', 'AgentWeb'],
  customer: ['customer', 'CustomerWeb'],
  configuration: ['configuration', 'ConfigurationWeb'],
};
function webClientClass(api) {
  const [pkg, name] = WEB_CLASSES[api] ?? [];
  if (!pkg) throw new Error(`no Web client for api ${api}`);
  const dir = path.join(ROOT, 'packages', pkg);
  return createRequire(path.join(dir, 'package.json'))(`@lc/${pkg}`)[name];
}

export default {
  name: `ours${CORK ? '-corked' : ''}${MAX_PENDING ? `-maxPending${MAX_PENDING}` : ''}`,
  version: `@lc/core@${version('@lc/core')} (git ${gitHead()}), ws@${version('ws')} injected${CORK ? ' (corked per tick)' : ''}; Web over node:http directly (node entry, the fetch transport is not used)`,

  async connect({ host, api = 'agent', organizationId, token, region }) {
    const Client = rtmClientClass(api);
    const rtm = new Client(
      WebSocketClass,
      () => ({
        accessToken: token ?? 'bench-access-token',
        tokenType: 'Bearer',
        organizationID: organizationId,
        region,
      }),
      { apiUrl: `ws://${host}`, requestTimeout: REQUEST_TIMEOUT, ...(MAX_PENDING ? { maxPending: MAX_PENDING } : {}) },
    );
    await rtm.connect(); // resolves once the socket is open; login() logs in on it
    return {
      sdk: rtm,
      request: (action, payload) => rtm.call(action, payload),
      // The token comes from the token getter (the harness passes the same one to connect()).
      login: () => rtm.login(),
      sendEvent: (chatId, event) => rtm.sendEvent({ chat_id: chatId, event }),
      onPush: (action, cb) => rtm.on(action, cb),
      close: () => {
        void rtm.close();
      },
    };
  },

  // Web goes through the typed clients a user constructs (@lc/agent, @lc/customer, @lc/configuration),
  // loaded by package name from their own directories, so Node's `node` condition picks core's Node entry:
  // its default transport is node:http with a keep-alive pool (at most 32 connections per origin), no ky,
  // no fetch. Everything else is the default (token getter called per request, retries, 30 s timeout).
  web({ host, api = 'agent', token, organizationId, region, clientId }) {
    const tokenGetter = () => ({ accessToken: token, tokenType: 'Bearer', organizationID: organizationId, region });
    const Client = webClientClass(api);
    const web = new Client(tokenGetter, { apiUrl: `http://${host}`, clientId });
    return {
      sdk: web,
      webRequest: (action, payload) => web.call(action, payload),
      sendEvent: api === 'configuration' ? undefined : (chatId, event) => web.sendEvent({ chat_id: chatId, event }),
    };
  },

  // Browser bundles of the BUILT API packages (dist/index.js, ESM); each dist resolves `@lc/core` through
  // its own node_modules with the browser condition, as in a user's app. Every entry imports only the class
  // that kind of page needs, the way the READMEs tell users to.
  browser: {
    resolveDir: ROOT,
    entries: {
      'customer-rtm': `import { CustomerRTM } from './packages/customer/dist/index.js';
        const c = new CustomerRTM(WebSocket, () => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'org-id' }));
        c.login().then(() => {}, () => {}); window.__client = c;`,
      'agent-web': `import { AgentWeb } from './packages/agent/dist/index.js';
        window.__client = new AgentWeb(() => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'o', region: 'dal' }));`,
      configuration: `import { ConfigurationWeb } from './packages/configuration/dist/index.js';
        window.__client = new ConfigurationWeb(() => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'o', region: 'dal' }));`,
    },
  },

  // What a Node program loads before RTM + Web are usable: @lc/core (node entry) and ws.
  coldImport: { cwd: CORE_DIR, code: "require('@lc/core'); require('ws')" },
};
