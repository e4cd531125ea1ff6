/**
 * The one error hierarchy of the SDK.
 *
 * Every error the SDK throws or rejects with is an `LcError`. `instanceof` works across duplicate
 * installs of `@lc/core` (two copies in one `node_modules` tree, or ESM and CJS builds side by side):
 * each instance carries the kinds of its class chain under a `Symbol.for` key, and every class checks
 * that key in `Symbol.hasInstance`. `LcError.isInstance(x)` / `ApiError.isInstance(x)` do the same.
 *
 * Size note: a class declares its kind with a prototype getter `get name()` (no static field or
 * static block), so a bundler drops every error class a page does not use.
 */

const KINDS = Symbol.for('@lc/core/error-kinds');

/** Headers of a response, lower-cased names. */
export type ResponseHeaders = Record<string, string>;

export interface LcErrorOptions {
  cause?: unknown;
  /** The API action the failure belongs to, when there is one. */
  action?: string | undefined;
}

const hasKind = (value: unknown, kind: string): boolean => {
  const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
  return Array.isArray(kinds) && kinds.includes(kind);
};

/** ` (action)` when there is one: the suffix of generated messages. */
const at = (options: LcErrorOptions): string => (options.action ? ` (${options.action})` : '');

/** Base class of every SDK error. */
export class LcError extends Error {
  /**
   * Stable name of the class, used for cross-install recognition (survives minification). The SDK's
   * classes take it from their `name`; a subclass elsewhere may declare `static override readonly kind = '...'`.
   */
  static get kind(): string {
    return this.prototype.name;
  }
  static set kind(kind: string) {
    Object.defineProperty(this, 'kind', { value: kind, writable: true, configurable: true });
  }

  /** The API action (`list_chats`, `login`, ...) the error belongs to, when there is one. */
  declare readonly action: string | undefined;

  override get name(): string {
    return 'LcError';
  }

  constructor(message: string, options: LcErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const kinds: string[] = [];
    for (let c = new.target as typeof LcError; c !== (Error as unknown); c = Object.getPrototypeOf(c))
      kinds.push(c.kind);
    Object.defineProperty(this, KINDS, { value: kinds });
    Object.defineProperty(this, 'name', { value: new.target.kind, writable: true, configurable: true });
    this.action = options.action;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, this.kind);
  }

  /** `true` when `value` is an error of this class (or a subclass), from any copy of `@lc/core`. */
  static isInstance<T extends abstract new (...args: never[]) => LcError>(
    this: T & { readonly kind: string },
    value: unknown,
  ): value is InstanceType<T> {
    return hasKind(value, this.kind);
  }

  /**
   * A plain, secret-free view of the error (what `JSON.stringify` writes): name, message, own fields, cause
   * reduced to name and message. Never makes `JSON.stringify` throw: a field it cannot write (an API
   * error's `data` nested thousands of levels deep, a cycle, a BigInt) reads `[unserializable]`.
   */
  toJSON(): Record<string, unknown> {
    const c = this.cause as { name?: unknown; message?: unknown } | undefined;
    let view: Record<string, unknown> = { name: this.name, message: this.message };
    try {
      view = {
        ...view,
        ...(this as object),
        cause: c === undefined ? c : c instanceof Error ? { name: c.name, message: c.message } : String(c),
      };
    } catch {
      // A throwing getter or a cause without `toString`: name and message are still worth logging.
    }
    for (const key in view) {
      try {
        JSON.stringify(view[key]);
      } catch {
        view[key] = '[unserializable]';
      }
    }
    return view;
  }
}

/**
 * The caller passed something the SDK cannot use: bad client options, a missing required field,
 * a file over the upload limit. Thrown before anything is sent.
 */
export class InputError extends LcError {
  override get name(): string {
    return 'InputError';
  }
  /** The option or payload field at fault (dotted path), when known. */
  declare readonly field: string | undefined;
  constructor(message: string, options: LcErrorOptions & { field?: string } = {}) {
    super(message, options);
    this.field = options.field;
  }
}

/**
 * The token getter threw, rejected, or returned a token the SDK cannot use. `field` names the
 * token field at fault (`accessToken`, `tokenType`, `organizationID`, `region`, or `getter`).
 * The token value never appears in the message.
 */
export class TokenError extends InputError {
  override get name(): string {
    return 'TokenError';
  }
}

/** Fields of an API error body: `{"error":{"type","message","data"}}`. */
export interface ApiErrorBody {
  type: string;
  message: string;
  data?: unknown;
}

export interface ApiErrorOptions extends LcErrorOptions {
  /** HTTP status (Web API only). */
  status?: number | undefined;
  /** Response headers (Web API only), lower-cased. */
  headers?: ResponseHeaders | undefined;
  /** RTM `request_id` of the failed request. */
  requestId?: string | undefined;
}

/**
 * The platform answered with an error (`{"error":{...}}` over Web, `success:false` over RTM).
 * `type` is the platform's error type (`validation`, `not_found`, `misdirected_request`, ...).
 */
export class ApiError extends LcError {
  override get name(): string {
    return 'ApiError';
  }
  /** The platform's error type, e.g. `validation`. */
  declare readonly type: string;
  /** Extra data the platform sent, e.g. `{ region: 'dal' }` for `misdirected_request`. */
  declare readonly data: unknown;
  /** HTTP status, `undefined` over RTM. */
  declare readonly status: number | undefined;
  /** Response headers (lower-cased), `undefined` over RTM. */
  declare readonly headers: ResponseHeaders | undefined;
  /** RTM request id, `undefined` over Web. */
  declare readonly requestId: string | undefined;

