// @ts-check
// A tiny webhook receiver built on @lc/webhooks.
//
//   node server.mjs               listen on $PORT (default 3000) and log the webhooks that arrive
//   node server.mjs --self-test   listen on a free local port, POST sample webhooks to itself,
//                                 check the answers, and exit 0 (or 1 if something is off)
//
// Register the URL and the same secret with LiveChat (Configuration API register_webhook, or
// syncWebhooks from @lc/webhooks) to receive real webhooks.
import { createServer } from 'node:http';
import { createWebhookHandler } from '@lc/webhooks';

const secret = process.env.LC_WEBHOOK_SECRET || 'local-dev-secret';
const selfTest = process.argv.includes('--self-test');

/** @type {string[]} */
const received = [];

const handler = createWebhookHandler({
  secret,
  on: {
    incoming_chat: (webhook) => {
      received.push(`incoming_chat ${webhook.payload.chat.id}`);
    },
    incoming_event: (webhook) => {
      received.push(`incoming_event ${webhook.payload.event.type} in ${webhook.payload.chat_id}`);
    },
  },
  fallback: (webhook) => {
    received.push(`unhandled ${webhook.action}`);
  },
  onError: (error) => console.warn(`refused: ${error.status} ${error.reason}`),
});

const server = createServer((req, res) => {
  void handler(req, res).then(() => {
    if (received.length > 0) console.log(`received: ${received.splice(0).join(', ')}`);
  });
});

/**
 * A sample webhook envelope, as LiveChat would send it.
 * @param {string} action
 * @param {unknown} payload
 * @param {string} key
 */
function sample(action, payload, key = secret) {
  return {
    webhook_id: `sample-${action}`,
    secret_key: key,
    action,
    organization_id: '390e44e6-f1e6-0368c-z6ddb-74g14508c2ex',
    payload,
    additional_data: {},
  };
}

/** Posts sample webhooks to the running server and checks each answer. */
async function runSelfTest(/** @type {string} */ url) {
  const chat = { id: 'PJ0MRSHTDG', users: [], thread: { id: 'K600PKZON8', events: [] } };
  const event = { id: 'K600PKZON8_1', type: 'message', text: 'Hello', created_at: '2026-01-01T00:00:00.000000Z' };
  /** @type {Array<[string, RequestInit, number]>} */
  const checks = [
    ['incoming_chat', { method: 'POST', body: JSON.stringify(sample('incoming_chat', { chat })) }, 200],
    [
      'incoming_event',
      {
        method: 'POST',
        body: JSON.stringify(sample('incoming_event', { chat_id: 'PJ0MRSHTDG', thread_id: 'K600PKZON8', event })),
      },
      200,
    ],
    [
      'an action with no handler',
      {
        method: 'POST',
        body: JSON.stringify(sample('thread_tagged', { chat_id: 'PJ0MRSHTDG', thread_id: 'K600PKZON8', tag: 'vip' })),
      },
      200,
    ],
    [
      'a wrong secret',
      { method: 'POST', body: JSON.stringify(sample('incoming_chat', { chat }, 'wrong-secret')) },
      401,
    ],
    ['malformed JSON', { method: 'POST', body: '{"action":' }, 400],
    ['a GET', { method: 'GET' }, 405],
  ];
  let failures = 0;
  for (const [name, init, expected] of checks) {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    const ok = res.status === expected;
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${res.status} (expected ${expected})`);
  }
  return failures;
}

if (selfTest) {
  server.listen(0, '127.0.0.1', async () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    let failures = 1;
    try {
      failures = await runSelfTest(`http://127.0.0.1:${port}/webhooks`);
    } catch (error) {
      console.error(error);
    } finally {
      server.close();
    }
    console.log(failures === 0 ? 'self-test passed' : `self-test failed (${failures})`);
    process.exitCode = failures === 0 ? 0 : 1;
  });
} else {
  const port = Number(process.env.PORT || 3000);
  server.listen(port, () => {
    // The bound port: PORT=0 picks a free one.
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    console.log(`Receiving LiveChat webhooks on http://localhost:${bound}/ (secret from LC_WEBHOOK_SECRET)`);
  });
}
