export type { CallArgs, CallOptions, UnknownAction } from '@lc/core';

/** Agent actions whose responses carry `next_page_id` (see `AgentWeb.paginate`). */
export type AgentPaginatedAction = 'list_chats' | 'list_threads' | 'list_archives';
