import * as http from 'node:http';
import * as https from 'node:https';
import type { FetchLike } from '../web/types.js';

/** Options of {@link createNodeFetch}. */
export interface NodeFetchOptions {
  /** Agent for `http:` URLs. Default: a keep-alive `http.Agent` (idle sockets closed after 4 s) owned by this fetch. */
  httpAgent?: http.Agent | undefined;
  /** Agent for `https:` URLs. Default: a keep-alive `https.Agent` owned by this fetch. */
  httpsAgent?: https.Agent | undefined;
  /** Most sockets per origin for the default agents (default: unlimited, like Node's). */
  maxSockets?: number | undefined;
}

/** Stands for "the body is the Request's own stream". */
const REQUEST_BODY: unique symbol = Symbol('request body');

type BodySource = typeof REQUEST_BODY | string | Buffer | Uint8Array | ArrayBuffer | ArrayBufferView | URLSearchParams | Blob | FormData | ReadableStream | null | undefined;

/**
 * A `fetch` for Node built on `node:http` / `node:https` with keep-alive agents: about the cost of a
 * hand-written `http.request`, a fraction of Node 20's global `fetch` (undici's WHATWG layer).
 *
 * It is what `createWebClient` uses by default when `@lc/core` is loaded through the `node` export
 * condition, and can be passed as `fetch` anywhere a `FetchLike` is accepted. Differences from the
 * global `fetch`, none of which the LiveChat APIs need:
 * - the whole response body is read before the promise resolves (responses are small JSON);
 * - redirects are not followed (the 3xx response is returned as is, like `redirect: 'manual'`
 *   but with the real status);
 * - no `Accept-Encoding` is sent, so nothing is decompressed; no cookies, no cache, no proxy
 *   environment variables.
 *
 * The resolved object implements `Response` (`status`, `headers`, `text()`, `json()`,
 * `arrayBuffer()`, `clone()`, ...) without building an undici `Response`.
 * Network failures reject with `TypeError('fetch failed', { cause })`, aborts with `signal.reason`,
 * as the global `fetch` does.
 *
 * Node only: import it from `@lc/core/node`.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): FetchLike {
  let httpAgent = options.httpAgent;
  let httpsAgent = options.httpsAgent;
  // Idle sockets are closed after 4 s (or the server's shorter Keep-Alive hint), before a load
  // balancer drops them under a request: a write sent on a dead socket cannot be safely re-sent.
  const agentOptions: http.AgentOptions = { keepAlive: true, timeout: 4000 };
  if (options.maxSockets !== undefined) agentOptions.maxSockets = options.maxSockets;

  const nodeFetch = (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const isRequest = typeof input === 'object' && !(input instanceof URL);
    const method = (init?.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
    const signal = init?.signal ?? (isRequest ? input.signal : undefined) ?? undefined;
    const headers = toNodeHeaders(init?.headers ?? (isRequest ? input.headers : undefined));
    let body: BodySource;
    if (init !== undefined && 'body' in init) body = init.body;
    else if (isRequest && input.body !== null) body = REQUEST_BODY;
    const href = isRequest ? input.url : String(input);
    const target = parseTarget(href);
    if (typeof target === 'string') return Promise.reject(new TypeError(`fetch failed: ${target}`));
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const agent = target.secure ? (httpsAgent ??= new https.Agent(agentOptions)) : (httpAgent ??= new http.Agent(agentOptions));

    if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) {
      return send(target, href, agent, method, headers, body ?? undefined, signal);
    }
    return encodeBody(body, input, headers).then((bytes) => send(target, href, agent, method, headers, bytes, signal));
  };
  return nodeFetch as FetchLike;
}

/** Where a request goes, parsed once per origin. */
interface Target {
  readonly secure: boolean;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  /** `Host` header value (node adds none when headers are given as a list). */
  readonly host: string;
  readonly path: string;
}

const origins = new Map<string, Omit<Target, 'path'> | string>();
const URL_PARTS = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)([^#]*)/;

/** Splits `href` into origin (cached) and path; a string result is why the URL cannot be fetched. */
function parseTarget(href: string): Target | string {
  const parts = URL_PARTS.exec(href);
  let origin = parts === null ? undefined : origins.get(parts[1]!);
  if (parts === null || origin === undefined) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return 'invalid URL';
    }
    const secure = url.protocol === 'https:';
    origin =
      secure || url.protocol === 'http:'
        ? { secure, protocol: url.protocol, hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port, host: url.host }
        : `unsupported protocol ${url.protocol}`;
    if (parts === null || url.username || url.password) {
      return typeof origin === 'string' ? origin : { ...origin, path: url.pathname + url.search };
    }
    if (origins.size >= 64) origins.clear();
    origins.set(parts[1]!, origin);
  }
  if (typeof origin === 'string') return origin;
  const path = parts[2]!;
  return { ...origin, path: path === '' ? '/' : path.charCodeAt(0) === 63 /* ? */ ? `/${path}` : path };
}

