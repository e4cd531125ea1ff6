// Local servers the tests talk to: a recording HTTP server (Web API, accounts service) and a
// recording WebSocket server (RTM API) on 127.0.0.1, port 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  /** The JSON body, when the request had one. */
  body: unknown;
  /** The last path segment (the action name for `/v3.x/<api>/action/<name>`). */
  action: string;
}

export type HttpReply = { status?: number; body?: unknown; text?: string; headers?: Record<string, string> };

export interface HttpServer {
  url: string;
  seen: SeenRequest[];
  /** Decides the reply per request; default 200 `{}`. */
  reply: (req: SeenRequest) => HttpReply | Promise<HttpReply>;
  close(): Promise<void>;
}

export async function startHttp(): Promise<HttpServer> {
  const seen: SeenRequest[] = [];
  const state: HttpServer = {
    url: '',
    seen,
    reply: () => ({ body: {} }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      let body: unknown;
      if (/json/.test(String(req.headers['content-type'])) && raw.length) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = undefined;
        }
      }
      const record: SeenRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        raw,
        body,
        action: url.pathname.split('/').filter(Boolean).pop() ?? '',
      };
      seen.push(record);
      const r = await state.reply(record);
      const text = r.text ?? JSON.stringify(r.body ?? {});
      res.writeHead(r.status ?? 200, {
        'content-type': r.text !== undefined ? 'text/plain' : 'application/json',
        ...r.headers,
      });
      res.end(text);
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = state.close;
  state.close = async () => {
    server.closeAllConnections();
    await close();
  };
  return state;
}

export interface Frame {
  request_id?: string;
  action: string;
  payload?: Record<string, unknown>;
  version?: string;
}

export interface RtmServer {
  url: string;
  /** Every frame received, pings excluded. */
  frames: Frame[];
  /** Request URLs of the connections. */
  connections: string[];
  /** Decides the response payload per frame; default `{}`. */
  reply: (frame: Frame) => unknown;
  sockets: Set<WebSocket>;
  push(action: string, payload: unknown): void;
  close(): Promise<void>;
}

export async function startRtm(): Promise<RtmServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const state: RtmServer = {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    frames: [],
    connections: [],
    reply: () => ({}),
    sockets: new Set(),
    push(action, payload) {
      for (const s of state.sockets) s.send(JSON.stringify({ action, type: 'push', payload, version: '3.6' }));
    },
    close: async () => {
      for (const s of state.sockets) s.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  wss.on('connection', (socket, req) => {
    state.sockets.add(socket);
    state.connections.push(req.url ?? '');
    socket.on('close', () => state.sockets.delete(socket));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.action !== 'ping') state.frames.push(frame);
      const payload = frame.action === 'ping' ? {} : state.reply(frame);
      socket.send(
        JSON.stringify({
          request_id: frame.request_id,
          action: frame.action,
          type: 'response',
          success: true,
          payload,
        }),
      );
    });
  });
  return state;
}