  constructor(body: ApiErrorBody, options: ApiErrorOptions = {}) {
    super(body.message || body.type, options);
    this.type = body.type;
    this.data = body.data;
    this.status = options.status;
    this.headers = options.headers;
    this.requestId = options.requestId;
  }

  /** Builds the most specific subclass for an error body. */
  static from(body: ApiErrorBody, options?: ApiErrorOptions): ApiError {
    const classes: Record<string, typeof ApiError> = {
      authentication: AuthenticationError,
      authorization: AuthorizationError,
      validation: ValidationError,
      not_found: NotFoundError,
      too_many_requests: TooManyRequestsError,
      misdirected_request: MisdirectedRequestError,
    };
    // Own keys only: a type such as "toString" or "__proto__" from the network must not pick an Object.prototype member.
    const Cls = Object.hasOwn(classes, body.type) ? classes[body.type]! : ApiError;
    return new Cls(body, options);
  }
}

/** `authentication`: the token is missing, invalid or expired. */
export class AuthenticationError extends ApiError {
  override get name(): string {
    return 'AuthenticationError';
  }
}
/** `authorization`: the token is valid but not allowed to do this (missing scope, role). */
export class AuthorizationError extends ApiError {
  override get name(): string {
    return 'AuthorizationError';
  }
}
/** `validation`: the platform rejected the payload ("Wrong format of request"). */
export class ValidationError extends ApiError {
  override get name(): string {
    return 'ValidationError';
  }
}
/** `not_found`: the chat, thread, agent, ... does not exist. */
export class NotFoundError extends ApiError {
  override get name(): string {
    return 'NotFoundError';
  }
}
/** `too_many_requests`: rate limited. Retried automatically over Web unless disabled. */
export class TooManyRequestsError extends ApiError {
  override get name(): string {
    return 'TooManyRequestsError';
  }
}
/** `misdirected_request`: wrong region; `region` is where the client should go. */
export class MisdirectedRequestError extends ApiError {
  override get name(): string {
    return 'MisdirectedRequestError';
  }
  get region(): string | undefined {
    const r = (this.data as { region?: unknown } | undefined)?.region;
    return typeof r === 'string' ? r : undefined;
  }
}

/** The server answered with an HTTP error whose body is not a platform error (a proxy's 502 page). */
export class HttpError extends LcError {
  override get name(): string {
    return 'HttpError';
  }
  declare readonly status: number;
  declare readonly statusText: string;
  /** The first KiB of the response body. */
  declare readonly body: string;
  declare readonly headers: ResponseHeaders | undefined;
  constructor(
    init: { status: number; statusText: string; body: string; headers?: ResponseHeaders },
    options: LcErrorOptions = {},
  ) {
    super(`HTTP ${init.status}${init.statusText ? ` ${init.statusText}` : ''}${at(options)}`, options);
    this.status = init.status;
    this.statusText = init.statusText;
    this.body = init.body.slice(0, 1024);
    this.headers = init.headers;
  }
}

/** The response could not be read as JSON although the status said success. */
export class ResponseParseError extends LcError {
  override get name(): string {
    return 'ResponseParseError';
  }
  declare readonly status: number | undefined;
  declare readonly body: string;
  constructor(init: { status?: number; body: string }, options: LcErrorOptions = {}) {
    super(`Response is not valid JSON${at(options)}`, options);
    this.status = init.status;
    this.body = init.body.slice(0, 1024);
  }
}

/** The request never got an answer because the network failed (refused, reset, DNS, TLS). */
export class ConnectionError extends LcError {
  override get name(): string {
    return 'ConnectionError';
  }
}

/** The RTM socket closed while the request was in flight or before it could be sent. */
export class ConnectionClosedError extends ConnectionError {
  override get name(): string {
    return 'ConnectionClosedError';
  }
  /** WebSocket close code. */
  declare readonly code: number | undefined;
  /** WebSocket close reason, or the platform's disconnect reason. */
  declare readonly reason: string | undefined;
  /** The `data` of the platform's disconnect push, when it sent one (e.g. `{ region }` with `misdirected_connection`). */
  declare readonly data: unknown;
  constructor(
    message: string,
    options: LcErrorOptions & { code?: number | undefined; reason?: string | undefined; data?: unknown } = {},
  ) {
    super(message, options);
    this.code = options.code;
    this.reason = options.reason;
    this.data = options.data;
  }
}

/** No answer within the timeout. */
export class TimeoutError extends LcError {
  override get name(): string {
    return 'TimeoutError';
  }
  /** The timeout that elapsed, in milliseconds. */
  declare readonly timeout: number;
  constructor(timeout: number, options: LcErrorOptions = {}) {
    super(`No response within ${timeout} ms${at(options)}`, options);
    this.timeout = timeout;
  }
}

/** The caller's `AbortSignal` aborted the request. `cause` is the signal's reason. */
export class AbortError extends LcError {
  override get name(): string {
    return 'AbortError';
  }
  constructor(options: LcErrorOptions = {}) {
    super(`Request aborted${at(options)}`, options);
  }
}
