// What most RTM tests share: a fresh test server for each test, and an agent client on it that is
// closed after the test.
import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import {
  createRTMClient,
  type RTMClient,
  type RTMClientOptions,
  type Token,
  type TokenGetter,
  type WebSocketConstructor,
} from '../../src/index.js';
import { DISCONNECT } from './disconnect.js';
import { type RtmTestServer, startRtmServer } from './ws-server.js';

export const WS = WebSocket as unknown as WebSocketConstructor;

export const token = (accessToken = 'SECRET-ACCESS-1'): Token => ({
  accessToken,
  tokenType: 'Bearer',
  organizationID: 'org-1',
});

/** Registers the test server's set-up and tear-down; `defaults` apply to every client of the file. */
export function rtmBed(defaults: Partial<RTMClientOptions> = {}) {
  const clients: RTMClient[] = [];
  const bed = {
    server: undefined as unknown as RtmTestServer,
    client(getter: TokenGetter = () => token(), options: Partial<RTMClientOptions> = {}): RTMClient {
      const c = createRTMClient(WS, getter, {
        api: 'agent',
        apiUrl: bed.server.url,
        disconnect: DISCONNECT.agent,
        ...defaults,
        ...options,
      });
      clients.push(c);
      return c;
    },
  };
  beforeEach(async () => {
    bed.server = await startRtmServer();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await bed.server.close();
  });
  return bed;
}
