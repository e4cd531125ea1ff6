// rateChat / cancelRating against the simulator: the rating lives in the `rating` thread
// properties of the chat's latest thread, as the platform keeps it, and agents are told.
import { ApiError, InputError } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cancelRating, type CustomerRTM, type CustomerWeb, rateChat, ratingOf } from '../src/index.js';
import { agentSocket, chatWithThreads, rtmFor, storedThreads, webFor } from './sim-helpers.js';

let sim: Simulator;
let web: CustomerWeb;
let rtm: CustomerRTM;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  const customer = sim.createCustomer({ name: 'Rater' });
  web = webFor(sim, customer);
  rtm = await rtmFor(sim, customer);
});
afterAll(async () => {
  await rtm?.close();
  await sim?.close();
});

/** The rating properties and system messages of a thread, as an agent sees them in the simulator. */
function stored(chatId: string, threadId: string) {
  const thread = storedThreads(sim, chatId).find((t) => t.id === threadId) as unknown as {
    properties?: { rating?: unknown };
    events: { type: string; system_message_type?: string; text?: string }[];
  };
  return {
    rating: thread.properties?.rating,
    activity: thread.events
      .filter((e) => e.system_message_type?.startsWith('rating.'))
      .map((e) => `${e.system_message_type}: ${e.text}`),
  };
}

describe('rateChat and cancelRating', () => {
  it.each(['web', 'rtm'] as const)('rate the latest thread good with a comment, then cancel (%s)', async (kind) => {
    const client = kind === 'web' ? web : rtm;
    const chatId = await chatWithThreads(web, 2);
    const [first, latest] = storedThreads(sim, chatId);
    await rateChat(client, { chat_id: chatId, score: 1, comment: 'Quick and helpful' });
    expect(stored(chatId, latest!.id)).toEqual({
      rating: { score: 1, comment: 'Quick and helpful' },
      activity: [
        'rating.chat_rated: Rater rated the chat as good',
        'rating.chat_commented: Rater left the following comment: Quick and helpful',
      ],
    });
    expect(stored(chatId, first!.id).rating).toBeUndefined();
    // The customer reads it back from the thread.
    const chat = await client.getChat({ chat_id: chatId });
    expect(ratingOf(chat.thread)).toEqual({ score: 1, comment: 'Quick and helpful' });

    await cancelRating(client, { chat_id: chatId });
    expect(stored(chatId, latest!.id).rating).toBeUndefined();
    expect(stored(chatId, latest!.id).activity.at(-1)).toBe(
      'rating.chat_rating_canceled: Rater canceled the chat rating',
    );
    expect(ratingOf((await client.getChat({ chat_id: chatId })).thread)).toBeUndefined();
  });

  it('rates bad without a comment, an earlier thread when named; agents get thread_properties_updated', async () => {
    const agent = await agentSocket(sim);
    try {
      const chatId = await chatWithThreads(web, 2);
      const [first] = storedThreads(sim, chatId);
      await rateChat(rtm, { chat_id: chatId, thread_id: first!.id, score: 0 });
      expect(stored(chatId, first!.id)).toEqual({
        rating: { score: 0 },
        activity: ['rating.chat_rated: Rater rated the chat as bad'],
      });
      await vi.waitFor(() =>
        expect(
          agent.pushes.filter((p) => p.action === 'thread_properties_updated').map((p) => p.payload),
        ).toContainEqual({
          chat_id: chatId,
          thread_id: first!.id,
          properties: { rating: { score: 0 } },
        }),
      );
      // Removing the comment only keeps the score.
      await rateChat(web, { chat_id: chatId, thread_id: first!.id, comment: 'later thoughts' });
      await cancelRating(web, { chat_id: chatId, thread_id: first!.id, properties: ['comment'] });
      expect(stored(chatId, first!.id).rating).toEqual({ score: 0 });
    } finally {
      agent.close();
    }
  });

  it('refuses bad input before sending; the simulator refuses a score the platform does not take', async () => {
    const chatId = await chatWithThreads(web, 1);
    const before = sim.requests({ action: 'update_thread_properties' }).length;
    await expect(rateChat(web, { chat_id: chatId, score: 5 as 1 })).rejects.toBeInstanceOf(InputError);
    await expect(rateChat(web, { chat_id: chatId } as never)).rejects.toBeInstanceOf(InputError);
    await expect(rateChat(web, { chat_id: chatId, score: 1, comment: 7 as never })).rejects.toBeInstanceOf(InputError);
    await expect(cancelRating(web, { chat_id: chatId, properties: ['stars' as 'score'] })).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(rateChat(web, { chat_id: '', score: 1 })).rejects.toBeInstanceOf(InputError);
    expect(sim.requests({ action: 'update_thread_properties' }).length).toBe(before);
    const [thread] = storedThreads(sim, chatId);
    await expect(
      web.updateThreadProperties({ chat_id: chatId, thread_id: thread!.id, properties: { rating: { score: 2 } } }),
    ).rejects.toMatchObject({ type: 'validation' });
    await expect(rateChat(web, { chat_id: 'NO_SUCH_CHAT', score: 1 })).rejects.toBeInstanceOf(ApiError);
  });
});
