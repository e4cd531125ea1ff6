import type { TokenGetter } from '@lc/core';
import { ConfigurationMethods } from './generated/methods.js';
import { CONFIGURATION_WIRE_3_6 } from './generated/wire.js';
import { ConfigurationClient, type ConfigurationClientOptions } from './transport.js';

/** Options of {@link ConfigurationWeb}: everything `@lc/core`'s `createWebClient` takes except `api` and the token getter. */
export type ConfigurationWebOptions = ConfigurationClientOptions;

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
export class ConfigurationWeb extends /* @__PURE__ */ ConfigurationMethods(ConfigurationClient) {
  /**
   * @param tokenGetter Called before every request (a PAT getter from `@lc/pat`, or your own).
   *   `undefined` only for a client that calls `listWebhookNames` alone.
   * @param options Transport options, see {@link ConfigurationWebOptions}.
   */
  constructor(tokenGetter: TokenGetter | undefined, options: ConfigurationWebOptions = {}) {
    // The 3.6 table only, so a 3.6 page carries no 3.7 table; typed 3.7 is `@lc/configuration/v3.7`.
    super(tokenGetter, options, CONFIGURATION_WIRE_3_6);
  }
}
