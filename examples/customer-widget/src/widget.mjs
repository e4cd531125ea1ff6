// @ts-check
// The browser side: a customer chat widget on CustomerRTM with the page's own WebSocket, and
// CustomerWeb for image uploads. The customer token comes from the accounts service's cookie grant
// (`customerTokenFromCookie`), so a returning visitor is the same customer. src/server.mjs bundles
// this file with esbuild. The conversation is in chat.mjs, the features beyond it in features.mjs,
// the DOM in view.mjs.
import { CustomerRTM, CustomerWeb, customerTokenFromCookie } from '@lc/customer';
import { connect, createChat, followChat } from './chat.mjs';
import { mountEarlier, mountGreeting, mountRating, mountStatus, mountUpload } from './features.mjs';
import { elementsOf, errorText, MARKUP } from './view.mjs';

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

  const ctx = createChat(rtm, web, el);
  followChat(ctx);
  mountStatus(ctx);
  mountEarlier(ctx);
  mountUpload(ctx);
  mountRating(ctx);
  mountGreeting(ctx);
  mountComposer(ctx);
  void connect(ctx);
  return rtm;
}

/** The message box and "End chat". @param {import('./chat.mjs').WidgetContext} ctx */
function mountComposer(ctx) {
  const { el, chat } = ctx;
  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el.input.value.trim();
    if (!text) return;
    el.input.value = '';
    ctx.send({ type: 'message', text, visibility: 'all' }).catch((error) => {
      // Never re-sent silently: the server may have stored it. The visitor decides.
      ctx.note(`Not sent (${errorText(error)}): “${text}”. Send it again if it does not appear.`);
    });
  });
  el.endChat.addEventListener('click', () => {
    if (!chat.id || !chat.active) return;
    ctx.rtm
      .deactivateChat({ id: chat.id })
      .then(() => {
        chat.active = false;
      })
      .catch((error) => ctx.note(`Could not end the chat: ${errorText(error)}`));
  });
}

const configElement = typeof document === 'undefined' ? null : document.getElementById('lc-config');
const rootElement = typeof document === 'undefined' ? null : document.getElementById('lc-chat');
if (configElement && rootElement) {
  const rtm = mountChatWidget(rootElement, JSON.parse(configElement.textContent ?? '{}'));
  /** @type {{ lcChat?: CustomerRTM }} */ (/** @type {unknown} */ (window)).lcChat = rtm;
}
