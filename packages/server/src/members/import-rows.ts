// One import row checked on its own, with the API's own schemas and identity rules: a member ready to write, or
// the reasons it cannot be, each naming the column. Checks against the database and the rest of the file are
// import.ts's job.
import { AppError } from '../http/errors.js';
import { tagBody } from '../tags/schema.js';
import type { ColumnMapping, MappedColumn } from './import-columns.js';
import { normalizeIdentity } from './identities.js';
import { createMemberBody, identityIn, memberNoParam, type Attributes, type IdentityKind } from './schema.js';
import type { SourceRow } from './import-source.js';

export interface MemberDraft {
  line: number;
  cells: string[];
  memberNo: number | null;
  nickname: string;
  phone: string | null;
  /** Normalized and without repeats within the row; `key` is kind and value, the identity's unique name. */
  identities: Array<{ kind: IdentityKind; value: string; header: string; key: string }>;
  tags: string[];
  attributes: Attributes;
  createdAt: string;
}

export interface Rejection {
  line: number;
  cells: string[];
  reasons: string[];
}

const LIST_SEPARATORS = /[;；]/;
const TAG_SEPARATORS = /[,，;；、]/;
const MAX_IDENTITIES = 20;

export class RowReader {
  private readonly nickname: MappedColumn;
  private readonly memberNo: MappedColumn | undefined;
  private readonly createdAt: MappedColumn | undefined;
  private readonly identities: MappedColumn[];
  private readonly tags: MappedColumn[];
  private readonly attributes: MappedColumn[];
  private readonly headerOfAttribute = new Map<string, string>();

  private readonly columns: MappedColumn[];

  constructor(mapping: ColumnMapping, private readonly timezone: string, private readonly now: string) {
    this.columns = mapping.columns;
    const find = (kind: string) => mapping.columns.find((c) => c.target.kind === kind);
    this.nickname = find('nickname')!;
    this.memberNo = find('memberNo');
    this.createdAt = find('createdAt');
    this.identities = mapping.columns.filter((c) => c.target.kind === 'identity');
    this.tags = mapping.columns.filter((c) => c.target.kind === 'tags');
    this.attributes = mapping.columns.filter((c) => c.target.kind === 'attribute');
    for (const c of this.attributes) if (c.target.kind === 'attribute') this.headerOfAttribute.set(c.target.key, c.header);
  }

  read(row: SourceRow): MemberDraft | Rejection {
    const reasons: string[] = [];
    const cell = (column: MappedColumn) => (row.cells[column.index] ?? '').trim();
    // PostgreSQL text cannot hold U+0000; one such cell would abort the whole import, so the row is refused.
    for (const column of this.columns) {
      if (cell(column).includes('\u0000')) return { line: row.line, cells: row.cells, reasons: [`${column.header}: must not contain NUL characters`] };
    }

    const attributes: Attributes = {};
    for (const column of this.attributes) {
      const value = cell(column);
      if (value !== '' && column.target.kind === 'attribute') attributes[column.target.key] = value;
    }
    const body = createMemberBody.safeParse({ nickname: cell(this.nickname), attributes });
    if (!body.success) {
      for (const issue of body.error.issues) {
        const [first, key] = issue.path;
        const header = first === 'nickname' ? this.nickname.header : typeof key === 'string' ? this.headerOfAttribute.get(key) ?? key : 'attributes';
        reasons.push(`${header}: ${issue.message}`);
      }
    }

    let memberNo: number | null = null;
    if (this.memberNo && cell(this.memberNo) !== '') {
      const parsed = memberNoParam.shape.memberNo.safeParse(cell(this.memberNo));
      if (parsed.success) memberNo = parsed.data;
      else reasons.push(`${this.memberNo.header}: not a member number (${parsed.error.issues[0]!.message})`);
    }

    const identities: MemberDraft['identities'] = [];
    const seen = new Set<string>();
    for (const column of this.identities) {
      if (column.target.kind !== 'identity') continue;
      const kind = column.target.identity;
      for (const part of cell(column).split(LIST_SEPARATORS)) {
        if (part.trim() === '') continue;
        const value = this.identity(kind, part, column.header, reasons);
        if (value === null) continue;
        const key = identityKey(kind, value);
        if (seen.has(key)) continue;
        seen.add(key);
        identities.push({ kind, value, header: column.header, key });
      }
    }
    if (identities.length > MAX_IDENTITIES) reasons.push(`identities: at most ${MAX_IDENTITIES} per member`);

    const tags = new Set<string>();
    for (const column of this.tags) {
      for (const part of cell(column).split(TAG_SEPARATORS)) {
        if (part.trim() === '') continue;
        const name = tagBody.shape.name.safeParse(part);
        if (name.success) tags.add(name.data);
        else reasons.push(`${column.header}: tag "${part.trim()}" ${name.error.issues[0]!.message}`);
      }
    }

    let createdAt = this.now;
    if (this.createdAt && cell(this.createdAt) !== '') {
      const parsed = parseTimestamp(cell(this.createdAt), this.timezone);
      if (parsed) createdAt = parsed;
      else reasons.push(`${this.createdAt.header}: not a date and time (write 2024-03-01 09:30 or ISO 8601)`);
    }

    if (reasons.length || !body.success) return { line: row.line, cells: row.cells, reasons };
    return {
      line: row.line, cells: row.cells, memberNo, nickname: body.data.nickname,
      phone: identities.find((i) => i.kind === 'phone')?.value ?? null,
      identities, tags: [...tags], attributes: body.data.attributes ?? {}, createdAt,
    };
  }

  private identity(kind: IdentityKind, raw: string, header: string, reasons: string[]): string | null {
    const parsed = identityIn.safeParse({ kind, value: raw });
    if (!parsed.success) {
      reasons.push(`${header}: ${parsed.error.issues[0]!.message}`);
      return null;
    }
    try {
      return normalizeIdentity(kind, parsed.data.value, header);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      reasons.push(`${header}: ${error.fields?.[header] ?? error.message}`);
      return null;
    }
  }
}

/**
 * `kind\0value`. Built as a new flat string (hashing it in a Set flattens it), so an import that keeps every
 * key does not keep the megabyte-sized input chunks their values were cut from alive.
 */
export function identityKey(kind: string, value: string): string {
  return `${kind}\u0000${value}`;
}

export function isRejection(row: MemberDraft | Rejection): row is Rejection {
  return 'reasons' in row;
}

const WALL_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A time from a spreadsheet as UTC ISO 8601: with a zone (our own export) as given; without one, as wall-clock
 * time in the workspace's zone, which is what an operator typing 2024-03-01 09:30 means.
 */
export function parseTimestamp(text: string, timezone: string): string | null {
  if (WITH_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const m = WALL_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const utc = wall - zoneOffset(wall - zoneOffset(wall, timezone), timezone);
  return new Date(utc).toISOString();
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** The zone's offset from UTC at an instant, in ms; cached per hour, since offsets change on the hour at most. */
function zoneOffset(utcMs: number, timezone: string): number {
  const key = `${timezone}\u0000${Math.floor(utcMs / 3_600_000)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = asUtc - Math.floor(utcMs / 1000) * 1000;
  offsets.set(key, offset);
  return offset;
}
