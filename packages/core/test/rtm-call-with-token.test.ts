// callWithToken (update_session): its token never shows on a queued frame or the client, its getter
// counts against the call's timeout and abort and never leaves a timer, and close() settles it.
import { inspect } from 'node:util';
import { expect, it } from 'vitest';
import { AbortError, callWithToken, ConnectionClosedError, TimeoutError, type Token } from '../src/index.js';
import { rtmBed, token } from './helpers/rtm-bed.js';

const bed = rtmBed();
const client = bed.client;
const timers = (): number =>
  (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().filter((r) => r === 'Timeout')
    .length;

it('an update_session frame queued behind a full socket does not show its token (inspect), then goes out with it', async () => {
  let n = 0;
  const c = client(() => token(`SECRET-ACCESS-${++n}`), { maxPending: 1 });
  await c.login();
  let answer: (() => void) | undefined;
  bed.server.handler = (f) =>
    f.action === 'list_chats' ? new Promise((r) => (answer = () => r({ payload: {} }))) : { payload: {} };
  const first = c.call('list_chats', {});
  const p = callWithToken(c, 'update_session', {});
  await bed.server.waitFor(() => answer);
  await new Promise((r) => setTimeout(r, 20)); // the token arrived; the frame waits for a free slot
  expect(inspect(c, { depth: 8, showHidden: true })).not.toContain('SECRET-ACCESS-2');
  answer!();
  await first;
  await p;
  expect(bed.server.conns[0]!.frames.find((f) => f.action === 'update_session')!.payload).toEqual({
    token: 'Bearer SECRET-ACCESS-2',
  });
});

it('an update_session queued while reconnecting that times out leaves nothing of its token on the client', async () => {
  let n = 0;
  const c = client(() => token(`SECRET-ACCESS-${++n}`), { reconnect: { initialDelay: 5000, maxDelay: 5000 } });
  await c.login();
  bed.server.conns[0]!.terminate();
  await bed.server.waitFor(() => c.state === 'reconnecting');
  expect(await callWithToken(c, 'update_session', {}, { timeout: 100 }).catch((e: unknown) => e)).toBeInstanceOf(
    TimeoutError,
  );
  expect(inspect(c, { depth: 8, showHidden: true })).not.toContain('SECRET-ACCESS-2');
});

it('a timeout longer than a timer can hold (or Infinity: no deadline) works, callWithToken included', async () => {
  let n = 0;
  const slowSecond = (): Token | Promise<Token> =>
    ++n === 1 ? token() : new Promise<Token>((r) => setTimeout(() => r(token('SECRET-ACCESS-2')), 30));
  const c = client(slowSecond, { requestTimeout: Infinity, heartbeatInterval: Infinity });
  await c.login();
  await expect(c.call('list_chats', {}, { timeout: 3e9 })).resolves.toBeDefined();
  await expect(callWithToken(c, 'update_session', {}, { timeout: 3e9 })).resolves.toBeDefined();
  await expect(callWithToken(c, 'update_session', {})).resolves.toBeDefined(); // requestTimeout: Infinity
});

it('callWithToken aborted or timed out while the getter hangs leaves no timer behind', async () => {
  let calls = 0;
  const c = client(() => (++calls === 1 ? token() : new Promise<Token>(() => {})));
  await c.login();
  // Short timers of the previous test's teardown (the server's side of its closing handshakes) end first.
  await new Promise((r) => setTimeout(r, 100));
  const before = timers();
  const ac = new AbortController();
  const p = callWithToken(c, 'update_session', {}, { signal: ac.signal, timeout: 60_000 });
  ac.abort();
  await expect(p).rejects.toBeInstanceOf(AbortError);
  expect(timers()).toBe(before);
  await expect(callWithToken(c, 'update_session', {}, { timeout: 20 })).rejects.toBeInstanceOf(TimeoutError);
  expect(timers()).toBe(before);
});

it('close() settles a callWithToken whose getter hangs', async () => {
  let calls = 0;
  const c = client(() => (++calls === 1 ? token() : new Promise<Token>(() => {})));
  await c.login();
  const p = callWithToken(c, 'update_session', {}, { timeout: 60_000 }).catch((e: unknown) => e);
  await c.close();
  expect(await p).toBeInstanceOf(ConnectionClosedError);
});
