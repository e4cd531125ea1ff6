import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Webhook } from '@lc/webhooks';
import { parseCommand } from '../args.js';
import { UsageError } from '../errors.js';
import type { GlobalFlags } from '../globals.js';
import { addSecret, printJson, writeErr, writeOut } from '../output.js';
import { untilStopped } from '../stop.js';

const HELP = `Usage: lc webhooks listen --port <n> [--secret <s>] [--host <addr>] [--forward-to <url>]

Receives LiveChat webhooks on http://<host>:<port>/ (any path), checks their secret_key against
--secret (or LC_WEBHOOK_SECRET; never printed), prints each verified webhook as JSON on stdout and,
with --forward-to, POSTs it on to that URL. Rejected requests are reported on stderr. Ctrl+C stops.
`;

/** How long a --forward-to target may take to answer (the platform waits for our answer meanwhile). */
const FORWARD_TIMEOUT = 10_000;

/** POSTs the webhook on, secret included (the receiver checks it too); reports the outcome on stderr. */
async function forward(url: string, webhook: Webhook): Promise<void> {
  const body = JSON.stringify({ ...webhook, secret_key: webhook.secret_key });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(FORWARD_TIMEOUT),
    });
    await response.body?.cancel();
    writeErr(`lc webhooks: forwarded ${webhook.action} to ${url}: HTTP ${response.status}\n`);
  } catch (error) {
    writeErr(`lc webhooks: forwarding ${webhook.action} to ${url} failed: ${(error as Error).message}\n`);
  }
}

/** `lc webhooks listen`: a local receiver built on `@lc/webhooks`, until Ctrl+C. */
export async function run(args: string[], flags: GlobalFlags): Promise<void> {
  const { values, positionals } = parseCommand(
    {
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        secret: { type: 'string' },
        'forward-to': { type: 'string' },
      },
      allowPositionals: true,
    },
    'lc webhooks --help',
  );
  if (flags.help) return writeOut(HELP);
  if (positionals[0] !== 'listen' || positionals.length > 1)
    throw new UsageError('the webhooks command is `lc webhooks listen`', 'lc webhooks --help');
  const secret = values.secret ?? process.env.LC_WEBHOOK_SECRET;
  if (!secret) throw new UsageError('--secret (or LC_WEBHOOK_SECRET) is required', 'lc webhooks --help');
  addSecret(secret);
  const port = Number(values.port);
  if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be 0–65535', 'lc webhooks --help');
  const target = values['forward-to'];
  if (target !== undefined && !URL.canParse(target))
    throw new UsageError('--forward-to must be a URL', 'lc webhooks --help');
  const { createWebhookHandler } = await import('@lc/webhooks');
  const handler = createWebhookHandler({
    secret,
    fallback: async (webhook) => {
      printJson(webhook);
      if (target) await forward(target, webhook);
    },
    onError: (error) => writeErr(`lc webhooks: rejected a request: ${error.reason}: ${error.message}\n`),
  });
  const server = createServer(handler.node);
  const stopped = untilStopped();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, values.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  writeErr(`lc webhooks: listening on http://${host}:${address.port}/ (Ctrl+C stops)\n`);
  await stopped;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
