import type { AbortError, InputError } from '../errors/index.js';
import { ProtocolError } from '../rtm/errors.js';
import type { RequestOptions } from '../web/types.js';

type Send = (action: string, payload: object, options: RequestOptions | undefined) => Promise<unknown>;

/**
 * Follows `next_page_id`: the first request carries `payload` as given; every later one carries
 * only `page_id` plus the fields the action requires (`keep`, e.g. `chat_id` of `list_threads`),
 * because the platform refuses filters together with `page_id`. Stops when a page has no
 * `next_page_id`. Rejects with {@link ProtocolError} when a page names the page just fetched as the
 * next one (a loop). `send` is the transport's: it rejects a payload that is not an object with
 * {@link InputError}, and a request whose `options.signal` has aborted with {@link AbortError},
 * before anything is sent.
 */
export async function* paginate<R>(
  send: Send,
  action: string,
  payload: object = {},
  keep: readonly string[],
  options: RequestOptions | undefined,
): AsyncGenerator<R, void, undefined> {
  const first = payload as Record<string, unknown>;
  let next = first;
  for (;;) {
    // The transport checks the payload (an object) before it sends the first request.
    const page = (await send(action, next, options)) as R;
    yield page;
    const id = (page as { next_page_id?: unknown } | null)?.next_page_id;
    if (typeof id !== 'string' || id === '') return;
    // A caller who aborted while handling the page gets the transport's AbortError, even from a loop.
    if (id === next.page_id && !options?.signal?.aborted) {
      throw new ProtocolError(`${action}: next_page_id names the page just fetched`, {
        action,
        frame: JSON.stringify({ next_page_id: id }),
      });
    }
    next = { page_id: id };
    for (const key of keep) if (first[key] !== undefined) next[key] = first[key];
  }
}
