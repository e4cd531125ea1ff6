// @ts-check
// The browser side: a small customer chat widget on CustomerRTM with the page's own WebSocket.
// The customer token comes from the accounts service's cookie grant (`customerTokenFromCookie`), so
// a returning visitor is the same customer. src/server.mjs bundles this file with esbuild.
import { CustomerRTM, customerTokenFromCookie } from '@lc/customer';

/**
 * What the page needs to know; the server puts it in `<script id="lc-config" type="application/json">`.
 * @typedef {object} WidgetConfig
 * @property {string} organizationId
 * @property {string} clientId Your app's client id (the simulator's `sim.clientId` locally).
 * @property {string} [apiUrl] RTM base URL (`wss://api.livechatinc.com` by default; `sim.wsUrl` locally).
 * @property {string} [accountsUrl] Accounts base URL (`https://accounts.livechat.com` by default; `sim.accountsUrl` locally).
 * @property {string} [title] Header text.
 */

/** @type {Record<import('@lc/core').RTMState, string>} */
const STATE_LABEL = {
  idle: 'Offline',
  connecting: 'Connecting…',
  logging_in: 'Connecting…',
  ready: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
};

/**
 * Builds the widget inside `root` and connects. Returns the RTM client (for the console or tests).
 * @param {HTMLElement} root
 * @param {WidgetConfig} config
 */
