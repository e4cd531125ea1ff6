// A recording HTTP server on 127.0.0.1, port 0: every request is kept (method, path, headers,
// parsed JSON body) and answered by `reply` (default 200 `{}`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

/** A documented method from spec/methods.json. */
export interface SpecMethod {
  api: string;
  method: string;
  version: string;
  batch_of?: string;
  http?: { method: string; url: string; path?: string };
}

const spec = JSON.parse(
  readFileSync(fileURLToPath(new URL('../spec/methods.json', import.meta.url)), 'utf8'),
) as SpecMethod[];

/** The documented 3.6 methods of `api`, in spec order. */
export const methodsOf = (api: string): SpecMethod[] => spec.filter((m) => m.api === api && m.version === '3.6');

export const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
