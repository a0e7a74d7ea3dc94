// Importing a workspace from JSON Lines (`qunyun import`): all or nothing, in one transaction, streamed in two
// passes over the file (run.ts), then the report rollups rebuilt from the rows written. A failure names its line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { recordAudit } from '../audit/service.js';
import { PERMISSIONS } from '../auth/permissions.js';
import { canonicalTimeZone } from '../campaigns/rules.js';
import type { Database } from '../db/connection.js';
import { nowIso } from '../db/scoped.js';
import { systemContext } from '../http/access.js';
import type { Services } from '../services.js';
import { atLine, ImportError } from './errors.js';
import { firstLine, spool } from './lines.js';
import { parseLine, readWorkspace, type WorkspaceRecord } from './records.js';
import { DEFAULT_BATCH, ImportRun, type ImportProgress } from './run.js';
import type { ImportSummary } from './summary.js';
import { openWorkspace } from './workspace.js';

export { ImportError } from './errors.js';
export type { ImportProgress } from './run.js';
export type { ImportSummary } from './summary.js';

export interface ImportOptions {
  workspaceKey: string;
  /** For a new workspace; default: the file's workspace line, else the key. */
  workspaceName?: string;
  /** For a new workspace; default: the file's workspace line, else Asia/Shanghai. */
  timezone?: string;
  /** Written into the audit entry (`cli:<user>`). */
  actor?: string;
  /** Records written together per table (default 5000); tests use a few, to cross batch boundaries. */
  batchSize?: number;
  onProgress?(progress: ImportProgress): void;
}

const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export async function importWorkspace(services: Services, input: string | NodeJS.ReadableStream, options: ImportOptions): Promise<ImportSummary> {
  const timezone = options.timezone === undefined ? undefined : canonicalTimeZone(options.timezone);
  if (timezone === null) throw new ImportError(0, `unknown time zone "${options.timezone}" (e.g. Asia/Shanghai)`);
  const spooled = typeof input === 'string' ? null : await spool(input);
  const file = spooled?.file ?? (input as string);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-import-'));
  try {
    const head = await workspaceLine(file);
    const database = services.database;
    return await withLargeCache(database, () => database.db.transaction().execute(async (tx) => {
      const ws = await openWorkspace(tx, {
        key: options.workspaceKey,
        name: options.workspaceName ?? head?.record.name ?? options.workspaceKey,
        timezone: timezone ?? head?.record.timezone ?? DEFAULT_TIMEZONE,
      });
      const run = new ImportRun(tx, database, ws, nowIso(), fs.statSync(file).size, options.batchSize ?? DEFAULT_BATCH, options.onProgress);
      await run.firstPass(file, head?.line ?? null);
      await run.secondPass(file, path.join(scratch, 'checkins.jsonl'));
      await rebuildAnalytics(tx, ws.id, {
        onProgress: (phase, done, total) => options.onProgress?.({ phase, lines: done, bytes: done, totalBytes: total }),
      });
      const summary: ImportSummary = { workspace: { id: ws.id, key: ws.key, created: ws.created }, lines: run.lines, created: run.created, skipped: run.skipped };
      const ctx = systemContext(ws.id, new Set(PERMISSIONS), options.actor ?? 'import');
      await recordAudit(tx, ctx, {
        action: 'workspace.import', entity: 'import', entityId: typeof input === 'string' ? path.basename(input) : '(stream)',
        after: { lines: summary.lines, created: summary.created, skipped: summary.skipped },
      });
      return summary;
    }));
  } finally {
    spooled?.remove();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The optional `{"type":"workspace"}` line, read before the transaction: a new workspace is created with its name and zone. */
async function workspaceLine(file: string): Promise<{ line: number; record: WorkspaceRecord } | null> {
  const first = await firstLine(file);
  if (!first) return null;
  let parsed: ReturnType<typeof parseLine>;
  try {
    parsed = parseLine(first.text);
  } catch {
    // The first pass reports it, with everything else about the line.
    return null;
  }
  if (parsed.type !== 'workspace') return null;
  return { line: first.line, record: atLine(first.line, () => readWorkspace(parsed.raw)) };
}

/**
 * A large import touches pages all over the indexes; with SQLite's default 2 MB cache they are spilled to the WAL
 * and rewritten again and again. Up to 2 GiB for this connection (only what is touched is used), restored after.
 */
async function withLargeCache<T>(database: Pick<Database, 'db' | 'dialect'>, work: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'sqlite') return work();
  const before = (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(database.db)).rows[0]?.cache_size;
  await sql`PRAGMA cache_size = -2097152`.execute(database.db);
  try {
    return await work();
  } finally {
    if (before !== undefined) await sql`PRAGMA cache_size = ${sql.raw(String(Number(before)))}`.execute(database.db);
  }
}
