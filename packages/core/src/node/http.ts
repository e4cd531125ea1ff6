/**
 * The `node:http` / `node:https` transport: one function that sends a request over a keep-alive
 * agent and buffers the whole response, shared by `createNodeFetch` and the Node entry's Web client
 * (which calls it directly, without any `Request`/`Response`/`Headers` object).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { Control, RawResponse, Send } from '../web/transport.js';
import { writeWithProgress } from './progress.js';

/** Where requests go: parsed once per base URL. */
export interface Origin {
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: string;
  /** `Host` header value (node adds none when headers are given as a list). */
  readonly host: string;
  /** Path and query of the URL parsed. */
  readonly path: string;
}

/** Parses `href`; a string result says why it cannot be fetched. */
export function parseOrigin(href: string): Origin | string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'invalid URL';
  }
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:') return `unsupported protocol ${url.protocol}`;
  // [::1] → ::1 for node's `hostname`.
  return {
    secure,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port,
    host: url.host,
    path: url.pathname + url.search,
  };
}

/**
 * Agent options: keep-alive, idle sockets closed after 4 s (or the server's shorter Keep-Alive
 * hint), before a load balancer drops them under a request: a write sent on a dead socket cannot
 * be safely re-sent.
 */
export function agentOptions(maxSockets: number | undefined): http.AgentOptions {
  return maxSockets === undefined ? { keepAlive: true, timeout: 4000 } : { keepAlive: true, timeout: 4000, maxSockets };
}

/** A fully buffered response; also the client's {@link RawResponse} (`headers` is itself). */
export class NodeReply implements RawResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    /** node's `rawHeaders`: `[name, value, ...]` as received. */
    readonly raw: string[],
    readonly data: Buffer,
  ) {}

  /** UTF-8 text of the body, without a leading byte order mark (as `Response#text()` does). */
  get text(): string {
    const data = this.data;
    return data.toString('utf8', data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0);
  }

  get headers(): this {
    return this;
  }

  /** A header's value (repeated headers joined by `, `), or `null`; `name` in any case. */
  get(name: string): string | null {
    const wanted = name.toLowerCase();
    const raw = this.raw;
    let found: string | null = null;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i]!;
      if (key.length === wanted.length && key.toLowerCase() === wanted)
        found = found === null ? raw[i + 1]! : `${found}, ${raw[i + 1]!}`;
    }
    return found;
  }

  /** Every header once, lower-cased, repeated ones joined by `, ` (`set-cookie` once per cookie). */
  forEach(callback: (value: string, name: string) => void): void {
    const names = [...new Set(this.raw.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()))].sort();
    for (const name of names) {
      if (name === 'set-cookie') {
        for (let i = 0; i < this.raw.length; i += 2)
          if (this.raw[i]!.toLowerCase() === name) callback(this.raw[i + 1]!, name);
      } else {
        callback(this.get(name)!, name);
      }
    }
  }
}

/** The largest response body the Node transport buffers (64 MiB); a larger one fails the request. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Sends one request and resolves once the whole response has arrived. Network failures reject
 * with `TypeError('fetch failed', { cause })` as the global `fetch` does; `control.abort(reason)`
 * destroys the request and rejects with `reason`. Redirects are not followed.
 */
export function sendRequest(
  origin: Origin,
  agent: http.Agent,
  method: string,
  path: string,
  headers: string[],
  body: string | Uint8Array | undefined,
  control: {
    abort?: ((reason: unknown) => void) | undefined;
    readonly onProgress?: ((sent: number, total: number) => void) | undefined;
  },
): Promise<NodeReply> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let req: http.ClientRequest | undefined;
    const end = (error: boolean, value: unknown): void => {
      if (settled) return;
      settled = true;
      if (!error) return resolve(value as NodeReply);
      req?.destroy();
      reject(value);
    };
    const fail = (cause: unknown): void => end(true, new TypeError('fetch failed', { cause }));
    control.abort = (reason) => end(true, reason);
    try {
      req = (origin.secure ? https : http).request(
        { agent, hostname: origin.hostname, port: origin.port, path, method, headers },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            // A response this large is not an API answer: stop before it exhausts memory.
            if ((size += chunk.length) > MAX_RESPONSE_BYTES)
              return fail(new RangeError(`response body over ${MAX_RESPONSE_BYTES / 1048576} MiB`));
            chunks.push(chunk);
          });
          // A connection closed mid-body emits 'error' (ECONNRESET, "aborted"), never 'end'.
          res.on('error', fail);
          res.on('end', () =>
            end(
              false,
              new NodeReply(
                res.statusCode!,
                res.statusMessage!,
                res.rawHeaders,
                chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
              ),
            ),
          );
        },
      );
    } catch (cause) {
      // Invalid header characters and the like; node's messages name the header, never its value.
      return fail(cause);
    }
    req.on('error', fail);
    if (control.onProgress && body !== undefined) writeWithProgress(req, body, control.onProgress);
    else req.end(body);
  });
}

/** Headers as node's flat `[name, value, ...]` list, with `Host` and `Content-Length`. */
export function flatHeaders(
  headers: Record<string, string>,
  origin: Origin,
  method: string,
  body: string | Uint8Array | undefined,
): string[] {
  const flat: string[] = 'host' in headers ? [] : ['host', origin.host];
  for (const name in headers) flat.push(name, headers[name]!);
  if (body !== undefined)
    flat.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength));
  else if (method === 'POST' || method === 'PUT' || method === 'PATCH') flat.push('content-length', '0');
  return flat;
}

/** A body the platform encodes (multipart boundary included), as bytes and its content type. */
export async function encodeBody(body: BodyInit): Promise<[Uint8Array, string | null]> {
  const encoded = new Response(body);
  return [new Uint8Array(await encoded.arrayBuffer()), encoded.headers.get('content-type')];
}

let sharedAgents: [http.Agent, https.Agent] | undefined;

/**
 * The Node entry's default transport: `node:http`/`node:https` straight, over one keep-alive pool
 * per process (created on first use), no `Request`/`Response`/`Headers` objects. At most 32
 * connections per origin: more concurrent calls queue for a free one (a busy connection is reused
 * at once, which costs less CPU than opening more, and the platform rate-limits anyway).
 */
export function nodeSend(base: string): Send {
  const origin = parseOrigin(base) as Origin;
  // The base is normalised: no query, no trailing slash except the root's.
  const prefix = origin.path.replace(/\/$/, '');
  return (method, path, headers, body, control: Control) => {
    const agent = (sharedAgents ??= [new http.Agent(agentOptions(32)), new https.Agent(agentOptions(32))])[
      origin.secure ? 1 : 0
    ];
    path = prefix + path;
    if (typeof body !== 'object')
      return sendRequest(origin, agent, method, path, flatHeaders(headers, origin, method, body), body, control);
    // FormData: encoded first; a timeout or abort meanwhile sends nothing.
    let cancelled: unknown;
    control.abort = (reason) => (cancelled = reason ?? true);
    return encodeBody(body).then(([bytes, type]) => {
      if (cancelled !== undefined) throw cancelled;
      const flat = flatHeaders(headers, origin, method, bytes);
      if (type !== null && !('content-type' in headers)) flat.push('content-type', type);
      return sendRequest(origin, agent, method, path, flat, bytes, control);
    });
  };
}
