// @ts-check
// A customer chatting from Node over the Customer Chat RTM API: log in with a customer token, start
// a chat with the first message, send more, and wait for the agent's (or bot's) reply to each.
// `startCustomer()` is the whole client; src/main.mjs runs it from the command line, the demo and
// the tests import it.
import { CustomerRTM } from '@lc/customer';
import WebSocket from 'ws';

// `ws`'s class does not type-check as @lc/core's WebSocketConstructor (its handler properties take
// `ws` event types where the SDK declares `unknown`), so the cast; at run time it is what the SDK expects.
const wsClass = /** @type {import('@lc/core').WebSocketConstructor} */ (/** @type {unknown} */ (WebSocket));

/**
 * One message of the conversation, from either side.
 * @typedef {object} ChatMessage
 * @property {string} id Event id.
 * @property {string} chatId
 * @property {'customer' | 'agent'} from `customer` for this customer's own messages.
 * @property {string} author The author's name (`Customer` when the platform knows none).
 * @property {string} text
 * @property {string} createdAt RFC 3339 time of the event on the server.
 */

/**
 * @typedef {object} CustomerOptions
 * @property {import('@lc/core').TokenGetter} tokenGetter A customer access token with its organization
 *   (e.g. `customerTokenFromAgent(...)` or `customerTokenFromCookie(...)` from `@lc/customer`).
 * @property {string} [apiUrl] RTM base URL: `wss://api.livechatinc.com` by default, `sim.wsUrl` for the simulator.
 * @property {import('@lc/core').WebSocketConstructor} [WebSocket] Default: the `ws` package's class.
 * @property {(message: ChatMessage) => void} [onMessage] Called once for every message in the chat, both sides.
 * @property {(line: string) => void} [log] Connection events (closed, reconnecting, reconnected).
 * @property {import('@lc/core').ReconnectOptions | false} [reconnect] Reconnect policy (SDK default when omitted).
 */

/**
 * @typedef {object} CustomerChat
 * @property {CustomerRTM} rtm The RTM client.
 * @property {string} customerId
 * @property {() => string | undefined} chatId The chat, once the first message started it.
 * @property {(text: string, options?: { timeout?: number }) => Promise<ChatMessage>} say Sends a message (the
 *   first one starts the chat) and resolves with the next reply from the agent's side (default timeout 10 s).
 * @property {() => ChatMessage[]} transcript Every message so far, in order of arrival.
 * @property {() => Promise<void>} close Closes the connection (the chat stays open on the platform).
 */

/**
 * Logs in as a customer and returns a small chat API on top of {@link CustomerRTM}.
 * After a reconnect, messages missed while the socket was down are fetched with `get_chat`.
 *
 * @param {CustomerOptions} options
 * @returns {Promise<CustomerChat>}
 */
export async function startCustomer(options) {
  const log = options.log ?? (() => {});
  /** @type {import('@lc/customer').CustomerRTMOptions} */
  const rtmOptions = {};
  if (options.apiUrl !== undefined) rtmOptions.apiUrl = options.apiUrl;
  if (options.reconnect !== undefined) rtmOptions.reconnect = options.reconnect;
  const rtm = new CustomerRTM(options.WebSocket ?? wsClass, options.tokenGetter, rtmOptions);

  let closing = false;
  const conversation = createConversation(options.onMessage);
  rtm.on('incoming_chat', ({ chat }) => {
    if (conversation.chatId !== undefined && chat.id !== conversation.chatId) return;
    conversation.learnNames(chat.users);
    for (const event of chat.thread?.events ?? []) conversation.record(chat.id, event);
  });
  rtm.on('user_added_to_chat', ({ user }) => {
    if (user.name) conversation.names.set(user.id, user.name);
  });
  rtm.on('incoming_event', ({ chat_id, event }) => conversation.record(chat_id, event));
  logConnection(rtm, conversation, log, () => closing);

  const login = await rtm.login();
  conversation.customerId = login.customer.id;
  if (login.customer.name) conversation.customerName = login.customer.name;

  return {
    rtm,
    customerId: conversation.customerId,
    chatId: () => conversation.chatId,
    transcript: () => [...conversation.messages],
    async say(text, { timeout = 10_000 } = {}) {
      const index = conversation.messages.length;
      /** @type {import('@lc/core').MessageEventInput} */
      const event = { type: 'message', text, visibility: 'all' };
      if (conversation.chatId === undefined) {
        const started = await rtm.startChat({ chat: { thread: { events: [event] } } });
        conversation.chatId = started.chat_id;
      } else {
        await rtm.sendEvent({ chat_id: conversation.chatId, event });
      }
      return replyAfter(conversation, index, timeout);
    },
    async close() {
      closing = true;
      await rtm.close();
    },
  };
}

