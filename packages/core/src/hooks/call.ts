import type { ClientHooks } from './types.js';

/**
 * Calls one of a client's hooks, if set, as a method of the hooks object. A hook that throws does
 * not change the request: its error is re-thrown in a microtask, as an event listener's would be.
 * Shared by the Web and RTM clients.
 */
export function callHook<K extends Exclude<keyof ClientHooks, 'includePayloads'>>(
  hooks: ClientHooks,
  name: K,
  info: Parameters<NonNullable<ClientHooks[K]>>[0],
): void {
  try {
    (hooks[name] as ((info: unknown) => void) | undefined)?.call(hooks, info);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
