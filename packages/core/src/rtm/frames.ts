import { ApiError } from '../errors/index.js';
import { ProtocolError } from './errors.js';
import { isObject } from './options.js';

// Frame decoding: what arrives on the socket, turned into a frame object or a typed error.

/** An RTM frame as it arrives (response or push). Every field is unchecked network input. */
export interface Frame {
  request_id?: unknown;
  action?: unknown;
  type?: unknown;
  success?: unknown;
  payload?: unknown;
}

let decoder: TextDecoder | undefined;

/** The text of a message: text as it is, binary decoded as UTF-8. */
export function frameText(data: unknown): string {
  return typeof data === 'string' ? data : (decoder || (decoder = new TextDecoder())).decode(data as ArrayBuffer);
}

/**
 * Parses a frame's text; throws `ProtocolError` (with the JSON error as `cause`) for what is not a
 * JSON object. (`ResponseParseError` is the Web client's: it carries an HTTP status.)
 */
export function parseFrame(text: string): Frame {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch (cause) {
    throw unexpected(text, cause);
  }
  if (!isObject(frame)) throw unexpected(text);
  return frame as Frame;
}

export const unexpected = (text: string | undefined, cause?: unknown): ProtocolError =>
  new ProtocolError('Unexpected frame', { frame: text, cause });

/** The ApiError of a `success: false` response (payload `{ error: { type, message, data } }` or `{ type, ... }`). */
export function apiError(payload: any, action: string, requestId: string): ApiError {
  const raw = isObject(payload?.error) ? payload.error : payload;
  return ApiError.from(
    typeof raw?.type === 'string'
      ? { type: raw.type, message: typeof raw.message === 'string' ? raw.message : '', data: raw.data }
      : { type: 'unknown', message: `${action} failed` },
    { action, requestId },
  );
}

/** The `reason` and `data` of the platform's disconnect push. */
export function disconnectOf(payload: unknown): { reason: string; data: unknown } {
  const p = payload as { reason?: unknown; data?: unknown } | null | undefined;
  return { reason: typeof p?.reason === 'string' ? p.reason : 'unknown', data: p?.data };
}