/**
 * The messages of the one chat this customer has, each recorded once, and who is waiting for a reply.
 * @param {((message: ChatMessage) => void) | undefined} onMessage
 */
function createConversation(onMessage) {
  const seen = new Set();
  const conversation = {
    customerId: '',
    customerName: 'Customer',
    /** @type {string | undefined} */
    chatId: undefined,
    /** @type {ChatMessage[]} */
    messages: [],
    /** @type {Map<string, string>} user id → name */
    names: new Map(),
    /** @type {Array<() => void>} Who waits for the next message (see {@link replyAfter}). */
    waiters: [],
    /** @param {import('@lc/core').User[] | undefined} users */
    learnNames(users) {
      for (const user of users ?? []) if (user.name) conversation.names.set(user.id, user.name);
    },
    /**
     * @param {string} chat
     * @param {import('@lc/core').ThreadEvent} event
     */
    record(chat, event) {
      if (event.type !== 'message' || 'deleted' in event || seen.has(event.id)) return;
      if (conversation.chatId !== undefined && chat !== conversation.chatId) return;
      seen.add(event.id);
      const mine = event.author_id === conversation.customerId;
      /** @type {ChatMessage} */
      const message = {
        id: event.id,
        chatId: chat,
        from: mine ? 'customer' : 'agent',
        author: mine ? conversation.customerName : (conversation.names.get(event.author_id ?? '') ?? 'Agent'),
        text: event.text,
        createdAt: event.created_at,
      };
      conversation.messages.push(message);
      onMessage?.(message);
      const ready = conversation.waiters;
      conversation.waiters = [];
      for (const wake of ready) wake();
    },
  };
  return conversation;
}

/**
 * The first reply from the agent's side after message `index`.
 * @param {ReturnType<typeof createConversation>} conversation
 * @param {number} index
 * @param {number} timeout
 * @returns {Promise<ChatMessage>}
 */
function replyAfter(conversation, index, timeout) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const reply = conversation.messages
        .slice(index)
        .find((m) => m.from === 'agent' && m.chatId === conversation.chatId);
      if (reply) {
        clearTimeout(timer);
        resolve(reply);
      } else {
        conversation.waiters.push(check);
      }
    };
    const timer = setTimeout(() => {
      conversation.waiters = conversation.waiters.filter((w) => w !== check);
      reject(new Error(`No reply within ${timeout} ms`));
    }, timeout);
    check();
  });
}

/**
 * Logs what the connection does; after a reconnect, fetches what arrived while the socket was down.
 * @param {CustomerRTM} rtm
 * @param {ReturnType<typeof createConversation>} conversation
 * @param {(line: string) => void} log
 * @param {() => boolean} isClosing
 */
function logConnection(rtm, conversation, log, isClosing) {
  rtm.onEvent('close', ({ code, willReconnect }) => {
    if (!isClosing()) log(`connection closed (${code})${willReconnect ? ', will reconnect' : ''}`);
  });
  rtm.onEvent('reconnecting', ({ attempt, delay }) => log(`reconnecting: attempt ${attempt} in ${delay} ms`));
  rtm.onEvent('ready', ({ reconnected }) => {
    if (!reconnected) return;
    log('reconnected');
    if (conversation.chatId === undefined) return;
    // Catch up on what arrived while the socket was down.
    rtm.getChat({ chat_id: conversation.chatId }).then(
      (chat) => {
        conversation.learnNames(chat.users);
        for (const event of chat.thread?.events ?? []) conversation.record(chat.id, event);
      },
      (error) => {
        if (!isClosing()) log(`could not catch up: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });
}
