// Agent Chat API 3.6 response and push payload types. Type-only. The shared data structures
// (Event, Chat, Thread, User, ...) come from @lc/core.
export type * from './responses.js';
export type * from './pushes.js';
export type * from './filters.js';
