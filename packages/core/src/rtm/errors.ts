import { LcError, type LcErrorOptions } from '../errors/index.js';

/**
 * The server sent something the client cannot use. Over RTM: a frame that is not a JSON object, has
 * no `action`, or answers a `request_id` the client never sent; reported through the client's
 * `error` event (never thrown), the frame is dropped and the connection carries on. When paginating:
 * a page whose `next_page_id` names the page just fetched (thrown by the page iterator).
 */
export class ProtocolError extends LcError {
  override get name(): string {
    return 'ProtocolError';
  }
  /** The start of the offending frame (at most 256 characters). */
  declare readonly frame: string | undefined;
  constructor(message: string, options: LcErrorOptions & { frame?: string | undefined } = {}) {
    super(message, options);
    this.frame = options.frame?.slice(0, 256);
  }
}

/**
 * A push handler (`on`, `onAny`) or a lifecycle listener (`onEvent`) threw. Reported through the
 * client's `error` event with the thrown value as `cause`; the other handlers still run.
 */
export class ListenerError extends LcError {
  override get name(): string {
    return 'ListenerError';
  }
  /** The push or lifecycle event whose handler threw. */
  declare readonly event: string;
  constructor(event: string, options: LcErrorOptions = {}) {
    super(`A handler of "${event}" threw`, options);
    this.event = event;
  }
}
