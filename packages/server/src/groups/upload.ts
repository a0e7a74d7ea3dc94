// Reads a multipart upload (one file in the field `file`, a few text fields) into memory, turning every transport
// fault into a 4xx naming `file`. Limits (2 MB, one file) are set where @fastify/multipart is registered (app.ts).
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../http/errors.js';
import { tooLarge } from './qr-image.js';

export interface Upload {
  file: { bytes: Buffer; filename: string; mimetype: string };
  fields: Record<string, string>;
}

export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError(400, 'upload.not_multipart', 'Send the file as multipart/form-data in the field "file"', { file: 'missing: send multipart/form-data' });
  let file: Upload['file'] | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw invalid('upload.unexpected_file', `Unexpected file field "${part.fieldname}": use "file"`, { [part.fieldname]: 'unexpected file field' });
        }
        file = { bytes: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype };
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT') throw invalid('upload.too_many_files', 'Send exactly one file', { file: 'only one file' });
    throw invalid('upload.invalid', `The multipart body cannot be read: ${(error as Error).message}`, { file: 'unreadable upload' });
  }
  if (!file) throw invalid('upload.missing', 'No file in the field "file"', { file: 'required' });
  return { file, fields };
}
