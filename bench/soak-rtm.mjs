#!/usr/bin/env node
// Soak run of the RTM client (a script, not a test): one client through many requests while a local
// `ws` server drops the socket at random, sends disconnect pushes that reconnect, and the client
// swaps its token (`update_session`) now and then; every reconnect asks the getter for a new token.
// Checks that every request settles and that none reaches the server twice, and prints heap used
// and listener counts after a warm-up tenth of the requests and at the end (after GC).
//
//   pnpm --filter @lc/core build
//   node --expose-gc bench/soak-rtm.mjs [--requests 10000] [--concurrency 50] [--seed 1]
//
// Exit code 1 when a request did not settle or was sent twice.
import { createRequire } from 'node:module';
import { getEventListeners, setMaxListeners } from 'node:events';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromCore = createRequire(path.join(ROOT, 'packages/core/package.json'));
const WS = requireFromCore('ws');
const { WebSocketServer } = WS;
const { AGENT_SESSION_ENDS, callWithToken, createRTMClient } = await import(
  pathToFileURL(path.join(ROOT, 'packages/core/dist/index.node.js')).href
);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 10_000);
const CONCURRENCY = arg('concurrency', 50);
let seed = arg('seed', 1);
/** A small seeded generator (mulberry32), so that a run can be repeated. */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// ---- the server: answers like the platform, with chaos; records every request it receives
const seen = new Uint8Array(REQUESTS); // request n -> times received (bounded: the server shares the heap)
const chaos = { drops: 0, disconnects: 0, logins: 0 };
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
await new Promise((r) => wss.once('listening', r));
wss.on('connection', (ws) => {
  ws.on('error', () => {});
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    const reply = (payload) => ws.readyState === 1 && ws.send(JSON.stringify({ ...responseTo(frame), payload }));
    if (frame.action === 'ping') return ws.send('{"action":"ping","type":"response","success":true,"payload":{}}');
    if (frame.action === 'login') {
      chaos.logins++;
      return reply({});
    }
    if (frame.action === 'work') seen[frame.payload.n]++;
    const r = random();
    if (r < 0.002) {
      chaos.drops++;
      return ws.terminate();
    }
    if (r < 0.004) {
      chaos.disconnects++;
      const reason = random() < 0.5 ? 'connection_timeout' : 'access_token_expired';
      ws.send(JSON.stringify({ action: 'agent_disconnected', type: 'push', payload: { reason } }));
      return ws.close(1000, reason);
    }
    setTimeout(() => reply({ n: frame.payload.n }), random() * 3);
  });
});
const url = `ws://127.0.0.1:${wss.address().port}`;
/** The envelope of a successful answer to `frame`. */
function responseTo(frame) {
  return { request_id: frame.request_id, action: frame.action, type: 'response', success: true };
}

// ---- the client, with a WebSocket class that counts the sockets still open and their listeners
const open = new Set();
class CountedWS extends WS {
  constructor(...args) {
    super(...args);
    open.add(this);
    this.once('close', () => open.delete(this));
  }
}
let tokens = 0;
const client = createRTMClient(
  CountedWS,
  () => ({ accessToken: `soak-${++tokens}`, tokenType: 'Bearer', organizationID: 'o' }),
  {
    api: 'agent',
    apiUrl: url,
    requestTimeout: 5000,
    reconnect: { initialDelay: 1, maxDelay: 20 },
    disconnect: { push: 'agent_disconnected', endsAfter: AGENT_SESSION_ENDS },
  },
);
client.onEvent('error', () => {});
const signal = new AbortController().signal; // every request listens to it until it settles
setMaxListeners(CONCURRENCY + 10, signal);

const gc = () => globalThis.gc?.();
const snapshot = () => {
  gc();
  gc();
  let socketListeners = 0;
  for (const ws of open) for (const name of ws.eventNames()) socketListeners += ws.listenerCount(name);
  return {
    heapUsedKiB: Math.round(process.memoryUsage().heapUsed / 1024),
    openSockets: open.size,
    socketListeners,
    abortListeners: getEventListeners(signal, 'abort').length,
  };
};

await client.login();
const outcomes = { resolved: 0, rejected: {}, unsettled: 0 };
let next = 0;
let inFlight = 0;
/** Runs the workers; whatever has not settled after `ms` counts as unsettled (one timer, not one per request). */
async function run(until, ms) {
  let timer;
  const watchdog = new Promise((resolve) => (timer = setTimeout(resolve, ms, 'timeout')));
  const done = await Promise.race([Promise.all(Array.from({ length: CONCURRENCY }, () => worker(until))), watchdog]);
  clearTimeout(timer);
  if (done === 'timeout') {
    outcomes.unsettled += inFlight;
    throw new Error(`${inFlight} requests did not settle within ${ms} ms`);
  }
}
/** Sends requests until `until` of them were started; `CONCURRENCY` workers share the count. */
async function worker(until) {
  while (next < until) {
    const n = next++;
    if (random() < 0.001) await callWithToken(client, 'update_session', {}).catch(() => {});
    inFlight++;
    const settled = await client.call('work', { n }, { signal }).then(
      () => 'resolved',
      (e) => e.name,
    );
    inFlight--;
    if (settled === 'resolved') outcomes.resolved++;
    else outcomes.rejected[settled] = (outcomes.rejected[settled] ?? 0) + 1;
  }
}
const untilReady = async () => {
  while (client.state !== 'ready') await new Promise((r) => setTimeout(r, 5));
};
// A warm-up tenth first, so that the start figures include what the first requests compile and cache.
const warmUp = Math.floor(REQUESTS / 10);
await run(warmUp, 60_000);
await untilReady();
const start = snapshot();
const t0 = Date.now();
await run(REQUESTS, Math.max(60_000, REQUESTS * 20));
const seconds = (Date.now() - t0) / 1000;
await untilReady();
const end = snapshot();
const sentTwice = seen.filter((times) => times > 1).length;
await client.close();
const afterClose = snapshot();
wss.close();

console.log(
  JSON.stringify(
    {
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      seconds,
      outcomes,
      sentTwice,
      chaos: { ...chaos, tokenGetterCalls: tokens },
      start,
      end,
      afterClose,
      gc: typeof globalThis.gc === 'function',
    },
    null,
    2,
  ),
);
if (outcomes.unsettled || sentTwice) process.exitCode = 1;
