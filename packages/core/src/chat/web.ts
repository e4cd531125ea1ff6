import type { TokenGetter } from '../auth/index.js';
import type { WebClient, WebClientOptions } from '../web/types.js';
import { ChatClient } from './client.js';
import type { CallOptions, ChatTypes, Entry } from './types.js';
import { type UploadFileInput, uploadForm } from './upload.js';

/** The Web client options an API package fixes for its clients: the caller's options cannot change them. */
export type ChatWebFixed = Pick<WebClientOptions, 'api' | 'wire'>;

/** What an API package hands {@link ChatWeb}: its fixed options and the entry's `createWebClient`. */
export interface ChatWebSetup extends ChatWebFixed {
  /** `createWebClient` as the package imports it (under Node, `@lc/core` resolves to one that sends over `node:http`). */
  createWebClient: (options: WebClientOptions) => WebClient;
}

/** Options of a Chat Web client: everything the core Web client takes except what the package fixes and the token getter. */
export type ChatWebOptions = Omit<WebClientOptions, keyof ChatWebFixed | 'tokenGetter'>;

/**
 * What the Agent and Customer Chat Web clients share: `uploadFile` and the routing of `call` over one core Web client
 * (pagination comes from {@link ChatClient}). `T` holds the package's type maps; the package puts
 * its generated action methods on top (`<Api>WebMethods(Base)`, built by `actionMethods`) and
 * adds what only its API has.
 */
export abstract class ChatWeb<T extends ChatTypes> extends ChatClient<T> {
  declare private readonly _web: WebClient;

  /**
   * @param setup what the package fixes (`api`, its generated `wire` table, the entry's `createWebClient`).
   * @param tokenGetter called before every request.
   * @param options base URL, API version, timeout, retry policy, custom `fetch`, headers.
   */
  constructor(setup: ChatWebSetup, tokenGetter: TokenGetter, options: ChatWebOptions = {}) {
    super();
    const { createWebClient, ...fixed } = setup;
    this._web = createWebClient({ ...options, ...fixed, tokenGetter });
  }

  /** @internal */
  protected _call(action: string, payload: object | undefined, options?: CallOptions): Promise<any> {
    return this._web.call(action, payload, options);
  }

  /** @internal `upload_file` goes through `uploadFile`. */
  protected override _dispatch(action: string, payload: object | undefined, options?: CallOptions): Promise<unknown> {
    if (action === 'upload_file') return this.uploadFile(payload as UploadFileInput, options);
    return this._call(action, payload, options);
  }

  /**
   * Upload File (`upload_file`): sends `file` as `multipart/form-data`. Accepts a `Blob`/`File`, a
   * `Buffer`, `Uint8Array` or `ArrayBuffer`; a file over 10 MB is refused with `InputError` before
   * anything is sent. Resolves with the temporary `url` (valid 24 h unless used in `send_event`).
   */
  uploadFile(payload: UploadFileInput, options?: CallOptions): Promise<Entry<T['Responses'], 'upload_file'>> {
    let body: FormData;
    try {
      body = uploadForm(payload);
    } catch (error) {
      return Promise.reject(error);
    }
    return this._call('upload_file', undefined, this._uploadOptions(options, body));
  }

  /** @internal The call options of one `upload_file`; a package may add a progress transport. */
  protected _uploadOptions(options: CallOptions | undefined, body: FormData): CallOptions {
    return { ...options, body } as CallOptions;
  }
}
