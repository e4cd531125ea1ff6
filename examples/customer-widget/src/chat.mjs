// @ts-check
// The conversation itself: what the widget knows about its chat, how events are drawn (each once),
// how a message is sent (starting or resuming the chat), and what the pushes change.
import { errorText, messageItem } from './view.mjs';

/**
 * What the widget's parts share.
 * @typedef {object} WidgetContext
 * @property {import('@lc/customer').CustomerRTM} rtm
 * @property {import('@lc/customer').CustomerWeb} web For uploads (the RTM API has no upload_file).
 * @property {ReturnType<typeof import('./view.mjs').elementsOf>} el
 * @property {{ id: string | undefined; active: boolean; reconnects: number; me: string }} chat
 * @property {Set<string>} shown Event IDs on screen (pushes, get_chat, history): each drawn once.
 * @property {Map<string, string>} names User names by ID.
 * @property {(chatId: string, event: import('@lc/core').ThreadEvent, at?: 'end' | 'start') => void} showEvent
 * @property {(text: string) => void} note A system line.
 * @property {(chatId: string) => void} knowChat Sets the chat ID (and tells the `onChatKnown` listeners).
 * @property {(listener: () => void) => void} onChatKnown Called when the chat ID becomes known (or changes).
 * @property {() => Promise<void>} loadChat Draws the current thread of the chat.
 * @property {(event: import('@lc/core').EventInput) => Promise<unknown>} send Sends an event, starting or resuming the chat.
 */

/**
 * @param {import('@lc/customer').CustomerRTM} rtm
 * @param {import('@lc/customer').CustomerWeb} web
 * @param {WidgetContext['el']} el
 * @returns {WidgetContext}
 */
export function createChat(rtm, web, el) {
  /** @type {Array<() => void>} */
  const chatKnown = [];
  /** @param {HTMLLIElement} item @param {'end' | 'start'} at */
  const addItem = (item, at) => {
    if (at === 'start') return el.list.prepend(item);
    el.list.append(item);
    el.list.scrollTop = el.list.scrollHeight;
  };
  /** @type {WidgetContext} */
  const ctx = {
    rtm,
    web,
    el,
    chat: { id: undefined, active: false, reconnects: 0, me: '' },
    shown: new Set(),
    names: new Map(),
    note: (text) => addItem(messageItem('system', { text }), 'end'),
    onChatKnown: (listener) => chatKnown.push(listener),
    knowChat(chatId) {
      if (ctx.chat.id === chatId) return;
      ctx.chat.id = chatId;
      for (const listener of chatKnown) listener();
    },
    showEvent: (chatId, event, at = 'end') => showEvent(ctx, addItem, chatId, event, at),
    loadChat: () => loadChat(ctx),
    send: (event) => send(ctx, event),
  };
  return ctx;
}

/**
 * Draws a chat event once (pushes, the start_chat echo, get_chat and the history may all carry it).
 * @param {WidgetContext} ctx
 * @param {(item: HTMLLIElement, at: 'end' | 'start') => void} addItem
 * @param {string} chatId
 * @param {import('@lc/core').ThreadEvent} event
 * @param {'end' | 'start'} at
 */
function showEvent(ctx, addItem, chatId, event, at) {
  if (chatId !== ctx.chat.id || 'deleted' in event) return;
  if (at === 'end' && ctx.shown.has(event.id)) return;
  ctx.shown.add(event.id);
  const author = 'author_id' in event ? event.author_id : undefined;
  const mine = author === ctx.chat.me;
  const meta = {
    author: mine ? 'You' : (ctx.names.get(author ?? '') ?? 'Agent'),
    time: event.created_at,
    id: event.id,
  };
  const kind = mine ? 'customer' : 'agent';
  if (event.type === 'message') addItem(messageItem(kind, { ...meta, text: event.text }), at);
  else if (event.type === 'file' && event.content_type?.startsWith('image/'))
    addItem(messageItem(kind, { ...meta, image: { url: event.url, alt: event.name ?? 'image' } }), at);
  else if (event.type === 'system_message')
    addItem(messageItem('system', { text: event.text ?? '', id: event.id }), at);
}

/** Draws the current thread of the chat (a returning visit, after a reconnect, after starting). @param {WidgetContext} ctx */
async function loadChat(ctx) {
  if (ctx.chat.id === undefined) return;
  const chat = await ctx.rtm.getChat({ chat_id: ctx.chat.id });
  for (const user of chat.users) if (user.name) ctx.names.set(user.id, user.name);
  ctx.chat.active = chat.thread?.active === true;
  for (const event of chat.thread?.events ?? []) ctx.showEvent(chat.id, event);
}

/**
 * Sends an event: starts the chat with it, resumes an ended chat with it, or adds it.
 * While reconnecting, the SDK holds the request until the new socket is logged in.
 * @param {WidgetContext} ctx
 * @param {import('@lc/core').EventInput} event
 */
async function send(ctx, event) {
  const id = ctx.chat.id;
  if (id === undefined) {
    const { chat_id } = await ctx.rtm.startChat({ chat: { thread: { events: [event] } } });
    ctx.knowChat(chat_id);
  } else if (!ctx.chat.active) {
    await ctx.rtm.resumeChat({ chat: { id, thread: { events: [event] } } });
  } else {
    return ctx.rtm.sendEvent({ chat_id: id, event });
  }
  ctx.chat.active = true;
  return ctx.loadChat();
}

/** What the pushes and the connection's lifecycle change in the conversation. @param {WidgetContext} ctx */
export function followChat(ctx) {
  const { rtm, chat } = ctx;
  rtm.onEvent('close', ({ willReconnect }) => {
    if (willReconnect) ctx.note('Connection lost. Reconnecting…');
  });
  rtm.onEvent('ready', ({ reconnected }) => {
    if (!reconnected) return;
    chat.reconnects++;
    ctx.note('Reconnected.');
    ctx.loadChat().catch((error) => ctx.note(`Could not load missed messages: ${errorText(error)}`));
  });
  rtm.on('incoming_chat', ({ chat: incoming }) => {
    ctx.knowChat(incoming.id);
    chat.active = incoming.thread?.active !== false;
    for (const user of incoming.users) if (user.name) ctx.names.set(user.id, user.name);
    for (const event of incoming.thread?.events ?? []) ctx.showEvent(incoming.id, event);
  });
  rtm.on('chat_deactivated', ({ chat_id }) => {
    if (chat_id === chat.id) chat.active = false;
  });
  rtm.on('user_added_to_chat', ({ user }) => {
    if (user.name) ctx.names.set(user.id, user.name);
  });
  rtm.on('incoming_event', ({ chat_id, event }) => ctx.showEvent(chat_id, event));
}

/** Logs in; a returning visitor (same cookies) sees their latest chat again. @param {WidgetContext} ctx */
export async function connect(ctx) {
  try {
    const login = await ctx.rtm.login({ customer_page: { url: location.href, title: document.title } });
    ctx.chat.me = login.customer.id;
    if (login.customer.name) ctx.names.set(ctx.chat.me, login.customer.name);
    // `login.chats` does not say which chat is the latest, so ask (a visitor may have several).
    const { chats_summary } = await ctx.rtm.listChats({ limit: 25 });
    const latest = chats_summary.find((summary) => summary.active === true) ?? chats_summary[0];
    if (latest) {
      ctx.knowChat(latest.id);
      await ctx.loadChat();
    }
    ctx.el.input.focus();
  } catch (error) {
    ctx.note(`Could not connect: ${errorText(error)}`);
  }
}
