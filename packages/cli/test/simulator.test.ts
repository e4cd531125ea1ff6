import { afterAll, expect, it } from 'vitest';
import { cleanEnv, exited, expectNoSecrets, lc, printed, start, waitFor } from './helpers.js';

const fakeSecrets: string[] = [];
afterAll(() => {
  // The simulator prints its own fake tokens on purpose; nothing else may print them.
  const others = printed.filter((text) => !text.startsWith('# LiveChat simulator on'));
  printed.splice(0, printed.length, ...others);
  expectNoSecrets(fakeSecrets);
});

it('lc simulator prints export lines that make lc a complete offline playground', async () => {
  const simulator = start(['simulator', '--port', '0'], cleanEnv());
  await waitFor(simulator.out, /# Then: /);
  const text = simulator.out();
  expect(text).toMatch(/not secrets/);
  const env: Record<string, string> = {};
  for (const [, key, value] of text.matchAll(/^export (LC_\w+)=(\S+)$/gm)) env[key!] = value!;
  expect(Object.keys(env).sort()).toEqual(['LC_API_URL', 'LC_CUSTOMER_TOKEN', 'LC_ORGANIZATION_ID', 'LC_TOKEN']);
  fakeSecrets.push(env.LC_TOKEN!, env.LC_CUSTOMER_TOKEN!);

  const agents = await lc(['configuration', 'list_agents'], cleanEnv(env));
  expect(agents.code).toBe(0);
  expect(JSON.parse(agents.stdout).length).toBeGreaterThan(0);
  const chats = await lc(['agent', 'list_chats', '--paginate'], cleanEnv(env));
  expect(chats.code).toBe(0);

  // The PAT line (a comment) works too, for the Web APIs.
  const [, accountId, pat] = text.match(/export LC_ACCOUNT_ID=(\S+) LC_PAT=(\S+)/)!;
  fakeSecrets.push(pat!);
  const withPat = { ...env, LC_TOKEN: undefined, LC_ACCOUNT_ID: accountId, LC_PAT: pat };
  expect((await lc(['configuration', 'list_agents'], cleanEnv(withPat))).code).toBe(0);

  const rtm = start(['rtm', 'agent'], cleanEnv(env));
  await waitFor(rtm.err, /logged in as agent/);
  rtm.kill('SIGINT');
  expect(await exited(rtm)).toBe(0);

  simulator.kill('SIGINT');
  expect(await exited(simulator)).toBe(0);
});

it('a port in use: exit 2 with the way out', async () => {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const run = await lc(['simulator', '--port', String(port)], cleanEnv());
  server.close();
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/port \d+ is in use: pick another with --port/);
});
