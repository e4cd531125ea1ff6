import { type WebCallOptions, xhrSend } from '@lc/core';
import type { CallOptions } from '../options.js';

/** How far an upload is: bytes of the request body sent, and its total (the file plus the multipart framing). */
export interface UploadProgress {
  sent: number;
  total: number;
}

/** Options of `CustomerWeb.uploadFile`: those of every call, plus `onProgress`. */
export interface UploadOptions extends CallOptions {
  /**
   * Called as the file goes out; the last call has `sent === total`. In browsers the upload then
   * goes over `XMLHttpRequest` (its upload events; `fetch` has none in Chromium); on Node the
   * `node:http` transport reports from the request stream. With a custom `fetch` option on Node no
   * progress is reported. `signal` cancels the upload (`AbortError`).
   */
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

/** The Web call options of one `upload_file`: its multipart body, and the progress transport when asked for. */
export function uploadCallOptions(options: UploadOptions | undefined, body: FormData): WebCallOptions {
  const { onProgress, ...rest } = options ?? {};
  if (onProgress === undefined) return { ...rest, body };
  return {
    ...rest,
    body,
    // A non-function fails in the Web client's option check (InputError) before anything is sent.
    onProgress: typeof onProgress === 'function' ? (sent, total) => onProgress({ sent, total }) : onProgress,
    ...(typeof XMLHttpRequest === 'function' ? { transport: xhrSend } : {}),
  };
}
