export * from './errors/index.js';
export * from './auth/index.js';
export * from './web/index.js';
export type * from './types/index.js';
export * from './rtm/index.js';
export * from './chat/index.js';
export type * from './hooks/types.js';
export * from './accounts/index.js';
export * from './wire/index.js';
