import { paginateChat } from './paginate.js';
import type { CallArgs, CallOptions, ChatTypes, Entry, UnknownAction } from './types.js';

/**
 * What every Chat client has, whatever its transport: typed `call`, the generated action methods'
 * `_call`, and pagination. {@link ChatWeb} and {@link ChatRTM} extend it.
 */
export abstract class ChatClient<T extends ChatTypes> {
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
   * only `page_id` (plus `chat_id` for `list_threads`), until a page has no `next_page_id`.
   */
  paginate<A extends T['Paginated']>(
    action: A,
    payload: Entry<T['Requests'], A>,
    options?: CallOptions,
  ): AsyncGenerator<Entry<T['Responses'], A>, void, undefined> {
    return this._pages(action, payload as object, options);
  }

  /** Every page of `list_chats`, following `next_page_id`. */
  listChatsPages(
    payload: Entry<T['Requests'], 'list_chats'> = {} as never,
    options?: CallOptions,
  ): AsyncGenerator<Entry<T['Responses'], 'list_chats'>, void, undefined> {
    return this._pages('list_chats', payload as object, options);
  }

  /** Every page of `list_threads` of one chat, following `next_page_id`. */
  listThreadsPages(
    payload: Entry<T['Requests'], 'list_threads'>,
    options?: CallOptions,
  ): AsyncGenerator<Entry<T['Responses'], 'list_threads'>, void, undefined> {
    return this._pages('list_threads', payload as object, options);
  }

  /** @internal */
  private _pages<R>(
    action: string,
    payload: object,
    options: CallOptions | undefined,
  ): AsyncGenerator<R, void, undefined> {
    return paginateChat<R>((a, p, o) => this._call(a, p, o), action, payload, options);
  }
}
