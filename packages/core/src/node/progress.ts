import type * as http from 'node:http';

/** Bytes per write when progress is reported: small enough for a smooth bar, large enough to cost nothing. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Ends `req` with `body`, written in chunks: each chunk's write callback (the chunk has left for the
 * socket) reports the bytes sent so far and the total, the last one `sent === total`. Stops quietly
 * when the request fails or is destroyed (its `error` handler settles the request).
 */
export function writeWithProgress(
  req: http.ClientRequest,
  body: string | Uint8Array,
  onProgress: (sent: number, total: number) => void,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const total = bytes.byteLength;
  let sent = 0;
  const next = (): void => {
    if (sent >= total) return void req.end();
    const end = Math.min(sent + CHUNK_BYTES, total);
    const chunk = bytes.subarray(sent, end);
    req.write(chunk, (error) => {
      if (error || req.destroyed) return;
      try {
        onProgress((sent = end), total);
      } catch {
        // A throwing listener must not fail the upload it observes (nor crash the process from this callback).
      }
      next();
    });
  };
  next();
}
