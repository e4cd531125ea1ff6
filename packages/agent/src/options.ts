export type { CallArgs, CallOptions, UnknownAction } from '@lc/core';

/** Agent actions whose responses carry `next_page_id` (what `paginate` takes), generated from the docs. */
export type { AgentPaginatedAction } from './generated/methods.js';
