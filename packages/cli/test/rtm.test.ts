import { expect, it } from 'vitest';
import { exited, lc, start, tokenEnv, useSimulator, waitFor } from './helpers.js';

const context = useSimulator();

const customerEnv = () =>
  tokenEnv(context.sim, { LC_CUSTOMER_TOKEN: context.sim.createCustomer().accessToken, LC_TOKEN: undefined });

async function startChat(text: string): Promise<void> {
  const chat = JSON.stringify({ thread: { events: [{ type: 'message', text, visibility: 'all' }] } });
  const run = await lc(['customer', 'start_chat', '--chat', chat], customerEnv());
  expect(run.code).toBe(0);
}

it('lc rtm agent streams pushes as NDJSON, reports a reconnect on stderr, and exits 0 on Ctrl+C', async () => {
  const rtm = start(['rtm', 'agent'], tokenEnv(context.sim));
  await waitFor(rtm.err, /logged in as agent/);
  await startChat('hello over rtm');
  await waitFor(rtm.out, /"incoming_chat"/);
  const pushes = rtm
    .out()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const incoming = pushes.find((p) => p.action === 'incoming_chat');
  expect(incoming.payload.chat.thread.events[0].text).toBe('hello over rtm');

  context.sim.dropSockets({ api: 'agent' });
  await waitFor(rtm.err, /reconnecting \(attempt 1/);
  await waitFor(rtm.err, /reconnected and logged in again/);

  rtm.kill('SIGINT');
  expect(await exited(rtm)).toBe(0);
  expect(context.sim.connections().filter((c) => c.api === 'agent')).toHaveLength(0);
});

it('--push keeps only the named pushes', async () => {
  const rtm = start(['rtm', 'agent', '--push', 'incoming_event'], tokenEnv(context.sim));
  await waitFor(rtm.err, /logged in as agent/);
  await startChat('only events');
  const chatId = String(context.sim.chats().at(-1)!.id);
  const send = await lc(
    [
      'agent',
      'send_event',
      '--chat_id',
      chatId,
      '--event',
      '{"type":"message","text":"agent says","visibility":"all"}',
    ],
    tokenEnv(context.sim),
  );
  expect(send.code).toBe(0);
  await waitFor(rtm.out, /agent says/);
  rtm.kill('SIGINT');
  expect(await exited(rtm)).toBe(0);
  const actions = rtm
    .out()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).action);
  expect(new Set(actions)).toEqual(new Set(['incoming_event']));
});

it('lc rtm customer logs in with the customer token', async () => {
  const rtm = start(['rtm', 'customer'], customerEnv());
  await waitFor(rtm.err, /logged in as customer/);
  rtm.kill('SIGINT');
  expect(await exited(rtm)).toBe(0);
});

it('a bad token: exit 4, one line, the token never printed', async () => {
  const run = await lc(['rtm', 'agent', '--debug'], tokenEnv(context.sim, { LC_TOKEN: 'dal:bad-rtm-token-value' }));
  expect(run.code).toBe(4);
  expect(run.stderr).toMatch(/^lc: rtm: authentication: /);
  expect(run.stderr).not.toContain('bad-rtm-token-value');
});

it('lc rtm without agent|customer is a usage error', async () => {
  const run = await lc(['rtm', 'bot'], tokenEnv(context.sim));
  expect(run.code).toBe(2);
});

it('with only a PAT: exit 4 before connecting (the RTM login takes an OAuth token)', async () => {
  const agent = context.sim.agents[0]!;
  const env = tokenEnv(context.sim, { LC_TOKEN: undefined, LC_ACCOUNT_ID: agent.accountId, LC_PAT: agent.pat });
  const run = await lc(['rtm', 'agent'], env);
  expect(run.code).toBe(4);
  expect(run.stderr).toMatch(/an OAuth \(Bearer\) token is needed here, not a PAT: set LC_TOKEN/);
  expect(context.sim.connections()).toHaveLength(0);
});

it('Ctrl+C while logging in: exit 0, nothing left open', async () => {
  context.sim.delayNext(1, 5_000, { action: 'login', api: 'agent' });
  const rtm = start(['rtm', 'agent'], tokenEnv(context.sim));
  await waitFor(
    () => JSON.stringify(context.sim.requests({ action: 'login' }).filter((r) => r.ok === undefined)),
    /login/,
  );
  rtm.kill('SIGINT');
  expect(await exited(rtm)).toBe(0);
  expect(rtm.err()).toBe('');
});

// `lc rtm --verbose` passes the same hooks to the RTM client (through rtmHooks); the RTM client
// reports `login` as state changes, not as a request line. The Web side runs in actions.test.ts.
it('--verbose reports the RTM state changes on stderr, no token', async () => {
  const env = tokenEnv(context.sim);
  const rtm = start(['rtm', 'agent', '--verbose'], env);
  await waitFor(rtm.err, /logging_in -> ready/);
  rtm.kill('SIGINT');
  expect(await exited(rtm)).toBe(0);
  expect(rtm.err()).toMatch(/^lc: agent rtm idle -> connecting$/m);
  expect(rtm.err()).toMatch(/^lc: agent rtm connecting -> logging_in$/m);
  expect(rtm.err()).not.toContain(env.LC_TOKEN!);
});
