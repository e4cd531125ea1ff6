import { loginToken, type ResolvedToken } from '../auth/index.js';
import { AbortError, TimeoutError } from '../errors/index.js';
import type { RequestOptions } from '../web/types.js';
import { Client } from './client.js';
import { MAX_DELAY } from '../timers.js';
import { checkCall, checkOptions, invalid } from './options.js';
import { now } from './requests.js';
import type { ChatRTM } from '../chat/rtm.js';
import type { RTMClient } from './types.js';

/**
 * Sends `action` over a logged-in RTM client like `client.call`, but first asks the client's token
 * getter for a token and sends it as the payload's `token` field (`"<tokenType> <accessToken>"`).
 * This is how `update_session` swaps the token of a live connection without reconnecting. The getter
 * counts against the call's timeout and abort: a getter that never settles cannot hang the call.
 *
 * A function rather than a client method, so a page that never swaps tokens does not ship it.
 */
export async function callWithToken<R = unknown>(
  client: RTMClient | ChatRTM<any>,
  action: string,
  payload?: object,
  options?: RequestOptions,
): Promise<R> {
  const c = client as unknown as Client;
  if (!(c instanceof Client)) invalid('client');
  const p = checkCall(action, payload);
  checkOptions(options, action);
  if (c.state_ === 'closed' || !c.loginPayload_) return (client as RTMClient).call<R>(action, p, options);
  const start = now();
  const ms = options?.timeout ?? c.requestTimeout_;
  const signal = options?.signal;
  if (signal?.aborted) throw new AbortError({ action, cause: signal.reason });
  const token = await new Promise<ResolvedToken>((resolve, reject) => {
    let off: (() => void) | undefined;
    // Whichever comes first settles the wait and removes the others: getter, timeout, abort, close().
    const done = (error: Error | undefined, value?: ResolvedToken): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      off?.();
      if (error) reject(error);
      else resolve(value!);
    };
    const onAbort = (): void => done(new AbortError({ action, cause: signal!.reason }));
    const timer = setTimeout(() => done(new TimeoutError(ms, { action })), Math.min(ms, MAX_DELAY));
    signal?.addEventListener('abort', onAbort, { once: true });
    off = c.onEvent('state', ({ to }) => to === 'closed' && done(c.closed_(action)));
    c.token_().then(
      (value) => done(undefined, value),
      (error: Error) => done(error),
    );
  });
  const timeout = Math.max(1, ms - (now() - start));
  return c.request_(action, { ...p, token: loginToken(token) }, { ...options, timeout }, true);
}
