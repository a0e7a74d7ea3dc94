// Kysely queries for events: bulk member resolution for a batch (read-only on members and identities), the
// chunked insert, and a member's timeline.
import type SqliteDatabase from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { DialectName } from '../db/connection.js';
import type { Executor, Scoped } from '../db/scoped.js';
import type { EventsTable } from '../db/schema.js';

/** Rows per INSERT: 8 parameters a row stays under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export const INSERT_CHUNK: Record<DialectName, number> = { sqlite: 500, postgres: 1000 };
/** Values per IN (…) list, well under both databases' parameter limits. */
const IN_CHUNK = 1000;

export interface MemberLink {
  id: number;
  member_no: number;
  merged_into_id: number | null;
  erased_at: string | null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function membersByNo(s: Scoped, numbers: number[]): Promise<MemberLink[]> {
  const rows: MemberLink[] = [];
  for (const part of chunks(numbers, IN_CHUNK)) {
    rows.push(...await s.selectFrom('members').select(['id', 'member_no', 'merged_into_id', 'erased_at']).where('member_no', 'in', part).execute());
  }
  return rows;
}

export async function membersById(s: Scoped, ids: number[]): Promise<MemberLink[]> {
  const rows: MemberLink[] = [];
  for (const part of chunks(ids, IN_CHUNK)) {
    rows.push(...await s.selectFrom('members').select(['id', 'member_no', 'merged_into_id', 'erased_at']).where('id', 'in', part).execute());
  }
  return rows;
}

/** Holders of identities of one kind, with their member's merge and erase state. */
export async function holdersOf(s: Scoped, kind: string, values: string[]) {
  const rows: Array<MemberLink & { value: string }> = [];
  for (const part of chunks(values, IN_CHUNK)) {
    rows.push(...await s.selectFrom('member_identities').innerJoin('members', 'members.id', 'member_identities.member_id')
      .select(['member_identities.value', 'members.id', 'members.member_no', 'members.merged_into_id', 'members.erased_at'])
      .where('member_identities.kind', '=', kind).where('member_identities.value', 'in', part).execute());
  }
  return rows;
}

/** Inserts in chunks, skipping ids the workspace already has; returns how many rows were new. */
export async function insertEvents(db: Executor, dialect: DialectName, rows: Insertable<EventsTable>[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(rows, INSERT_CHUNK[dialect])) {
    const result = await db.insertInto('events').values(part)
      .onConflict((oc) => oc.columns(['workspace_id', 'event_id']).doNothing()).executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

const EVENT_COLUMNS = '(workspace_id, event_id, member_id, name, at, props, received_at, source)';

/**
 * SQLite: the same insert through prepared statements kept for the life of the process. Building and preparing a
 * 500-row INSERT for every chunk (Kysely's way) cost more than running it; these are prepared once. The caller
 * holds Kysely's connection lock (`db.connection().execute`) while using the handle.
 */
export class SqliteEventWriter {
  private readonly chunk: SqliteDatabase.Statement;
  private readonly single: SqliteDatabase.Statement;

  constructor(private readonly sqlite: SqliteDatabase.Database) {
    const insert = (n: number) => `insert into events ${EVENT_COLUMNS} values ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} on conflict (workspace_id, event_id) do nothing`;
    this.chunk = sqlite.prepare(insert(INSERT_CHUNK.sqlite));
    this.single = sqlite.prepare(insert(1));
  }

  /** Inserts each batch in one transaction, with whatever else must commit with them; returns how many rows of each batch were new. */
  insertBatches(batches: ReadonlyArray<Insertable<EventsTable>[]>, alsoInTransaction: () => void): number[] {
    return this.sqlite.transaction(() => {
      const counts = batches.map((rows) => {
        let inserted = 0;
        for (const part of chunks(rows, INSERT_CHUNK.sqlite)) {
          const values = (r: Insertable<EventsTable>) => [r.workspace_id, r.event_id, r.member_id, r.name, r.at, r.props, r.received_at, r.source];
          if (part.length === INSERT_CHUNK.sqlite) inserted += this.chunk.run(part.flatMap(values)).changes;
          else for (const row of part) inserted += this.single.run(values(row)).changes;
        }
        return inserted;
      });
      alsoInTransaction();
      return counts;
    })();
  }
}

/** Members merged into these (directly), so a survivor's timeline includes what was recorded before the merge. */
export function mergedInto(s: Scoped, survivorIds: number[]) {
  return s.selectFrom('members').select('id').where('merged_into_id', 'in', survivorIds).execute();
}

export function timeline(s: Scoped, memberIds: number[], limit: number, before?: { at: string; id: number }) {
  let query = s.selectFrom('events').select(['id', 'event_id', 'name', 'at', 'props', 'received_at', 'source'])
    .where('member_id', 'in', memberIds);
  if (before) {
    query = query.where((eb) => eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]));
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}
