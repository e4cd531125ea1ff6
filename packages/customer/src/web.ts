import { ChatWeb, createWebClient } from '@lc/core';
import type { CallOptions, ChatWebOptions, ChatWebPayload, ChatWebTypes, TokenGetter, UploadFileInput } from '@lc/core';
import { CustomerWebMethods } from './generated/methods.js';
import { CUSTOMER_WIRE_3_6 } from './generated/wire.js';
import type { CustomerRequests, CustomerWebAction } from './generated/requests.js';
import type { CustomerPaginatedAction } from './options.js';
import type { CustomerResponses } from './types/index.js';
import { type UploadOptions, uploadCallOptions } from './widget/upload.js';

/** Options of {@link CustomerWeb}: everything the core Web client takes except `api` and the token getter. */
export type CustomerWebOptions = ChatWebOptions;

/** The payload `call(action, payload)` takes over Web: `upload_file` takes {@link UploadFileInput}. */
export type CustomerWebPayload<A extends CustomerWebAction> = ChatWebPayload<CustomerRequests, A>;

/** The type maps of {@link CustomerWeb}. */
type CustomerWebTypes = ChatWebTypes<CustomerRequests, CustomerResponses, CustomerWebAction, CustomerPaginatedAction>;

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
export class CustomerWeb extends /* @__PURE__ */ CustomerWebMethods(ChatWeb<CustomerWebTypes>) {
  /**
   * @param tokenGetter called before every request: a customer access token (`tokenType: 'Bearer'`)
   *   with its `organizationID`, e.g. from `customerTokenFromCookie` or `customerTokenFromAgent`.
   * @param options base URL, API version, timeout, retry policy, custom `fetch`, headers.
   */
  constructor(tokenGetter: TokenGetter, options: CustomerWebOptions = {}) {
    super({ api: 'customer', wire: CUSTOMER_WIRE_3_6, createWebClient }, tokenGetter, options);
  }

  /**
   * Upload File (`upload_file`): sends `file` as `multipart/form-data` (a `Blob`/`File`, `Buffer`,
   * `Uint8Array` or `ArrayBuffer`; over 10 MB is refused with `InputError` before anything is sent).
   * `onProgress` reports bytes sent (see {@link UploadOptions}); `signal` cancels.
   * @see https://platform.text.com/docs/messaging/customer-chat-api#upload-file
   */
  override uploadFile(payload: UploadFileInput, options?: UploadOptions): Promise<CustomerResponses['upload_file']> {
    return super.uploadFile(payload, options);
  }

  /** @internal The progress transport when `onProgress` is given. */
  protected override _uploadOptions(options: UploadOptions | undefined, body: FormData): CallOptions {
    return uploadCallOptions(options, body);
  }
}
