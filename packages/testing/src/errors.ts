/** HTTP status the simulator answers each platform error type with over Web. */
const STATUS: Record<string, number> = {
  authentication: 401,
  authorization: 403,
  customer_banned: 403,
  missing_access: 403,
  not_allowed: 403,
  validation: 400,
  chat_inactive: 400,
  already_exists: 409,
  not_found: 404,
  group_not_found: 404,
  license_not_found: 404,
  entity_too_large: 413,
  limit_reached: 422,
  too_many_requests: 429,
  request_timeout: 408,
  unsupported_version: 400,
  agent_offline: 400,
  groups_offline: 400,
  group_offline: 400,
  internal: 500,
  not_implemented: 501,
  service_unavailable: 503,
};

/** The HTTP status for an error type (500 for a type the table does not know). */
export function statusOf(type: string): number {
  return Object.hasOwn(STATUS, type) ? STATUS[type]! : 500;
}

/** The platform's error body: `{"error": {"type", "message", "data"?}}`. */
export interface ErrorBody {
  error: { type: string; message: string; data?: unknown };
}

/**
 * A platform error raised while handling a request: it becomes an `{"error": {...}}` body over Web
 * (with {@link SimError.status}) or a `success: false` response frame over RTM.
 */
export class SimError extends Error {
  readonly type: string;
  readonly status: number;
  readonly data: unknown;
  /** Extra HTTP response headers (e.g. `Retry-After`). */
  readonly headers: Record<string, string>;

  constructor(
    type: string,
    message: string,
    options: { status?: number; data?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'SimError';
    this.type = type;
    this.status = options.status ?? statusOf(type);
    this.data = options.data;
    this.headers = options.headers ?? {};
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { type: this.type, message: this.message };
    if (this.data !== undefined) error.data = this.data;
    return { error };
  }
}

export const notFound = (what: string, id: unknown): SimError =>
  new SimError('not_found', `${what} ${JSON.stringify(id)} not found`);
export const invalid = (message: string): SimError => new SimError('validation', message);
