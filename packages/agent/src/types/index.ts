// Agent Chat API 3.6 response and push payload types. Type-only. The shared data structures
// (Event, Chat, Thread, User, ...) come from @lc/core.
export type * from './responses.js';
export type * from './pushes.js';
export type * from './filters.js';
// The response and push maps, and the names of the responses and pushes both Chat APIs share.
export type * from '../generated/responses.js';
export type * from '../generated/pushes.js';
