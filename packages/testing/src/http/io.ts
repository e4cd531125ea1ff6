import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject, ownValue, setOwn } from '../util.js';

/** Reads a request body; rejects with `'too_large'` past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too_large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Lets pages on other origins (a browser widget on a dev server) call the simulator. */
export function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('vary', 'Origin');
  } else {
    res.setHeader('access-control-allow-origin', '*');
  }
  res.setHeader('access-control-expose-headers', 'Retry-After, X-Request-Id');
}

export function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS');
  res.setHeader(
    'access-control-allow-headers',
    req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, X-Region, X-API-Version',
  );
  res.setHeader('access-control-max-age', '600');
  res.writeHead(204).end();
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Query parameters as an object: repeated keys become arrays; with `nested`, dotted keys nest (`filters.from`). */
export function queryObject(params: URLSearchParams, nested: boolean): Record<string, unknown> {
  // Keys come from the URL (before authorization): only own properties are read and written, so
  // `filters[__proto__][x]=1` is an ordinary key and never reaches Object.prototype.
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    const value: unknown = values.length > 1 ? values : values[0];
    if (!nested) {
      setOwn(out, key, value);
      continue;
    }
    const path = key
      .replace(/\[([^\]]*)\]/g, '.$1')
      .split('.')
      .filter(Boolean);
    let target = out;
    for (const [i, segment] of path.entries()) {
      if (i === path.length - 1) {
        setOwn(target, segment, value);
      } else {
        let next = ownValue(target, segment);
        if (!isObject(next)) {
          next = {};
          setOwn(target, segment, next);
        }
        target = next as Record<string, unknown>;
      }
    }
  }
  return out;
}
