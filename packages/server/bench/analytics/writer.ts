// Writing JSON Lines fast: lines are assembled byte by byte in a large buffer (pre-encoded fragments, digits, local
// times from tables); a full buffer is written by libuv's thread pool while the other one fills. Building a string
// per line cost more in garbage collection than everything else at 10^8 lines.
import fs from 'node:fs';
import { CALENDAR_DAYS, dateOf, MINUTES_PER_DAY } from './shape.js';

/** Each of the two buffers; a buffer is handed over once it passes FULL_BYTES, at the end of a member. */
const BUFFER_BYTES = 48 << 20;
const FULL_BYTES = 32 << 20;

/** A constant piece of a line, encoded once. */
export const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

const NEWLINE = 10;
/** `YYYY-MM-DDTHH:MM` for every minute of the calendar (28 MB), then `:SS+08:00` per second. */
const MINUTE_TEXT = 16;
const SECOND_TEXT = 9;
let minutes: Uint8Array | null = null;
function minuteTable(): Uint8Array {
  if (minutes) return minutes;
  minutes = new Uint8Array(CALENDAR_DAYS * MINUTES_PER_DAY * MINUTE_TEXT);
  const clock = Array.from({ length: MINUTES_PER_DAY }, (_, m) => `T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  for (let d = 0; d < CALENDAR_DAYS; d++) {
    const date = dateOf(d);
    for (let m = 0; m < MINUTES_PER_DAY; m++) minutes.set(bytes(date + clock[m]), (d * MINUTES_PER_DAY + m) * MINUTE_TEXT);
  }
  return minutes;
}
const SECONDS = bytes(Array.from({ length: 60 }, (_, s) => `:${String(s).padStart(2, '0')}+08:00`).join(''));

export class LineWriter {
  lines = 0;
  bytes = 0;
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private spare = Buffer.allocUnsafe(BUFFER_BYTES);
  private writing: Promise<void> = Promise.resolve();
  private at = 0;
  private readonly minutes = minuteTable();

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  /** A pre-encoded fragment (short ones copy faster by hand than through set()). */
  raw(piece: Uint8Array): this {
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < piece.length; i++) buffer[at++] = piece[i]!;
    this.at = at;
    return this;
  }

  /** Any text (UTF-8); for names and keys, not for the hot lines. */
  text(value: string): this {
    this.at += this.buffer.write(value, this.at);
    return this;
  }

  /** A non-negative integer in decimal. */
  int(value: number): this {
    const buffer = this.buffer;
    if (value < 10) {
      buffer[this.at++] = 48 + value;
      return this;
    }
    let digits = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    for (let v = value; digits > 0; digits--) {
      const next = Math.floor(v / 10);
      buffer[--at] = 48 + (v - next * 10);
      v = next;
    }
    return this;
  }

  /** A local time in Asia/Shanghai from an absolute local minute (day × 1440 + minute) and a second. */
  time(minute: number, second: number): this {
    const buffer = this.buffer;
    const minutes = this.minutes;
    let at = this.at;
    for (let i = minute * MINUTE_TEXT, end = i + MINUTE_TEXT; i < end; i++) buffer[at++] = minutes[i]!;
    for (let i = second * SECOND_TEXT, end = i + SECOND_TEXT; i < end; i++) buffer[at++] = SECONDS[i]!;
    this.at = at;
    return this;
  }

  end(): void {
    this.buffer[this.at++] = NEWLINE;
    this.lines++;
  }

  /** True once the buffer should be handed over; the caller checks between members (one member stays < 16 MB). */
  get full(): boolean {
    return this.at > FULL_BYTES;
  }

  /** Starts writing the filled buffer and continues in the other one, once that one's own write has finished. */
  async flush(): Promise<void> {
    await this.writing;
    const filled = this.buffer;
    const length = this.at;
    this.buffer = this.spare;
    this.spare = filled;
    this.at = 0;
    this.bytes += length;
    this.writing = writeAll(this.fd, filled, length);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.writing;
    fs.closeSync(this.fd);
  }
}

async function writeAll(fd: number, buffer: Buffer, length: number): Promise<void> {
  for (let done = 0; done < length;) {
    done += await new Promise<number>((resolve, reject) => fs.write(fd, buffer, done, length - done, null, (error, written) => (error ? reject(error) : resolve(written))));
  }
}
