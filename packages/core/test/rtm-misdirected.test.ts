// A region the caller did not know: the platform answers a connection in the wrong data center with
// the `misdirected_connection` disconnect push naming the region to use. The client follows it once,
// keeps the region for every later connection, and never loops between two regions.
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ConnectionClosedError,
  createRTMClient,
  type RTMClient,
  type RTMEvents,
  type WebSocketConstructor,
} from '../src/index.js';
import { DISCONNECT } from './helpers/disconnect.js';
import { startRtmServer, type RtmTestServer, type TestConn } from './helpers/ws-server.js';

let server: RtmTestServer;
const clients: RTMClient[] = [];
/** A token without region (a PAT, or a token without a `dal:` prefix): the client cannot know where to go. */
function client(): RTMClient {
  const c = createRTMClient(
    WebSocket as unknown as WebSocketConstructor,
    () => ({ accessToken: 'no-region', tokenType: 'Bearer', organizationID: 'o' }),
    { api: 'agent', apiUrl: server.url, disconnect: DISCONNECT.agent, reconnect: { initialDelay: 1, maxDelay: 1 } },
  );
  clients.push(c);
  return c;
}
const regionOf = (conn: TestConn): string | null => conn.url.searchParams.get('region');
const misdirect = (conn: TestConn, region: string): void => {
  conn.push('agent_disconnected', { reason: 'misdirected_connection', data: { region } });
  conn.close(1000, 'misdirected');
};
/** Two data centers: `fra` serves this license; anywhere else answers with the push naming `fra`. */
function playRegions(home = 'fra'): void {
  server.loginHandler = (_f, conn) => {
    if (regionOf(conn) === home) return { payload: { region: home } };
    misdirect(conn, home);
    return 'none';
  };
}
function disconnected(c: RTMClient): Array<RTMEvents['disconnected']> {
  const log: Array<RTMEvents['disconnected']> = [];
  c.onEvent('disconnected', (e) => log.push(e));
  return log;
}

beforeEach(async () => {
  server = await startRtmServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

it('the first login follows the region named and resolves there', async () => {
  playRegions();
  const c = client();
  const log = disconnected(c);
  await expect(c.login()).resolves.toEqual({ region: 'fra' });
  expect(server.conns.map(regionOf)).toEqual([null, 'fra']);
  expect(log).toEqual([{ reason: 'misdirected_connection', data: { region: 'fra' }, willReconnect: true }]);
  expect(c.state).toBe('ready');
});

it('later reconnects go to the remembered region', async () => {
  playRegions();
  const c = client();
  await c.login();
  server.conns[1]!.terminate();
  await server.waitFor(() => server.conns.length === 3 && c.state === 'ready');
  expect(server.conns.map(regionOf)).toEqual([null, 'fra', 'fra']);
  expect(server.logins).toHaveLength(3);
});

it('a misdirected push in a live session reconnects to the region named without backoff', async () => {
  playRegions('dal');
  server.loginHandler = () => ({ payload: {} }); // the first data center serves it at first
  const c = client();
  const reconnecting: Array<RTMEvents['reconnecting']> = [];
  c.onEvent('reconnecting', (e) => reconnecting.push(e));
  await c.login();
  playRegions('fra');
  misdirect(server.conns[0]!, 'fra');
  await server.waitFor(() => server.conns.length === 2 && c.state === 'ready');
  expect(server.conns.map(regionOf)).toEqual([null, 'fra']);
  expect(reconnecting).toEqual([{ attempt: 1, delay: 0 }]);
});

it('never loops: two data centers that name each other end the login after one redirect', async () => {
  server.loginHandler = (_f, conn) => {
    misdirect(conn, regionOf(conn) === 'fra' ? 'dal' : 'fra');
    return 'none';
  };
  const c = client();
  const log = disconnected(c);
  const err = await c.login().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectionClosedError);
  expect(err).toMatchObject({ action: 'login', reason: 'misdirected_connection', data: { region: 'dal' } });
  expect(server.conns.map(regionOf)).toEqual([null, 'fra']);
  expect(log.map((e) => e.willReconnect)).toEqual([true, false]);
  expect(c.state).toBe('idle');
});

it('a region that is not a plain name is not followed', async () => {
  server.loginHandler = (_f, conn) => {
    misdirect(conn, 'fra&organization_id=evil');
    return 'none';
  };
  const c = client();
  await expect(c.login()).rejects.toBeInstanceOf(ConnectionClosedError);
  expect(server.conns).toHaveLength(1);
});
