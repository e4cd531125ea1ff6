import type { CallOptions } from '../options.js';
import type { CustomerRTM } from '../rtm.js';
import type { Thread } from '@lc/core';
import { checkId, invalidInput } from './check.js';

/**
 * The chat rating, as the platform keeps it: the `rating` namespace of the thread's properties
 * (`score` `1` good, `0` bad; `comment` free text), one of the default properties the docs'
 * references list (messaging/references/default-properties#rating).
 * @see https://platform.text.com/docs/messaging/customer-chat-api#update-thread-properties
 */
export interface ChatRating {
  score?: 0 | 1;
  comment?: string;
}

/** What the rating helpers need: `CustomerWeb` and `CustomerRTM` both fit. */
export type RatingClient = Pick<CustomerRTM, 'getChat' | 'updateThreadProperties' | 'deleteThreadProperties'>;

/** What {@link rateChat} sends: a score with an optional comment, or a comment alone. */
export type RateChatInput = {
  chat_id: string;
  /** The thread to rate; default the chat's latest thread (as the platform's widget does). */
  thread_id?: string | undefined;
} & ({ score: 0 | 1; comment?: string | undefined } | { score?: undefined; comment: string });

/** What {@link cancelRating} removes. */
export interface CancelRatingInput {
  chat_id: string;
  /** Default: the chat's latest thread. */
  thread_id?: string | undefined;
  /** Which rating properties to remove; default both. */
  properties?: ('score' | 'comment')[] | undefined;
}

/** The thread a rating goes to: the given one, else the chat's latest (`get_chat` without `thread_id`). */
async function threadOf(client: RatingClient, chatId: string, threadId: string | undefined, options?: CallOptions) {
  if (threadId !== undefined) return threadId;
  const chat = await client.getChat({ chat_id: chatId }, options);
  if (!chat.thread) invalidInput('rating', 'get_chat', 'chat_id', 'a chat with a thread to rate');
  return chat.thread.id;
}

/**
 * Rates a chat good (`score: 1`) or bad (`score: 0`), with an optional `comment`: sets the `rating`
 * thread properties (`update_thread_properties`) of the chat's latest thread, or of `thread_id`.
 * Agents see it as `thread_properties_updated`. Bad input (a score other than 0 or 1, a comment that
 * is not text) is an `InputError` before anything is sent.
 *
 * ```ts
 * await rateChat(rtm, { chat_id, score: 1, comment: 'Quick and helpful' });
 * ```
 */
export async function rateChat(client: RatingClient, input: RateChatInput, options?: CallOptions): Promise<void> {
  const { chat_id, thread_id, score, comment } = (input ?? {}) as Partial<RateChatInput>;
  checkId('rateChat', 'update_thread_properties', 'chat_id', chat_id);
  if (thread_id !== undefined) checkId('rateChat', 'update_thread_properties', 'thread_id', thread_id);
  if (score !== undefined && score !== 0 && score !== 1)
    invalidInput('rateChat', 'update_thread_properties', 'score', '0 (bad) or 1 (good)');
  if (comment !== undefined && typeof comment !== 'string')
    invalidInput('rateChat', 'update_thread_properties', 'comment', 'a string');
  if (score === undefined && comment === undefined)
    invalidInput('rateChat', 'update_thread_properties', 'score', 'given (or a comment)');
  const rating: ChatRating = {};
  if (score !== undefined) rating.score = score;
  if (comment !== undefined) rating.comment = comment;
  const thread = await threadOf(client, chat_id!, thread_id, options);
  await client.updateThreadProperties(
    { chat_id: chat_id!, thread_id: thread, properties: { rating: { ...rating } } },
    options,
  );
}

/**
 * Cancels a rating: removes the `rating` thread properties (`delete_thread_properties`), both
 * `score` and `comment` unless `properties` names one. Agents see `thread_properties_deleted`.
 */
export async function cancelRating(
  client: RatingClient,
  input: CancelRatingInput,
  options?: CallOptions,
): Promise<void> {
  const { chat_id, thread_id, properties = ['score', 'comment'] } = (input ?? {}) as Partial<CancelRatingInput>;
  checkId('cancelRating', 'delete_thread_properties', 'chat_id', chat_id);
  if (thread_id !== undefined) checkId('cancelRating', 'delete_thread_properties', 'thread_id', thread_id);
  if (!Array.isArray(properties) || !properties.length || !properties.every((p) => p === 'score' || p === 'comment'))
    invalidInput('cancelRating', 'delete_thread_properties', 'properties', "a list of 'score' and 'comment'");
  const thread = await threadOf(client, chat_id!, thread_id, options);
  await client.deleteThreadProperties(
    { chat_id: chat_id!, thread_id: thread, properties: { rating: [...properties] } },
    options,
  );
}

/** The rating a thread carries (`thread.properties.rating`), or `undefined`. */
export function ratingOf(thread: Pick<Thread, 'properties'> | null | undefined): ChatRating | undefined {
  const rating = thread?.properties?.rating as ChatRating | undefined;
  return rating && (rating.score !== undefined || rating.comment !== undefined) ? { ...rating } : undefined;
}
