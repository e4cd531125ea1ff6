// A recording HTTP server on 127.0.0.1, port 0, standing in for the accounts service (and, in the
// end-to-end test, the Web API).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  /** JSON body (default `{}`). */
  json?: unknown;
  /** Raw text body instead of JSON. */
  text?: string;
  /** Milliseconds to wait before answering. */
  delay?: number;
  /** Never answer. */
  hang?: boolean;
}

export interface AccountsServer {
  readonly url: string;
  readonly seen: Seen[];
  reply: (req: Seen) => Reply;
  close(): Promise<void>;
}

export async function startServer(): Promise<AccountsServer> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      const r = state.reply(entry);
      if (r.hang) return;
      const send = (): void => {
        res.writeHead(r.status ?? 200, { 'content-type': r.text === undefined ? 'application/json' : 'text/html' });
        res.end(r.text ?? JSON.stringify(r.json ?? {}));
      };
      if (r.delay) setTimeout(send, r.delay);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: AccountsServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    reply: () => ({ json: {} }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

/** Every way an error can be shown or logged, joined: String, stack, JSON, and the same for each cause. */
export function everyRendering(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    parts.push(String(current));
    if (current instanceof Error) parts.push(current.stack ?? '', current.message);
    try {
      parts.push(JSON.stringify(current));
    } catch {
      parts.push('[unserialisable]');
    }
    parts.push(JSON.stringify(Object.entries(current as object)));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}
