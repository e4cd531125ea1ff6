import { ApiError, HttpError, ResponseParseError, type ResponseHeaders } from '../errors/index.js';
import type { RawResponse } from './transport.js';
import type { DeprecationNotice } from './types.js';

/** Every response header by lower-cased name. */
export function headerRecord(headers: RawResponse['headers']): ResponseHeaders {
  const record: ResponseHeaders = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}

/**
 * The value of a response (pure): the parsed JSON of a 2xx (`{}` for an empty body), else throws
 * the `ApiError` of a platform error body or an `HttpError` for any other page, or a
 * `ResponseParseError` for a 2xx that is not JSON.
 */
export function decodeResponse(response: RawResponse, action: string): unknown {
  // Reading `text` can throw (a body too long for a string): the caller catches it.
  const { status, statusText, text, headers } = response;
  if (status > 199 && status < 300) {
    try {
      return status === 204 || !text.trim() ? {} : JSON.parse(text);
    } catch (cause) {
      throw new ResponseParseError({ status, body: text }, { action, cause });
    }
  }
  let error: { type?: unknown; message?: unknown; data?: unknown } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error })?.error;
  } catch {
    // not JSON: an HttpError
  }
  const { type, message, data } = error ?? {};
  throw typeof type === 'string'
    ? ApiError.from(
        { type, message: typeof message === 'string' ? message : '', data },
        { status, headers: headerRecord(headers), action },
      )
    : new HttpError({ status, statusText, body: text, headers: headerRecord(headers) }, { action });
}

/**
 * Reports `Legacy`/`Deprecation` response headers to `onDeprecation`, once per header and action
 * (`reported` keeps what was reported). A throwing hook does not fail the call it observes.
 */
export function reportDeprecation(
  onDeprecation: (notice: DeprecationNotice) => void,
  reported: Set<string>,
  headers: RawResponse['headers'],
  action: string,
  apiVersion: string,
): void {
  for (const header of ['legacy', 'deprecation'] as const) {
    const value = headers.get(header);
    const key = `${header} ${action}`;
    if (value === null || reported.has(key)) continue;
    reported.add(key);
    try {
      onDeprecation({ header, value, action, apiVersion });
    } catch {
      // A throwing hook must not fail the call it observes.
    }
  }
}
