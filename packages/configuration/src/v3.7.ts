// `@lc/configuration/v3.7`: the Configuration API 3.7 (developer preview), typed from the 3.7 spec.
// The package root stays 3.6; this entry carries no 3.6 table (its own wire table and methods).
import type { TokenGetter } from '@lc/core';
import { ConfigurationMethods } from './generated/v3.7/methods.js';
import { CONFIGURATION_WIRE_3_7 } from './generated/wire.js';
import { ConfigurationClient, type ConfigurationClientOptions } from './transport.js';

export { BatchResponseError } from './errors.js';
export type * from './generated/v3.7/requests.js';
export type * from './types/v3.7.js';

/** Options of the 3.7 {@link ConfigurationWeb}; `apiVersion` defaults to `3.7`. */
export type ConfigurationWebOptions = ConfigurationClientOptions;

/**
 * The Configuration API 3.7 over HTTP: the 3.6 methods plus allowed domains, canned responses,
 * translations (with `batchUpdateTranslations`) and `banCustomer`, each
 * `POST /v3.7/configuration/action/<action>`.
 *
 * @example
 * ```ts
 * import { ConfigurationWeb } from '@lc/configuration/v3.7';
 *
 * const config = new ConfigurationWeb(tokenGetter);
 * const { id } = await config.createCannedResponse({ text: 'Hi!', tags: ['greeting'], group_id: 0 });
 * ```
 * @see https://platform.text.com/docs/management/configuration-api/v3.7
 */
export class ConfigurationWeb extends /* @__PURE__ */ ConfigurationMethods(ConfigurationClient) {
  /**
   * @param tokenGetter Called before every request (a PAT getter from `@lc/pat`, or your own).
   *   `undefined` only for a client that calls `listWebhookNames` alone.
   * @param options Transport options (`apiVersion` default `3.7`).
   */
  constructor(tokenGetter: TokenGetter | undefined, options: ConfigurationWebOptions = {}) {
    super(tokenGetter, options, CONFIGURATION_WIRE_3_7);
  }
}

/** The Configuration API 3.7 namespace: `new Configuration.Web(tokenGetter)`. */
export const Configuration = { Web: ConfigurationWeb } as const;
