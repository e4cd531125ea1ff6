// A client that got a rejected WebSocket upgrade and does not hang up never keeps the simulator
// (sim.close(), the lc-simulator bin on SIGTERM) from stopping.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator } from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
let cli: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lc-simulator-upgrade-'));
  cli = path.join(dir, 'cli.cjs');
  await build({
    entryPoints: [path.join(here, '../src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: cli,
    external: ['bufferutil', 'utf-8-validate'],
    logLevel: 'silent',
  });
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends a WebSocket upgrade for `target` and never hangs up (its side stays open); resolves with the status line. */
async function rejectedUpgrade(port: number, target: string): Promise<string> {
  const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  sockets.push(socket);
  await new Promise((r) => socket.once('connect', r));
  socket.write(
    `GET ${target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
  );
  const data = await new Promise<Buffer>((r) => socket.once('data', r));
  return data.toString().split('\r\n')[0]!;
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => 'settled' as const), new Promise((r) => setTimeout(() => r('timed out'), ms))]);

it('sim.close() settles although clients of rejected upgrades have not hung up', async () => {
  const sim = await startSimulator({ port: 0 });
  expect(await rejectedUpgrade(sim.port, '/v3.6/agent/rtm/ws')).toBe('HTTP/1.1 400 Bad Request');
  expect(await rejectedUpgrade(sim.port, '/nowhere')).toBe('HTTP/1.1 404 Not Found');
  expect(await rejectedUpgrade(sim.port, '/v3.6/agent/rtm/ws?organization_id=other')).toBe('HTTP/1.1 404 Not Found');
  expect(await within(sim.close(), 2000)).toBe('settled');
});

it('lc-simulator exits on SIGTERM although a client has not hung up after a rejected upgrade', async () => {
  const child = spawn(process.execPath, [cli, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  await new Promise<void>((resolve) =>
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('\n')) resolve();
    }),
  );
  const port = Number(new URL(JSON.parse(out).url).port);
  await rejectedUpgrade(port, '/v3.6/agent/rtm/ws');
  child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 3000))]);
  if (code === 'still running') child.kill('SIGKILL');
  expect(code).toBe(0);
}, 10_000);
