// Importing members from a CSV or XLSX file: every row checked with the API's rules, rejected rows reported with
// their reasons, the rest written in one transaction (all or nothing) and audited as one import.
import path from 'node:path';
import { sql } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { Database } from '../db/connection.js';
import { scoped, type Scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { WorkspaceService } from '../workspaces/service.js';
import { countMembers, identityHolders, takenNumbers } from './bulk.js';
import { mapColumns, type ColumnMapping } from './import-columns.js';
import { RejectionReport } from './import-report.js';
import { isRejection, RowReader, type MemberDraft, type Rejection } from './import-rows.js';
import { ImportFileError, openSource, type ImportSource, type SourceRow } from './import-source.js';
import { ImportWriter } from './import-write.js';

export { ImportFileError } from './import-source.js';

export interface ImportProgress {
  rows: number;
  imported: number;
  rejected: number;
  bytes: number;
  totalBytes: number;
}

export interface ImportOptions {
  file: string;
  /** Where rejected rows go; default `<input>.rejected.csv` beside the input. */
  reportFile?: string;
  /** Check and report everything, then roll back. */
  dryRun?: boolean;
  /** Rows checked and written together (default 2000). */
  batchSize?: number;
  /** Called with the column mapping before any row is read. */
  onColumns?: (mapping: ColumnMapping, source: ImportSource) => void;
  onProgress?: (progress: ImportProgress) => void;
  /** For tests: fail once this many rows are written, to prove that a failed import leaves nothing behind. */
  failAfterRows?: number;
}

export interface ImportSummary {
  file: string;
  imported: number;
  rejected: number;
  reportFile: string;
  createdTags: string[];
  dryRun: boolean;
  encoding: ImportSource['encoding'];
}

class DryRunRollback extends Error {}

export function defaultReportFile(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.rejected.csv`);
}

export async function importMembers(database: Pick<Database, 'db' | 'dialect'>, ctx: AccessContext, options: ImportOptions): Promise<ImportSummary> {
  const { db, dialect } = database;
  const source = await openSource(options.file);
  const mapping = mapColumns(source.header);
  if (!mapping.columns.some((c) => c.target.kind === 'nickname')) {
    throw new ImportFileError('no nickname column: one column must be headed 昵称, nickname or name');
  }
  options.onColumns?.(mapping, source);
  const workspace = await new WorkspaceService(db).get(ctx.workspaceId);
  const reader = new RowReader(mapping, workspace.timezone, new Date().toISOString());
  const reportFile = options.reportFile ?? defaultReportFile(options.file);
  const report = new RejectionReport(reportFile, source.header);
  const batchSize = options.batchSize ?? 2000;
  let imported = 0;
  let rows = 0;
  let createdTags: string[] = [];

  // A large import touches pages all over the member indexes; with SQLite's default 2 MB cache they are spilled
  // to the WAL and rewritten again and again. Up to 2 GiB for this connection (only what is touched is used:
  // about 0.8 GB at a million members) keeps the transaction in memory until commit; restored afterwards.
  const cacheSize = dialect === 'sqlite' ? (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db)).rows[0]?.cache_size : undefined;
  if (dialect === 'sqlite') await sql`PRAGMA cache_size = -2097152`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const writer = await ImportWriter.open(tx, dialect, ctx, mapping.columns.some((c) => c.target.kind === 'memberNo'));
      const numberHeader = mapping.columns.find((c) => c.target.kind === 'memberNo')?.header ?? '学号';
      const check = new FileChecks(s, (await countMembers(s)) > 0, numberHeader);
      let pending: SourceRow[] = [];
      const flush = async () => {
        const accepted = await check.batch(pending.map((row) => reader.read(row)), report);
        await writer.write(accepted);
        rows += pending.length;
        imported += accepted.length;
        pending = [];
        options.onProgress?.({ rows, imported, rejected: report.count, bytes: source.bytesRead(), totalBytes: source.totalBytes });
        if (options.failAfterRows !== undefined && imported >= options.failAfterRows) throw new Error(`injected failure after ${imported} rows`);
      };
      for await (const batch of source.rows) {
        for (const row of batch) pending.push(row);
        if (pending.length >= batchSize) await flush();
      }
      if (pending.length) await flush();
      await writer.finish();
      createdTags = writer.createdTags;
      await recordAudit(tx, ctx, {
        action: 'member.import', entity: 'import', entityId: path.basename(options.file),
        after: { file: path.basename(options.file), imported, rejected: report.count, createdTags },
      });
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  } finally {
    await report.close();
    if (cacheSize !== undefined) await sql`PRAGMA cache_size = ${sql.raw(String(Number(cacheSize)))}`.execute(db);
  }
  return { file: options.file, imported, rejected: report.count, reportFile, createdTags, dryRun: options.dryRun ?? false, encoding: source.encoding };
}

/**
 * The checks that need more than the row: member numbers and identities must be new to the workspace and appear
 * once in the file. The first row to claim one keeps it; later rows are rejected naming that line.
 */
class FileChecks {
  private readonly numbers = new Map<number, number>();
  private readonly identities = new Map<string, number>();

  /** @param lookUp false when the workspace had no members, so only the file itself can hold a duplicate. */
  constructor(private readonly s: Scoped, private readonly lookUp: boolean, private readonly numberHeader: string) {}

  async batch(rows: Array<MemberDraft | Rejection>, report: RejectionReport): Promise<MemberDraft[]> {
    const drafts = rows.filter((r): r is MemberDraft => !isRejection(r));
    const taken = this.lookUp ? await takenNumbers(this.s, drafts.flatMap((d) => (d.memberNo === null ? [] : [d.memberNo]))) : new Set<number>();
    const holders = this.lookUp ? await identityHolders(this.s, drafts.flatMap((d) => d.identities.map((i) => i.value))) : new Map<string, number>();
    const accepted: MemberDraft[] = [];
    for (const row of rows) {
      if (isRejection(row)) {
        await report.add(row.line, row.reasons, row.cells);
        continue;
      }
      const reasons: string[] = [];
      if (row.memberNo !== null) {
        const line = this.numbers.get(row.memberNo);
        if (line !== undefined) reasons.push(`${this.numberHeader}: ${row.memberNo} is also on line ${line}`);
        else if (taken.has(row.memberNo)) reasons.push(`${this.numberHeader}: member number ${row.memberNo} is already used in this workspace`);
      }
      for (const identity of row.identities) {
        const line = this.identities.get(identity.key);
        const holder = holders.get(identity.key);
        if (line !== undefined) reasons.push(`${identity.header}: duplicate, ${identity.value} is also on line ${line}`);
        else if (holder !== undefined) reasons.push(`${identity.header}: duplicate, ${identity.value} already belongs to member ${holder}`);
      }
      if (reasons.length) {
        await report.add(row.line, reasons, row.cells);
        continue;
      }
      if (row.memberNo !== null) this.numbers.set(row.memberNo, row.line);
      for (const identity of row.identities) this.identities.set(identity.key, row.line);
      accepted.push(row);
    }
    return accepted;
  }
}
