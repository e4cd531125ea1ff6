import type { PageFields } from './methods.js';
import { paginate } from './paginate.js';
import type { CallArgs, CallOptions, ChatTypes, Entry, UnknownAction } from './types.js';

/**
 * What every Chat client has, whatever its transport: typed `call`, the generated action methods'
 * `_call`, and pagination. {@link ChatWeb} and {@link ChatRTM} extend it.
 */
export abstract class ChatClient<T extends ChatTypes> {
  /**
   * @internal Paginated action → the fields its later pages send again with `page_id`, from the
   * package's wire table (set by `actionMethods` with the `…Pages` methods).
   */
  declare protected readonly pageFields_?: PageFields;

  /** @internal Sends one action over the transport (`options.apiVersion` picks another API version for this call). */
  protected abstract _call(action: string, payload: object | undefined, options?: CallOptions): Promise<any>;

  /**
   * Calls any action by name. Known 3.6 actions are typed (payload and response); any other name is
   * accepted untyped, and so is any payload with `{ apiVersion }` (e.g. a 3.7 action with
   * `{ apiVersion: '3.7' }`: over Web the URL names the version, over RTM the frame carries it).
   */
  call<A extends keyof T['Payloads'] & string>(
    action: A,
    ...args: CallArgs<Entry<T['Payloads'], A>>
  ): Promise<Entry<T['Responses'], A>>;
  call<R = unknown>(
    action: string,
    payload: object | undefined,
    options: CallOptions & { apiVersion: string },
  ): Promise<R>;
  call<R = unknown, A extends string = string>(
    action: UnknownAction<A, keyof T['Requests'] & string>,
    payload?: object,
    options?: CallOptions,
  ): Promise<R>;
  call(action: string, payload?: object, options?: CallOptions): Promise<unknown> {
    return this._dispatch(action, payload, options);
  }

  /** @internal Routes `call`: an action with a method of its own goes through that method. */
  protected _dispatch(action: string, payload: object | undefined, options?: CallOptions): Promise<unknown> {
    return this._call(action, payload, options);
  }

  /**
   * Iterates over the pages of a paginated action: the first request sends `payload`, later ones
   * only `page_id` plus the fields the docs require on every page (`chat_id` of `list_threads`),
   * until a page has no `next_page_id`. Each paginated action also has its own `…Pages` method.
   */
  paginate<A extends T['Paginated']>(
    action: A,
    payload: Entry<T['Requests'], A>,
    options?: CallOptions,
  ): AsyncGenerator<Entry<T['Responses'], A>, void, undefined> {
    return paginate(
      (a, p, o) => this._call(a, p, o),
      action,
      payload as object,
      this.pageFields_?.get(action) ?? [],
      options,
    );
  }
}
