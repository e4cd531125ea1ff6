// Raw clients for the tests: `ws` frames and `fetch`, never the SDK packages.
import WebSocket from 'ws';
import type { Simulator } from '../src/index.js';

export interface Frame {
  request_id?: string;
  action: string;
  type: 'response' | 'push';
  success?: boolean;
  version?: string;
  payload: any;
}

/** A raw RTM socket that records every frame and can wait for one. */
export class Rtm {
  readonly frames: Frame[] = [];
  private waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private seq = 0;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      for (const w of [...this.waiters]) {
        if (w.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static open(sim: Simulator, api: 'agent' | 'customer', version = '3.6'): Promise<Rtm> {
    const ws = new WebSocket(`${sim.wsUrl}/v${version}/${api}/rtm/ws?organization_id=${sim.organizationId}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Rtm(ws)));
      ws.once('error', reject);
    });
  }

  /** Opens a socket and logs in with `token`; resolves with the socket and the login response. */
  static async login(
    sim: Simulator,
    api: 'agent' | 'customer',
    token: string,
    payload: object = {},
    version = '3.6',
  ): Promise<{ rtm: Rtm; login: Frame }> {
    const rtm = await Rtm.open(sim, api, version);
    const login = await rtm.request('login', { token: `Bearer ${token}`, ...payload });
    if (!login.success) throw new Error(`login failed: ${JSON.stringify(login.payload)}`);
    return { rtm, login };
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Sends an action and resolves with its response frame. */
  request(action: string, payload: object = {}): Promise<Frame> {
    const request_id = `r${++this.seq}`;
    const response = this.waitFor((f) => f.type === 'response' && f.request_id === request_id);
    this.send({ request_id, action, payload });
    return response;
  }

  /** Resolves with the next (or an already received, unconsumed) frame that matches. */
  waitFor(match: (f: Frame) => boolean, timeout = 2000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error('timed out waiting for a frame'));
      }, timeout);
      const done = (f: Frame) => {
        clearTimeout(timer);
        resolve(f);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** The next push named `action` (optionally matching `where`). */
  push(action: string, where: (payload: any) => boolean = () => true, timeout?: number): Promise<Frame> {
    const seen = this.frames.find(
      (f) => f.type === 'push' && f.action === action && where(f.payload) && !this.consumed.has(f),
    );
    if (seen) {
      this.consumed.add(seen);
      return Promise.resolve(seen);
    }
    return this.waitFor((f) => f.type === 'push' && f.action === action && where(f.payload), timeout).then((f) => {
      this.consumed.add(f);
      return f;
    });
  }

  private consumed = new WeakSet<Frame>();

  pushes(action: string): Frame[] {
    return this.frames.filter((f) => f.type === 'push' && f.action === action);
  }

  close(): void {
    this.ws.close();
  }
}

export interface WebOptions {
  token?: string;
  basic?: string;
  /** Customer Web: the `organization_id` query parameter (default: the simulator's). */
  organizationId?: string | null;
  method?: string;
  version?: string;
  query?: Record<string, string>;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** Calls a Web API action; resolves with the HTTP status, parsed body and headers. */
export async function web(
  sim: Simulator,
  api: 'agent' | 'customer' | 'configuration',
  action: string,
  payload?: object,
  options: WebOptions = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const url = new URL(`${sim.url}/v${options.version ?? '3.6'}/${api}/action/${action}`);
  if (api === 'customer' && options.organizationId !== null)
    url.searchParams.set('organization_id', options.organizationId ?? sim.organizationId);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.basic) headers.authorization = `Basic ${options.basic}`;
  let body = options.body;
  if (body === undefined && payload !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(payload);
  }
  const res = await fetch(url, { method: options.method ?? 'POST', headers, body: body ?? null });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** Resolves after `ms`. */
export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value. */
export async function until<T>(check: () => T | undefined | false, timeout = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error('condition not met in time');
    await delay(5);
  }
}
