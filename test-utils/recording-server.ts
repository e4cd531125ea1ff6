// A recording HTTP server on 127.0.0.1, port 0: every request is kept (method, path, headers,
// parsed JSON body) and answered by `reply` (default 200 `{}`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  text?: string;
}

export interface TestServer {
  readonly url: string;
  readonly seen: Seen[];
  reply: (req: Seen) => Reply | Promise<Reply>;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const entry: Seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      void Promise.resolve(state.reply(entry)).then((r) => {
        res.writeHead(r.status ?? 200, { 'content-type': r.text === undefined ? 'application/json' : 'text/html' });
        res.end(r.text ?? JSON.stringify(r.body ?? {}));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: TestServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    reply: () => ({ body: {} }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

export { camel, methodsOf, type SpecMethod } from '../scripts/gen/spec.mjs';
