// Group QR images on disk: only real images (PNG, JPEG, WebP, GIF, told by their first bytes, never by the name or
// the declared type) are kept, under <dataDir>/uploads/group-qr/<workspaceId>/<random>.<ext>.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, invalid } from '../http/errors.js';

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

export class QrStore {
  constructor(private readonly dataDir: string) {}

  private root() {
    return path.join(this.dataDir, 'uploads', 'group-qr');
  }

  /** Writes the image and returns its name relative to the QR folder (what chat_groups.qr_file holds). */
  async save(workspaceId: number, bytes: Buffer, kind: ImageKind): Promise<string> {
    const name = `${workspaceId}/${randomBytes(16).toString('hex')}.${kind.ext}`;
    await fs.mkdir(path.join(this.root(), String(workspaceId)), { recursive: true });
    await fs.writeFile(path.join(this.root(), name), bytes, { flag: 'wx' });
    return name;
  }

  async read(name: string): Promise<Buffer | null> {
    const file = this.resolve(name);
    if (!file) return null;
    try {
      return await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(name: string | null): Promise<void> {
    const file = name ? this.resolve(name) : null;
    if (file) await fs.rm(file, { force: true });
  }

  /** Every QR image of a workspace (when the workspace itself is deleted). */
  async removeWorkspace(workspaceId: number): Promise<void> {
    await fs.rm(path.join(this.root(), String(workspaceId)), { recursive: true, force: true });
  }

  /** Only names this store wrote resolve, so a bad row can never point outside the folder. */
  private resolve(name: string): string | null {
    return /^\d+\/[0-9a-f]{32}\.(png|jpg|gif|webp)$/.test(name) ? path.join(this.root(), name) : null;
  }
}
