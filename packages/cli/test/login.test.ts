import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cleanEnv, lc, useSimulator } from './helpers.js';

const context = useSimulator();

it('lc login checks the PAT, stores it 0600 in a 0700 directory; later calls use it; lc logout removes it', async () => {
  const agent = context.sim.agents[0]!;
  const env = cleanEnv({ LC_API_URL: context.sim.url });
  const login = await lc(['login', '--account-id', agent.accountId], env, `${agent.pat}\n`);
  expect(login.code).toBe(0);
  expect(login.stderr).toContain(`organization ${context.sim.organizationId}`);
  const dir = join(env.XDG_CONFIG_HOME!, 'lc');
  const file = join(dir, 'credentials.json');
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
    account_id: agent.accountId,
    pat: agent.pat,
    organization_id: context.sim.organizationId,
  });

  const agents = await lc(['configuration', 'list_agents'], env);
  expect(agents.code).toBe(0);

  const logout = await lc(['logout'], env);
  expect(logout.code).toBe(0);
  expect((await lc(['configuration', 'list_agents'], env)).code).toBe(4);
});

it('account id and PAT both on stdin; a wrong PAT is refused (exit 4) and nothing is stored', async () => {
  const agent = context.sim.agents[0]!;
  const env = cleanEnv({ LC_API_URL: context.sim.url });
  const wrong = await lc(['login'], env, `${agent.accountId}\ndal:not-the-pat\n`);
  expect(wrong.code).toBe(4);
  expect(wrong.stderr).not.toContain('not-the-pat');
  expect((await lc(['configuration', 'list_agents'], env)).code).toBe(4);
  const right = await lc(['login'], env, `${agent.accountId}\n${agent.pat}\n`);
  expect(right.code).toBe(0);
});

it('environment credentials win over the stored ones', async () => {
  const env = cleanEnv({ LC_API_URL: context.sim.url });
  await lc(['login', '--no-verify', '--account-id', 'someone'], env, 'dal:stored-but-wrong\n');
  const run = await lc(['agent', 'list_chats'], { ...env, LC_TOKEN: context.sim.agents[0]!.accessToken });
  expect(run.code).toBe(0);
});

it('a damaged credentials file: exit 4 and a hint to log in again', async () => {
  const env = cleanEnv({ LC_API_URL: context.sim.url });
  mkdirSync(join(env.XDG_CONFIG_HOME!, 'lc'), { recursive: true });
  writeFileSync(join(env.XDG_CONFIG_HOME!, 'lc', 'credentials.json'), '{"account_id": "x", "pat": ');
  const run = await lc(['agent', 'list_chats'], env);
  expect(run.code).toBe(4);
  expect(run.stderr).toMatch(/credentials\.json is damaged: run `lc login` again/);
});
