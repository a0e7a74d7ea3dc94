// Uploaded images under the data folder: one subfolder per workspace, each file under a random name the store
// chose, so a name read back from the database can never point elsewhere. Group QR codes and check-in photos use
// it; their types were checked by content before (groups/qr-image.ts sniffImage).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImageKind } from '../groups/qr-image.js';

export class ImageStore {
  private readonly root: string;

  /** `folder` is relative to the data folder. */
  constructor(dataDir: string, folder: string) {
    this.root = path.join(dataDir, folder);
  }

  /** Writes the image and returns its name relative to the store (what the database row keeps). */
  async save(workspaceId: number, bytes: Buffer, kind: ImageKind): Promise<string> {
    const name = `${workspaceId}/${randomBytes(16).toString('hex')}.${kind.ext}`;
    await fs.mkdir(path.join(this.root, String(workspaceId)), { recursive: true });
    try {
      await fs.writeFile(path.join(this.root, name), bytes, { flag: 'wx' });
    } catch (error) {
      // A write that failed half way (a full disk) leaves nothing behind.
      await this.remove(name);
      throw error;
    }
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

  /** Every image of a workspace (when the workspace itself is deleted). */
  async removeWorkspace(workspaceId: number): Promise<void> {
    await fs.rm(path.join(this.root, String(workspaceId)), { recursive: true, force: true });
  }

  /** Only names this store wrote resolve, so a bad row can never point outside the folder. */
  private resolve(name: string): string | null {
    return /^\d+\/[0-9a-f]{32}\.(png|jpg|gif|webp)$/.test(name) ? path.join(this.root, name) : null;
  }
}
