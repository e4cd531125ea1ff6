import type { Thread, ThreadEvent } from '@lc/core';
import type { ListThreadsRequest } from '../generated/requests.js';
import type { CallOptions } from '../options.js';
import type { ListThreadsResponse } from '../types/index.js';
import { checkId, invalidInput } from './check.js';

/**
 * What {@link chatHistory} needs from a client: `CustomerWeb` and `CustomerRTM` both fit. With an
 * `on` (RTM), events pushed to the chat while the history loads are never yielded: the page has
 * them already.
 */
export interface ChatHistoryClient {
  listThreadsPages(payload: ListThreadsRequest, options?: CallOptions): AsyncIterable<ListThreadsResponse>;
  on?(push: 'incoming_event', handler: (payload: { chat_id: string; event: ThreadEvent }) => void): () => void;
}

/** Options of {@link chatHistory}. */
export interface ChatHistoryOptions extends CallOptions {
  /** The chat. */
  chat_id: string;
  /** `events` (default): one event at a time, newest first. `threads`: one thread at a time, newest first. */
  as?: 'events' | 'threads' | undefined;
  /** Threads per `list_threads` request (1–100; the platform's default is 3). */
  limit?: number | undefined;
  /**
   * IDs of events the page shows already (from `get_chat`, `incoming_chat`, pushes): skipped. Every
   * yielded event's ID is added, so one set shared with the push handlers keeps each event on screen once.
   */
  seen?: Set<string> | undefined;
}

/**
 * A chat's past events, newest first, across threads: follows `list_threads` pages backwards
 * (newest thread first) and ends after the chat's first thread. Yields each event once (or, with
 * `as: 'threads'`, each thread once, its events oldest first as the platform sends them, without the
 * events seen before): a thread that moves to a later page while new threads start is not repeated,
 * and over RTM an event pushed while the history loads is left to the push handler.
 *
 * Call `next()` for as many events as the page wants ("load earlier messages"); `return()` (or
 * `break` in `for await`) stops without another request; `signal` aborts with `AbortError`.
 *
 * ```ts
 * const history = chatHistory(rtm, { chat_id, seen: shown });
 * for (let i = 0; i < 20; i++) {
 *   const { value, done } = await history.next();
 *   if (done) break;
 *   prepend(value);
 * }
 * ```
 */
export function chatHistory(
  client: ChatHistoryClient,
  options: ChatHistoryOptions & { as: 'threads' },
): AsyncGenerator<Thread, void, undefined>;
export function chatHistory(
  client: ChatHistoryClient,
  options: ChatHistoryOptions & { as?: 'events' | undefined },
): AsyncGenerator<ThreadEvent, void, undefined>;
export async function* chatHistory(
  client: ChatHistoryClient,
  options: ChatHistoryOptions,
): AsyncGenerator<Thread | ThreadEvent, void, undefined> {
  const { chat_id, as, limit, seen = new Set<string>(), ...callOptions } = checkOptions(options);
  const threadsSeen = new Set<string>();
  // Pushed while loading: the page renders it from the push.
  const unsubscribe = client.on?.('incoming_event', (push) => {
    if (push.chat_id === chat_id && push.event) seen.add(push.event.id);
  });
  try {
    const request: ListThreadsRequest = { chat_id, sort_order: 'desc', ...(limit === undefined ? {} : { limit }) };
    for await (const page of client.listThreadsPages(request, callOptions)) {
      // What the network sent is checked, not trusted: a malformed page or thread yields nothing.
      for (const thread of Array.isArray(page?.threads) ? page.threads : []) {
        if (typeof thread?.id !== 'string' || threadsSeen.has(thread.id)) continue;
        threadsSeen.add(thread.id);
        const events = (Array.isArray(thread.events) ? thread.events : []).filter(
          (event) => typeof event?.id === 'string' && !seen.has(event.id),
        );
        if (as === 'threads') {
          for (const event of events) seen.add(event.id);
          // A thread without an event list (`restricted_access`) is yielded without `events`.
          const { events: given, ...rest } = thread;
          yield Array.isArray(given) ? { ...rest, events } : rest;
          continue;
        }
        for (let i = events.length - 1; i >= 0; i--) {
          const event = events[i]!;
          // Checked again: a push may have brought it while the caller handled the previous one.
          if (seen.has(event.id)) continue;
          seen.add(event.id);
          yield event;
        }
      }
    }
  } finally {
    unsubscribe?.();
  }
}

/** Bad caller input is an `InputError` before anything is sent. */
function checkOptions(options: ChatHistoryOptions): ChatHistoryOptions {
  if (typeof options !== 'object' || options === null)
    invalidInput('chatHistory', 'list_threads', 'options', 'an object');
  checkId('chatHistory', 'list_threads', 'chat_id', options.chat_id);
  if (options.as !== undefined && options.as !== 'events' && options.as !== 'threads')
    invalidInput('chatHistory', 'list_threads', 'as', "'events' or 'threads'");
  const limit = options.limit;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100))
    invalidInput('chatHistory', 'list_threads', 'limit', 'an integer from 1 to 100');
  if (options.seen !== undefined && !(options.seen instanceof Set))
    invalidInput('chatHistory', 'list_threads', 'seen', 'a Set');
  return options;
}
