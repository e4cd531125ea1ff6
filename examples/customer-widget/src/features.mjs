// @ts-check
// The widget's features on top of the chat itself, each on one helper of @lc/customer:
// connection status, earlier messages, an image upload with a progress bar, rating, greetings.
import { cancelRating, chatHistory, connectionStatus, onGreeting, rateChat, ratingOf } from '@lc/customer';
import { errorText } from './view.mjs';

/** @typedef {import('./chat.mjs').WidgetContext} WidgetContext */

/** @param {import('@lc/customer').ConnectionStatus} status @param {number} reconnects */
function statusText(status, reconnects) {
  switch (status.status) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return status.unstable ? 'Connected (network unstable)' : reconnects ? 'Connected (reconnected)' : 'Connected';
    case 'reconnecting':
      return `Reconnecting (attempt ${status.attempt})…`;
    default:
      return status.reason ? `Disconnected: ${status.reason}` : 'Offline';
  }
}

/** The header badge: one line binds it to the connection status. @param {WidgetContext} ctx */
export function mountStatus(ctx) {
  const render = (/** @type {import('@lc/customer').ConnectionStatus} */ status) => {
    ctx.el.state.dataset.status = status.status;
    ctx.el.state.dataset.delay = status.status === 'reconnecting' ? String(status.delay) : '';
    ctx.el.state.dataset.reconnects = String(ctx.chat.reconnects);
    ctx.el.state.textContent = statusText(status, ctx.chat.reconnects);
  };
  const status = connectionStatus(ctx.rtm);
  status.subscribe(render);
  // "(reconnected)" is known once the re-login is answered.
  ctx.rtm.onEvent('ready', () => render(status.current));
}

/** "Load earlier messages": ten events per click, newest first, across threads. @param {WidgetContext} ctx */
export function mountEarlier(ctx) {
  /** @type {AsyncGenerator<import('@lc/core').ThreadEvent, void> | undefined} */
  let history;
  const button = ctx.el.earlier;
  ctx.onChatKnown(() => {
    history = undefined;
    button.hidden = false;
    button.disabled = false;
    button.textContent = 'Load earlier messages';
    delete button.dataset.done;
  });
  button.addEventListener('click', async () => {
    const chatId = ctx.chat.id;
    if (!chatId) return;
    button.disabled = true;
    // One iterator per chat: each click continues where the last one stopped.
    history ??= chatHistory(ctx.rtm, { chat_id: chatId, seen: ctx.shown, limit: 3 });
    try {
      for (let i = 0; i < 10; i++) {
        const { value, done } = await history.next();
        if (done) {
          button.dataset.done = 'true';
          button.textContent = 'Beginning of the conversation';
          return;
        }
        ctx.showEvent(chatId, value, 'start');
      }
      button.disabled = false;
    } catch (error) {
      history = undefined;
      button.disabled = false;
      ctx.note(`Could not load earlier messages: ${errorText(error)}`);
    }
  });
}

/** The image button: upload with a progress bar (cancellable), then a file event. @param {WidgetContext} ctx */
export function mountUpload(ctx) {
  const { el } = ctx;
  /** @type {AbortController | undefined} */
  let running;
  const show = (/** @type {string} */ state, /** @type {number} */ percent) => {
    el.upload.hidden = false;
    el.upload.dataset.state = state;
    el.uploadBar.value = percent;
    el.uploadPercent.textContent = state === 'canceled' ? 'Canceled' : `${percent} %`;
    el.uploadCancel.hidden = state !== 'uploading';
  };
  el.uploadCancel.addEventListener('click', () => running?.abort());
  el.file.addEventListener('change', async () => {
    const file = el.file.files?.[0];
    el.file.value = '';
    if (!file || running) return;
    const controller = (running = new AbortController());
    el.uploadName.textContent = file.name;
    show('uploading', 0);
    try {
      const { url } = await ctx.web.uploadFile(
        { file },
        {
          signal: controller.signal,
          onProgress: ({ sent, total }) => {
            el.upload.dataset.sent = `${sent}/${total}`;
            show('uploading', Math.floor((sent / total) * 100));
          },
        },
      );
      show('sending', 100);
      await ctx.send({ type: 'file', url });
      show('done', 100);
    } catch (error) {
      if (controller.signal.aborted) show('canceled', 0);
      else {
        el.upload.dataset.state = 'failed';
        ctx.note(`Image not sent (${errorText(error)}).`);
      }
    } finally {
      running = undefined;
    }
  });
}

/** Good / bad with an optional comment, and cancel: the latest thread's rating. @param {WidgetContext} ctx */
export function mountRating(ctx) {
  const { el } = ctx;
  const render = (/** @type {import('@lc/customer').ChatRating | undefined} */ rating) => {
    el.rating.dataset.score = rating?.score === undefined ? '' : String(rating.score);
    el.rateCancel.hidden = rating === undefined;
    el.rateGood.classList.toggle('lc-chosen', rating?.score === 1);
    el.rateBad.classList.toggle('lc-chosen', rating?.score === 0);
    el.ratingState.textContent = rating
      ? `You rated this chat ${rating.score === 1 ? 'good' : 'bad'}${rating.comment ? `: “${rating.comment}”` : ''}`
      : '';
  };
  const rate = async (/** @type {0 | 1} */ score) => {
    const chatId = ctx.chat.id;
    if (!chatId) return;
    const comment = el.rateComment.value.trim();
    try {
      await rateChat(ctx.rtm, { chat_id: chatId, score, ...(comment ? { comment } : {}) });
      el.rateComment.value = '';
      render({ score, ...(comment ? { comment } : {}) });
    } catch (error) {
      ctx.note(`Rating not saved (${errorText(error)}).`);
    }
  };
  el.rateGood.addEventListener('click', () => rate(1));
  el.rateBad.addEventListener('click', () => rate(0));
  el.rateCancel.addEventListener('click', async () => {
    if (!ctx.chat.id) return;
    try {
      await cancelRating(ctx.rtm, { chat_id: ctx.chat.id });
      render(undefined);
    } catch (error) {
      ctx.note(`Rating not canceled (${errorText(error)}).`);
    }
  });
  ctx.onChatKnown(async () => {
    el.rating.hidden = false;
    if (!ctx.chat.id) return;
    // A returning visitor sees the rating they left.
    const chat = await ctx.rtm.getChat({ chat_id: ctx.chat.id }).catch(() => undefined);
    render(ratingOf(chat?.thread));
  });
}

/** A greeting bubble: "Chat now" accepts it, "Dismiss" cancels it. @param {WidgetContext} ctx */
export function mountGreeting(ctx) {
  const { el } = ctx;
  onGreeting(ctx.rtm, (greeting, { accept, cancel }) => {
    el.greeting.hidden = false;
    el.greeting.dataset.uniqueId = greeting.unique_id;
    el.greetingText.textContent = 'text' in greeting.event ? (greeting.event.text ?? '') : 'New message';
    const answer = (/** @type {() => Promise<void>} */ action) => () => {
      el.greeting.hidden = true;
      action().catch((error) => ctx.note(`Greeting: ${errorText(error)}`));
    };
    el.greetingAccept.onclick = answer(accept);
    el.greetingCancel.onclick = answer(cancel);
  });
}
