import type { RequestOptions } from '../web/types.js';

/** What a class built by {@link actionMethods} needs from its subclass: the transport's send. */
export interface ActionSender {
  _call(action: string, payload: object | undefined, options?: RequestOptions): Promise<any>;
}

/**
 * The base class of an API package's generated methods: one camelCase method per action name in
 * `actions` (space-separated wire names, e.g. `'list_chats get_chat'` gives `listChats` and
 * `getChat`), each sending its action through the subclass's `_call(action, payload, options)`.
 *
 * Built from a list rather than written out so a browser bundle pays a few bytes per method; the
 * method types come from the interface `T` that the generator writes next to the call.
 * Used by the generated `src/generated/methods.ts` of each API package.
 */
export function actionMethods<T>(actions: string): abstract new () => T {
  abstract class Methods {}
  const proto = Methods.prototype as unknown as Record<string, unknown>;
  for (const action of actions.split(' ')) {
    proto[action.replace(/[_/]([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = function (
      this: ActionSender,
      payload?: object,
      options?: RequestOptions,
    ) {
      return this._call(action, payload, options);
    };
  }
  return Methods as unknown as abstract new () => T;
}

/**
 * `Base` with the methods of `Methods` (a class built by {@link actionMethods}) on its prototype: how
 * an API package puts its generated action methods on a shared client class such as `ChatWeb`.
 * Each method sends through the instance's `_call`.
 */
export function withActions<B extends abstract new (...args: any[]) => object, M>(
  Base: B,
  Methods: abstract new () => M,
): B & (abstract new (...args: any[]) => M) {
  abstract class WithActions extends Base {}
  const { constructor: _, ...methods } = Object.getOwnPropertyDescriptors(Methods.prototype);
  Object.defineProperties(WithActions.prototype, methods);
  return WithActions as B & (abstract new (...args: any[]) => M);
}
