import * as http from 'node:http';
import * as https from 'node:https';
import type { FetchLike } from '../web/types.js';
import { agentOptions, encodeBody, flatHeaders, parseOrigin, sendRequest, type Origin } from './http.js';

/** Options of {@link createNodeFetch}. */
export interface NodeFetchOptions {
  /** Agent for `http:` URLs. Default: a keep-alive `http.Agent` (idle sockets closed after 4 s) owned by this fetch. */
  httpAgent?: http.Agent | undefined;
  /** Agent for `https:` URLs. Default: a keep-alive `https.Agent` owned by this fetch. */
  httpsAgent?: https.Agent | undefined;
  /** Most sockets per origin for the default agents (default: unlimited, like Node's). */
  maxSockets?: number | undefined;
}

type BodySource =
  | string
  | Uint8Array
  | ArrayBuffer
  | ArrayBufferView
  | URLSearchParams
  | Blob
  | FormData
  | ReadableStream
  | null
  | undefined;

/**
 * A `fetch` for Node built on `node:http` / `node:https` with keep-alive agents: about the cost of a
 * hand-written `http.request`, a fraction of Node 20's global `fetch` (undici's WHATWG layer).
 *
 * The Node entry's Web client uses the same transport directly; pass this as `fetch` where a
 * `FetchLike` is wanted (another library, or a Web client with your own agents). Differences from
 * the global `fetch`, none of which the LiveChat APIs need:
 * - the whole response body is read before the promise resolves (responses are small JSON), and a
 *   body over 64 MiB fails the request;
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
  let { httpAgent, httpsAgent } = options;
  const origins = new Map<string, Origin | string>();

  const nodeFetch = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const isRequest = typeof input === 'object' && !(input instanceof URL);
    const method = (init?.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
    const signal = init?.signal ?? (isRequest ? input.signal : undefined) ?? undefined;
    const headers = toNodeHeaders(init?.headers ?? (isRequest ? input.headers : undefined));
    const href = isRequest ? input.url : String(input);
    // Each origin is parsed once; the path is the rest of the URL.
    const parts = /^([a-z][a-z\d+.-]*:\/\/[^/?#]*)([^#]*)/i.exec(href);
    // Like the global fetch: credentials in a URL are refused (they would otherwise be sent nowhere, or mislead the cache).
    if (parts?.[1]?.includes('@')) throw new TypeError('fetch failed: the URL includes credentials');
    let origin = parts ? origins.get(parts[1]!) : undefined;
    if (origin === undefined) {
      origin = parseOrigin(href);
      if (parts) {
        if (origins.size >= 64) origins.clear();
        origins.set(parts[1]!, origin);
      }
    }
    if (typeof origin === 'string') throw new TypeError(`fetch failed: ${origin}`);
    const path = parts ? (parts[2]!.startsWith('/') ? parts[2]! : `/${parts[2]!}`) : origin.path;
    if (signal?.aborted) throw abortReason(signal);
    let bytes: string | Uint8Array | undefined;
    const body = init !== undefined && 'body' in init ? (init.body as BodySource) : undefined;
    if (init === undefined || !('body' in init)) {
      if (isRequest && input.body !== null) bytes = new Uint8Array(await input.arrayBuffer());
    } else if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) {
      bytes = body ?? undefined;
    } else if (body instanceof ArrayBuffer) {
      bytes = new Uint8Array(body);
    } else if (ArrayBuffer.isView(body)) {
      bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    } else {
      const [encoded, type] = await encodeBody(body as BodyInit);
      bytes = encoded;
      if (type !== null && !hasHeader(headers, 'content-type')) headers.push('content-type', type);
    }
    const agent = origin.secure
      ? (httpsAgent ??= new https.Agent(agentOptions(options.maxSockets)))
      : (httpAgent ??= new http.Agent(agentOptions(options.maxSockets)));
    const extra = flatHeaders({}, origin, method, bytes);
    if (hasHeader(headers, 'host')) extra.splice(0, 2);
    // The signal may have fired while the body was being read or encoded above.
    if (signal?.aborted) throw abortReason(signal);
    const control: { abort?: (reason: unknown) => void } = {};
    const onAbort = (): void => control.abort?.(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const reply = await sendRequest(origin, agent, method, path, headers.concat(extra), bytes, control);
      return new NodeResponse(reply.status, reply.statusText, reply.raw, reply.data, href) as unknown as Response;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
  return nodeFetch as FetchLike;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Request headers as node's flat `[name, value, ...]` list (content-length is set by the transport). */
function toNodeHeaders(source: HeadersInit | undefined): string[] {
  const out: string[] = [];
  const add = (name: string | undefined, value: string | undefined): void => {
    if (name !== undefined && value !== undefined && name.toLowerCase() !== 'content-length') out.push(name, value);
  };
  if (source === undefined) return out;
  if (Array.isArray(source)) for (const [name, value] of source) add(name, value);
  else if (typeof (source as Headers).forEach === 'function' && typeof (source as Headers).get === 'function')
    (source as Headers).forEach((value, name) => {
      add(name, value);
    });
  else for (const name of Object.keys(source)) add(name, (source as Record<string, string | undefined>)[name]);
  return out;
}

function hasHeader(headers: string[], wanted: string): boolean {
  for (let i = 0; i < headers.length; i += 2) if (headers[i]!.toLowerCase() === wanted) return true;
  return false;
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
    for (let i = 0; i < this.#raw.length; i += 2)
      if (this.#raw[i]!.toLowerCase() === 'set-cookie') out.push(this.#raw[i + 1]!);
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
    for (let i = 0; i < this.#raw.length; i += 2)
      if (this.#raw[i]!.toLowerCase() !== wanted) next.push(this.#raw[i]!, this.#raw[i + 1]!);
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
    this.headers.forEach((value, name) => {
      raw.push(name, value);
    });
    return new NodeResponse(this.status, this.statusText, raw, this.#data, this.url) as unknown as Response;
  }
}
