import type { ApiError, ApiErrorBody } from '@lc/core';

/** A failed item of a batch as the API sends it inside `responses`. */
export interface BatchErrorItem {
  error: ApiErrorBody;
}

/** The result of one request of a batch, at `index` in request order. */
export type BatchItemResult<T> =
  | {
      readonly ok: true;
      /** Position of the request in `requests`. */
      readonly index: number;
      /** The response of the corresponding non-batch method. */
      readonly value: T;
    }
  | {
      readonly ok: false;
      /** Position of the request in `requests`. */
      readonly index: number;
      /**
       * The item's error as a typed `ApiError` (`ValidationError`, `NotFoundError`, ... via
       * `ApiError.from`), with `action` set to the batch action.
       */
      readonly error: ApiError;
    };

/**
 * What every `batch*` method resolves with. The Configuration API runs the items of a batch
 * concurrently and answers `{ "responses": [...] }` in request order, each item either the response
 * of the non-batch method or `{ "error": {...} }`. One failed item never rejects the call and never
 * hides the others: the call rejects only when the batch request as a whole fails (network, auth,
 * a malformed batch answer).
 *
 * @example
 * ```ts
 * const batch = await config.batchCreateAgents({ requests: [{ id: 'a@x.com', name: 'A' }, { id: 'b@x.com', name: 'B' }] });
 * for (const item of batch.results) {
 *   if (item.ok) console.log('created', item.value.id);
 *   else console.error(`request #${item.index} failed:`, item.error.type, item.error.message);
 * }
 * ```
 */
export interface BatchResult<T> {
  /** One entry per request, in request order. */
  readonly results: ReadonlyArray<BatchItemResult<T>>;
  /** The `responses` array exactly as the API sent it. */
  readonly responses: ReadonlyArray<T | BatchErrorItem>;
  /** `true` when every item succeeded. */
  readonly ok: boolean;
}