function send(
  target: Target,
  href: string,
  agent: http.Agent,
  method: string,
  headers: string[],
  body: string | Uint8Array | undefined,
  signal: AbortSignal | null | undefined,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let req: http.ClientRequest | undefined;
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      req?.destroy();
      reject(abortReason(signal!));
    };
    const fail = (cause: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      req?.destroy();
      reject(new TypeError('fetch failed', { cause }));
    };
    if (!hasHeader(headers, 'host')) headers.push('host', target.host);
    if (body !== undefined) {
      headers.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength));
    } else if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      headers.push('content-length', '0');
    }
    try {
      req = (target.secure ? https : http).request({
        agent,
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        method,
        headers,
      });
    } catch (cause) {
      // Invalid header characters and the like; node's messages name the header, never its value.
      fail(cause);
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A connection closed mid-body emits 'error' (ECONNRESET, "aborted"), never 'end'.
      res.on('error', fail);
      res.on('end', () => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        const data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        resolve(new NodeResponse(res.statusCode ?? 0, res.statusMessage ?? '', res.rawHeaders, data, href) as unknown as Response);
      });
    });
    req.end(body);
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Request headers as node's flat `[name, value, ...]` list (content-length is set by `send`). */
function toNodeHeaders(source: HeadersInit | undefined): string[] {
  const out: string[] = [];
  if (source === undefined) return out;
  if (Array.isArray(source)) {
    for (const [name, value] of source) if (name !== undefined && value !== undefined && !isContentLength(name)) out.push(name, value);
  } else if (typeof (source as Headers).forEach === 'function' && typeof (source as Headers).get === 'function') {
    (source as Headers).forEach((value, name) => {
      if (!isContentLength(name)) out.push(name, value);
    });
  } else {
    for (const name of Object.keys(source)) {
      const value = (source as Record<string, string | undefined>)[name];
      if (value !== undefined && !isContentLength(name)) out.push(name, value);
    }
  }
  return out;
}

function isContentLength(name: string): boolean {
  return name.length === 14 && name.toLowerCase() === 'content-length';
}

function hasHeader(headers: string[], wanted: string): boolean {
  for (let i = 0; i < headers.length; i += 2) if (headers[i]!.toLowerCase() === wanted) return true;
  return false;
}

/** Bodies other than strings and bytes: let the platform encode them once (multipart boundary included). */
async function encodeBody(body: Exclude<BodySource, null | undefined | string>, input: unknown, headers: string[]): Promise<Uint8Array> {
  if (body === REQUEST_BODY) {
    return new Uint8Array(await (input as Request).arrayBuffer());
  }
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const encoded = new Response(body as BodyInit);
  const type = encoded.headers.get('content-type');
  if (type !== null && !hasHeader(headers, 'content-type')) headers.push('content-type', type);
  return new Uint8Array(await encoded.arrayBuffer());
}

/** UTF-8 text of a body, without a leading byte order mark (as `Response#text()` does). */
function utf8(data: Buffer): string {
  return data.toString('utf8', data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0);
}

/** Response headers over node's `rawHeaders`, searched on demand (a response is read two or three times). */
class NodeHeaders implements Headers {
  #raw: string[];
  constructor(raw: string[]) {
    this.#raw = raw;
  }
  get(name: string): string | null {
    const wanted = name.toLowerCase();
    const raw = this.#raw;
    let found: string | null = null;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i]!;
      if (key.length === wanted.length && key.toLowerCase() === wanted) {
        found = found === null ? raw[i + 1]! : `${found}, ${raw[i + 1]!}`;
      }
    }
    return found;
  }
  has(name: string): boolean {
    return this.get(name) !== null;
  }
  getSetCookie(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.#raw.length; i += 2) if (this.#raw[i]!.toLowerCase() === 'set-cookie') out.push(this.#raw[i + 1]!);
    return out;
  }
  set(name: string, value: string): void {
    this.delete(name);
    this.#raw.push(name, value);
  }
  append(name: string, value: string): void {
    this.#raw.push(name, value);
  }
  delete(name: string): void {
    const wanted = name.toLowerCase();
    const next: string[] = [];
    for (let i = 0; i < this.#raw.length; i += 2) if (this.#raw[i]!.toLowerCase() !== wanted) next.push(this.#raw[i]!, this.#raw[i + 1]!);
    this.#raw = next;
  }
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
  *entries(): HeadersIterator<[string, string]> {
    const names = [...new Set(this.#raw.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()))].sort();
    for (const name of names) {
      if (name === 'set-cookie') for (const cookie of this.getSetCookie()) yield [name, cookie];
      else yield [name, this.get(name)!];
    }
  }
  *keys(): HeadersIterator<string> {
    for (const [key] of this.entries()) yield key;
  }
  *values(): HeadersIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }
  [Symbol.iterator](): HeadersIterator<[string, string]> {
    return this.entries();
  }
}

/** A fully buffered response; implements `Response` without undici. */
class NodeResponse implements Response {
  readonly headers: Headers;
  readonly ok: boolean;
  readonly redirected = false;
  readonly type: ResponseType = 'basic';
  #data: Buffer;
  #used = false;
  constructor(
    readonly status: number,
    readonly statusText: string,
    rawHeaders: string[],
    data: Buffer,
    readonly url: string,
  ) {
    this.headers = new NodeHeaders(rawHeaders);
    this.ok = status >= 200 && status < 300;
    this.#data = data;
  }
  get bodyUsed(): boolean {
    return this.#used;
  }
  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#used ? null : this.#consume(() => new Response(this.#copy()).body);
  }
  #consume<T>(read: () => T): T {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return read();
  }
  #copy(): Uint8Array<ArrayBuffer> {
    const copy = new Uint8Array(this.#data.byteLength);
    copy.set(this.#data);
    return copy;
  }
  text(): Promise<string> {
    try {
      return Promise.resolve(this.#consume(() => utf8(this.#data)));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#consume(() => this.#copy().buffer);
  }
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#consume(() => this.#copy());
  }
  async blob(): Promise<Blob> {
    const type = this.headers.get('content-type');
    return this.#consume(() => new Blob([this.#copy()], type === null ? {} : { type }));
  }
  async formData(): Promise<FormData> {
    return this.#consume(() => new Response(this.#copy(), { headers: this.headers })).formData();
  }
  clone(): Response {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    const raw: string[] = [];
    this.headers.forEach((value, name) => raw.push(name, value));
    return new NodeResponse(this.status, this.statusText, raw, this.#data, this.url) as unknown as Response;
  }
}
