// File uploads (`upload_file` of both Chat APIs) and the multipart file field they carry.
import { invalid, SimError } from './errors.js';
import type { Platform } from './platform.js';

const FILE_LIMIT = 10 * 1024 * 1024;

/** A file field of a multipart request. */
export class UploadedFile {
  constructor(
    readonly name: string,
    readonly type: string,
    readonly data: Uint8Array,
  ) {}

  toJSON(): unknown {
    return { name: this.name, type: this.type, size: this.data.byteLength };
  }
}

/** `upload_file` of both APIs. */
export function uploadFile(p: Platform, payload: Record<string, unknown>): Record<string, unknown> {
  const file = payload.file;
  if (!(file instanceof UploadedFile))
    throw invalid('Wrong format of request: "file" must be a multipart/form-data file field');
  if (file.data.byteLength > FILE_LIMIT) throw new SimError('entity_too_large', 'Upload limit exceeded (10MB).');
  const id = p.store.newFileId();
  p.store.files.set(id, { id, name: file.name, contentType: file.type, data: file.data });
  return { url: `${p.baseUrl}/files/${id}/${encodeURIComponent(file.name)}` };
}
