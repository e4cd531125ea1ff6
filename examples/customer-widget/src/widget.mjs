// @ts-check
// The browser side: a customer chat widget on CustomerRTM with the page's own WebSocket, and
// CustomerWeb for image uploads. The customer token comes from the accounts service's cookie grant
// (`customerTokenFromCookie`), so a returning visitor is the same customer. src/server.mjs bundles
// this file with esbuild. The features beyond chatting are in features.mjs, the DOM in view.mjs.
import { CustomerRTM, CustomerWeb, customerTokenFromCookie } from '@lc/customer';
import { mountEarlier, mountGreeting, mountRating, mountStatus, mountUpload } from './features.mjs';
import { errorText, elementsOf, MARKUP, messageItem } from './view.mjs';

/**
 * What the page needs to know; the server puts it in `<script id="lc-config" type="application/json">`.
 * @typedef {object} WidgetConfig
 * @property {string} organizationId
 * @property {string} clientId Your app's client id (the simulator's `sim.clientId` locally).
 * @property {string} [apiUrl] RTM base URL (`wss://api.livechatinc.com` by default; `sim.wsUrl` locally).
 *   The Web API (uploads) is the same host over `http(s)`.
 * @property {string} [accountsUrl] Accounts base URL (`https://accounts.livechat.com` by default; `sim.accountsUrl` locally).
 * @property {string} [title] Header text.
 */

/**
 * Builds the widget inside `root` and connects. Returns the RTM client (for the console or tests).
 * @param {HTMLElement} root
 * @param {WidgetConfig} config
 */
