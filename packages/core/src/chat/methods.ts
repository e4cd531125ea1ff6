import type { RequestOptions } from '../web/types.js';
import { forEachWireAction } from '../wire/index.js';

/** What a class built by {@link actionMethods} needs: the transport's send, and `paginate` for the `…Pages` methods. */
export interface ActionSender {
  _call(action: string, payload: object | undefined, options?: RequestOptions): Promise<any>;
  paginate?(action: string, payload: object | undefined, options?: RequestOptions): AsyncGenerator<unknown>;
}

/** Any class an API package's methods go on (a shared client such as `ChatRTM`, or an entry's own client). */
export type ClientClass = abstract new (...args: any[]) => object;

/**
 * `Base` with one camelCase method per action of a generated wire table (`wrs get_chat get_customer|w
 * check_goals`: groups of actions after their flags, see `WireTable`) flagged for `transport` (`w` or
 * `r`): `get_chat` gives `getChat`, which sends its action through the instance's `_call(action,
 * payload, options)`. A method `Base` already has (`login`, `uploadFile`) stays. When `Base` can
 * `paginate`, each paginated action (`p`, e.g. `wrsp:chat_id list_threads`) also gets `<name>Pages`,
 * and the fields its later pages send again with `page_id` (`chat_id`) are kept on the prototype for
 * `paginate`.
 *
 * Built from a list rather than written out so a browser bundle pays a few bytes per method; the
 * method types come from the interface `M` the generator writes next to the table.
 */
export function actionMethods<M, B extends ClientClass>(
  actions: string,
  transport: 'w' | 'r',
  Base: B,
): B & (abstract new (...args: any[]) => M) {
  abstract class Methods extends Base {}
  const proto = Methods.prototype as unknown as Record<string, unknown>;
  const pageFields = 'paginate' in proto ? new Map<string, readonly string[]>() : undefined;
  forEachWireAction(actions, (action, flags, fields) => {
    if (!flags.includes(transport)) return;
    const name = action.replace(/[_/]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (!(name in proto))
      proto[name] = function (this: ActionSender, payload?: object, options?: RequestOptions) {
        return this._call(action, payload, options);
      };
    if (pageFields && flags.includes('p')) {
      pageFields.set(action, fields?.split(',') ?? []);
      proto[`${name}Pages`] = function (this: ActionSender, payload?: object, options?: RequestOptions) {
        return this.paginate!(action, payload, options);
      };
    }
  });
  if (pageFields) proto.pageFields_ = pageFields;
  return Methods as unknown as B & (abstract new (...args: any[]) => M);
}

/** Paginated action → the fields its later pages send again with `page_id`. */
export type PageFields = ReadonlyMap<string, readonly string[]>;
