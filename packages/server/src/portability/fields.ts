// Reading the fields of one JSON record with the file's names: each accessor checks one field and fails with
// "<type>: <field>: <reason>", and `done()` refuses fields nobody read (a typo must not be dropped silently).
// Hand-written rather than zod: enrollments and check-ins come by the ten million. Declare a reader with its type
// (`const f: Fields = …`): TypeScript narrows after a call to `f.fail()` (never) only then.
import { isIsoDate } from '../campaigns/rules.js';
import { RecordError } from './errors.js';

/** ISO 8601 date-time with an offset or Z; seconds and a fraction optional. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
/** The form stored (and exported): UTC with milliseconds, returned as it is once its parts are checked. */
const STORED_LENGTH = 24;
/** File references (`key`, `member`, `campaign`…): the file's own names, strings or whole numbers. */
const MAX_KEY = 64;

export type RawRecord = Record<string, unknown>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

export class Fields {
  /** Fields asked for so far (an array: a record has a dozen at most, and a Set per record costs more). */
  private readonly read: string[] = ['type'];

  constructor(readonly type: string, private readonly raw: RawRecord) {}

  fail(field: string, reason: string): never {
    throw new RecordError(`${this.type}: ${field}: ${reason}`);
  }

  /** A field's raw value (undefined when absent), marked as read. */
  value(name: string): unknown {
    this.read.push(name);
    return this.raw[name];
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  /** A reference to another record of the file (or, for series and campaigns, of the workspace). */
  key(name: string): string {
    const value = this.value(name);
    if (value === undefined || value === null) this.fail(name, 'required');
    return this.asKey(name, value);
  }

  optionalKey(name: string): string | null {
    const value = this.value(name);
    return value === undefined || value === null ? null : this.asKey(name, value);
  }

  private asKey(name: string, value: unknown): string {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_KEY) this.fail(name, `must be a string of 1–${MAX_KEY} characters`);
    return value;
  }

  /** Trimmed text of 1..max characters. */
  text(name: string, max: number): string {
    const value = this.value(name);
    if (value === undefined || value === null) this.fail(name, 'required');
    return this.asText(name, value, max, false);
  }

  /** Trimmed text of 0..max characters; `fallback` when absent or null. */
  optionalText(name: string, max: number, fallback = ''): string {
    const value = this.value(name);
    return value === undefined || value === null ? fallback : this.asText(name, value, max, true);
  }

  private asText(name: string, value: unknown, max: number, emptyOk: boolean): string {
    if (typeof value !== 'string') this.fail(name, 'must be a string');
    const text = value.trim();
    if (!emptyOk && text === '') this.fail(name, 'must not be empty');
    if (text.length > max) this.fail(name, `must be at most ${max} characters`);
    // PostgreSQL text cannot hold U+0000: the row would abort the whole import with a message naming no line.
    if (text.includes('\u0000')) this.fail(name, 'must not contain NUL characters');
    return text;
  }

  int(name: string, min: number, max: number): number {
    const value = this.value(name);
    if (value === undefined || value === null) this.fail(name, 'required');
    return this.asInt(name, value, min, max);
  }

  optionalInt(name: string, min: number, max: number): number | null {
    const value = this.value(name);
    return value === undefined || value === null ? null : this.asInt(name, value, min, max);
  }

  private asInt(name: string, value: unknown, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(name, 'must be a whole number');
    if (value < min || value > max) this.fail(name, `must be between ${min} and ${max}`);
    return value;
  }

  /** An instant, stored as UTC ISO like every other table. */
  instant(name: string): string {
    const value = this.value(name);
    if (value === undefined || value === null) this.fail(name, 'required');
    return this.asInstant(name, value);
  }

  /** undefined when absent, null when given as null. */
  optionalInstant(name: string): string | null | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    return value === null ? null : this.asInstant(name, value);
  }

  /** Checked and converted by arithmetic (no Date.parse): this runs for every enrollment, check-in and membership. */
  private asInstant(name: string, value: unknown): string {
    const parts = typeof value === 'string' ? INSTANT.exec(value) : null;
    if (!parts) this.fail(name, 'not an ISO date-time (2026-01-05T21:30:00+08:00)');
    const [, y, mo, d, h, mi, s, fraction, sign, oh, om] = parts;
    const year = +y!;
    const month = +mo!;
    const day = +d!;
    const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (+oh! * 60 + +om!);
    // 2026-02-30 is refused, not rolled over into March as Date would.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || +h! > 23 || +mi! > 59 || +(s ?? 0) > 59
      || +(oh ?? 0) > 23 || +(om ?? 0) > 59) {
      this.fail(name, 'not a real date and time');
    }
    // Date.UTC reads years below 100 as 19xx; nothing this system records is that old.
    if (year < 1900) this.fail(name, 'must not be before 1900');
    if (sign === undefined && fraction?.length === 3 && (value as string).length === STORED_LENGTH) return value as string;
    const ms = fraction === undefined ? 0 : +fraction.padEnd(3, '0').slice(0, 3);
    return new Date(Date.UTC(year, month - 1, day, +h!, +mi!, +(s ?? 0), ms) - offset * 60_000).toISOString();
  }

  /** A calendar date YYYY-MM-DD. */
  date(name: string): string {
    const value = this.value(name);
    if (value === undefined || value === null) this.fail(name, 'required');
    if (typeof value !== 'string' || !isIsoDate(value)) this.fail(name, 'not a date (2026-01-05)');
    return value;
  }

  /** A JSON object, or `fallback` when absent or null. */
  object(name: string, fallback: RawRecord | null = null): RawRecord | null {
    const value = this.value(name);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(name, 'must be a JSON object');
    return value as RawRecord;
  }

  /** Refuses any field no accessor asked for. */
  done(): void {
    for (const name in this.raw) if (!this.read.includes(name)) this.fail(name, 'unknown field');
  }
}
