// Reading a webhook body from a Node stream or a fetch `Request`, never past `maxBodySize` bytes.
import { WebhookError } from './errors.js';
import type { NodeRequestLike } from './handler.js';

/** The bytes of the body, or the error to answer with. */
export type BodyRead = Uint8Array | WebhookError;

export function tooLarge(maxBodySize: number): WebhookError {
  return new WebhookError('body_too_large', `Webhook body is larger than ${maxBodySize} bytes`);
}

/** The UTF-8 length of `text`, exact only when it is near `stopAbove` (enough to compare with it). */
export function utf8Length(text: string, stopAbove: number): number {
  // Cheap bounds first: UTF-8 needs between 1 and 3 bytes per UTF-16 unit.
  if (text.length > stopAbove) return text.length;
  if (text.length * 3 <= stopAbove) return text.length;
  return new TextEncoder().encode(text).length;
}

function contentLength(value: string | string[] | null | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Reads a Node request stream to its end; stops at once when it declares or sends too much. */
export function readNodeBody(req: NodeRequestLike, maxBodySize: number): Promise<BodyRead> {
  const declared = contentLength(req.headers['content-length']);
  if (declared !== undefined && declared > maxBodySize) {
    req.pause?.();
    return Promise.resolve(tooLarge(maxBodySize));
  }
  // A stream someone else already read to the end (a body parser that put its result somewhere
  // other than `req.body`) never emits `end` again: answer now instead of waiting forever.
  if (req.readableEnded === true) {
    return Promise.resolve(
      new WebhookError(
        'unreadable_body',
        'Webhook body was already read by another middleware; pass its parsed body as `req.body` or use `.handle({ body })`',
      ),
    );
  }
  return new Promise((resolve) => collectNodeStream(req, maxBodySize, resolve));
}

/** Listens to `req` until the body ends, fails or passes `maxBodySize`; then removes its listeners. */
function collectNodeStream(req: NodeRequestLike, maxBodySize: number, resolve: (result: BodyRead) => void): void {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let settled = false;
  const cleanup = () => {
    req.removeListener?.('data', onData);
    req.removeListener?.('end', onEnd);
    req.removeListener?.('error', onFailure);
    req.removeListener?.('aborted', onFailure);
    req.removeListener?.('close', onClose);
  };
  const settle = (result: BodyRead) => {
    if (settled) return;
    settled = true;
    cleanup();
    resolve(result);
  };
  function onData(chunk: unknown) {
    if (settled) return;
    const bytes =
      chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(typeof chunk === 'string' ? chunk : String(chunk));
    total += bytes.length;
    if (total > maxBodySize) {
      // Stop reading now: no more data is buffered; the 413 closes the connection.
      req.pause?.();
      settle(tooLarge(maxBodySize));
      return;
    }
    chunks.push(bytes);
  }
  function onEnd() {
    settle(concat(chunks, total));
  }
  function onFailure(cause?: unknown) {
    settle(new WebhookError('unreadable_body', 'Webhook body could not be read', { cause }));
  }
  function onClose() {
    // `close` before `end`: the client went away mid-body.
    if (req.readableEnded === false) onFailure();
  }
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onFailure);
  req.on('aborted', onFailure);
  req.on('close', onClose);
}

/** Reads a fetch `Request` body; cancels the stream when it declares or sends too much. */
export async function readFetchBody(request: Request, maxBodySize: number): Promise<BodyRead> {
  const declared = contentLength(request.headers.get('content-length'));
  if (declared !== undefined && declared > maxBodySize) {
    request.body?.cancel().catch(() => {});
    return tooLarge(maxBodySize);
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBodySize) {
        reader.cancel().catch(() => {});
        return tooLarge(maxBodySize);
      }
      chunks.push(value);
    }
  } catch (cause) {
    return new WebhookError('unreadable_body', 'Webhook body could not be read', { cause });
  }
  return concat(chunks, total);
}
