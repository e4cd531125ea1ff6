import type { RequestOptions } from '@lc/core';

/**
 * Options of one call: abort signal, timeout, extra headers, and `apiVersion` (send this call to
 * another API version, e.g. `'3.7'` for a developer-preview action; over RTM the frame carries it).
 */
export type CallOptions = RequestOptions;

/**
 * The untyped `call` overload refuses a known action's name, so a known action's payload is always
 * checked (and an action of the other transport, e.g. `logout` over Web, is a compile error).
 */
export type UnknownAction<A extends string, Known extends string> = A extends Known ? never : A;

/** The `(payload, options)` arguments of a typed call; the payload is optional when no field is required. */
export type CallArgs<P, O = CallOptions> =
  Record<never, never> extends P ? [payload?: P, options?: O] : [payload: P, options?: O];

/** Agent actions whose responses carry `next_page_id` (see `AgentWeb.paginate`). */
export type AgentPaginatedAction = 'list_chats' | 'list_threads' | 'list_archives';
