import { LcError, type LcErrorOptions } from '@lc/core';

/**
 * A `batch_*` answer the SDK cannot match to the requests: no `responses` array, or one whose
 * length differs from the number of requests. The batch may have been processed; it is not re-sent.
 */
export class BatchResponseError extends LcError {
  static override readonly kind: string = 'BatchResponseError';
  /** Number of requests sent. */
  readonly expected: number;
  /** Length of the `responses` array received, `undefined` when there was none. */
  readonly received: number | undefined;

  constructor(expected: number, received: number | undefined, options: LcErrorOptions = {}) {
    super(
      received === undefined
        ? `Batch response has no "responses" array${options.action ? ` (${options.action})` : ''}`
        : `Batch response has ${received} item(s) for ${expected} request(s)${options.action ? ` (${options.action})` : ''}`,
      options,
    );
    this.expected = expected;
    this.received = received;
  }
}
