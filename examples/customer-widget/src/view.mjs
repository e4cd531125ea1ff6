// @ts-check
// The widget's DOM: the markup, the element lookups and how one chat event is drawn. No SDK calls here.

/** The widget's markup; every part a test or a feature touches has a `data-testid`. */
export const MARKUP = `
  <header class="lc-header">
    <span class="lc-title"></span>
    <span class="lc-state" data-testid="state" data-status="disconnected" data-reconnects="0"></span>
  </header>
  <div class="lc-greeting" data-testid="greeting" hidden>
    <span class="lc-greeting-text"></span>
    <button class="lc-link" data-testid="greeting-accept" type="button">Chat now</button>
    <button class="lc-link" data-testid="greeting-cancel" type="button" aria-label="Dismiss">Dismiss</button>
  </div>
  <button class="lc-earlier" data-testid="earlier" type="button" hidden>Load earlier messages</button>
  <ol class="lc-messages" data-testid="messages" aria-live="polite"></ol>
  <div class="lc-upload" data-testid="upload" data-state="idle" hidden>
    <span class="lc-upload-name"></span>
    <progress max="100" value="0" data-testid="upload-progress"></progress>
    <span class="lc-upload-percent" data-testid="upload-percent">0 %</span>
    <button class="lc-link" data-testid="upload-cancel" type="button">Cancel</button>
  </div>
  <div class="lc-rating" data-testid="rating" hidden>
    <span>Rate this chat</span>
    <button class="lc-chip" data-testid="rate-good" type="button">Good</button>
    <button class="lc-chip" data-testid="rate-bad" type="button">Bad</button>
    <input class="lc-comment" data-testid="rate-comment" placeholder="Comment (optional)" maxlength="500" />
    <button class="lc-link" data-testid="rate-cancel" type="button" hidden>Cancel rating</button>
    <span class="lc-rating-state" data-testid="rating-state"></span>
  </div>
  <form class="lc-composer">
    <label class="lc-attach" title="Send an image">Image<input data-testid="file" type="file" accept="image/*" hidden /></label>
    <input class="lc-input" data-testid="input" name="text" placeholder="Type a message…" autocomplete="off" maxlength="2000" />
    <button class="lc-send" data-testid="send" type="submit">Send</button>
  </form>
  <div class="lc-footer"><button class="lc-link" data-testid="end-chat" type="button">End chat</button></div>`;

/** @param {HTMLElement} root @param {string} selector */
const find = (root, selector) => /** @type {HTMLElement} */ (root.querySelector(selector));

/** The widget's elements, by what they are for. @param {HTMLElement} root */
export function elementsOf(root) {
  return {
    title: find(root, '.lc-title'),
    state: find(root, '.lc-state'),
    greeting: find(root, '.lc-greeting'),
    greetingText: find(root, '.lc-greeting-text'),
    greetingAccept: find(root, '[data-testid="greeting-accept"]'),
    greetingCancel: find(root, '[data-testid="greeting-cancel"]'),
    earlier: /** @type {HTMLButtonElement} */ (find(root, '.lc-earlier')),
    list: find(root, '.lc-messages'),
    upload: find(root, '.lc-upload'),
    uploadName: find(root, '.lc-upload-name'),
    uploadBar: /** @type {HTMLProgressElement} */ (find(root, 'progress')),
    uploadPercent: find(root, '.lc-upload-percent'),
    uploadCancel: find(root, '[data-testid="upload-cancel"]'),
    rating: find(root, '.lc-rating'),
    rateGood: find(root, '[data-testid="rate-good"]'),
    rateBad: find(root, '[data-testid="rate-bad"]'),
    rateComment: /** @type {HTMLInputElement} */ (find(root, '.lc-comment')),
    rateCancel: find(root, '[data-testid="rate-cancel"]'),
    ratingState: find(root, '.lc-rating-state'),
    form: /** @type {HTMLFormElement} */ (find(root, '.lc-composer')),
    file: /** @type {HTMLInputElement} */ (find(root, '[data-testid="file"]')),
    input: /** @type {HTMLInputElement} */ (find(root, '.lc-input')),
    endChat: find(root, '[data-testid="end-chat"]'),
  };
}

/**
 * One line of the conversation. Text is always set as text (never HTML: it comes from the network).
 * @param {'customer' | 'agent' | 'system'} kind
 * @param {{ text?: string; image?: { url: string; alt: string }; author?: string; time?: string; id?: string }} content
 */
export function messageItem(kind, content) {
  const li = document.createElement('li');
  li.className = `lc-msg lc-${kind}`;
  li.dataset.kind = kind;
  if (content.id) li.dataset.eventId = content.id;
  if (content.author || content.time) {
    const head = document.createElement('div');
    head.className = 'lc-meta';
    head.textContent = [content.author, content.time && new Date(content.time).toLocaleTimeString()]
      .filter(Boolean)
      .join(' · ');
    li.append(head);
  }
  if (content.image) {
    const img = document.createElement('img');
    img.className = 'lc-image';
    img.src = content.image.url;
    img.alt = content.image.alt;
    li.append(img);
  } else {
    const body = document.createElement('div');
    body.className = 'lc-text';
    body.textContent = content.text ?? '';
    li.append(body);
  }
  return li;
}

/** @param {unknown} error */
export function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
