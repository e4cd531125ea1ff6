// @ts-check
// An auto-reply agent on the Agent Chat RTM API: an agent account (bots cannot log in over RTM on the
// platform) that takes chats (routing status `accepting_chats`), answers every customer message, and logs
// what its connection does (close, reconnecting, ready again). `startBot()` is the whole bot;
// src/main.mjs runs it from the command line, the demo and the tests import it.
import { AgentRTM } from '@lc/agent';
import WebSocket from 'ws';

export { simulatorAccount } from './simulator-account.mjs';

// `ws`'s class does not type-check as @lc/core's WebSocketConstructor (its handler properties take
// `ws` event types where the SDK declares `unknown`), so the cast; at run time it is what the SDK expects.
const wsClass = /** @type {import('@lc/core').WebSocketConstructor} */ (/** @type {unknown} */ (WebSocket));

/**
 * @typedef {object} BotOptions
 * @property {import('@lc/core').TokenGetter} tokenGetter An agent account's access token with its organization
 *   (an agent's OAuth token; bot tokens cannot log in over RTM, on the platform or the simulator).
 * @property {string} [apiUrl] RTM base URL: `wss://api.livechatinc.com` by default, `sim.wsUrl` for the simulator.
 * @property {import('@lc/core').WebSocketConstructor} [WebSocket] Default: the `ws` package's class.
 * @property {(text: string) => string} [answer] Turns a customer's message into the reply (default {@link defaultAnswer}).
 * @property {(line: string) => void} [log] Where the bot reports what it does (default: nowhere).
 * @property {import('@lc/core').ReconnectOptions | false} [reconnect] Reconnect policy (the SDK's default: 0.5 s doubling up to 30 s).
 */

/**
 * @typedef {object} Bot
 * @property {AgentRTM} rtm The RTM client (for anything more the bot should do).
 * @property {string} id The bot's agent id (from `login`).
 * @property {string} name The bot's name (from `login`).
 * @property {() => number} replies How many replies it has sent.
 * @property {() => Promise<void>} close Sets the bot `offline` (best effort) and closes the socket.
 */

/**
 * A deterministic little brain: a few canned answers, an echo otherwise.
 * @param {string} text
 * @returns {string}
 */
export function defaultAnswer(text) {
  const t = text.toLowerCase();
  if (/\b(hours|open|opening)\b/.test(t)) return 'We are open around the clock: I am a bot, I never sleep.';
  if (/\b(price|cost|pricing)\b/.test(t))
    return 'Plans start at $20 per agent per month; I can connect you with sales.';
  if (/\b(bye|thanks|thank you)\b/.test(t)) return 'You are welcome! Have a great day.';
  if (/\b(hi|hello|hey)\b/.test(t)) return 'Hello! How can I help you today?';
  return `You said: "${text}". Ask me about our opening hours or pricing.`;
}

/**
 * Starts the bot: logs in over RTM, sets itself `accepting_chats` and answers customer messages in
 * the chats routed to it. After a reconnect it sets its status again (the platform marks an agent
 * whose last socket closed as offline) and answers what it missed meanwhile.
 *
 * @param {BotOptions} options
 * @returns {Promise<Bot>}
 */
export async function startBot(options) {
  const log = options.log ?? (() => {});
  /** @type {import('@lc/agent').AgentRTMOptions} */
  const rtmOptions = {};
  if (options.apiUrl !== undefined) rtmOptions.apiUrl = options.apiUrl;
  if (options.reconnect !== undefined) rtmOptions.reconnect = options.reconnect;
  const rtm = new AgentRTM(options.WebSocket ?? wsClass, options.tokenGetter, rtmOptions);

  let closing = false;
  const isClosing = () => closing;
  const book = createCustomerBook(rtm);
  const responder = createResponder(rtm, book, options.answer ?? defaultAnswer, log, isClosing);
  rtm.on('incoming_chat', ({ chat }) => {
    log(`new chat ${chat.id}`);
    book.learn(chat.id, chat.users);
    for (const event of chat.thread?.events ?? []) void responder.reply(chat.id, event);
  });
  rtm.on('incoming_event', ({ chat_id, event }) => void responder.reply(chat_id, event));
  rtm.on('user_added_to_chat', ({ chat_id, user }) => book.learnAdded(chat_id, user));
  logConnection(rtm, log, isClosing, responder.catchUp);

  let login;
  try {
    login = await rtm.login({
      pushes: { 3.6: ['incoming_chat', 'incoming_event', 'user_added_to_chat', 'chat_deactivated'] },
    });
    responder.me = login.my_profile.id ?? '';
    await rtm.setRoutingStatus({ status: 'accepting_chats' });
  } catch (error) {
    closing = true;
    await rtm.close(); // nobody else holds this client: never leave a logged-in socket behind
    throw error;
  }
  const name = login.my_profile.name ?? 'Bot';
  log(`${name} is accepting chats`);

  return {
    rtm,
    id: responder.me,
    name,
    replies: () => responder.replies,
    close: async () => {
      closing = true;
      if (rtm.state === 'ready') {
        await rtm.setRoutingStatus({ status: 'offline' }, { timeout: 2000 }).catch(() => {});
      }
      await rtm.close();
    },
  };
}

