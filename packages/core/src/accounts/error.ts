import { ApiError, type ApiErrorBody, type ApiErrorOptions } from '../errors/index.js';

/**
 * The accounts service refused a request: `type` is its error code (`unauthorized`, `invalid_grant`,
 * `invalid_client`, ...; from `error`, or `oauth_exception` in the customer accounts' shape),
 * `message` its description, `data` the rest of the body (`sub_error`, `request_id`, ...), `status`
 * the HTTP status. Also used, with `type: "invalid_response"`, when a successful answer lacks a
 * field the SDK needs. Never carries a PAT, secret or token.
 */
export class AccountsError extends ApiError {
  override get name(): string {
    return 'AccountsError';
  }
  /** The service's error code: the same as `type` (the name `@lc/customer` used before). */
  declare readonly error: string;
  /** The service's description, when it sent one (the name `@lc/customer` used before). */
  declare readonly description: string | undefined;

  constructor(body: ApiErrorBody, options: ApiErrorOptions = {}) {
    super(body, options);
    this.error = body.type;
    this.description = body.message || undefined;
  }
}

/** An {@link AccountsError} for a 2xx answer without a field the SDK needs. */
export function invalidResponse(message: string, action: string, status = 200): AccountsError {
  return new AccountsError({ type: 'invalid_response', message }, { action, status });
}
