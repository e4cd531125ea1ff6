import { InputError } from '../errors/index.js';
import type { Send } from './client.js';
import type { FetchLike } from './types.js';

/**
 * Builds the `Request` for `url` and passes it to `fetch`. Throws or rejects without calling
 * `fetch` when the request cannot be built.
 */
export type RequestBuilder = (url: string, method: string, fetch: (request: Request) => Promise<Response>) => Promise<Response>;

/**
 * The transport over a `fetch`: `fetch(request, init)`, where `request` (built by `build`) carries
 * the URL and method and `init` the headers, body, signal and `redirect: 'manual'`.
 */
export const fetchSend =
  (base: string, fetch: FetchLike, build: RequestBuilder): Send =>
  (method, path, headers, body, control) => {
    const controller = new AbortController();
    control.abort = (reason) => controller.abort(reason);
    // Redirects are not followed: the APIs never redirect, and a followed 301/302 would turn a POST into a GET.
    const init: RequestInit = { method, headers, signal: controller.signal, redirect: 'manual' };
    if (body !== undefined) init.body = body;
    let called = false;
    let response: Promise<Response>;
    try {
      response = build(base + path, method, (request) => {
        called = true;
        return fetch(request, init);
      });
    } catch (error) {
      response = Promise.reject(error);
    }
    return response.then(
      async (res) => ({ status: res.status, statusText: res.statusText, headers: res.headers, text: await res.text() }),
      (error: unknown) => {
        // A failed build's message may quote a header value, so it is not kept.
        throw called ? error : new InputError('The request could not be built', { action: control.action });
      },
    );
  };
