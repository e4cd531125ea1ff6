// After close() nothing may keep Node alive: a child process that connects, logs in, works, and closes
// (in several states) must exit on its own, without process.exit().
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRtmServer, type RtmTestServer } from './helpers/ws-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
let server: RtmTestServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lc-rtm-exit-'));
  await build({
    entryPoints: [path.join(here, '../src/rtm/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: path.join(dir, 'rtm.mjs'),
    logLevel: 'silent',
  });
  server = await startRtmServer();
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const CHILD = `
import { createRTMClient } from './rtm.mjs';
import WebSocket from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('ws')).href)};
const url = process.env.RTM_URL;
const getter = async () => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'o' });
const make = (o = {}) => createRTMClient(WebSocket, getter, { api: 'agent', apiUrl: url, heartbeatInterval: 20, ...o });

// 1. logged in, heartbeat running, requests in flight and queued, a push handler
const a = make({ maxPending: 1 });
a.on('incoming_event', () => {});
await a.login();
await a.call('work', {});
await new Promise((r) => setTimeout(r, 60)); // a few heartbeats
const pending = [a.call('hang', {}), a.call('hang', {})].map((p) => p.catch((e) => e.name));
await a.close();
console.log('pending:', (await Promise.all(pending)).join(','));

// 2. closed while connecting
const b = make();
const login = b.login().catch((e) => e.name);
await b.close();
console.log('connecting:', await login);

// 3. closed while waiting to reconnect (long backoff)
const c = make({ reconnect: { initialDelay: 60000, maxDelay: 60000 } });
await c.login();
await c.call('drop', {}).catch(() => {});
while (c.state !== 'reconnecting') await new Promise((r) => setTimeout(r, 5));
const queued = c.call('later', {}).catch((e) => e.name);
await c.close();
console.log('reconnecting:', await queued);
console.log('state:', a.state, b.state, c.state);
`;

it('a Node process exits by itself after close(), whatever the state', async () => {
  server.handler = (f, conn) => {
    if (f.action === 'hang') return 'none';
    if (f.action === 'drop') {
      conn.terminate();
      return 'none';
    }
    return { payload: {} };
  };
  const file = path.join(dir, 'child.mjs');
  writeFileSync(file, CHILD);
  const child = spawn(process.execPath, [file], {
    cwd: dir,
    env: { ...process.env, RTM_URL: server.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  const exited = await new Promise<{ code: number | null; hung: boolean }>((resolve) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, hung: true });
    }, 8000);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, hung: false });
    });
  });
  expect(err).toBe('');
  expect(exited).toEqual({ code: 0, hung: false });
  expect(out.trim().split('\n')).toEqual([
    'pending: ConnectionClosedError,ConnectionClosedError',
    'connecting: ConnectionClosedError',
    'reconnecting: ConnectionClosedError',
    'state: closed closed closed',
  ]);
}, 15_000);
