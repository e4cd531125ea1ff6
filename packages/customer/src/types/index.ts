// Customer Chat API 3.6 response and push payload types, plus the data structures only this API
// uses. Type-only. The shared data structures (Event, Chat, Thread, User, ...) come from @lc/core.
export type * from './structures.js';
export type * from './responses.js';
export type * from './pushes.js';
