// Test helpers for suites that run the SDK clients against the simulator (never shipped): one simulator
// per file, clients closed after each test, plain `fetch` for the APIs a package does not wrap, and a
// receiver for the simulator's outgoing POSTs (webhooks, email-verification callbacks).
// The packages resolve `@lc/testing` themselves: they pass `startSimulator` in.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** What the fixture needs of a simulator (`@lc/testing`'s `Simulator`). */
interface SimulatorLike {
  readonly url: string;
  readonly organizationId: string;
  close(): Promise<void>;
}

export interface SimFixture<S extends SimulatorLike> {
  readonly sim: S;
  /** Closes `client` after the current test. */
  track<T extends { close(): unknown }>(client: T): T;
  /** A token getter for a Bearer access token of this simulator. */
  bearer(accessToken: string): () => { accessToken: string; organizationID: string; tokenType: 'Bearer' };
  /** An action by plain fetch with a Bearer token; rejects unless the answer is 200. */
  call(api: 'agent' | 'customer' | 'configuration', action: string, accessToken: string, payload: object): Promise<any>;
}

/** Registers the hooks of one simulator for the file; use the fixture inside tests only. */
export function useSimulator<S extends SimulatorLike>(start: () => Promise<S>): SimFixture<S> {
  let sim: S | undefined;
  const clients: { close(): unknown }[] = [];
  beforeAll(async () => {
    sim = await start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await sim?.close();
  });
  const fixture: SimFixture<S> = {
    get sim() {
      if (!sim) throw new Error('the simulator starts in beforeAll');
      return sim;
    },
    track(client) {
      clients.push(client);
      return client;
    },
    bearer: (accessToken) => () => ({ accessToken, organizationID: fixture.sim.organizationId, tokenType: 'Bearer' }),
    async call(api, action, accessToken, payload) {
      const query = api === 'customer' ? `?organization_id=${fixture.sim.organizationId}` : '';
      const res = await fetch(`${fixture.sim.url}/v3.6/${api}/action/${action}${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body = await res.json();
      if (!res.ok) throw Object.assign(new Error(`${action}: ${JSON.stringify(body)}`), { status: res.status, body });
      return body;
    },
  };
  return fixture;
}

/** An HTTP server on 127.0.0.1 that records the JSON bodies POSTed to it. */
export async function startReceiver(): Promise<{ url: string; received: any[]; close(): Promise<void> }> {
  const received: any[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
