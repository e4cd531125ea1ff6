import { CustomerWeb } from '@lc/customer';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenGetter } from '@lc/core';
import { defaultAnswer, simulatorAccount, startBot, type Bot } from '../src/bot.mjs';

let sim: Simulator;
let bot: Bot | undefined;
let lines: string[];
let botToken: TokenGetter;

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
  botToken = await simulatorAccount(sim);
  lines = [];
});
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  await sim.close();
});

function customerWeb(): CustomerWeb {
  const customer = sim.createCustomer({ name: 'Ada' });
  return new CustomerWeb(
    () => ({ accessToken: customer.accessToken, organizationID: sim.organizationId, tokenType: 'Bearer' }),
    {
      apiUrl: sim.url,
    },
  );
}

/** The messages of a chat as `author: text`, the bot shown as `bot`. */
function messages(chatId: string): string[] {
  return sim
    .events(chatId)
    .filter((e) => e.type === 'message')
    .map((e) => `${e.author_id === bot?.id ? 'bot' : 'customer'}: ${String(e.text)}`);
}

describe('examples/agent-bot', () => {
  it('takes chats and answers the first and every later customer message', async () => {
    bot = await startBot({ tokenGetter: botToken, apiUrl: sim.wsUrl, log: (l) => lines.push(l) });
    expect(sim.routingStatus(bot.id)).toBe('accepting_chats');
    expect(lines).toContain('ChatBot is accepting chats');

    const customer = customerWeb();
    const { chat_id } = await customer.startChat({
      chat: { thread: { events: [{ type: 'message', text: 'Hello', visibility: 'all' }] } },
    });
    await vi.waitFor(() => expect(messages(chat_id)).toHaveLength(2));
    await customer.sendEvent({
      chat_id,
      event: { type: 'message', text: 'What are your opening hours?', visibility: 'all' },
    });
    await vi.waitFor(() => expect(messages(chat_id)).toHaveLength(4));

    expect(messages(chat_id)).toEqual([
      'customer: Hello',
      `bot: ${defaultAnswer('Hello')}`,
      'customer: What are your opening hours?',
      `bot: ${defaultAnswer('What are your opening hours?')}`,
    ]);
    expect(bot.replies()).toBe(2);
    expect(lines).toContain(`new chat ${chat_id}`);
  });

  it('logs a dropped socket, reconnects, takes chats again and answers what it missed', async () => {
    bot = await startBot({
      tokenGetter: botToken,
      apiUrl: sim.wsUrl,
      log: (l) => lines.push(l),
      reconnect: { initialDelay: 200, maxDelay: 400 },
    });
    const customer = customerWeb();
    const { chat_id } = await customer.startChat({
      chat: { thread: { events: [{ type: 'message', text: 'Hi', visibility: 'all' }] } },
    });
    await vi.waitFor(() => expect(messages(chat_id)).toHaveLength(2));

    expect(sim.dropSockets({ api: 'agent' })).toBe(1);
    // Sent while the bot is away (its socket is gone, so no push reaches it).
    await customer.sendEvent({ chat_id, event: { type: 'message', text: 'Any pricing info?', visibility: 'all' } });

    await vi.waitFor(() => expect(messages(chat_id)).toHaveLength(4), { timeout: 5000 });
    expect(messages(chat_id).at(-1)).toBe(`bot: ${defaultAnswer('Any pricing info?')}`);
    expect(lines.some((l) => l.startsWith('connection closed (1006') && l.endsWith('will reconnect'))).toBe(true);
    expect(lines.some((l) => /^reconnecting: attempt 1 in \d+ ms$/.test(l))).toBe(true);
    expect(lines).toContain('reconnected and logged in again');
    await vi.waitFor(() => expect(sim.routingStatus(bot!.id)).toBe('accepting_chats'));

    // And it keeps chatting on the new socket.
    await customer.sendEvent({ chat_id, event: { type: 'message', text: 'Thanks', visibility: 'all' } });
    await vi.waitFor(() => expect(messages(chat_id).at(-1)).toBe(`bot: ${defaultAnswer('Thanks')}`));
  });

  it('goes offline when closed', async () => {
    bot = await startBot({ tokenGetter: botToken, apiUrl: sim.wsUrl });
    const { id } = bot;
    await bot.close();
    bot = undefined;
    expect(sim.routingStatus(id)).toBe('offline');
    expect(sim.connections().filter((c) => c.api === 'agent')).toHaveLength(0);
  });
});
