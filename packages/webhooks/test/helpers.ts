import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  request as httpRequest,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SECRET = 'test-secret-Zq9';

export interface SpecWebhook {
  action: string;
  payload_shape: 'object' | 'array';
  payload_fields: string[];
  envelope_fields: string[];
  available_filters: string[];
}

const specFile = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../spec/pushes-webhooks.json', import.meta.url)), 'utf8'),
) as { webhooks: Array<SpecWebhook & { version: string }>; generated_from: { commit: string } };

/** The spec's 3.6 webhooks (the spec also lists each later version's; their payloads are the same). */
export const spec = { ...specFile, webhooks: specFile.webhooks.filter((w) => w.version === '3.6') };

/** A value for a documented payload field (shapes follow the docs' samples). */
function sampleValue(field: string): unknown {
  switch (field) {
    case 'chat':
      return { id: 'PJ0MRSHTDG', users: [], thread: { id: 'K600PKZON8', events: [] } };
    case 'event':
      return { id: 'K600PKZON8_1', type: 'message', text: 'hi' };
    case 'user':
      return { id: 'smith@example.com', type: 'agent' };
    case 'access':
      return { group_ids: [0, 1] };
    case 'properties':
      return { ns: { key: 'value' } };
    case 'groups':
      return [{ id: 0, priority: 'normal' }];
    case 'group_ids':
      return [0, 42];
    case 'id':
      return 'id-1';
    default:
      return `${field}-value`;
  }
}

/** A webhook envelope for `w` with every documented envelope and payload field. */
export function envelopeFor(w: SpecWebhook, secret = SECRET): Record<string, unknown> {
  const fields = Object.fromEntries(w.payload_fields.map((f) => [f, sampleValue(f)]));
  const env: Record<string, unknown> = {
    webhook_id: `wh-${w.action}`,
    secret_key: secret,
    action: w.action,
    organization_id: '390e44e6-f1e6-0368c-z6ddb-74g14508c2ex',
    payload: w.payload_shape === 'array' ? [fields] : fields,
  };
  if (w.envelope_fields.includes('additional_data')) env.additional_data = {};
  if (w.envelope_fields.includes('requester')) {
    env.requester = { user_id: 'user@example.com', account_id: 'acc-1', client_id: 'client-1' };
  }
  return env;
}

export function sample(action = 'incoming_chat', secret = SECRET): Record<string, unknown> {
  const w = spec.webhooks.find((x) => x.action === action);
  if (!w) throw new Error(`no spec entry for ${action}`);
  return envelopeFor(w, secret);
}

/** Starts a node:http server on 127.0.0.1, port 0. */
export async function listen(
  handler: RequestListener,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Reads a whole node:http response. */
export function readResponse(res: IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () =>
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
    );
    res.on('error', reject);
  });
}

/** Sends one request with node:http (no keep-alive) and reads the answer. */
export function send(
  url: string,
  init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'POST', headers: init.headers, agent: false }, (res) => {
      readResponse(res).then(resolve, reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** POSTs JSON. */
export function postJson(url: string, value: unknown): Promise<RawResponse> {
  return send(url, { body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
}
