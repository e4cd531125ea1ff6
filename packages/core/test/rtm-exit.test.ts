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
import { startRtmServer, type RtmTestServer, type TestConn } from './helpers/ws-server.js';

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

// Issue 17, defect 1: the server stops reading after its disconnect push (or after refusing a
// re-login), so the closing handshake of the socket the client abandons never completes; `ws` would
// keep that socket and its own 30 s timer alive. close() must leave nothing behind all the same.
const STALLED = `
import { AGENT_SESSION_ENDS, createRTMClient } from './rtm.mjs';
import WebSocket from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('ws')).href)};
const url = process.env.RTM_URL;
const disconnect = { push: 'agent_disconnected', endsAfter: AGENT_SESSION_ENDS };
const make = (org) => createRTMClient(WebSocket, () => ({ accessToken: 't', tokenType: 'Bearer', organizationID: org }), {
  api: 'agent', apiUrl: url, disconnect, reconnect: { initialDelay: 1, maxDelay: 1 },
});
const until = async (c, state) => { while (c.state !== state) await new Promise((r) => setTimeout(r, 5)); };
for (const org of ['license_expired', 'connection_timeout', 'authentication']) {
  const c = make(org);
  c.onEvent('error', () => {});
  await c.login();
  if (org === 'connection_timeout') await until(c, 'reconnecting');
  else await until(c, 'closed');
  await c.close();
  console.log(org, c.state);
}
`;

it('a Node process exits by itself after close() when the server stopped reading after a disconnect', async () => {
  const stalled = await startRtmServer();
  const pause = (conn: TestConn) => (conn.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  stalled.loginHandler = (_f, conn) => {
    const org = conn.url.searchParams.get('organization_id');
    const relogin = stalled.conns.filter((c) => c.url.searchParams.get('organization_id') === org).length > 1;
    if (org === 'authentication' && relogin) {
      setTimeout(() => pause(conn), 0);
      return { error: { type: 'authentication', message: 'Invalid access token' } };
    }
    setTimeout(() => {
      if (org === 'authentication') return conn.terminate(); // the client logs in again: refused
      conn.push('agent_disconnected', { reason: org });
      pause(conn);
    }, 50);
    return { payload: {} };
  };
  try {
    const file = path.join(dir, 'stalled.mjs');
    writeFileSync(file, STALLED);
    const started = Date.now();
    const child = spawn(process.execPath, [file], {
      cwd: dir,
      env: { ...process.env, RTM_URL: stalled.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const code = await new Promise<number | null>((resolve) => {
      const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('exit', (c) => {
        clearTimeout(guard);
        resolve(c);
      });
    });
    expect(err).toBe('');
    expect(out.trim().split('\n')).toEqual([
      'license_expired closed',
      'connection_timeout closed',
      'authentication closed',
    ]);
    expect(code).toBe(0);
    // `ws` alone would keep each abandoned socket for 30 s.
    expect(Date.now() - started).toBeLessThan(12_000);
  } finally {
    await stalled.close();
  }
}, 20_000);
