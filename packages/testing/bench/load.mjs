// Load on the simulator as a team's test suite would put it: many RTM clients (agents and customers)
// chatting at once, plus Web calls. Checks that no request is lost, no push is missing or delivered
// twice, and that memory comes back after the clients leave; prints throughput and latency.
//
//   pnpm --filter @lc/testing build
//   node packages/testing/bench/load.mjs [--seconds 60] [--clients 200] [--agents 40] [--think 50]
//
// The simulator runs in a child process (bench/sim-process.mjs), the clients here. A benchmark, not a
// test: it measures, and exits 1 only when a check fails.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const seconds = option('seconds', 60);
const clientCount = option('clients', 200);
const agentCount = Math.min(option('agents', Math.round(clientCount / 5)), clientCount - 1);
const customerCount = clientCount - agentCount;
/** Each customer waits this long after an answer before its next message. */
const thinkMs = option('think', 50);

const latencies = { rtm: [], web: [] };
const problems = [];
const counts = { requests: 0, responses: 0, messages: 0, pushes: 0, webCalls: 0 };

/** One RTM socket: requests with ids, every response and push recorded. */
class Client {
  constructor(sim, api, ownerId) {
    this.api = api;
    this.ownerId = ownerId;
    this.pending = new Map();
    this.seq = 0;
    /** Pushes of `incoming_event` per event id (a second one is a duplicate). */
    this.seen = new Map();
    this.onEvent = () => {};
    this.ws = new WebSocket(`${sim.wsUrl}/v3.6/${api}/rtm/ws?organization_id=${sim.organizationId}`);
    this.ws.on('message', (data) => this.frame(JSON.parse(String(data))));
    this.closed = new Promise((resolve) => this.ws.on('close', resolve));
  }

  open() {
    return new Promise((resolve, reject) => this.ws.once('open', resolve).once('error', reject));
  }

  frame(frame) {
    if (frame.type === 'response') {
      const waiter = this.pending.get(frame.request_id);
      if (!waiter) return problems.push(`${this.api}: a response nobody waits for (${frame.action})`);
      this.pending.delete(frame.request_id);
      counts.responses++;
      latencies.rtm.push(performance.now() - waiter.at);
      if (frame.success) waiter.resolve(frame.payload);
      else waiter.reject(new Error(`${frame.action}: ${JSON.stringify(frame.payload)}`));
      return;
    }
    counts.pushes++;
    if (frame.action === 'incoming_event') {
      const id = frame.payload.event.id;
      const n = (this.seen.get(id) ?? 0) + 1;
      this.seen.set(id, n);
      if (n > 1) problems.push(`${this.api}: incoming_event ${id} pushed ${n} times`);
      this.onEvent(frame.payload);
    }
  }

  request(action, payload = {}) {
    const request_id = String(++this.seq);
    counts.requests++;
    return new Promise((resolve, reject) => {
      this.pending.set(request_id, { resolve, reject, at: performance.now() });
      this.ws.send(JSON.stringify({ request_id, action, payload }));
    });
  }
}

