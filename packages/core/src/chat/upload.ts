import { InputError } from '../errors/index.js';

/**
 * The platform's upload limit: 10 MB, 10 * 1024 * 1024 (`entity_too_large` above it). Written as one
 * number: bundlers keep a product on every page, even where the constant is unused.
 */
export const MAX_UPLOAD_BYTES = 10_485_760;

/** What `uploadFile` accepts as `file`: a `Blob`/`File` (browser, Node 20), a `Buffer`, `Uint8Array` or `ArrayBuffer`. */
export type UploadBody = Blob | Uint8Array | ArrayBuffer;

/** The payload of `uploadFile`. */
export interface UploadFileInput {
  /** The file's bytes. Its content type is the `Blob`'s `type` (else `application/octet-stream`). */
  file: UploadBody;
  /** File name sent with the multipart part; default the `File`'s name, else `file`. */
  filename?: string | undefined;
}

const fail = (message: string): InputError =>
  new InputError(`upload_file: ${message}`, { field: 'file', action: 'upload_file' });

/**
 * Builds the multipart body of `upload_file` (one `file` field) with the global `FormData`/`Blob`,
 * or throws {@link InputError} before anything is sent (not a file, over 10 MB).
 */
export function uploadForm(input: UploadFileInput): FormData {
  const file = (input as Partial<UploadFileInput> | null | undefined)?.file;
  const isBlob = typeof Blob !== 'undefined' && file instanceof Blob;
  if (!isBlob && !(file instanceof Uint8Array) && !(file instanceof ArrayBuffer)) {
    throw fail('"file" must be a Blob, File, Buffer, Uint8Array or ArrayBuffer');
  }
  const size = isBlob ? (file as Blob).size : (file as Uint8Array | ArrayBuffer).byteLength;
  if (size > MAX_UPLOAD_BYTES) {
    throw fail(`the file has ${size} bytes; the upload limit is 10 MB (${MAX_UPLOAD_BYTES} bytes)`);
  }
  const name = input.filename ?? (file as { name?: unknown }).name;
  let blob: Blob;
  try {
    blob = isBlob ? (file as Blob) : new Blob([file as BlobPart]);
  } catch (cause) {
    // e.g. a detached (transferred) ArrayBuffer
    throw fail(`"file" cannot be read (${(cause as Error)?.message ?? cause})`);
  }
  const form = new FormData();
  form.append('file', blob, typeof name === 'string' && name !== '' ? name : 'file');
  return form;
}
