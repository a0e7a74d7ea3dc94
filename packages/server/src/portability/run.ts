// The two passes over the file. The first reads what others refer to: members (written as they come) and the
// series, campaigns, channels and groups (written at its end). The second writes enrollments, memberships,
// check-ins and events, whose references are then all known, in whatever order the file gives them.
import { once } from 'node:events';
import fs from 'node:fs';
import type { Database } from '../db/connection.js';
import type { Executor } from '../db/scoped.js';
import { Catalog } from './catalog.js';
import { CheckinImport } from './checkins.js';
import { EnrollmentImport } from './enrollments.js';
import { atLine, ImportError } from './errors.js';
import { EventImport } from './events.js';
import { readLines, stripBom } from './lines.js';
import { MemberImport } from './members.js';
import { MembershipImport } from './memberships.js';
import { isSecondPass, parseLine, readCheckin, readEnrollment, readEvent, readMember, readMembership, typeOf, type RecordType } from './records.js';
import { emptyCounts } from './summary.js';
import type { ImportTarget } from './workspace.js';

export interface ImportProgress {
  /** 'scan' (first pass), 'write' (second pass), 'deferred' (check-ins read before their enrollment), 'analytics'. */
  phase: string;
  /** Lines read in this phase (members done in 'analytics'). */
  lines: number;
  /** Work done and total in this phase: bytes of the file while reading it, members in 'analytics'. */
  bytes?: number;
  totalBytes?: number;
}

/** Progress is reported every this many lines. */
const PROGRESS_EVERY = 4096;
/** Records written together per table: a multiple of the 500 rows of one SQLite statement. */
export const DEFAULT_BATCH = 5000;

const isBlank = (text: string) => text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '');

export class ImportRun {
  readonly created = emptyCounts();
  readonly skipped = emptyCounts();
  lines = 0;
  private readonly catalog = new Catalog();
  private members!: MemberImport;

  constructor(
    private readonly tx: Executor, private readonly database: Pick<Database, 'dialect' | 'sqlite'>, private readonly ws: ImportTarget,
    private readonly now: string, private readonly totalBytes: number, private readonly batch: number, private readonly onProgress?: (p: ImportProgress) => void,
  ) {}

  /** Reads every line once: checks the first-pass records, writes members, then the catalog. */
  async firstPass(file: string, workspaceLine: number | null): Promise<void> {
    this.members = await MemberImport.open(this.tx, this.database, this.ws, this.now, this.created, this.skipped, this.batch);
    await this.eachLine(file, 'scan', (line, text, type) => {
      if (type !== null && isSecondPass(type)) return undefined;
      const parsed = atLine(line, () => parseLine(text));
      switch (parsed.type) {
        case 'workspace':
          if (line !== workspaceLine) throw new ImportError(line, 'workspace: must be the first line of the file');
          return undefined;
        case 'series':
        case 'campaign':
        case 'channel':
        case 'group':
          this.catalog.add(line, parsed.type, parsed.raw);
          return undefined;
        case 'member':
          return this.members.add(line, atLine(line, () => readMember(parsed.raw)));
        default:
          return undefined;
      }
    });
    await this.members.finish();
    await this.catalog.write(this.tx, this.ws, this.created, this.skipped);
  }

  /** Reads the file again for enrollments, memberships, check-ins and events; then the spooled check-ins. */
  async secondPass(file: string, spoolFile: string): Promise<void> {
    const { tx, database, ws, catalog, members, created, skipped, batch } = this;
    const enrollments = await EnrollmentImport.open(tx, database, ws, catalog, members, created, skipped, batch);
    const memberships = await MembershipImport.open(tx, database, ws, catalog, members, created, skipped, batch);
    const checkins = await CheckinImport.open(tx, database, ws, catalog, members, enrollments, created, skipped, batch);
    const events = await EventImport.open(tx, database, ws, members, this.now, created, skipped, batch);
    const spool = fs.createWriteStream(spoolFile);
    let spooled = 0;
    checkins.defer = async (line, text) => {
      spooled++;
      if (!spool.write(`${line}\t${text}\n`)) await once(spool, 'drain');
    };
    try {
      await this.eachLine(file, 'write', (line, text, type) => {
        if (type !== null && !isSecondPass(type)) return undefined;
        const parsed = atLine(line, () => parseLine(text));
        const raw = parsed.raw;
        switch (parsed.type) {
          case 'enrollment':
            return enrollments.add(line, atLine(line, () => readEnrollment(raw)));
          case 'membership':
            return memberships.add(line, atLine(line, () => readMembership(raw)));
          case 'checkin':
            return checkins.add(line, text, atLine(line, () => readCheckin(raw)));
          case 'event': {
            const { member, event } = atLine(line, () => readEvent(raw));
            return events.add(line, member, event);
          }
          default:
            return undefined;
        }
      });
      await enrollments.flush();
      await memberships.flush();
      await events.flush();
      await checkins.flush();
    } finally {
      spool.end();
      await once(spool, 'close');
    }
    checkins.defer = null;
    if (spooled > 0) await this.spooledCheckins(spoolFile, checkins);
    await checkins.flush();
    await enrollments.finish();
  }

  private async spooledCheckins(spoolFile: string, checkins: CheckinImport): Promise<void> {
    const source = readLines(spoolFile);
    let count = 0;
    for await (const entry of source.lines) {
      const tab = entry.indexOf('\t');
      const line = Number(entry.slice(0, tab));
      const text = entry.slice(tab + 1);
      const pending = checkins.add(line, text, atLine(line, () => readCheckin(parseLine(text).raw)));
      if (pending) await pending;
      if (++count % PROGRESS_EVERY === 0) this.onProgress?.({ phase: 'deferred', lines: count });
    }
    this.onProgress?.({ phase: 'deferred', lines: count });
  }

  /** `handle` returns a promise only when it has database work to wait for (a batch to write). */
  private async eachLine(file: string, phase: string, handle: (line: number, text: string, type: RecordType | null) => Promise<void> | undefined): Promise<void> {
    const source = readLines(file);
    let line = 0;
    for await (const read of source.lines) {
      line++;
      const text = line === 1 ? stripBom(read) : read;
      if (line % PROGRESS_EVERY === 0) this.onProgress?.({ phase, lines: line, bytes: source.bytesRead(), totalBytes: this.totalBytes });
      if (isBlank(text)) continue;
      // Most lines are skipped synchronously; awaiting only real work spares a microtask per line.
      const pending = handle(line, text, typeOf(text));
      if (pending) await pending;
    }
    this.lines = line;
    this.onProgress?.({ phase, lines: line, bytes: this.totalBytes, totalBytes: this.totalBytes });
  }
}
