// chatHistory against the simulator: a chat of several threads over several list_threads pages,
// over Web and RTM, newest first, each event once.
import { AbortError, InputError, type ThreadEvent } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSimulator } from '../../../test-utils/sim-fixture.js';
import { chatHistory, type CustomerRTM, type CustomerWeb } from '../src/index.js';
import { chatWithThreads, message, rtmFor, storedThreads, webFor } from './sim-helpers.js';

const fixture = useSimulator(() => startSimulator({ port: 0 }));
let sim: Simulator;
let web: CustomerWeb;
let rtm: CustomerRTM;
let chatId: string;

/** An Agent Chat API action by plain fetch, as the simulator's first agent. */
const asAgent = (action: string, payload: object) => fixture.call('agent', action, sim.agents[0]!.accessToken, payload);

beforeAll(async () => {
  sim = fixture.sim;
  const customer = sim.createCustomer({ name: 'History' });
  web = webFor(sim, customer);
  rtm = await rtmFor(sim, customer);
  chatId = await chatWithThreads(web, 5);
});
afterAll(async () => {
  await rtm?.close();
});

/** Every event the customer can see in the chat, newest first, as the simulator stores them. */
function storedNewestFirst(): string[] {
  return storedThreads(sim, chatId)
    .flatMap((thread) => thread.events)
    .map((event) => event.id)
    .reverse();
}

const listThreadsCalls = (): number => sim.requests({ action: 'list_threads' }).length;

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('chatHistory', () => {
  it.each(['web', 'rtm'] as const)(
    'yields every event once, newest first, across threads and pages (%s)',
    async (kind) => {
      const client = kind === 'web' ? web : rtm;
      const before = listThreadsCalls();
      const events = await all(chatHistory(client, { chat_id: chatId, limit: 2 }));
      expect(events.map((event) => event.id)).toEqual(storedNewestFirst());
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(events.filter((e) => e.type === 'message').map((e) => (e as { text: string }).text)).toEqual(
        [5, 4, 3, 2, 1].flatMap((t) => [`t${t} m2`, `t${t} m1`]),
      );
      // 5 threads, 2 per page: 3 pages, and not one request after the first thread.
      expect(listThreadsCalls() - before).toBe(3);
    },
  );

  it('yields whole threads newest first when asked (events inside oldest first)', async () => {
    const threads = await all(chatHistory(rtm, { chat_id: chatId, as: 'threads', limit: 3 }));
    const stored = storedThreads(sim, chatId);
    expect(threads.map((t) => t.id)).toEqual(stored.map((t) => t.id).reverse());
    expect(threads[0]!.events!.map((e) => e.id)).toEqual(stored.at(-1)!.events.map((e) => e.id));
  });

  it('loads a batch at a time and stops without another request when the page stops asking', async () => {
    const before = listThreadsCalls();
    const history = chatHistory(web, { chat_id: chatId, limit: 1 });
    const batch: ThreadEvent[] = [];
    for (let i = 0; i < 3; i++) batch.push((await history.next()).value as ThreadEvent);
    expect(batch.map((e) => e.id)).toEqual(storedNewestFirst().slice(0, 3));
    await history.return();
    expect(await history.next()).toEqual({ done: true, value: undefined });
    // The third event is in the second thread: two pages of one thread each.
    expect(listThreadsCalls() - before).toBe(2);
  });

  it('skips events the page shows already, and fills the shared set', async () => {
    const stored = storedNewestFirst();
    const seen = new Set(stored.slice(0, 4));
    const events = await all(chatHistory(web, { chat_id: chatId, seen }));
    expect(events.map((e) => e.id)).toEqual(stored.slice(4));
    expect([...seen].sort()).toEqual([...stored].sort());
  });

  it('never yields an event that a push brought while the history was loading (RTM)', async () => {
    const customer = sim.createCustomer();
    const own = await rtmFor(sim, customer);
    try {
      const chat = await chatWithThreads(webFor(sim, customer), 2);
      await asAgent('add_user_to_chat', {
        chat_id: chat,
        user_id: sim.agents[0]!.id,
        user_type: 'agent',
        visibility: 'all',
      });
      const pushed: string[] = [];
      own.on('incoming_event', ({ event }) => pushed.push(event.id));
      // The first page is answered after the agent's event is stored and pushed: the page carries it too.
      sim.delayNext(1, 300, { action: 'list_threads' });
      const history = chatHistory(own, { chat_id: chat, limit: 5 });
      const first = history.next();
      const { event_id } = await asAgent('send_event', {
        chat_id: chat,
        event: message('pushed meanwhile'),
      });
      const rest = [(await first).value as ThreadEvent, ...(await all(history))];
      expect(pushed).toContain(event_id);
      expect(rest.map((e) => e.id)).not.toContain(event_id);
      expect(rest.map((e) => e.id)).toEqual(
        storedThreads(sim, chat)
          .flatMap((t) => t.events)
          .map((e) => e.id)
          .filter((id) => id !== event_id)
          .reverse(),
      );
    } finally {
      await own.close();
    }
  });

  it('ends at once for a chat of one thread, and rejects bad input before sending', async () => {
    const customer = sim.createCustomer();
    const single = webFor(sim, customer);
    const { chat_id } = await single.startChat({ chat: { thread: { events: [message('only')] } } });
    expect((await all(chatHistory(single, { chat_id }))).map((e) => (e as { text?: string }).text)).toEqual(['only']);
    const before = listThreadsCalls();
    await expect(all(chatHistory(web, { chat_id: '' }))).rejects.toBeInstanceOf(InputError);
    await expect(all(chatHistory(web, { chat_id, as: 'pages' as never }))).rejects.toBeInstanceOf(InputError);
    await expect(all(chatHistory(web, { chat_id, limit: 0 }))).rejects.toBeInstanceOf(InputError);
    expect(listThreadsCalls()).toBe(before);
  });

  it('aborts with AbortError', async () => {
    const controller = new AbortController();
    const history = chatHistory(web, { chat_id: chatId, limit: 1, signal: controller.signal });
    await history.next();
    controller.abort();
    await expect(all(history)).rejects.toBeInstanceOf(AbortError);
  });
});

describe('chatHistory with what the network may send', () => {
  /** A client whose list_threads pages are given as they are. */
  const pagesOf = (pages: unknown[]) => ({
    async *listThreadsPages() {
      for (const page of pages) yield page as never;
    },
  });

  it('skips malformed pages, threads and events, and repeats nothing', async () => {
    const event = (id: unknown) => ({ id, type: 'message', text: String(id), created_at: '' });
    const pages = [
      null,
      { threads: 'nope' },
      { threads: [null, { id: 7 }, { id: 'T2', events: [event('b'), event(null), event('c')] }] },
      {
        threads: [
          { id: 'T2', events: [event('c')] },
          { id: 'T1', events: 'x' },
          { id: 'T0', events: [event('a'), event('b')] },
        ],
      },
    ];
    const events = await all(chatHistory(pagesOf(pages), { chat_id: 'C' }));
    expect(events.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    const threads = await all(chatHistory(pagesOf(pages), { chat_id: 'C', as: 'threads' }));
    expect(threads.map((t) => t.id)).toEqual(['T2', 'T1', 'T0']);
    expect(threads.map((t) => (Array.isArray(t.events) ? t.events.map((e) => e.id) : t.events))).toEqual([
      ['b', 'c'],
      undefined,
      ['a'],
    ]);
  });
});
