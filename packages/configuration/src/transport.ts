import {
  ApiError,
  createWebClient,
  InputError,
  type RequestOptions,
  type TokenGetter,
  type WebClientOptions,
} from '@lc/core';
import { BatchResponseError } from './errors.js';
import type { BatchErrorItem, BatchItemResult, BatchResult } from './types/batch.js';

/** Options of a Configuration client: everything `@lc/core`'s `createWebClient` takes except `api` and the token getter. */
export type ConfigurationClientOptions = Omit<WebClientOptions, 'api' | 'tokenGetter'>;

/** What a Configuration client (3.6 or 3.7 entry) sends through. */
export interface ConfigurationTransport {
  /** Any action, raw: `batch_*` resolve with the wire `{ responses: [...] }`. */
  call<R = unknown>(action: string, payload?: object, options?: RequestOptions): Promise<R>;
  /** The generated methods' path: `batch_*` actions resolve with per-item results. */
  send(action: string, payload: object | undefined, options?: RequestOptions): Promise<unknown>;
}

/**
 * The one transport of every Configuration client: the entry's wire table (only its own version's
 * actions, so `apiVersion` defaults to that version).
 */
export function configurationTransport(
  tokenGetter: TokenGetter | undefined,
  options: ConfigurationClientOptions,
  wire: NonNullable<WebClientOptions['wire']>,
): ConfigurationTransport {
  if (typeof options !== 'object' || options === null) {
    throw new InputError('ConfigurationWeb options must be an object', { field: 'options' });
  }
  const client = createWebClient({
    ...options,
    api: 'configuration',
    tokenGetter,
    wire,
  });
  // Which actions need no token and which may be re-sent: the wire table (src/generated/wire.ts).
  const call = <R>(action: string, payload?: object, callOptions?: RequestOptions): Promise<R> =>
    client.call<R>(action, payload, callOptions);
  const send = (action: string, payload: object | undefined, callOptions?: RequestOptions) =>
    action.startsWith('batch_') ? batch(call, action, payload, callOptions) : call(action, payload, callOptions);
  return { call, send };
}

async function batch(
  call: ConfigurationTransport['call'],
  action: string,
  payload: object | undefined,
  options?: RequestOptions,
): Promise<BatchResult<unknown>> {
  const requests = (payload as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) {
    throw new InputError(`${action}: payload.requests must be an array of request objects`, {
      field: 'requests',
      action,
    });
  }
  requests.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new InputError(`${action}: requests[${i}] must be a request object`, { field: `requests.${i}`, action });
    }
  });
  const raw = await call<unknown>(action, payload, options);
  const responses = (raw as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(responses) || responses.length !== requests.length) {
    throw new BatchResponseError(requests.length, Array.isArray(responses) ? responses.length : undefined, {
      action,
    });
  }
  const results = responses.map((item: unknown, index): BatchItemResult<unknown> => {
    const error = batchError(item);
    return error === undefined
      ? { ok: true, index, value: item }
      : { ok: false, index, error: ApiError.from(error, { action }) };
  });
  return { results, responses: responses as Array<unknown | BatchErrorItem>, ok: results.every((r) => r.ok) };
}

/** The `{ type, message, data }` of a failed batch item, or `undefined` for a success. */
function batchError(item: unknown): { type: string; message: string; data?: unknown } | undefined {
  if (typeof item !== 'object' || item === null || !('error' in item)) return undefined;
  const error = (item as { error: unknown }).error;
  if (typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string') {
    const { type, message, data } = error as { type: string; message?: unknown; data?: unknown };
    return { type, message: typeof message === 'string' ? message : '', data };
  }
  // `{ "error": <not an object> }`: still a failed item; keep what was sent in `data`.
  return {
    type: typeof error === 'string' && error !== '' ? error : 'unknown',
    message: 'Batch item failed',
    data: error,
  };
}

/**
 * What both Configuration entries (the 3.6 root and `/v3.7`) are built on: the transport of the
 * entry's version, `call`, and the generated methods' `_call`.
 */
export abstract class ConfigurationClient {
  readonly #transport: ConfigurationTransport;

  constructor(
    tokenGetter: TokenGetter | undefined,
    options: ConfigurationClientOptions,
    wire: NonNullable<WebClientOptions['wire']>,
  ) {
    this.#transport = configurationTransport(tokenGetter, options, wire);
  }

  /**
   * Sends any Configuration action and resolves with the raw parsed response: the escape hatch for
   * actions this version does not type. `batch_*` actions resolve with the wire `{ responses: [...] }`
   * here; the `batch*` methods add per-item results.
   *
   * @param action A snake_case action name, e.g. `list_agents`.
   * @param payload The request payload (wire names).
   */
  call<R = unknown>(action: string, payload?: object, options?: RequestOptions): Promise<R> {
    return this.#transport.call<R>(action, payload, options);
  }

  /** @internal The generated methods' transport. */
  protected _call(action: string, payload: object | undefined, options?: RequestOptions): Promise<unknown> {
    return this.#transport.send(action, payload, options);
  }
}
