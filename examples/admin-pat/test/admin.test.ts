import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../src/admin.mjs';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
});
afterEach(async () => {
  await sim.close();
});

async function startChat(): Promise<void> {
  const res = await fetch(`${sim.url}/v3.6/customer/action/start_chat?organization_id=${sim.organizationId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.createCustomer().accessToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(200);
}

describe('examples/admin-pat', () => {
  it('lists agents and groups, creates a tag once and reads the total chats report with a PAT', async () => {
    await startChat();
    await startChat();
    const owner = sim.agents[0]!;
    const lines: string[] = [];
    const options = {
      accountId: owner.accountId,
      pat: owner.pat,
      apiUrl: sim.url,
      accountsUrl: sim.accountsUrl,
      tag: 'vip',
      log: (l: string) => lines.push(l),
    };

    const first = await runAdmin(options);
    expect(first.agents.map((a) => a.id)).toEqual(sim.agents.map((a) => a.id));
    expect(first.agents[0]!.role).toBe('owner');
    expect(first.groups).toEqual([{ id: 0, name: 'General' }]);
    expect(first.tag).toEqual({ name: 'vip', created: true });
    expect(first.report.total).toBe(2);
    expect(Object.values(first.report.days).reduce((a, b) => a + b, 0)).toBe(2);

    // Every request was made as the PAT's owner.
    const requests = sim.requests({ api: 'configuration' });
    expect(requests.map((r) => r.action)).toEqual(['list_agents', 'list_groups', 'list_tags', 'create_tag']);
    expect(new Set(requests.map((r) => r.principal?.id))).toEqual(new Set([owner.id]));
    expect(sim.requests({ action: 'create_tag' })).toHaveLength(1);

    // A second run finds the tag and leaves it alone.
    const second = await runAdmin(options);
    expect(second.tag).toEqual({ name: 'vip', created: false });
    expect(sim.requests({ action: 'create_tag' })).toHaveLength(1);
    expect(lines).toContain('tag "vip" already exists');
    expect(lines.join('\n')).not.toContain(owner.pat);
  });

  it('fails with a typed error, without the PAT in it, when the PAT is wrong', async () => {
    const owner = sim.agents[0]!;
    const wrong = `${owner.pat}x`;
    const error = await runAdmin({
      accountId: owner.accountId,
      pat: wrong,
      apiUrl: sim.url,
      accountsUrl: sim.accountsUrl,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/Error$/);
    expect(JSON.stringify(error)).not.toContain(wrong);
    expect(String(error)).not.toContain(wrong);
  });

  it('runs from the command line against an in-process simulator and exits 0', async () => {
    const main = fileURLToPath(new URL('../src/main.mjs', import.meta.url));
    const env = { ...process.env };
    delete env.LC_PAT;
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [main, '--tag', 'vip'], { env, timeout: 20_000 }, (error, out) =>
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout: out }),
      );
    });
    expect(stdout).toContain('2 agents:');
    expect(stdout).toContain('created tag "vip"');
    expect(stdout).toMatch(/total chats .*: 1\n/);
    expect(code).toBe(0);
  }, 30_000);
});
