// Group QR images on disk: only real images (PNG, JPEG, WebP, GIF, told by their first bytes, never by the name or
// the declared type) are kept, under <dataDir>/uploads/group-qr/<workspaceId>/<random>.<ext>.
import path from 'node:path';
import { AppError, invalid } from '../http/errors.js';
import { ImageStore } from '../uploads/image-store.js';

export const MAX_QR_BYTES = 2 * 1024 * 1024;

export interface ImageKind { mime: string; ext: string }

/** The image type the bytes really hold, or null. */
export function sniffImage(bytes: Buffer): ImageKind | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (starts([0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return { mime: 'image/gif', ext: 'gif' };
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { mime: 'image/webp', ext: 'webp' };
  return null;
}

/** Refuses anything that is not a non-empty real image within the size limit, naming the `file` field. */
export function checkImage(bytes: Buffer): ImageKind {
  if (bytes.length === 0) throw invalid('upload.empty', 'The file is empty', { file: 'empty file' });
  if (bytes.length > MAX_QR_BYTES) throw tooLarge();
  const kind = sniffImage(bytes);
  if (!kind) throw invalid('upload.not_an_image', 'Only PNG, JPEG, WebP or GIF images are accepted (checked by content)', { file: 'not a PNG, JPEG, WebP or GIF image' });
  return kind;
}

export function tooLarge(): AppError {
  return new AppError(413, 'upload.too_large', 'The file is larger than 2 MB', { file: 'at most 2 MB' });
}

/** Group QR images: <dataDir>/uploads/group-qr/<workspaceId>/<random>.<ext>. */
export class QrStore extends ImageStore {
  constructor(dataDir: string) {
    super(dataDir, path.join('uploads', 'group-qr'));
  }
}