async function web(sim, path, token, body) {
  const at = performance.now();
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { authorization: token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  const took = performance.now() - at;
  latencies.web.push(took);
  counts.webCalls++;
  if (res.status !== 200) problems.push(`web ${path}: ${res.status}`);
}

const percentile = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Starts the simulator process; resolves with its info, its customers and a way to ask it things. */
async function startSimulatorProcess() {
  const child = fork(
    fileURLToPath(new URL('sim-process.mjs', import.meta.url)),
    [JSON.stringify({ agents: agentCount, customers: customerCount })],
    {
      execArgv: ['--expose-gc'],
    },
  );
  const [{ info, customers }] = await once(child, 'message');
  const ask = async (message) => {
    child.send(message);
    const [answer] = await once(child, 'message');
    return answer;
  };
  const close = async () => {
    child.send('close');
    await once(child, 'exit');
  };
  return { sim: { ...info, chats: async () => (await ask('report')).chats }, customers, ask, close };
}

/** Agents log in (accepting chats), answer every customer message in their chats, and get room for them. */
async function startAgents(sim) {
  const clients = [];
  for (const seed of sim.agents) {
    const client = new Client(sim, 'agent', seed.id);
    await client.open();
    await client.request('login', { token: `Bearer ${seed.accessToken}` });
    client.onEvent = ({ chat_id, event }) => {
      if (event.author_id === seed.id || event.type !== 'message') return;
      client.request('send_event', {
        chat_id,
        event: { type: 'message', text: `re: ${event.text}`, visibility: 'all' },
      });
    };
    clients.push(client);
  }
  const owner = sim.agents[0];
  const perAgent = Math.ceil(customerCount / agentCount) + 1;
  for (const seed of sim.agents) {
    await web(sim, '/v3.6/configuration/action/update_agent', `Basic ${owner.basicAuth}`, {
      id: seed.id,
      max_chats_count: Math.min(20, perAgent),
    });
  }
  return clients;
}

/** A customer logs in, starts a chat, then messages, waits for the answer and thinks, until `deadline`. */
async function runCustomer(sim, seed, deadline) {
  const client = new Client(sim, 'customer', seed.id);
  await client.open();
  await client.request('login', { token: `Bearer ${seed.accessToken}` });
  const { chat_id } = await client.request('start_chat', {});
  let answered = () => {};
  client.onEvent = ({ event }) => {
    if (event.author_id !== seed.id) answered();
  };
  let n = 0;
  while (performance.now() < deadline) {
    const answer = new Promise((resolve) => {
      answered = resolve;
    });
    const text = `message ${++n}`;
    await client.request('send_event', { chat_id, event: { type: 'message', text, visibility: 'all' } });
    counts.messages++;
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'));
    if ((await Promise.race([answer, timeout])) === 'timeout') problems.push(`no answer to ${text} in ${chat_id}`);
    await new Promise((resolve) => setTimeout(resolve, thinkMs));
  }
  return client;
}

/**
 * Web calls alongside: an agent listing chats and reading a customer, the owner listing agents. One round
 * runs before the load, so that the keep-alive connections exist (a new TCP connection on a saturated
 * machine waits long); its figures are not counted.
 */
async function webCaller(sim, customers) {
  const owner = sim.agents[0];
  const agent = sim.agents[1] ?? owner;
  const round = () =>
    Promise.all([
      web(sim, '/v3.6/agent/action/list_chats', `Bearer ${agent.accessToken}`, { limit: 25 }),
      web(sim, '/v3.6/agent/action/get_customer', `Bearer ${agent.accessToken}`, { id: customers[0].id }),
      web(sim, '/v3.6/configuration/action/list_agents', `Basic ${owner.basicAuth}`, {}),
    ]);
  await round();
  latencies.web.length = 0;
  counts.webCalls = 0;
  return async (deadline) => {
    while (performance.now() < deadline) await round();
  };
}

/** Every request answered; every message of every chat pushed exactly once to each present user. */
async function check(sim, clients) {
  for (const client of clients)
    if (client.pending.size) problems.push(`${client.api}: ${client.pending.size} requests never answered`);
  let events = 0;
  for (const chat of await sim.chats()) {
    const messages = chat.threads.at(-1).events.filter((e) => e.type === 'message');
    events += messages.length;
    const users = chat.users.filter((u) => u.present).map((u) => u.id);
    for (const event of messages) {
      const receivers = clients.filter((c) => users.includes(c.ownerId) && c.seen.get(event.id) === 1).length;
      if (receivers !== users.length)
        problems.push(`event ${event.id}: pushed to ${receivers} of ${users.length} users`);
    }
  }
  if (counts.requests !== counts.responses) problems.push(`${counts.requests} requests, ${counts.responses} responses`);
  return events;
}

function report(elapsed, events, baseline, after) {
  const ms = (v) => `${v.toFixed(1)} ms`;
  const rate = (n) => (n / elapsed).toFixed(0);
  const MiB = (b) => (b / 2 ** 20).toFixed(1);
  console.log(`simulator load: ${agentCount} agents + ${customerCount} customers over RTM, ${elapsed.toFixed(1)} s`);
  console.log(
    `  RTM requests ${counts.requests} (${rate(counts.requests)}/s), pushes ${counts.pushes} (${rate(counts.pushes)}/s), customer messages ${counts.messages}`,
  );
  console.log(
    `  RTM latency p50 ${ms(percentile(latencies.rtm, 50))}, p99 ${ms(percentile(latencies.rtm, 99))}, max ${ms(percentile(latencies.rtm, 100))}`,
  );
  console.log(
    `  Web calls ${counts.webCalls} (${rate(counts.webCalls)}/s), p50 ${ms(percentile(latencies.web, 50))}, p99 ${ms(percentile(latencies.web, 99))}`,
  );
  console.log(
    `  heap: ${MiB(baseline)} MiB before, ${MiB(after)} MiB after the clients left (${events} stored messages, ${((after - baseline) / Math.max(1, events)) | 0} B each)`,
  );
}

async function main() {
  const { sim, customers, ask, close } = await startSimulatorProcess();
  const agentClients = await startAgents(sim);
  const runWeb = await webCaller(sim, customers);
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  const [customerClients] = await Promise.all([
    Promise.all(customers.map((seed) => runCustomer(sim, seed, deadline))),
    runWeb(deadline),
  ]);
  const elapsed = (performance.now() - startedAt) / 1000;

  // Let the last answers arrive, check, then let every client go and see what memory is left.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const all = [...agentClients, ...customerClients];
  const events = await check(sim, all);
  for (const client of all) client.ws.close();
  await Promise.all(all.map((c) => c.closed));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { connections, baseline, heap: after } = await ask('report');
  if (connections) problems.push(`${connections} sockets still open after the run`);
  // The store keeps every message (that is the simulator's state); anything well beyond it is a leak.
  if (after - baseline > events * 4096 + 16 * 2 ** 20) problems.push('heap grew beyond the stored messages');
  report(elapsed, events, baseline, after);
  await close();
  if (problems.length) {
    console.log(`FAILED: ${problems.length} problems`);
    for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
    process.exitCode = 1;
  } else {
    console.log('  no request lost, no push missing or duplicated');
  }
}

await main();
