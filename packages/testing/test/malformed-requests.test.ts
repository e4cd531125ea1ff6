// Malformed URLs and cookies are client errors: never a 500 internal, never a crash of the process.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

const auth = () => ({ authorization: `Bearer ${sim.agents[0]!.accessToken}`, 'content-type': 'application/json' });

/** Sends raw request bytes; resolves with the status line (or 'no answer'). */
async function raw(head: string): Promise<string> {
  const socket = connect({ port: sim.port, host: '127.0.0.1' });
  await new Promise((r) => socket.once('connect', r));
  socket.write(head);
  const data = await Promise.race([
    new Promise<Buffer>((r) => socket.once('data', r)),
    new Promise<string>((r) => setTimeout(() => r('no answer'), 1000)),
  ]);
  socket.destroy();
  return String(data).split('\r\n')[0]!;
}

it('a malformed percent-encoded action name is 404 not_found', async () => {
  const res = await fetch(`${sim.url}/v3.6/agent/action/%E0%A4%A`, { method: 'POST', headers: auth(), body: '{}' });
  expect(res.status).toBe(404);
  expect((await res.json()).error.type).toBe('not_found');
});

it('a malformed percent-encoded organization id is 400 invalid_request', async () => {
  const res = await fetch(`${sim.url}/v2/organizations/%E0%A4%A`, { headers: auth() });
  expect(res.status).toBe(400);
  expect((await res.json()).error).toBe('invalid_request');
});

it('a malformed __lc_cid cookie is treated as absent: a new customer', async () => {
  const res = await fetch(`${sim.url}/v2/customer/token`, {
    method: 'POST',
    headers: { cookie: '__lc_cid=%E0%A4%A; __lc_cst=x', 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'cookie', client_id: sim.clientId, organization_id: sim.organizationId }),
  });
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.entity_id).toEqual(expect.any(String));
  expect(res.headers.get('set-cookie')).toContain(`__lc_cid=${body.entity_id}`);
});

it('an unparseable request target is 400, over HTTP and on a WebSocket upgrade (no uncaught exception)', async () => {
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);
  process.on('uncaughtException', onUncaught);
  try {
    expect(await raw('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    const upgrade =
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
    expect(await raw(`GET http://[ HTTP/1.1\r\nHost: x\r\n${upgrade}\r\n`)).toBe('HTTP/1.1 400 Bad Request');
  } finally {
    process.off('uncaughtException', onUncaught);
  }
  expect(uncaught).toEqual([]);
  const res = await fetch(`${sim.url}/v3.6/agent/action/list_chats`, { method: 'POST', headers: auth(), body: '{}' });
  expect(res.status).toBe(200);
});
