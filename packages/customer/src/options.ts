export type { CallArgs, CallOptions, UnknownAction } from '@lc/core';

/** Customer actions whose responses carry `next_page_id` (see `CustomerWeb.paginate`). */
export type CustomerPaginatedAction = 'list_chats' | 'list_threads';
