import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('examples/webhook-receiver', () => {
  it('passes its self-test against a local sender and exits 0', async () => {
    const server = fileURLToPath(new URL('../server.mjs', import.meta.url));
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, [server, '--self-test'], { timeout: 20_000 }, (error, out) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: out }),
      );
      child.stdin?.end();
    });
    expect(stdout).toContain('self-test passed');
    expect(stdout).toContain('received: incoming_chat PJ0MRSHTDG');
    expect(code).toBe(0);
  }, 30_000);
});
