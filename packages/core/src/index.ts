export * from './errors/index.js';
export * from './auth/index.js';
export * from './events/index.js';
export * from './web/index.js';
export type * from './types/index.js';
export * from './rtm/index.js';
export * from './chat/index.js';
