// How a session ends or goes on after a disconnect: the socket is closed even with a reason too long
// for a close frame, a disconnect push during the first login is reported, and a listener that
// closes the client has the last word.
import { expect, it } from 'vitest';
import { ConnectionClosedError } from '../src/index.js';
import { rtmBed, token } from './helpers/rtm-bed.js';

const bed = rtmBed();
const client = bed.client;

it('a disconnect push with a reason too long for a close frame still closes the socket', async () => {
  const c = client(() => token(), { reconnect: false });
  await c.login();
  const conn = bed.server.conns[0]!;
  conn.push('agent_disconnected', { reason: 'x'.repeat(200) });
  await bed.server.waitFor(() => c.state === 'closed');
  await bed.server.waitFor(() => conn.ws.readyState >= 2, 2000);
  expect(conn.ws.readyState).toBeGreaterThanOrEqual(2);
});

it('no close event with willReconnect: true follows the final close when a state listener closes the client', async () => {
  const c = client(() => token(), { reconnect: { initialDelay: 10, maxDelay: 10 } });
  await c.login();
  const log: string[] = [];
  c.onEvent('state', ({ to }) => {
    log.push(`state:${to}`);
    if (to === 'reconnecting') void c.close();
  });
  c.onEvent('close', ({ willReconnect }) => log.push(`close:${willReconnect}`));
  bed.server.conns[0]!.close(1011, 'bye');
  await bed.server.waitFor(() => c.state === 'closed');
  await new Promise((r) => setTimeout(r, 50));
  expect(log).toEqual(['state:reconnecting', 'state:closed', 'close:false']);
});

it('a disconnect push during the first login is reported (disconnected event) and its data is on the error', async () => {
  const c = client(() => token());
  const events: unknown[] = [];
  c.onEvent('disconnected', (d) => events.push(d));
  bed.server.loginHandler = (_f, conn) => {
    // (`misdirected_connection` is followed to its region instead: rtm-misdirected.test.ts)
    conn.push('agent_disconnected', { reason: 'too_many_connections', data: { limit: 3 } });
    return 'none';
  };
  const err = await c.login().catch((e: unknown) => e);
  expect(events).toEqual([{ reason: 'too_many_connections', data: { limit: 3 }, willReconnect: false }]);
  expect(err).toBeInstanceOf(ConnectionClosedError);
  expect(err).toMatchObject({ action: 'login', reason: 'too_many_connections', data: { limit: 3 } });
});
