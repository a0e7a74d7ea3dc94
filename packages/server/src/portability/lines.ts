// The file side of an import: lines read one at a time (never the whole file), with the bytes read so far for
// progress, and a stream spooled to a temporary file first, because the importer reads its input twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';

export interface LineSource {
  /** The lines, without their line ends ("\n" or "\r\n"). */
  lines: AsyncIterable<string>;
  /** Bytes of the file read so far (read-ahead included: close enough for a progress bar). */
  bytesRead(): number;
}

export function readLines(file: string): LineSource {
  const input = fs.createReadStream(file);
  let bytes = 0;
  input.on('data', (chunk) => { bytes += chunk.length; });
  return { lines: readline.createInterface({ input, crlfDelay: Infinity }), bytesRead: () => bytes };
}

/** The first line that is not blank, or null for an empty file; reads only as far as that line. */
export async function firstLine(file: string): Promise<{ line: number; text: string } | null> {
  const input = fs.createReadStream(file);
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of rl) {
      line++;
      if (text.trim() !== '') return { line, text: line === 1 ? stripBom(text) : text };
    }
    return null;
  } finally {
    rl.close();
    input.destroy();
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A temporary copy of a stream, removed by `remove()`; the importer then reads it like any file. */
export async function spool(input: NodeJS.ReadableStream): Promise<{ file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-import-'));
  const file = path.join(dir, 'input.jsonl');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await pipeline(input, fs.createWriteStream(file));
  } catch (error) {
    remove();
    throw error;
  }
  return { file, remove };
}
