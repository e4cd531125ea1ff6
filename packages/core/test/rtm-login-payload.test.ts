// What login() keeps of its payload and sends: a JSON copy without any token, refused before
// anything is sent when it cannot be sent as JSON.
import { inspect } from 'node:util';
import { expect, it } from 'vitest';
import { InputError } from '../src/index.js';
import { rtmBed, token } from './helpers/rtm-bed.js';

const bed = rtmBed();
const client = bed.client;

it('login keeps a deep copy of its payload without any token: later changes by the caller and tokens never reach the client', async () => {
  let n = 0;
  const c = client(() => token(`SECRET-ACCESS-${++n}`), { reconnect: { initialDelay: 1, maxDelay: 1 } });
  const payload = { token: 'Bearer OLD-SECRET', pushes: { '3.6': ['incoming_event'] } };
  await c.login(payload);
  expect(inspect(c, { depth: 8, showHidden: true })).not.toContain('OLD-SECRET');
  payload.pushes['3.6'].push('incoming_chat'); // after login: must not change what a re-login sends
  bed.server.conns[0]!.terminate();
  await bed.server.waitFor(() => bed.server.conns[1]?.frames.find((f) => f.action === 'login'));
  expect(bed.server.conns[1]!.frames[0]!.payload).toEqual({
    pushes: { '3.6': ['incoming_event'] },
    token: 'Bearer SECRET-ACCESS-2',
  });
  expect(payload.token).toBe('Bearer OLD-SECRET'); // the caller's object is untouched
});

it('login refuses a payload that cannot be sent as JSON, before anything is sent', async () => {
  const c = client();
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  await expect(c.login({ customer_page: circular })).rejects.toBeInstanceOf(InputError);
  expect(bed.server.conns).toHaveLength(0);
});

it('login copies its payload as JSON sends it: Proxies (reactive state), function members and toJSON', async () => {
  class Version {
    constructor(readonly v: string) {}
    toJSON(): string {
      return this.v;
    }
  }
  const c = client();
  const state = new Proxy(
    {
      pushes: { '3.6': ['incoming_chat'] },
      application: { name: 'app', version: new Version('1.2'), toString: () => 'x' },
    },
    {},
  );
  await c.login(state);
  expect(bed.server.conns[0]!.frames[0]!.payload).toEqual({
    pushes: { '3.6': ['incoming_chat'] },
    application: { name: 'app', version: '1.2' },
    token: 'Bearer SECRET-ACCESS-1',
  });
});
