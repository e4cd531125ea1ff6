import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
let cli: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // Run the bin from source (bundled), so the test needs no prior `pnpm build`.
  dir = mkdtempSync(path.join(tmpdir(), 'lc-simulator-'));
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
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = (until: (text: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no output in time: ${out}`)), 5000);
      const check = () => {
        if (until(out)) {
          clearTimeout(timer);
          resolve(out);
        }
      };
      child.stdout!.on('data', check);
      check();
    });
  return { child, exited, output };
}

describe('lc-simulator', () => {
  it('prints what to connect to as JSON, serves it, and stops on SIGTERM', async () => {
    const { child, exited, output } = run(['--port', '0', '--json', '--login-timeout', '5000']);
    const info = JSON.parse((await output((t) => t.includes('\n'))).trim());
    expect(info).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      wsUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/),
      organizationId: expect.any(String),
      agents: [
        expect.objectContaining({
          accessToken: expect.any(String),
          pat: expect.any(String),
          accountId: expect.any(String),
        }),
        expect.any(Object),
      ],
      bot: expect.objectContaining({ id: expect.any(String) }),
      customer: expect.objectContaining({ accessToken: expect.any(String) }),
    });

    const res = await fetch(`${info.url}/v3.6/agent/action/list_chats`, {
      method: 'POST',
      headers: { authorization: `Bearer ${info.agents[0].accessToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const ws = new WebSocket(`${info.wsUrl}/v3.6/customer/rtm/ws?organization_id=${info.organizationId}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));

    const wsClosed = new Promise((resolve) => ws.once('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await wsClosed;
    await expect(fetch(info.url)).rejects.toThrow();
  });

  it('prints human-readable text by default', async () => {
    const { child, exited, output } = run(['--port', '0']);
    const text = await output((t) => t.includes('Ctrl+C'));
    expect(text).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('/v3.6/<agent|customer>/rtm/ws?organization_id=');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('rejects bad options', async () => {
    const { exited } = run(['--port', 'abc']);
    expect(await exited).toBe(2);
  });
});
