// Helpers the Agent and Customer Chat packages share (both APIs paginate and upload the same way).
export { paginate, paginateChat } from './paginate.js';
export { MAX_UPLOAD_BYTES, uploadForm, type UploadBody, type UploadFileInput } from './upload.js';
export { actionMethods, type ActionSender } from './methods.js';
