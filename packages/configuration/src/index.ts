import { ConfigurationWeb } from './web.js';

export { ConfigurationWeb, type ConfigurationWebOptions } from './web.js';
export { BatchResponseError } from './errors.js';
export type * from './types/index.js';
export type * from './generated/requests.js';
// The wire facts of every action per API version, generated from the docs (src/generated/wire.ts).
export { CONFIGURATION_WIRE } from './generated/wire.js';

/**
 * The Configuration API namespace: `new Configuration.Web(tokenGetter)`, same as
 * `new ConfigurationWeb(tokenGetter)`.
 */
export const Configuration = { Web: ConfigurationWeb } as const;
