export type { CallArgs, CallOptions, UnknownAction } from '@lc/core';

/** Customer actions whose responses carry `next_page_id` (what `paginate` takes), generated from the docs. */
export type { CustomerPaginatedAction } from './generated/methods.js';
