import { TimeoutError } from '../errors/index.js';

/**
 * Runs `work` against a deadline: after `timeout` ms the signal passed to `work` aborts and the
 * returned promise rejects with {@link TimeoutError}, whether or not `work` honours the signal (a
 * `fetch` that ignores it cannot hang the caller). The timer is cleared however it ends; a late
 * result of `work` is dropped. Used by the token helpers of `@lc/customer` and `@lc/pat`.
 *
 * @param timeout milliseconds, 1 to 2^31 - 1.
 * @param action the action named by the `TimeoutError`.
 */
export function withDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeout: number,
  action?: string,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TimeoutError(timeout, { action }));
    }, timeout);
  });
  let running: Promise<T>;
  try {
    running = work(controller.signal);
  } catch (error) {
    clearTimeout(timer);
    return Promise.reject(error);
  }
  running.catch(() => {}); // settles after the deadline won: nobody waits for it any more
  return Promise.race([running, expired]).finally(() => clearTimeout(timer));
}
