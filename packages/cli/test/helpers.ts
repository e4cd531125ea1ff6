import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Simulator, startSimulator } from '@lc/testing';
import { afterAll, beforeAll } from 'vitest';

export const LC = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

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

/** The simulator for a test file and the secrets of its first agent and customer. */
export async function simulator(): Promise<{ sim: Simulator; secrets: string[] }> {
  const sim = await startSimulator({ port: 0 });
  const [agent] = sim.agents;
  const basic = Buffer.from(`${agent!.accountId}:${agent!.pat}`).toString('base64');
  return { sim, secrets: [agent!.pat, basic, agent!.accessToken, sim.customer.accessToken, sim.bot.accessToken] };
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
 * A simulator for the tests of one file (started before them, closed after), and at the end the
 * check that no output of the file printed one of its secrets.
 */
export function useSimulator(): { readonly sim: Simulator } {
  const state: { sim?: Simulator; secrets: string[] } = { secrets: [] };
  beforeAll(async () => Object.assign(state, await simulator()));
  afterAll(async () => {
    expectNoSecrets(state.secrets);
    await state.sim?.close();
  });
  return {
    get sim() {
      return state.sim!;
    },
  };
}
