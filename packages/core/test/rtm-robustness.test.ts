// Cases found in review: hostile error types, a token getter that never settles during callWithToken,
// a call made from a `disconnected` listener, and no token left on the client after update_session.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  callWithToken,
  InputError,
  TimeoutError,
  type RTMClient,
  type Token,
} from '../src/index.js';
import { rtmBed, token } from './helpers/rtm-bed.js';

const bed = rtmBed({ reconnect: { initialDelay: 1, maxDelay: 5 } });
const client = bed.client;

describe('error types from the network', () => {
  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty'])(
    'a success:false with type %j rejects with an ApiError and throws nothing',
    async (type) => {
      const errors: Error[] = [];
      const c = client();
      c.onEvent('error', ({ error }) => errors.push(error));
      await c.login();
      bed.server.handler = () => ({ error: { type, message: 'odd' } });
      const err = await c.call('get_chat', { chat_id: 'x' }, { timeout: 2000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ type, action: 'get_chat' });
      expect(errors).toEqual([]);
      expect(c.state).toBe('ready');
    },
  );

  it('ApiError.from never picks an Object.prototype member', () => {
    for (const type of ['toString', '__proto__', 'constructor', 'valueOf']) {
      const e = ApiError.from({ type, message: 'm' });
      expect(e).toBeInstanceOf(ApiError);
      expect(e.type).toBe(type);
    }
  });
});

describe('callWithToken', () => {
  it('times out while the token getter never settles', async () => {
    let calls = 0;
    const c = client(() => (++calls === 1 ? token() : new Promise<Token>(() => {})));
    await c.login();
    await expect(callWithToken(c, 'update_session', {}, { timeout: 50 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('aborts while the token getter never settles', async () => {
    let calls = 0;
    const c = client(() => (++calls === 1 ? token() : new Promise<Token>(() => {})));
    await c.login();
    const ac = new AbortController();
    const p = callWithToken(c, 'update_session', {}, { signal: ac.signal, timeout: 10_000 });
    ac.abort(new Error('stop'));
    await expect(p).rejects.toBeInstanceOf(AbortError);
  });

  it('leaves no token on the client object once the frame is sent', async () => {
    let n = 0;
    const c = client(() => token(`SECRET-ACCESS-${++n}`));
    await c.login();
    bed.server.handler = () => 'none';
    const p = callWithToken(c, 'update_session', {}, { timeout: 50 }).catch((e: unknown) => e);
    await bed.server.waitFor(() => bed.server.conns[0]!.frames.some((f) => f.action === 'update_session'));
    expect(bed.server.conns[0]!.frames.find((f) => f.action === 'update_session')!.payload).toEqual({
      token: 'Bearer SECRET-ACCESS-2',
    });
    expect(inspect(c, { depth: 6, showHidden: true })).not.toContain('SECRET-ACCESS-2');
    expect(await p).toBeInstanceOf(TimeoutError);
  });
});

it('a call made from a disconnected listener is queued and sent after the reconnect', async () => {
  const c = client();
  await c.login();
  let inListener: Promise<unknown> | undefined;
  c.onEvent('disconnected', () => {
    inListener = c.call('set_routing_status', { status: 'accepting_chats' });
  });
  bed.server.conns[0]!.push('agent_disconnected', { reason: 'internal_error' });
  bed.server.conns[0]!.close(1011, 'internal_error');
  await bed.server.waitFor(() => inListener !== undefined);
  await expect(inListener).resolves.toEqual({ echo: { status: 'accepting_chats' } });
  expect(bed.server.conns).toHaveLength(2);
  expect(bed.server.conns[1]!.frames.map((f) => f.action)).toEqual(['login', 'set_routing_status']);
});

describe('callWithToken input', () => {
  it('rejects with InputError for something that is not an RTM client, before anything is sent', async () => {
    const err = await callWithToken({} as RTMClient, 'update_session').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe('client');
  });
});
