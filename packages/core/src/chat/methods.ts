import type { RequestOptions } from '../web/types.js';

/** What a class built by {@link actionMethods} needs from its subclass: the transport's send. */
export interface ActionSender {
  _call(action: string, payload: object | undefined, options?: RequestOptions): Promise<any>;
}

/**
 * The base class of an API package's generated methods: one camelCase method per action name in
 * `actions` (space-separated wire names, e.g. `'list_chats get_chat'` gives `listChats` and
 * `getChat`), each sending its action through the subclass's `_call(action, payload, options)`.
 * With `transport` (`w` or `r`), `actions` is a generated wire table (`wrs get_chat get_customer|w
 * check_goals`: groups of actions after their flags, see `WireTable`) and only the actions flagged
 * for the transport get a method.
 *
 * Built from a list rather than written out so a browser bundle pays a few bytes per method; the
 * method types come from the interface `T` that the generator writes next to the call.
 * Used by the generated `src/generated/methods.ts` of each API package.
 */
export function actionMethods<T>(actions: string, transport?: 'w' | 'r'): abstract new () => T {
  abstract class Methods {}
  const proto = Methods.prototype as unknown as Record<string, unknown>;
  // Without a transport, `actions` is one group with no flags.
  for (const group of transport ? actions.split('|') : [` ${actions}`]) {
    const [flags, ...names] = group.split(' ') as [string, ...string[]];
    if (transport && !flags.includes(transport)) continue;
    for (const action of names) {
      proto[action.replace(/[_/]([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = function (
        this: ActionSender,
        payload?: object,
        options?: RequestOptions,
      ) {
        return this._call(action, payload, options);
      };
    }
  }
  return Methods as unknown as abstract new () => T;
}

/**
 * `Base` with the methods of `Methods` (a class built by {@link actionMethods}) on its prototype: how
 * an API package puts its generated action methods on a shared client class such as `ChatWeb`.
 * Each method sends through the instance's `_call`; where `Base` has a method of that name (and
 * `constructor`), `Base`'s stays.
 */
export function withActions<B extends abstract new (...args: any[]) => object, M>(
  Base: B,
  Methods: abstract new () => M,
): B & (abstract new (...args: any[]) => M) {
  abstract class WithActions extends Base {}
  const methods = Object.getOwnPropertyDescriptors(Methods.prototype);
  // A method the shared client writes by hand (`login`, `uploadFile`) wins over the generated one.
  for (const name in methods)
    if (!(name in Base.prototype)) Object.defineProperty(WithActions.prototype, name, methods[name]!);
  return WithActions as B & (abstract new (...args: any[]) => M);
}
