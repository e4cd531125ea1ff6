import { createWebClient, type TokenGetter, type WebClient, type WebClientOptions } from '@lc/core';
import { CustomerWebMethods } from './generated/methods.js';
import { CUSTOMER_WIRE } from './generated/wire.js';
import type { CustomerRequests, CustomerWebAction } from './generated/requests.js';
import { paginateChat } from '@lc/core';
import { uploadForm, type UploadFileInput } from '@lc/core';
import type { CustomerPaginatedAction, CallArgs, CallOptions, UnknownAction } from './options.js';
import type { CustomerResponses } from './types/index.js';
import { uploadCallOptions, type UploadOptions } from './widget/upload.js';

/** Options of {@link CustomerWeb}: everything the core Web client takes except `api` and the token getter. */
export type CustomerWebOptions = Omit<WebClientOptions, 'api' | 'tokenGetter'>;

/** Fields besides `page_id` that later pages still need (the docs mark them required). */
/** The payload `call(action, payload)` takes over Web: `upload_file` takes {@link UploadFileInput}. */
export type CustomerWebPayload<A extends CustomerWebAction> = A extends 'upload_file'
  ? UploadFileInput
  : CustomerRequests[A];

/**
 * The Customer Chat API over HTTP (Web API 3.6): one method per documented action. Every request
 * carries the token's `organization_id` in the query string; the five configuration/properties
 * actions are sent as `GET` with the payload in the query string.
 *
 * ```ts
 * const customer = new CustomerWeb(customerTokenFromCookie({ clientId, organizationId }));
 * const { chats_summary } = await customer.listChats({ limit: 10 });
 * ```
 * @see https://platform.text.com/docs/messaging/customer-chat-api
 */
export class CustomerWeb extends CustomerWebMethods {
  declare private readonly _web: WebClient;

  /**
   * @param tokenGetter called before every request: a customer access token (`tokenType: 'Bearer'`)
   *   with its `organizationID`, e.g. from `customerTokenFromCookie` or `customerTokenFromAgent`.
   * @param options base URL, API version, timeout, retry policy, custom `fetch`, headers.
   */
  constructor(tokenGetter: TokenGetter, options: CustomerWebOptions = {}) {
    super();
    this._web = createWebClient({ ...options, api: 'customer', tokenGetter, wire: CUSTOMER_WIRE });
  }

  /** @internal Sends one action (`options.apiVersion` picks another API version for this call). */
  protected _call(action: string, payload: object | undefined, options?: CallOptions): Promise<any> {
    return this._web.call(action, payload, options);
  }

  /**
   * Calls any action by name. Known 3.6 actions are typed (payload and response); any other name is
   * accepted untyped, e.g. a 3.7 action with `{ apiVersion: '3.7' }`.
   */
  call<A extends CustomerWebAction>(action: A, ...args: CallArgs<CustomerWebPayload<A>>): Promise<CustomerResponses[A]>;
  call<R = unknown>(
    action: string,
    payload: object | undefined,
    options: CallOptions & { apiVersion: string },
  ): Promise<R>;
  call<R = unknown, A extends string = string>(
    action: UnknownAction<A, keyof CustomerRequests>,
    payload?: object,
    options?: CallOptions,
  ): Promise<R>;
  call(action: string, payload?: object, options?: CallOptions): Promise<unknown> {
    if (action === 'upload_file') return this.uploadFile(payload as UploadFileInput, options);
    return this._call(action, payload, options);
  }

  /**
   * Upload File (`upload_file`): sends `file` as `multipart/form-data`. Accepts a `Blob`/`File`, a
   * `Buffer`, `Uint8Array` or `ArrayBuffer`; a file over 10 MB is refused with `InputError` before
   * anything is sent. Resolves with the temporary `url` (valid 24 h unless used in `send_event`).
   * `onProgress` reports bytes sent (see {@link UploadOptions}); `signal` cancels.
   * @see https://platform.text.com/docs/messaging/customer-chat-api#upload-file
   */
  uploadFile(payload: UploadFileInput, options?: UploadOptions): Promise<CustomerResponses['upload_file']> {
    let body: FormData;
    try {
      body = uploadForm(payload);
    } catch (error) {
      return Promise.reject(error);
    }
    return this._call('upload_file', undefined, uploadCallOptions(options, body));
  }

  /**
   * Iterates over the pages of a paginated action: the first request sends `payload`, later ones
   * only `page_id` (plus `chat_id` for `list_threads`), until a page has no `next_page_id`.
   */
  paginate<A extends CustomerPaginatedAction>(
    action: A,
    payload: CustomerRequests[A],
    options?: CallOptions,
  ): AsyncGenerator<CustomerResponses[A], void, undefined> {
    return paginateChat<CustomerResponses[A]>((a, p, o) => this._call(a, p, o), action, payload, options);
  }

  /**
   * Every page of `list_chats`, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/customer-chat-api#list-chats
   */
  listChatsPages(
    payload: CustomerRequests['list_chats'] = {},
    options?: CallOptions,
  ): AsyncGenerator<CustomerResponses['list_chats'], void, undefined> {
    return this.paginate('list_chats', payload, options);
  }

  /**
   * Every page of `list_threads` of one chat, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/customer-chat-api#list-threads
   */
  listThreadsPages(
    payload: CustomerRequests['list_threads'],
    options?: CallOptions,
  ): AsyncGenerator<CustomerResponses['list_threads'], void, undefined> {
    return this.paginate('list_threads', payload, options);
  }
}
