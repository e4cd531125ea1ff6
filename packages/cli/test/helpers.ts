import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Simulator, startSimulator } from '@lc/testing';
import { afterAll } from 'vitest';
import { useSimulator as useSimFixture } from '../../../test-utils/sim-fixture.js';

/** The binary as test/build.ts built it. */
export const LC = fileURLToPath(new URL('../dist-test/cli.js', import.meta.url));

/** Everything any `lc` run of a test file printed: scanned for secrets at the end. */
export const printed: string[] = [];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An environment with no LC_* of the developer's and a private config directory. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('LC_')) env[key] = value;
  delete env.FORCE_COLOR;
  env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'lc-config-'));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

/** Starts `lc` with `args`; the caller reads its streams and signals it. */
export function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess & { out: () => string; err: () => string } {
  const child = spawn(process.execPath, [LC, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  child.on('close', () => printed.push(stdout, stderr));
  return Object.assign(child, { out: () => stdout, err: () => stderr });
}

/** Runs `lc` to completion (stdin: `input`, or closed). */
export async function lc(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> {
  const child = start(args, env);
  child.stdin!.end(input);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return { code, stdout: child.out(), stderr: child.err() };
}

/** Resolves once `read()` matches `pattern` (polling the child's output), or rejects after `ms`. */
export async function waitFor(read: () => string, pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; got:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.on('close', (c) => resolve(c)),
  );

/** The credentials of `sim` that no `lc` output may carry: the seeded agents', bot's and customer's. */
function secretsOf(sim: Simulator): string[] {
  const agents = sim.agents.flatMap((a) => [
    a.pat,
    Buffer.from(`${a.accountId}:${a.pat}`).toString('base64'),
    a.accessToken,
  ]);
  return [...agents, sim.customer.accessToken, sim.bot.accessToken];
}

/** The environment for the first agent's PAT against `sim`. */
export function patEnv(sim: Simulator, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const [agent] = sim.agents;
  return cleanEnv({ LC_API_URL: sim.url, LC_ACCOUNT_ID: agent!.accountId, LC_PAT: agent!.pat, ...extra });
}

/** The environment for the first agent's Bearer token against `sim`. */
export function tokenEnv(sim: Simulator, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    LC_API_URL: sim.url,
    LC_TOKEN: sim.agents[0]!.accessToken,
    LC_ORGANIZATION_ID: sim.organizationId,
    ...extra,
  });
}

/** Fails when any output of the file carries one of `secrets`. */
export function expectNoSecrets(secrets: readonly string[]): void {
  for (const text of printed)
    for (const secret of secrets)
      if (text.includes(secret)) throw new Error(`a secret was printed:\n${text.replace(secret, '<<SECRET>>')}`);
}

/**
 * The shared simulator fixture (test-utils) for the tests of one file, and at the end the check
 * that no output of the file printed one of its credentials.
 */
export function useSimulator(): { readonly sim: Simulator } {
  const fixture = useSimFixture(() => startSimulator({ port: 0 }));
  // Registered after the fixture's, so it runs before the simulator closes.
  afterAll(() => expectNoSecrets(secretsOf(fixture.sim)));
  return fixture;
}