/**
 * The customers of each chat the bot knows, by chat id: only their messages get an answer.
 * @param {AgentRTM} rtm
 */
function createCustomerBook(rtm) {
  /** @type {Map<string, Set<string>>} */
  const customers = new Map();
  const book = {
    /**
     * Remembers the customers among a chat's users.
     * @param {string} chatId
     * @param {ReadonlyArray<{ id: string, type: string }> | undefined} users
     */
    learn(chatId, users) {
      const ids = customers.get(chatId) ?? new Set();
      for (const user of users ?? []) if (user.type === 'customer') ids.add(user.id);
      customers.set(chatId, ids);
    },
    /**
     * A user joined a chat: remembered when the bot already knows that chat.
     * @param {string} chatId
     * @param {{ id: string, type: string }} user
     */
    learnAdded(chatId, user) {
      if (customers.has(chatId)) book.learn(chatId, [user]);
    },
    /**
     * Whether `authorId` is a customer of the chat (asks the platform about a chat it has not seen).
     * @param {string} chatId
     * @param {string} authorId
     */
    async isCustomer(chatId, authorId) {
      if (!customers.has(chatId)) book.learn(chatId, (await rtm.getChat({ chat_id: chatId })).users);
      return customers.get(chatId)?.has(authorId) === true;
    },
  };
  return book;
}

/**
 * What answers customers: each customer message once, and after a reconnect what was missed.
 * @param {AgentRTM} rtm
 * @param {ReturnType<typeof createCustomerBook>} book
 * @param {(text: string) => string} answer
 * @param {(line: string) => void} log
 * @param {() => boolean} isClosing
 */
function createResponder(rtm, book, answer, log, isClosing) {
  /** Customer messages already answered (or being answered), by event id. */
  const answered = new Set();
  const responder = {
    /** The bot's own agent id, once logged in. */
    me: '',
    replies: 0,
    /**
     * Answers one customer message, once.
     * @param {string} chatId
     * @param {import('@lc/core').ThreadEvent | import('@lc/core').RestrictedEvent} event
     */
    async reply(chatId, event) {
      if (event.type !== 'message' || 'deleted' in event) return;
      if (!event.author_id || event.author_id === responder.me || answered.has(event.id)) return;
      // Customers only, and only what they can see: never an agent's note (`visibility: 'agents'`),
      // never another agent or bot (two bots would answer each other forever).
      if (event.visibility !== 'all') return;
      answered.add(event.id);
      try {
        if (!(await book.isCustomer(chatId, event.author_id))) return;
        await rtm.sendEvent({
          chat_id: chatId,
          event: { type: 'message', text: answer(event.text), visibility: 'all' },
        });
        responder.replies++;
      } catch (error) {
        answered.delete(event.id); // not answered: the catch-up after a reconnect tries again
        if (!isClosing()) log(`could not answer in ${chatId}: ${describe(error)}`);
      }
    },
    /** Answers the last customer message of every active chat, if it was missed while offline. */
    async catchUp() {
      const { chats_summary } = await rtm.listChats({ limit: 100 });
      for (const chat of chats_summary) {
        book.learn(chat.id, chat.users);
        const last = chat.last_event_per_type?.message?.event;
        if (last && chat.last_thread_summary?.active !== false) await responder.reply(chat.id, last);
      }
    },
  };
  return responder;
}

/**
 * Logs what the connection does; after a reconnect, accepts chats again and catches up.
 * @param {AgentRTM} rtm
 * @param {(line: string) => void} log
 * @param {() => boolean} isClosing
 * @param {() => Promise<void>} catchUp
 */
function logConnection(rtm, log, isClosing, catchUp) {
  rtm.onEvent('close', ({ code, reason, willReconnect }) => {
    if (!isClosing())
      log(`connection closed (${code}${reason ? ` ${reason}` : ''})${willReconnect ? ', will reconnect' : ''}`);
  });
  rtm.onEvent('reconnecting', ({ attempt, delay }) => log(`reconnecting: attempt ${attempt} in ${delay} ms`));
  rtm.onEvent('error', ({ error }) => {
    if (!isClosing()) log(`error: ${describe(error)}`);
  });
  rtm.onEvent('ready', ({ reconnected }) => {
    if (!reconnected) return;
    log('reconnected and logged in again');
    void (async () => {
      try {
        await rtm.setRoutingStatus({ status: 'accepting_chats' });
        await catchUp();
      } catch (error) {
        if (!isClosing()) log(`after reconnect: ${describe(error)}`);
      }
    })();
  });
}

/**
 * A one-line description of an error (typed SDK errors carry their API `type`).
 * @param {unknown} error
 */
function describe(error) {
  if (error instanceof Error) {
    const type = /** @type {{ type?: unknown }} */ (error).type;
    return `${error.name}${typeof type === 'string' ? ` ${type}` : ''}: ${error.message}`;
  }
  return String(error);
}
