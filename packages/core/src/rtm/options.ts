import type { TokenGetter } from '../auth/index.js';
import { InputError } from '../errors/index.js';
import type { RequestOptions } from '../web/types.js';
import type { DisconnectOptions, ReconnectOptions, RTMClientOptions, WebSocketConstructor } from './types.js';

// Checks of everything a caller hands the RTM client: options, actions, payloads. Each failure is an
// InputError thrown before anything is sent.

export const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

export const invalid = (field: string, action?: string): never => {
  throw new InputError(`Invalid ${field}`, { field, action });
};

const nonNegative = (n: number): boolean => n >= 0;

/** A numeric option (`ok`: a number > 0 unless told, `Infinity` included), or its default. */
const num = (value: number | undefined, fallback: number, field: string, ok = (n: number): boolean => n > 0): number =>
  value === undefined ? fallback : typeof value === 'number' && ok(value) ? value : invalid(field);

/**
 * The checked settings of a client, with their defaults, named as the client's fields (the client
 * copies them with `Object.assign`).
 */
export interface RTMSettings {
  WebSocket_: WebSocketConstructor;
  tokenGetter_: TokenGetter;
  /** `<scheme>://<host>/v<version>/<api>/rtm/ws` */
  baseUrl_: string;
  apiVersion_: string;
  requestTimeout_: number;
  maxPending_: number;
  heartbeatInterval_: number;
  heartbeatTimeout_: number;
  reconnect_: Required<ReconnectOptions> | false;
  relogin_: ((payload: object) => object) | undefined;
  /** The push the platform sends before it closes the socket, and the reasons that end the session. */
  disconnect_: DisconnectOptions | undefined;
}

export function readOptions(
  WebSocket: WebSocketConstructor | undefined,
  tokenGetter: TokenGetter,
  o: RTMClientOptions,
): RTMSettings {
  const api = o?.api;
  if (api !== 'agent' && api !== 'customer') invalid('api');
  if (typeof tokenGetter !== 'function') invalid('tokenGetter');
  const WS = WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (typeof WS !== 'function')
    throw new InputError('No WebSocket implementation: pass one (`ws` on Node < 22)', {
      field: 'WebSocket',
    });
  const r = o.reconnect;
  if (r !== false && r !== undefined && !isObject(r)) invalid('reconnect');
  if (o.relogin !== undefined && typeof o.relogin !== 'function') invalid('relogin');
  // Only what rtmHooks() built: plain ClientHooks would otherwise be ignored without a word.
  if (o.hooks !== undefined && typeof o.hooks?.install_ !== 'function') invalid('hooks');
  const version = apiVersion(o.apiVersion);
  return {
    WebSocket_: WS,
    tokenGetter_: tokenGetter,
    // One flat string shared by every client with the same settings (property keys are interned).
    baseUrl_: Object.keys({ [[apiUrl(o.apiUrl), '/v', version, '/', api, '/rtm/ws'].join('')]: 0 })[0]!,
    apiVersion_: version,
    requestTimeout_: num(o.requestTimeout, 15_000, 'requestTimeout'),
    maxPending_: num(o.maxPending, 10, 'maxPending', (n) => n > 0 && n % 1 === 0),
    heartbeatInterval_: num(o.heartbeatInterval, 15_000, 'heartbeatInterval'),
    heartbeatTimeout_: num(o.heartbeatTimeout, 10_000, 'heartbeatTimeout'),
    // The defaults are written once, here: `reconnect` left out gets them all.
    reconnect_: r !== false && {
      initialDelay: num(r?.initialDelay, 500, 'reconnect.initialDelay', nonNegative),
      maxDelay: num(r?.maxDelay, 30_000, 'reconnect.maxDelay', nonNegative),
      factor: num(r?.factor, 2, 'reconnect.factor', (n) => n > 0 && n < Infinity),
      maxAttempts: num(r?.maxAttempts, Infinity, 'reconnect.maxAttempts', nonNegative),
    },
    relogin_: o.relogin,
    disconnect_: o.disconnect,
  };
}

/** `wss://api.livechatinc.com` by default; `ws(s)://` kept, `http(s)://` mapped to `ws(s)://`, a bare host gets `wss://`. */
function apiUrl(value: unknown = 'wss://api.livechatinc.com'): string {
  let url: URL | undefined;
  try {
    const s = (value as string).trim();
    url = new URL((s.includes('://') ? s : `wss://${s}`).replace(/^http/i, 'ws'));
  } catch {
    // not a string, or not a URL: reported below
  }
  if (!url || !/^wss?:$/.test(url.protocol) || url.search || url.hash) invalid('apiUrl');
  return `${url!.protocol}//${url!.host}${url!.pathname.replace(/\/+$/, '')}`;
}

function apiVersion(value: unknown = '3.6'): string {
  const v = typeof value === 'string' ? value.replace(/^v/, '') : '';
  return /^\d+\.\d+$/.test(v) ? v : invalid('apiVersion');
}

export function checkPayload(payload: unknown, action: string): void {
  if (payload !== undefined && !isObject(payload))
    throw new InputError(`${action}: payload must be an object`, { action, field: 'payload' });
}

/** The action and payload of call() and callWithToken(). */
export function checkCall(action: string, payload: object | undefined): object {
  if (typeof action !== 'string' || !action || action === 'login')
    throw new InputError(action === 'login' ? 'Use login() to log in' : 'Invalid action', { field: 'action' });
  checkPayload(payload, action);
  return payload ?? {};
}

export function checkOptions(options: RequestOptions | undefined, action: string): void {
  if (options !== undefined) {
    const { timeout, signal, apiVersion } = isObject(options) ? options : invalid('options', action);
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) invalid('timeout', action);
    if (apiVersion !== undefined && !(typeof apiVersion === 'string' && /^\d+\.\d+$/.test(apiVersion)))
      invalid('apiVersion', action);
    if (signal !== undefined && typeof signal?.addEventListener !== 'function') invalid('signal', action);
  }
}
