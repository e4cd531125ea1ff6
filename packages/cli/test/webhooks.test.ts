import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { cleanEnv, exited, expectNoSecrets, lc, start, waitFor } from './helpers.js';

const SECRET = 'webhook-secret-never-printed';
afterAll(() => expectNoSecrets([SECRET]));

const webhook = (secret: string) => ({
  webhook_id: 'wh-1',
  secret_key: secret,
  action: 'incoming_event',
  organization_id: 'org-1',
  payload: { chat_id: 'C1', thread_id: 'T1', event: { id: 'E1', type: 'message', text: 'hi' } },
  additional_data: {},
});

/** A receiver for --forward-to that records what it is sent. */
async function target(): Promise<{ url: string; bodies: unknown[]; close: () => void }> {
  const bodies: unknown[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    bodies.push(JSON.parse(text));
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => server.close() };
}

it('verifies, prints (without the secret) and forwards webhooks; rejects a wrong secret; exits 0 on Ctrl+C', async () => {
  const forward = await target();
  const listen = start(
    ['webhooks', 'listen', '--port', '0', '--secret', SECRET, '--forward-to', forward.url],
    cleanEnv(),
  );
  const [, url] = await waitFor(listen.err, /listening on (http:\/\/\S+)/);

  const good = await fetch(url!, { method: 'POST', body: JSON.stringify(webhook(SECRET)) });
  expect(good.status).toBe(200);
  await waitFor(listen.err, /forwarded incoming_event to .*: HTTP 200/);
  const printed = JSON.parse(listen.out());
  expect(printed).toMatchObject({ action: 'incoming_event', payload: { chat_id: 'C1' } });
  expect(printed.secret_key).toBeUndefined();
  expect(forward.bodies).toEqual([webhook(SECRET)]);

  const bad = await fetch(url!, { method: 'POST', body: JSON.stringify(webhook('wrong-secret')) });
  expect(bad.status).toBe(401);
  await waitFor(listen.err, /rejected a request: /);
  expect(forward.bodies).toHaveLength(1);

  listen.kill('SIGINT');
  expect(await exited(listen)).toBe(0);
  forward.close();
});

it('takes the secret from LC_WEBHOOK_SECRET; without one it is a usage error', async () => {
  const missing = await lc(['webhooks', 'listen', '--port', '0'], cleanEnv());
  expect(missing.code).toBe(2);
  const listen = start(['webhooks', 'listen', '--port', '0'], cleanEnv({ LC_WEBHOOK_SECRET: SECRET }));
  await waitFor(listen.err, /listening on/);
  listen.kill('SIGTERM');
  expect(await exited(listen)).toBe(0);
});
