// A real RTM test server: `ws` WebSocketServer on 127.0.0.1, port 0. It answers `login` and `ping`
// like the platform, lets each test decide how other actions are answered, records every frame and
// tracks how many requests are pending (received, not answered) per socket.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ClientFrame {
  request_id?: string;
  action: string;
  payload: Record<string, unknown>;
}

/** What a handler returns: a payload to answer with, an error, `'none'` (never answer) or a promise of those. */
export type Reply = { payload: unknown } | { error: { type: string; message: string; data?: unknown } } | 'none';
export type Handler = (frame: ClientFrame, conn: TestConn) => Reply | Promise<Reply>;

export interface TestConn {
  readonly ws: WebSocket;
  readonly url: URL;
  readonly frames: ClientFrame[];
  /** Requests received and not answered yet on this socket. */
  pending: number;
  maxPending: number;
  loggedIn: boolean;
  send(frame: unknown): void;
  sendRaw(text: string): void;
  push(action: string, payload: unknown): void;
  reply(frame: ClientFrame, reply: Reply): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
}

export interface RtmTestServer {
  /** `ws://127.0.0.1:<port>` — pass as `apiUrl`. */
  readonly url: string;
  readonly conns: TestConn[];
  /** The `token` of every login, in order. */
  readonly logins: string[];
  /** How actions other than login/ping are answered (default: `{ payload: { echo: payload } }`). */
  handler: Handler;
  /** How login is answered (default: success with `{ login: n }`). */
  loginHandler: Handler;
  /** Answer `ping` (default true). */
  answerPings: boolean;
  /** Resolves when `pred` returns something truthy (polled on every I/O turn, up to `ms` of real time). */
  waitFor<T>(pred: () => T | undefined | null | false, ms?: number): Promise<T>;
  /** The connection at index `i` once it exists. */
  conn(i: number): Promise<TestConn>;
  dropAll(): void;
  close(): Promise<void>;
}

const realNow = (): number => Number(process.hrtime.bigint() / 1_000_000n);
const realTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function startRtmServer(): Promise<RtmTestServer> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  const conns: TestConn[] = [];
  const logins: string[] = [];

  const server: RtmTestServer = {
    url: `ws://127.0.0.1:${port}`,
    conns,
    logins,
    handler: (frame) => ({ payload: { echo: frame.payload } }),
    loginHandler: () => ({ payload: { login: logins.length } }),
    answerPings: true,
    async waitFor(pred, ms = 3000) {
      const end = realNow() + ms;
      for (;;) {
        const v = pred();
        if (v) return v;
        if (realNow() > end) throw new Error(`waitFor: condition not met within ${ms} ms`);
        await realTurn();
      }
    },
    conn(i) {
      return server.waitFor(() => conns[i]);
    },
    dropAll() {
      for (const c of conns) c.terminate();
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
    },
  };

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const conn: TestConn = {
      ws,
      url: new URL(req.url ?? '/', server.url.replace('ws:', 'http:')),
      frames: [],
      pending: 0,
      maxPending: 0,
      loggedIn: false,
      send: (frame) => conn.sendRaw(JSON.stringify(frame)),
      sendRaw: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
      push: (action, payload) => conn.send({ action, type: 'push', payload }),
      reply(frame, reply) {
        if (reply === 'none') return;
        conn.pending--;
        const base = { request_id: frame.request_id, action: frame.action, type: 'response' };
        conn.send(
          'error' in reply
            ? { ...base, success: false, payload: { error: reply.error } }
            : { ...base, success: true, payload: reply.payload },
        );
      },
      close: (code = 1000, reason = '') => ws.close(code, reason),
      terminate: () => ws.terminate(),
    };
    conns.push(conn);
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ClientFrame;
      conn.frames.push(frame);
      if (frame.action === 'ping' && frame.request_id === undefined) {
        if (server.answerPings) conn.send({ action: 'ping', type: 'response', success: true, payload: {} });
        return;
      }
      conn.pending++;
      conn.maxPending = Math.max(conn.maxPending, conn.pending);
      const handler = frame.action === 'login' ? server.loginHandler : server.handler;
      if (frame.action === 'login') logins.push(String(frame.payload.token));
      void Promise.resolve(handler(frame, conn)).then((reply) => {
        if (frame.action === 'login' && reply !== 'none' && !('error' in reply)) conn.loggedIn = true;
        conn.reply(frame, reply);
      });
    });
    ws.on('error', () => {});
  });
  return server;
}
