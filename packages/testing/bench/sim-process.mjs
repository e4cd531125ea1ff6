// The simulator of bench/load.mjs in its own process (as `lc-simulator` runs beside a test suite), so
// that the load generator's work does not share the simulator's event loop. Talks to the bench over IPC.
import { startSimulator } from '../dist/index.js';

const { agents, customers } = JSON.parse(process.argv[2] ?? '{}');
const seeds = Array.from({ length: agents }, (_, i) => ({ id: `agent${i}@example.com`, name: `Agent ${i}` }));
seeds[0].role = 'owner';
const sim = await startSimulator({ port: 0, agents: seeds, requestLogLimit: 1000 });
const created = Array.from({ length: customers }, (_, i) => sim.createCustomer({ name: `Customer ${i}` }));

/** Heap in use after full collections (the bench starts this process with --expose-gc). */
const heap = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
const baseline = heap();

process.on('message', async (message) => {
  if (message === 'report') {
    process.send({ chats: sim.chats(), connections: sim.connections().length, baseline, heap: heap() });
  } else if (message === 'close') {
    await sim.close();
    process.exit(0);
  }
});
process.send({ info: sim.info(), customers: created });
