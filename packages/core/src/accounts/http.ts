// The one HTTP client of the accounts service (Global Accounts API v2): PAT lookup, OAuth refresh
// and the customer grants all go through `accountsCall`. Browser- and Node-safe: global fetch only.
import { ConnectionError, HttpError, ResponseParseError } from '../errors/index.js';
import { withDeadline } from '../web/deadline.js';
import { headerRecord } from '../web/response.js';
import { AccountsError } from './error.js';
import type { Accounts } from './options.js';

/** One request to the accounts service. */
export interface AccountsRequest {
  method: 'GET' | 'POST';
  /** Path under the base URL, e.g. `/v2/organizations/my`. */
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** `include` sends the accounts service's cookies (the customer cookie grant). */
  credentials?: RequestCredentials | undefined;
  /** Names the request in errors, e.g. `organizations/my`. */
  action: string;
  /** Values that must never appear in an error (PAT, its base64, secrets, tokens). */
  secrets: readonly string[];
}

/** Replaces every secret in `text` with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Keeps a request's secrets out of its errors: `text` for what the answer says, `cause` for a fetch failure. */
interface Scrub {
  text: (text: string) => string;
  cause: (cause: unknown) => Error;
}

/**
 * Sends one request and resolves with the parsed JSON object of a 2xx answer. Rejects with
 * `AccountsError` (an error body), `HttpError` (an error page), `ResponseParseError`,
 * `ConnectionError` or `TimeoutError`; every string taken from the response is redacted, and the
 * body of a 2xx answer (which holds tokens) is never copied into an error.
 *
 * Runs under its own deadline (`accounts.timeout`), unless the caller passes the `signal` of a
 * deadline it already runs under (one deadline for a whole attempt, e.g. an agent token getter and
 * the request); a request is never sent once that signal has aborted.
 */
export function accountsCall(
  accounts: Accounts,
  request: AccountsRequest,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const { secrets } = request;
  const scrub: Scrub = { text: (text) => redact(text, secrets), cause: (cause) => safeCause(cause, secrets) };
  // The deadline wins a race rather than relying on fetch to honour the abort: a custom fetch (or a
  // body stream) that ignores the signal can never hang the call.
  return signal
    ? exchange(accounts, request, signal, scrub)
    : withDeadline((deadline) => exchange(accounts, request, deadline, scrub), accounts.timeout, request.action);
}

/**
 * {@link accountsCall} for a request that carries no secret at all (the customer cookie grant: no
 * authorization header, nothing secret in the body): errors quote the answer and the fetch failure
 * as they are, so a page that sends only such requests ships no redaction. It runs under the
 * caller's deadline: `signal` is the one {@link withDeadline} gives.
 */
export const accountsCallWithoutSecrets: (
  accounts: Accounts,
  request: Omit<AccountsRequest, 'secrets'>,
  signal: AbortSignal,
) => Promise<Record<string, unknown>> = exchange;

/** One request under `signal` (a deadline's), its answer decoded; errors pass through `scrub` when given. */
async function exchange(
  accounts: Accounts,
  request: Omit<AccountsRequest, 'secrets'>,
  signal: AbortSignal,
  scrub?: Scrub,
): Promise<Record<string, unknown>> {
  const { method, path, headers, body, credentials, action } = request;
  let response: Response;
  let text: string;
  try {
    // Under a deadline that already expired (its caller has the TimeoutError): send nothing.
    signal.throwIfAborted();
    // An `undefined` member of a RequestInit counts as absent (WebIDL dictionaries).
    const init = { method, headers, body, credentials, signal } as RequestInit;
    response = await accounts.fetch(new Request(accounts.url + path, init), init);
    text = await response.text();
  } catch (cause) {
    throw new ConnectionError(`Could not reach the accounts service (${action})`, {
      action,
      cause: scrub ? scrub.cause(cause) : cause,
    });
  }
  return decode(response, text, action, scrub?.text);
}

/** The JSON object of a 2xx answer, or the typed error of any other (its strings passed through `scrub`). */
function decode(
  response: Response,
  text: string,
  action: string,
  scrub?: (text: string) => string,
): Record<string, unknown> {
  const status = response.status;
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {}
  const body = (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined) as
    | Record<string, unknown>
    | undefined;
  if (response.ok) {
    if (body === undefined) throw new ResponseParseError({ status, body: '' }, { action });
    return body;
  }
  const clean = scrub ?? ((value: string) => value);
  const headers = headerRecord(response.headers);
  // `{error, error_description}` (Global Accounts API) or `{oauth_exception, exception_description}`
  // (the customer accounts' shape).
  const { error, error_description, oauth_exception, exception_description, ...rest } = body ?? {};
  const type = error ?? oauth_exception;
  const description = error_description ?? exception_description;
  if (typeof type === 'string') {
    throw new AccountsError(
      {
        type: clean(type),
        message: typeof description === 'string' ? clean(description) : '',
        data: scrub ? (JSON.parse(scrub(JSON.stringify(rest))) as unknown) : rest,
      },
      { status, headers, action },
    );
  }
  throw new HttpError({ status, statusText: response.statusText, body: clean(text), headers }, { action });
}

/**
 * A secret-free stand-in for a fetch failure: its name and redacted message, or no message at all
 * when it speaks of a header (a fetch that refuses a header value may quote it, token and all).
 */
function safeCause(cause: unknown, secrets: readonly string[]): Error {
  let message = cause instanceof Error ? cause.message : String(cause);
  // undici: `TypeError: fetch failed` with the system error (ECONNREFUSED, ...) as its cause.
  const inner = cause instanceof Error ? cause.cause : undefined;
  if (inner instanceof Error && inner.message) message += `: ${inner.message}`;
  if (/header|authorization|bearer|basic /i.test(message))
    message = 'request could not be built (header value rejected)';
  const error = new Error(redact(message, secrets));
  error.name = cause instanceof Error ? cause.name : 'Error';
  return error;
}
