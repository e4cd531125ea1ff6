// The Agent and Customer Chat APIs share their clients: one class per transport, typed by the
// package's type maps, plus the pagination and upload helpers both use.
export { paginate } from './paginate.js';
export { MAX_UPLOAD_BYTES, uploadForm, type UploadBody, type UploadFileInput } from './upload.js';
export { actionMethods, type ActionSender, type ClientClass, type PageFields } from './methods.js';
export { ChatClient } from './client.js';
export { ChatWeb, type ChatWebFixed, type ChatWebOptions, type ChatWebSetup } from './web.js';
export { ChatRTM, type ChatRTMConnection, type ChatRTMFixed, type ChatRTMOptions } from './rtm.js';
export type {
  CallArgs,
  CallOptions,
  ChatRTMPayload,
  ChatRTMTypes,
  ChatTypes,
  ChatWebPayload,
  ChatWebTypes,
  Entry,
  UnknownAction,
} from './types.js';
