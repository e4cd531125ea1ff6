// The `rating` thread properties as the platform keeps them: a customer's score (0 bad, 1 good)
// and comment, checked against their documented types, each change also written to the thread as
// the documented system message (`rating.chat_rated`, `rating.chat_commented`, `rating.chat_rating_canceled`).
// https://platform.text.com/docs/messaging/references/default-properties#rating
// https://platform.text.com/docs/messaging/references/system-activities#ratingchat_rated
import type { RequestContext } from '../context.js';
import { invalid } from '../errors.js';
import type { Platform } from '../platform.js';
import type { ChatRecord, Properties, ThreadRecord } from '../store.js';
import { isObject } from '../util.js';
import { addEvent, systemMessage } from '../chat-events.js';

/** Checks a `rating` update: `score` is `0` or `1`, `comment` a string. */
export function checkRating(update: Properties): void {
  const rating = update.rating;
  if (rating === undefined) return;
  if (!isObject(rating)) throw invalid('Wrong format of request: "properties.rating" must be an object');
  if (rating.score !== undefined && rating.score !== 0 && rating.score !== 1)
    throw invalid('Wrong format of request: "properties.rating.score" must be 0 or 1');
  if (rating.comment !== undefined && typeof rating.comment !== 'string')
    throw invalid('Wrong format of request: "properties.rating.comment" must be a string');
}

/** The system messages a customer's rating change adds to the thread. */
export function ratingActivity(
  ctx: RequestContext,
  p: Platform,
  chat: ChatRecord,
  thread: ThreadRecord,
  change: { set?: Record<string, unknown>; deleted?: string[] },
): void {
  const me = p.requester(ctx);
  if (me.kind !== 'customer') return;
  const name = p.store.customers.get(me.id)?.name ?? 'Customer';
  const add = (text: string, type: string): void =>
    addEvent(p, ctx, chat, thread, systemMessage(p, chat, thread, text, type), undefined);
  const { set, deleted } = change;
  if (set?.score !== undefined)
    add(`${name} rated the chat as ${set.score === 1 ? 'good' : 'bad'}`, 'rating.chat_rated');
  if (typeof set?.comment === 'string')
    add(`${name} left the following comment: ${set.comment}`, 'rating.chat_commented');
  if (deleted?.includes('score')) add(`${name} canceled the chat rating`, 'rating.chat_rating_canceled');
}
