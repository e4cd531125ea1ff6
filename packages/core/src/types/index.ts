// Data structures of the Agent and Customer Chat API 3.6, shared by @lc/agent, @lc/customer and
// @lc/webhooks. Type-only: this folder emits no JavaScript.
export type * from './common.js';
export type * from './events.js';
export type * from './users.js';
export type * from './chats.js';
export type * from './configuration.js';
export type * from './pushes.js';
export type * from './responses.js';
