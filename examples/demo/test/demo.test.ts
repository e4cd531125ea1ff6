import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const demo = fileURLToPath(new URL('../src/demo.mjs', import.meta.url));

describe('examples/demo', () => {
  it('prints the conversation with timestamps, survives the dropped bot socket and exits 0', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [demo, '--pause', '0'],
        { timeout: 25_000, env: { ...process.env, NO_COLOR: '1' } },
        (error, out, err) =>
          resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout: out, stderr: err }),
      );
    });
    expect(stderr).toBe('');
    // Who says what, in order, each line with a timestamp.
    const said = stdout
      .split('\n')
      .map((l) => /^\d\d:\d\d:\d\d\.\d{3} {2}(Customer|ChatBot)\s+› (.*)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => `${m[1]}: ${m[2]}`);
    expect(said).toEqual([
      'Customer: Hello!',
      'ChatBot: Hello! How can I help you today?',
      'Customer: What are your opening hours?',
      'ChatBot: We are open around the clock: I am a bot, I never sleep.',
      'Customer: How much does it cost?',
      'ChatBot: Plans start at $20 per agent per month; I can connect you with sales.',
      'Customer: Thanks, bye!',
      'ChatBot: You are welcome! Have a great day.',
    ]);
    expect(stdout).toMatch(/\[bot\] +connection closed \(1006\), will reconnect/);
    expect(stdout).toMatch(/\[bot\] +reconnected and logged in again/);
    expect(stdout).toMatch(/Done: 8 messages in chat \w+, 4 bot replies, 1 reconnect\./);
    expect(code).toBe(0);
  }, 30_000);

  it('--serve keeps running, serves the widget page and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [demo, '--serve'], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await vi.waitFor(
        () => {
          const m = /Customer chat widget: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (!m) throw new Error('no URL yet');
          return m[1]!;
        },
        { timeout: 15_000, interval: 50 },
      );
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script type="module" src="/widget.js">');
      expect((await fetch(new URL('/widget.js', url))).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 30_000);
});
