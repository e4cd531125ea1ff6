/**
 * A declarative HTTP test server on 127.0.0.1, port 0: routes map `METHOD /path` (or `/path` for
 * any method) to a reply, replies can be queued per route (one per request, the last repeats),
 * every request is recorded. Reusable by every package's Web tests.
 *
 * ```ts
 * const server = await startHttpServer({ 'POST /v3.6/agent/action/list_chats': { json: { chats_summary: [] } } });
 * // ... server.url, server.requests, server.route(...), await server.close()
 * ```
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers. */
export type Reply =
  | {
      status?: number;
      /** Status message (default: node's). */
      statusText?: string;
      headers?: Record<string, string | string[]>;
      /** Serialised as JSON with `content-type: application/json`. */
      json?: unknown;
      /** Sent as is (wins over `json`). */
      body?: string;
      /** Milliseconds (real time) before answering. */
      delay?: number;
    }
  /** Accept the request and never answer (until the server closes). */
  | { hang: true }
  /** Destroy the socket without answering (a network error for the client). */
  | { destroy: true }
  /** Send the head and half the body, then destroy the socket. */
  | { truncate: true; status?: number; body: string }
  /** Compute the reply from the request. */
  | ((request: RecordedRequest) => Reply | Promise<Reply>);

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  /** Raw query string without `?` (`''` when none). */
  search: string;
  /** Parsed query; a repeated key gives an array. */
  query: Record<string, string | string[]>;
  /** Lower-cased names. */
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Parsed body when it is JSON, else `undefined`. */
  json: unknown;
  /** Client port of the connection (equal ports: a kept-alive connection was reused). */
  remotePort: number | undefined;
}

export interface HttpTestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Every request so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Sets (or replaces) the replies of a route; a list is answered in order, its last entry repeating. */
  route(key: string, reply: Reply | Reply[]): void;
  /** Resolves once `count` requests in total have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Closes every connection (hanging ones included) and the server. */
  close(): Promise<void>;
}

/** Starts a server; unknown routes answer 404 with a platform-style `not_found` error body. */
export async function startHttpServer(routes: Record<string, Reply | Reply[]> = {}): Promise<HttpTestServer> {
  const table = new Map<string, Reply[]>();
  const served = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const route = (key: string, reply: Reply | Reply[]): void => {
    table.set(key, Array.isArray(reply) ? reply : [reply]);
    served.set(key, 0);
  };
  for (const [key, reply] of Object.entries(routes)) route(key, reply);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      const query: Record<string, string | string[]> = {};
      for (const [key, value] of url.searchParams) {
        const prev = query[key];
        query[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      }
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        search: url.search.slice(1),
        query,
        headers: req.headers,
        body,
        json,
        remotePort: req.socket.remotePort,
      };
      requests.push(recorded);
      for (const w of waiters.splice(0)) {
        if (requests.length >= w.count) w.resolve();
        else waiters.push(w);
      }
      const key = table.has(`${recorded.method} ${recorded.path}`)
        ? `${recorded.method} ${recorded.path}`
        : recorded.path;
      const replies = table.get(key);
      let reply: Reply;
      if (replies === undefined) {
        reply = {
          status: 404,
          json: { error: { type: 'not_found', message: `No route for ${recorded.method} ${recorded.path}` } },
        };
      } else {
        const n = served.get(key) ?? 0;
        served.set(key, n + 1);
        reply = replies[Math.min(n, replies.length - 1)]!;
      }
      void answer(res, recorded, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    route,
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(res: http.ServerResponse, request: RecordedRequest, reply: Reply): Promise<void> {
  let r = reply;
  while (typeof r === 'function') r = await r(request);
  if ('hang' in r) return;
  if ('destroy' in r) {
    res.socket?.destroy();
    return;
  }
  if ('truncate' in r) {
    res.writeHead(r.status ?? 200, { 'content-length': Buffer.byteLength(r.body) });
    res.write(r.body.slice(0, Math.floor(r.body.length / 2)));
    realSetTimeout(() => res.socket?.destroy(), 10);
    return;
  }
  if (r.delay) await new Promise((resolve) => realSetTimeout(resolve, r.delay));
  const body = r.body ?? (r.json === undefined ? '' : JSON.stringify(r.json));
  const headers: Record<string, string | string[]> = {};
  if (r.body === undefined && r.json !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, r.headers);
  if (r.statusText === undefined) res.writeHead(r.status ?? 200, headers);
  else res.writeHead(r.status ?? 200, r.statusText, headers);
  res.end(body);
}

// Captured at import so a test's fake timers never stall the server.
const realSetTimeout = globalThis.setTimeout;
