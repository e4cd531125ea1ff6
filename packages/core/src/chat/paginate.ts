import type { AbortError, InputError } from '../errors/index.js';
import { ProtocolError } from '../rtm/errors.js';
import { checkPayload } from '../rtm/options.js';
import type { RequestOptions } from '../web/types.js';

type Send = (action: string, payload: object, options: RequestOptions | undefined) => Promise<unknown>;

/**
 * Follows `next_page_id`: the first request carries `payload` as given; every later one carries
 * only `page_id` plus the fields the action requires (`keep`, e.g. `chat_id` of `list_threads`),
 * because the platform refuses filters together with `page_id`. Stops when a page has no
 * `next_page_id`. Rejects with {@link InputError} for a payload that is not an object (before
 * anything is sent) and with {@link ProtocolError} when a page names the page just fetched as the
 * next one (a loop); with {@link AbortError} once `options.signal` aborts: each request, the first
 * or a later one, goes through the transport's own check, which sends nothing once it has aborted.
 */
export async function* paginate<R>(
  send: Send,
  action: string,
  payload: object = {},
  keep: readonly string[],
  options: RequestOptions | undefined,
): AsyncGenerator<R, void, undefined> {
  checkPayload(payload, action);
  const fixed: Record<string, unknown> = {};
  for (const key of keep) {
    const value = (payload as Record<string, unknown>)[key];
    if (value !== undefined) fixed[key] = value;
  }
  let next: object = payload;
  let current: unknown;
  for (;;) {
    const page = (await send(action, next, options)) as R;
    yield page;
    const id = (page as { next_page_id?: unknown } | null)?.next_page_id;
    if (typeof id !== 'string' || id === '') return;
    if (id === current) {
      throw new ProtocolError(`${action}: next_page_id names the page just fetched`, {
        action,
        frame: JSON.stringify({ next_page_id: id }),
      });
    }
    next = { ...fixed, page_id: (current = id) };
  }
}
