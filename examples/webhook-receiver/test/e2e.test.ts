// End to end: the example server (server.mjs, createWebhookHandler on node:http, port 0) receives
// real webhooks from the simulator, registered through the Configuration API with syncWebhooks.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigurationWeb } from '@lc/configuration';
import { CustomerWeb } from '@lc/customer';
import { startSimulator, type Simulator } from '@lc/testing';
import { syncWebhooks } from '@lc/webhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const SECRET = 'e2e-secret-7f3a9c';
let sim: Simulator;
let child: ChildProcessWithoutNullStreams | undefined;
let output = '';

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
});
afterEach(async () => {
  child?.kill();
  child = undefined;
  output = '';
  await sim.close();
});

/** Starts server.mjs on a free port; resolves with its URL once it listens. */
async function startReceiver(): Promise<string> {
  const server = fileURLToPath(new URL('../server.mjs', import.meta.url));
  child = spawn(process.execPath, [server], { env: { ...process.env, PORT: '0', LC_WEBHOOK_SECRET: SECRET } });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const port = await vi.waitFor(
    () => {
      const m = /Receiving LiveChat webhooks on http:\/\/localhost:(\d+)\//.exec(output);
      if (!m) throw new Error(`receiver not listening yet: ${output}`);
      return Number(m[1]);
    },
    { timeout: 10_000, interval: 20 },
  );
  expect(port).toBeGreaterThan(0);
  return `http://127.0.0.1:${port}/webhooks`;
}

describe('examples/webhook-receiver against the simulator', () => {
  it('receives incoming_chat and incoming_event registered with syncWebhooks, and refuses a wrong secret', async () => {
    const url = await startReceiver();
    const owner = sim.agents[0]!;
    const config = new ConfigurationWeb(
      () => ({ accessToken: owner.accessToken, organizationID: sim.organizationId, tokenType: 'Bearer' }),
      {
        apiUrl: sim.url,
      },
    );

    const synced = await syncWebhooks(config, {
      owner_client_id: sim.clientId,
      url,
      secret_key: SECRET,
      type: 'license',
      webhooks: [{ action: 'incoming_chat' }, { action: 'incoming_event', filters: { author_type: 'customer' } }],
    });
    expect(synced.registered.map((w) => w.action).sort()).toEqual(['incoming_chat', 'incoming_event']);
    // Registering again changes nothing.
    const again = await syncWebhooks(config, {
      owner_client_id: sim.clientId,
      url,
      secret_key: SECRET,
      type: 'license',
      webhooks: [{ action: 'incoming_chat' }, { action: 'incoming_event', filters: { author_type: 'customer' } }],
    });
    expect(again.registered).toEqual([]);
    expect(again.unregistered).toEqual([]);
    // A webhook with another secret, to the same receiver: it must be refused.
    const { id: impostorId } = await config.registerWebhook({
      action: 'incoming_chat',
      secret_key: 'not-the-secret',
      url,
      owner_client_id: sim.clientId,
      type: 'license',
    });

    // The cause: a customer starts a chat with a message, then sends another.
    const customer = new CustomerWeb(
      () => ({ accessToken: sim.customer.accessToken, organizationID: sim.organizationId, tokenType: 'Bearer' }),
      {
        apiUrl: sim.url,
      },
    );
    const { chat_id } = await customer.startChat({
      chat: { thread: { events: [{ type: 'message', text: 'Hi', visibility: 'all' }] } },
    });
    await customer.sendEvent({ chat_id, event: { type: 'message', text: 'Anyone?', visibility: 'all' } });
    await sim.flushWebhooks();

    const deliveries = sim.webhookDeliveries();
    const ours = deliveries.filter((d) => d.webhookId !== impostorId);
    expect(ours.map((d) => [d.action, d.status])).toEqual([
      ['incoming_chat', 200],
      ['incoming_event', 200],
    ]);
    expect(ours[0]!.body.secret_key).toBe(SECRET);
    expect(deliveries.filter((d) => d.webhookId === impostorId).map((d) => d.status)).toEqual([401]);

    await vi.waitFor(() => {
      expect(output).toContain(`incoming_chat ${chat_id}`);
      expect(output).toContain(`incoming_event message in ${chat_id}`);
      expect(output).toContain('refused: 401');
    });
    // The secret is never logged.
    expect(output).not.toContain(SECRET);
  }, 30_000);
});
