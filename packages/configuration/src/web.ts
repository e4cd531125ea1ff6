import {
  ApiError,
  createWebClient,
  InputError,
  type RequestOptions,
  type TokenGetter,
  type WebClient,
  type WebClientOptions,
} from '@lc/core';
import { ConfigurationMethods } from './generated/methods.js';
import { CONFIGURATION_WIRE } from './generated/wire.js';
import { BatchResponseError } from './errors.js';
import type { BatchErrorItem, BatchItemResult, BatchResult } from './types/batch.js';

/** Options of {@link ConfigurationWeb}: everything `@lc/core`'s `createWebClient` takes except `api` and the token getter. */
export type ConfigurationWebOptions = Omit<WebClientOptions, 'api' | 'tokenGetter'>;

/**
 * The Configuration API 3.6 over HTTP: agents, bots, groups, greetings, properties, tags,
 * webhooks, auto access, customer bans, and the nine `batch*` methods.
 *
 * Every method takes the docs' payload (wire names) and an optional {@link RequestOptions}
 * (`signal`, `timeout`, `headers`), and sends `POST /v3.6/configuration/action/<action>`.
 * Configuration changes take effect within up to 2 minutes (documented propagation delay).
 *
 * @example
 * ```ts
 * import { ConfigurationWeb } from '@lc/configuration';
 * import { tokenGetterFromPAT } from '@lc/pat';
 *
 * const config = new ConfigurationWeb(tokenGetterFromPAT(accountId, pat));
 * const groups = await config.listGroups({ fields: ['routing_status'] });
 * await config.updateGroup({ id: 19, name: 'Sport shoes' });
 * ```
 * @see https://platform.text.com/docs/management/configuration-api
 */
export class ConfigurationWeb extends ConfigurationMethods {
  readonly #client: WebClient;

  /**
   * @param tokenGetter Called before every request (a PAT getter from `@lc/pat`, or your own).
   *   `undefined` only for a client that calls `listWebhookNames` alone.
   * @param options Transport options, see {@link ConfigurationWebOptions}.
   */
  constructor(tokenGetter: TokenGetter | undefined, options: ConfigurationWebOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) {
      throw new InputError('ConfigurationWeb options must be an object', { field: 'options' });
    }
    this.#client = createWebClient({ ...options, api: 'configuration', tokenGetter, wire: CONFIGURATION_WIRE });
  }

  /**
   * Sends any Configuration action and resolves with the raw parsed response: the escape hatch for
   * actions this version does not type (e.g. `3.7` previews). `batch_*` actions resolve with the wire
   * `{ responses: [...] }` here; the `batch*` methods add per-item results.
   *
   * @param action A snake_case action name, e.g. `list_agents`.
   * @param payload The request payload (wire names).
   */
  call<R = unknown>(action: string, payload?: object, options?: RequestOptions): Promise<R> {
    // Which actions need no token and which may be re-sent: the wire table (src/generated/wire.ts).
    return this.#client.call<R>(action, payload, options);
  }

  /** @internal The generated methods' transport. */
  protected _call(action: string, payload: object | undefined, options?: RequestOptions): Promise<unknown> {
    return action.startsWith('batch_') ? this.#batch(action, payload, options) : this.call(action, payload, options);
  }

  async #batch(action: string, payload: object | undefined, options?: RequestOptions): Promise<BatchResult<unknown>> {
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
    const raw = await this.call<unknown>(action, payload, options);
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
