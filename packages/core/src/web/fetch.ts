import type { Send } from './transport.js';
import type { FetchLike } from './types.js';

/** Builds the `Request` for `url` (URL and method only) and passes it to `fetch`. */
export type RequestBuilder = (
  url: string,
  method: string,
  fetch: (request: Request) => Promise<Response>,
) => Promise<Response>;

/**
 * The transport over a `fetch`: `fetch(request, init)`, where `request` (made by `build`) carries
 * the URL and method and `init` the headers, body, signal and `redirect: 'manual'`. Headers never
 * reach `build`, so no error it throws can quote one.
 */
export const fetchSend =
  (base: string, fetch: FetchLike, build: RequestBuilder): Send =>
  async (method, path, headers, body, control) => {
    const controller = new AbortController();
    control.abort = (reason) => controller.abort(reason);
    // Redirects are not followed: the APIs never redirect, and a followed 301/302 would turn a POST into a GET.
    // A 421 is re-sent once by `fetch` itself (Fetch Standard); harmless here, as the platform's 421
    // (`misdirected_request`) means nothing was processed (see the core README, Regions).
    const res = await build(base + path, method, (request) =>
      fetch(request, { method, headers, body: body ?? null, signal: controller.signal, redirect: 'manual' }),
    );
    return { status: res.status, statusText: res.statusText, headers: res.headers, text: await res.text() };
  };