export function mountChatWidget(root, config) {
  root.classList.add('lc-widget');
  root.innerHTML = MARKUP;
  const el = elementsOf(root);
  el.title.textContent = config.title ?? 'Chat with us';

  const tokenGetter = customerTokenFromCookie({
    clientId: config.clientId,
    organizationId: config.organizationId,
    ...(config.accountsUrl ? { accountsUrl: config.accountsUrl } : {}),
  });
  // `undefined`: the page's own WebSocket. Both clients share the token getter (one cached token).
  const rtm = new CustomerRTM(undefined, tokenGetter, config.apiUrl ? { apiUrl: config.apiUrl } : {});
  const web = new CustomerWeb(tokenGetter, config.apiUrl ? { apiUrl: config.apiUrl.replace(/^ws/, 'http') } : {});

  let me = '';
  /** @type {Map<string, string>} */
  const names = new Map();
  /** @type {Array<() => void>} */
  const chatKnown = [];

  /** @type {import('./features.mjs').WidgetContext} */
  const ctx = {
    rtm,
    web,
    el,
    chat: { id: undefined, active: false, reconnects: 0 },
    shown: new Set(),
    note: (text) => addItem(messageItem('system', { text }), 'end'),
    onChatKnown: (listener) => chatKnown.push(listener),
    showEvent,
    send,
  };

  /** @param {HTMLLIElement} item @param {'end' | 'start'} at */
  function addItem(item, at) {
    if (at === 'start') el.list.prepend(item);
    else {
      el.list.append(item);
      el.list.scrollTop = el.list.scrollHeight;
    }
  }

  /**
   * Draws a chat event once (pushes, the start_chat echo, get_chat and the history may all carry it).
   * @param {string} chatId
   * @param {import('@lc/core').ThreadEvent} event
   * @param {'end' | 'start'} [at]
   */
  function showEvent(chatId, event, at = 'end') {
    if (chatId !== ctx.chat.id || 'deleted' in event) return;
    if (at === 'end' && ctx.shown.has(event.id)) return;
    ctx.shown.add(event.id);
    const author = 'author_id' in event ? event.author_id : undefined;
    const mine = author === me;
    const meta = {
      author: mine ? 'You' : (names.get(author ?? '') ?? 'Agent'),
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

  /** @param {string} chatId */
  function knowChat(chatId) {
    if (ctx.chat.id === chatId) return;
    ctx.chat.id = chatId;
    for (const listener of chatKnown) listener();
  }

  /** Draws the current thread of the chat (a returning visit, after a reconnect, after starting). */
  async function loadChat() {
    if (ctx.chat.id === undefined) return;
    const chat = await rtm.getChat({ chat_id: ctx.chat.id });
    for (const user of chat.users) if (user.name) names.set(user.id, user.name);
    ctx.chat.active = chat.thread?.active === true;
    for (const event of chat.thread?.events ?? []) showEvent(chat.id, event);
  }

  /**
   * Sends an event: starts the chat with it, resumes an ended chat with it, or adds it.
   * While reconnecting, the SDK holds the request until the new socket is logged in.
   * @param {import('@lc/core').EventInput} event
   */
  async function send(event) {
    const id = ctx.chat.id;
    if (id === undefined) {
      const { chat_id } = await rtm.startChat({ chat: { thread: { events: [event] } } });
      knowChat(chat_id);
    } else if (!ctx.chat.active) {
      await rtm.resumeChat({ chat: { id, thread: { events: [event] } } });
    } else {
      return rtm.sendEvent({ chat_id: id, event });
    }
    ctx.chat.active = true;
    return loadChat();
  }

  rtm.onEvent('close', ({ willReconnect }) => {
    if (willReconnect) ctx.note('Connection lost. Reconnecting…');
  });
  rtm.onEvent('ready', ({ reconnected }) => {
    if (!reconnected) return;
    ctx.chat.reconnects++;
    ctx.note('Reconnected.');
    loadChat().catch((error) => ctx.note(`Could not load missed messages: ${errorText(error)}`));
  });
  rtm.on('incoming_chat', ({ chat }) => {
    knowChat(chat.id);
    ctx.chat.active = chat.thread?.active !== false;
    for (const user of chat.users) if (user.name) names.set(user.id, user.name);
    for (const event of chat.thread?.events ?? []) showEvent(chat.id, event);
  });
  rtm.on('chat_deactivated', ({ chat_id }) => {
    if (chat_id === ctx.chat.id) ctx.chat.active = false;
  });
  rtm.on('user_added_to_chat', ({ user }) => {
    if (user.name) names.set(user.id, user.name);
  });
  rtm.on('incoming_event', ({ chat_id, event }) => showEvent(chat_id, event));

  mountStatus(ctx);
  mountEarlier(ctx);
  mountUpload(ctx);
  mountRating(ctx);
  mountGreeting(ctx);

  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el.input.value.trim();
    if (!text) return;
    el.input.value = '';
    send({ type: 'message', text, visibility: 'all' }).catch((error) => {
      // Never re-sent silently: the server may have stored it. The visitor decides.
      ctx.note(`Not sent (${errorText(error)}): “${text}”. Send it again if it does not appear.`);
    });
  });
  el.endChat.addEventListener('click', () => {
    if (!ctx.chat.id || !ctx.chat.active) return;
    rtm
      .deactivateChat({ id: ctx.chat.id })
      .then(() => {
        ctx.chat.active = false;
      })
      .catch((error) => ctx.note(`Could not end the chat: ${errorText(error)}`));
  });

  rtm
    .login({ customer_page: { url: location.href, title: document.title } })
    .then(async (login) => {
      me = login.customer.id;
      if (login.customer.name) names.set(me, login.customer.name);
      // A returning visitor (same cookies) sees their latest chat again. `login.chats` does not say
      // which chat is the latest, so ask (a visitor may have several chats).
      const { chats_summary } = await rtm.listChats({ limit: 25 });
      const latest = chats_summary.find((chat) => chat.active === true) ?? chats_summary[0];
      if (latest) {
        knowChat(latest.id);
        await loadChat();
      }
      el.input.focus();
    })
    .catch((error) => ctx.note(`Could not connect: ${errorText(error)}`));
  return rtm;
}

const configElement = typeof document === 'undefined' ? null : document.getElementById('lc-config');
const rootElement = typeof document === 'undefined' ? null : document.getElementById('lc-chat');
if (configElement && rootElement) {
  const rtm = mountChatWidget(rootElement, JSON.parse(configElement.textContent ?? '{}'));
  /** @type {{ lcChat?: CustomerRTM }} */ (/** @type {unknown} */ (window)).lcChat = rtm;
}