export function mountChatWidget(root, config) {
  root.classList.add('lc-widget');
  root.innerHTML = `
    <header class="lc-header">
      <span class="lc-title"></span>
      <span class="lc-state" data-testid="state" data-state="idle" data-reconnects="0"></span>
    </header>
    <ol class="lc-messages" data-testid="messages" aria-live="polite"></ol>
    <form class="lc-composer">
      <input class="lc-input" data-testid="input" name="text" placeholder="Type a message…" autocomplete="off" maxlength="2000" />
      <button class="lc-send" data-testid="send" type="submit">Send</button>
    </form>`;
  const el = {
    title: /** @type {HTMLElement} */ (root.querySelector('.lc-title')),
    state: /** @type {HTMLElement} */ (root.querySelector('.lc-state')),
    list: /** @type {HTMLOListElement} */ (root.querySelector('.lc-messages')),
    form: /** @type {HTMLFormElement} */ (root.querySelector('.lc-composer')),
    input: /** @type {HTMLInputElement} */ (root.querySelector('.lc-input')),
  };
  el.title.textContent = config.title ?? 'Chat with us';

  const tokenGetter = customerTokenFromCookie({
    clientId: config.clientId,
    organizationId: config.organizationId,
    ...(config.accountsUrl ? { accountsUrl: config.accountsUrl } : {}),
  });
  // `undefined`: the page's own WebSocket.
  const rtm = new CustomerRTM(undefined, tokenGetter, config.apiUrl ? { apiUrl: config.apiUrl } : {});

  let me = '';
  /** @type {string | undefined} */
  let chatId;
  let reconnects = 0;
  const shown = new Set();
  /** @type {Map<string, string>} */
  const names = new Map();

  const showState = () => {
    const state = rtm.state;
    el.state.dataset.state = state;
    el.state.dataset.reconnects = String(reconnects);
    el.state.textContent = state === 'ready' && reconnects > 0 ? 'Connected (reconnected)' : STATE_LABEL[state];
  };

  /**
   * @param {'customer' | 'agent' | 'system'} kind
   * @param {string} text
   * @param {{ author?: string; time?: string; id?: string }} [meta]
   */
  const append = (kind, text, meta = {}) => {
    const li = document.createElement('li');
    li.className = `lc-msg lc-${kind}`;
    li.dataset.kind = kind;
    if (meta.id) li.dataset.eventId = meta.id;
    if (meta.author || meta.time) {
      const head = document.createElement('div');
      head.className = 'lc-meta';
      head.textContent = [meta.author, meta.time && new Date(meta.time).toLocaleTimeString()]
        .filter(Boolean)
        .join(' · ');
      li.append(head);
    }
    const body = document.createElement('div');
    body.className = 'lc-text';
    body.textContent = text; // never innerHTML: the text comes from the network
    li.append(body);
    el.list.append(li);
    el.list.scrollTop = el.list.scrollHeight;
  };

  /** @param {import('@lc/core').User[] | undefined} users */
  const learnNames = (users) => {
    for (const user of users ?? []) if (user.name) names.set(user.id, user.name);
  };

  /**
   * Shows a chat event once (pushes, the start_chat echo and a catch-up may all carry it).
   * @param {string} chat
   * @param {import('@lc/core').ThreadEvent} event
   */
  const showEvent = (chat, event) => {
    if (chat !== chatId || shown.has(event.id) || 'deleted' in event) return;
    if (event.type === 'message') {
      shown.add(event.id);
      const mine = event.author_id === me;
      append(mine ? 'customer' : 'agent', event.text, {
        author: mine ? 'You' : (names.get(event.author_id ?? '') ?? 'Agent'),
        time: event.created_at,
        id: event.id,
      });
    } else if (event.type === 'system_message') {
      shown.add(event.id);
      append('system', event.text ?? '', { id: event.id });
    }
  };

  /** Renders the current thread of the chat (after login on a returning visit, after a reconnect). */
  const loadChat = async () => {
    if (chatId === undefined) return;
    const chat = await rtm.getChat({ chat_id: chatId });
    learnNames(chat.users);
    for (const event of chat.thread?.events ?? []) showEvent(chat.id, event);
  };

  rtm.onEvent('state', showState);
  rtm.onEvent('close', ({ willReconnect }) => {
    if (willReconnect) append('system', 'Connection lost. Reconnecting…');
  });
  rtm.onEvent('ready', ({ reconnected }) => {
    if (!reconnected) return;
    reconnects++;
    showState();
    append('system', 'Reconnected.');
    loadChat().catch((error) => append('system', `Could not load missed messages: ${errorText(error)}`));
  });
  rtm.on('incoming_chat', ({ chat }) => {
    chatId ??= chat.id;
    learnNames(chat.users);
    for (const event of chat.thread?.events ?? []) showEvent(chat.id, event);
  });
  rtm.on('user_added_to_chat', ({ user }) => {
    if (user.name) names.set(user.id, user.name);
  });
  rtm.on('incoming_event', ({ chat_id, event }) => showEvent(chat_id, event));

  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el.input.value.trim();
    if (!text) return;
    el.input.value = '';
    /** @type {import('@lc/core').MessageEventInput} */
    const event = { type: 'message', text, visibility: 'all' };
    // While reconnecting, the SDK holds the request until the new socket is logged in.
    const sent =
      chatId === undefined
        ? rtm.startChat({ chat: { thread: { events: [event] } } }).then((r) => {
            chatId = r.chat_id;
            return loadChat();
          })
        : rtm.sendEvent({ chat_id: chatId, event });
    sent.catch((error) => {
      // Never re-sent silently: the server may have stored it. The visitor decides.
      append('system', `Not sent (${errorText(error)}): “${text}”. Send it again if it does not appear.`);
    });
  });

  showState();
  rtm
    .login({ customer_page: { url: location.href, title: document.title } })
    .then(async (login) => {
      me = login.customer.id;
      if (login.customer.name) names.set(me, login.customer.name);
      // A returning visitor (same cookies) with an open chat sees it again. `login.chats` does not
      // say which chat is the active one, so ask (a visitor may have several chats).
      if (login.has_active_thread) {
        const { chats_summary } = await rtm.listChats({ limit: 25 });
        const open = chats_summary.find((chat) => chat.active === true);
        if (open) {
          chatId = open.id;
          await loadChat();
        }
      }
      el.input.focus();
    })
    .catch((error) => {
      showState();
      append('system', `Could not connect: ${errorText(error)}`);
    });
  return rtm;
}

/** @param {unknown} error */
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}

const configElement = typeof document === 'undefined' ? null : document.getElementById('lc-config');
const rootElement = typeof document === 'undefined' ? null : document.getElementById('lc-chat');
if (configElement && rootElement) {
  const rtm = mountChatWidget(rootElement, JSON.parse(configElement.textContent ?? '{}'));
  /** @type {{ lcChat?: CustomerRTM }} */ (/** @type {unknown} */ (window)).lcChat = rtm;
}
