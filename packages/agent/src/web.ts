import { createWebClient, type TokenGetter, type WebClient, type WebClientOptions } from '@lc/core';
import { AgentWebMethods } from './generated/methods.js';
import { AGENT_WIRE } from './generated/wire.js';
import type { AgentRequests, AgentWebAction } from './generated/requests.js';
import { paginateChat } from '@lc/core';
import { uploadForm, type UploadFileInput } from '@lc/core';
import type { AgentPaginatedAction, CallArgs, CallOptions, UnknownAction } from './options.js';
import type { AgentResponses } from './types/index.js';

/** Options of {@link AgentWeb}: everything the core Web client takes except `api` and the token getter. */
export type AgentWebOptions = Omit<WebClientOptions, 'api' | 'tokenGetter'>;

/** Fields besides `page_id` that later pages still need (the docs mark them required). */
/** The payload `call(action, payload)` takes over Web: `upload_file` takes {@link UploadFileInput}. */
export type AgentWebPayload<A extends AgentWebAction> = A extends 'upload_file' ? UploadFileInput : AgentRequests[A];

/**
 * The Agent Chat API over HTTP (Web API 3.6): one method per documented action.
 *
 * ```ts
 * const agent = new AgentWeb(() => ({ accessToken, organizationID, tokenType: 'Basic' }));
 * const { chats_summary } = await agent.listChats({ limit: 10 });
 * ```
 * @see https://platform.text.com/docs/messaging/agent-chat-api
 */
export class AgentWeb extends AgentWebMethods {
  declare private readonly _web: WebClient;

  /**
   * @param tokenGetter called before every request (a Personal Access Token with `tokenType: 'Basic'`,
   *   or an OAuth/bot token with `tokenType: 'Bearer'`).
   * @param options base URL, API version, timeout, retry policy, custom `fetch`, headers.
   */
  constructor(tokenGetter: TokenGetter, options: AgentWebOptions = {}) {
    super();
    this._web = createWebClient({ ...options, api: 'agent', tokenGetter, wire: AGENT_WIRE });
  }

  /** @internal Sends one action (`options.apiVersion` picks another API version for this call). */
  protected _call(action: string, payload: object | undefined, options?: CallOptions): Promise<any> {
    return this._web.call(action, payload, options);
  }

  /**
   * Calls any action by name. Known 3.6 actions are typed (payload and response); any other name is
   * accepted untyped, e.g. a 3.7 action with `{ apiVersion: '3.7' }`.
   */
  call<A extends AgentWebAction>(action: A, ...args: CallArgs<AgentWebPayload<A>>): Promise<AgentResponses[A]>;
  call<R = unknown>(
    action: string,
    payload: object | undefined,
    options: CallOptions & { apiVersion: string },
  ): Promise<R>;
  call<R = unknown, A extends string = string>(
    action: UnknownAction<A, keyof AgentRequests>,
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
   * @see https://platform.text.com/docs/messaging/agent-chat-api#upload-file
   */
  uploadFile(payload: UploadFileInput, options?: CallOptions): Promise<AgentResponses['upload_file']> {
    let body: FormData;
    try {
      body = uploadForm(payload);
    } catch (error) {
      return Promise.reject(error);
    }
    return this._call('upload_file', undefined, { ...options, body } as CallOptions);
  }

  /**
   * Iterates over the pages of a paginated action: the first request sends `payload`, later ones
   * only `page_id` (plus `chat_id` for `list_threads`), until a page has no `next_page_id`.
   */
  paginate<A extends AgentPaginatedAction>(
    action: A,
    payload: AgentRequests[A],
    options?: CallOptions,
  ): AsyncGenerator<AgentResponses[A], void, undefined> {
    return paginateChat<AgentResponses[A]>((a, p, o) => this._call(a, p, o), action, payload, options);
  }

  /**
   * Every page of `list_chats`, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/agent-chat-api#list-chats
   */
  listChatsPages(
    payload: AgentRequests['list_chats'] = {},
    options?: CallOptions,
  ): AsyncGenerator<AgentResponses['list_chats'], void, undefined> {
    return this.paginate('list_chats', payload, options);
  }

  /**
   * Every page of `list_threads` of one chat, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/agent-chat-api#list-threads
   */
  listThreadsPages(
    payload: AgentRequests['list_threads'],
    options?: CallOptions,
  ): AsyncGenerator<AgentResponses['list_threads'], void, undefined> {
    return this.paginate('list_threads', payload, options);
  }

  /**
   * Every page of `list_archives`, following `next_page_id`.
   * @see https://platform.text.com/docs/messaging/agent-chat-api#list-archives
   */
  listArchivesPages(
    payload: AgentRequests['list_archives'] = {},
    options?: CallOptions,
  ): AsyncGenerator<AgentResponses['list_archives'], void, undefined> {
    return this.paginate('list_archives', payload, options);
  }
}
