// Check-in photos: reading a multipart check-in (text fields and up to 9 `photos`), checking each photo by its
// content, and keeping the files under <dataDir>/checkin-photos/<workspaceId>/<random>.<ext>.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sniffImage, type ImageKind } from '../groups/qr-image.js';
import { AppError, invalid } from '../http/errors.js';
import { ImageStore } from '../uploads/image-store.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, parseCheckinInput, type CheckinInput } from './schema.js';

export interface Photo {
  bytes: Buffer;
  kind: ImageKind;
  sha256: string;
}

const photoError = (code: string, message: string, reason: string) => invalid(code, message, { photos: reason });
const MB = MAX_PHOTO_BYTES / 1024 / 1024;

/** One photo as sent: refused unless it is a non-empty real image (told by its bytes) within the size limit. */
export function checkPhoto(bytes: Buffer, name: string): Photo {
  if (bytes.length === 0) throw photoError('upload.empty', `The photo "${name}" is empty`, 'empty file');
  if (bytes.length > MAX_PHOTO_BYTES) throw photoError('upload.too_large', `The photo "${name}" is larger than ${MB} MB`, `at most ${MB} MB each`);
  const kind = sniffImage(bytes);
  if (!kind) {
    throw photoError('upload.not_an_image', `"${name}" is not a PNG, JPEG, WebP or GIF image (checked by content)`, 'not a PNG, JPEG, WebP or GIF image');
  }
  return { bytes, kind, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Reads a multipart check-in into memory: the fields `text` and `day` (validated with the JSON body's schema) and
 * the files in `photos`. Every transport fault (too large, too many files, a broken body) becomes a 400 naming
 * `photos`. The limits here replace the app-wide ones (2 MB, one file) for this request only.
 */
export async function readCheckinForm(req: FastifyRequest): Promise<{ input: CheckinInput; photos: Photo[] }> {
  const fields: Record<string, string | number> = {};
  const photos: Photo[] = [];
  // The first problem is answered once the whole body is read, so the client is not cut off mid-upload.
  let problem: AppError | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 5, parts: MAX_PHOTOS + 5 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (problem) continue;
        if (part.fieldname !== 'photos') {
          problem = invalid('upload.unexpected_file', `Unexpected file field "${part.fieldname}": send photos as "photos"`, { [part.fieldname]: 'unexpected file field' });
          continue;
        }
        try {
          photos.push(checkPhoto(bytes, part.filename || `#${photos.length + 1}`));
        } catch (error) {
          problem = error as AppError;
        }
      } else {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        if (part.fieldname in fields) problem ??= invalid('validation.failed', `The field "${part.fieldname}" is given twice`, { [part.fieldname]: 'given twice' });
        fields[part.fieldname] = part.fieldname === 'day' && /^\d{1,6}$/.test(value) ? Number(value) : value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw photoError('upload.too_large', `A photo is larger than ${MB} MB`, `at most ${MB} MB each`);
    if (code === 'FST_FILES_LIMIT') throw photoError('upload.too_many_files', `At most ${MAX_PHOTOS} photos`, `at most ${MAX_PHOTOS} photos`);
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw invalid('validation.failed', 'Too many form fields: send text, day and photos', { '(body)': 'too many fields' });
    throw photoError('upload.invalid', `The multipart body cannot be read: ${(error as Error).message}`, 'unreadable upload');
  }
  if (problem) throw problem;
  // An empty day field in a form means "not given".
  if (fields.day === '') delete fields.day;
  return { input: parseCheckinInput(fields), photos };
}

/** Check-in photos: <dataDir>/checkin-photos/<workspaceId>/<random>.<ext>. */
export class PhotoStore extends ImageStore {
  constructor(dataDir: string) {
    super(dataDir, 'checkin-photos');
  }

  /** Writes the photos; returns their names relative to the store. On failure nothing written is left behind. */
  async saveAll(workspaceId: number, photos: Photo[]): Promise<string[]> {
    const names: string[] = [];
    try {
      for (const photo of photos) names.push(await this.save(workspaceId, photo.bytes, photo.kind));
    } catch (error) {
      await this.removeAll(names);
      throw error;
    }
    return names;
  }

  async removeAll(names: readonly string[]): Promise<void> {
    for (const name of names) await this.remove(name);
  }
}
