// Customer Chat API 3.6 response and push payload types, plus the data structures only this API
// uses. Type-only. The shared data structures (Event, Chat, Thread, User, ...) come from @lc/core.
export type * from './structures.js';
export type * from './responses.js';
export type * from './pushes.js';
// The response and push maps, and the names of the responses and pushes both Chat APIs share.
export type * from '../generated/responses.js';
export type * from '../generated/pushes.js';
