// Lookups of the import's second pass: the rows that already hold a batch's unique keys (to tell a record the
// workspace already had from one repeated in the file), and the enrollments check-ins belong to. Each looks a row
// up by its whole unique key: given only part of it, SQLite prefers a workspace-wide index and reads every row of
// the workspace per batch. On SQLite one prepared statement per key (microseconds each); on PostgreSQL one query
// per chunk of keys.
import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database } from '../db/connection.js';
import { scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { Inserted } from './bulk.js';

const IN_CHUNK = 500;

export const pairKey = (a: number, b: number) => `${a}:${b}`;

type Pair = readonly [number, number];

export interface Lookups {
  /** `campaign:member` → enrollment id, for the pairs that have one. */
  enrollments(pairs: readonly Pair[]): Promise<Map<string, number>>;
  /** `enrollment:day` → check-in id. */
  checkins(pairs: readonly Pair[]): Promise<Map<string, number>>;
  /** event_id → row id. */
  events(ids: readonly string[]): Promise<Map<string, number>>;
  /** Membership periods of these members, as `group:member:joined_at`. */
  memberships(memberIds: readonly number[]): Promise<Set<string>>;
}

export function openLookups(tx: Executor, database: Pick<Database, 'dialect' | 'sqlite'>, workspaceId: number): Lookups {
  const s = scoped(tx, workspaceId);
  return database.dialect === 'sqlite' ? new SqliteLookups(s, database.sqlite!) : new PostgresLookups(s);
}

function uniquePairs(pairs: readonly Pair[]): Pair[] {
  const seen = new Map<string, Pair>();
  for (const pair of pairs) seen.set(pairKey(pair[0], pair[1]), pair);
  return [...seen.values()];
}

async function chunked<T, R>(values: readonly T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) out.push(...(await run(values.slice(i, i + IN_CHUNK))));
  return out;
}

async function membershipsOf(s: Scoped, memberIds: readonly number[]): Promise<Set<string>> {
  const rows = await chunked([...new Set(memberIds)], (chunk) => s.selectFrom('group_memberships').select(['group_id', 'member_id', 'joined_at']).where('member_id', 'in', chunk).execute());
  return new Set(rows.map((r) => `${pairKey(r.group_id, r.member_id)}:${r.joined_at}`));
}

class SqliteLookups implements Lookups {
  private readonly enrollment: SqliteDatabase.Statement;
  private readonly checkin: SqliteDatabase.Statement;
  private readonly event: SqliteDatabase.Statement;

  constructor(private readonly s: Scoped, sqlite: SqliteDatabase.Database) {
    // The workspace fence stays: with the whole unique key given, SQLite still picks the unique index.
    this.enrollment = sqlite.prepare('SELECT id FROM enrollments WHERE workspace_id = ? AND campaign_id = ? AND member_id = ?').pluck();
    this.checkin = sqlite.prepare('SELECT id FROM checkins WHERE workspace_id = ? AND enrollment_id = ? AND day_index = ?').pluck();
    this.event = sqlite.prepare('SELECT id FROM events WHERE workspace_id = ? AND event_id = ?').pluck();
  }

  private byPair(statement: SqliteDatabase.Statement, pairs: readonly Pair[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const [a, b] of uniquePairs(pairs)) {
      const id = statement.get(this.s.workspaceId, a, b) as number | undefined;
      if (id !== undefined) out.set(pairKey(a, b), id);
    }
    return out;
  }

  async enrollments(pairs: readonly Pair[]) {
    return this.byPair(this.enrollment, pairs);
  }

  async checkins(pairs: readonly Pair[]) {
    return this.byPair(this.checkin, pairs);
  }

  async events(ids: readonly string[]) {
    const out = new Map<string, number>();
    for (const id of new Set(ids)) {
      const row = this.event.get(this.s.workspaceId, id) as number | undefined;
      if (row !== undefined) out.set(id, row);
    }
    return out;
  }

  memberships(memberIds: readonly number[]) {
    return membershipsOf(this.s, memberIds);
  }
}

/**
 * The workspace fence as a condition on each row that no index can serve (`workspace_id + 0`), for queries that
 * another index must drive. Both databases would otherwise start from an index led by workspace_id and read the
 * whole workspace on every call: PostgreSQL has no statistics for rows this transaction wrote (it guesses a few
 * hundred), and SQLite prefers that index to a key given in part or a range of ids.
 */
export function rowFence(table: 'enrollments' | 'checkins' | 'events' | 'group_memberships' | 'member_identities', workspaceId: number) {
  return sql<boolean>`${sql.ref(`${table}.workspace_id`)} + 0 = ${workspaceId}`;
}

/** On PostgreSQL the unique key drives each lookup; the fence is checked on the rows found (see rowFence). */
class PostgresLookups implements Lookups {
  constructor(private readonly s: Scoped) {}

  private fence(table: 'enrollments' | 'checkins') {
    return rowFence(table, this.s.workspaceId);
  }

  async enrollments(pairs: readonly Pair[]) {
    const rows = await chunked(uniquePairs(pairs), (chunk) => this.s.db.selectFrom('enrollments').select(['id', 'campaign_id', 'member_id'])
      .where(this.fence('enrollments'))
      .where(({ eb, refTuple, tuple }) => eb(refTuple('campaign_id', 'member_id'), 'in', chunk.map(([a, b]) => tuple(a, b)))).execute());
    return new Map(rows.map((r) => [pairKey(r.campaign_id, r.member_id), r.id]));
  }

  async checkins(pairs: readonly Pair[]) {
    const rows = await chunked(uniquePairs(pairs), (chunk) => this.s.db.selectFrom('checkins').select(['id', 'enrollment_id', 'day_index'])
      .where(this.fence('checkins'))
      .where(({ eb, refTuple, tuple }) => eb(refTuple('enrollment_id', 'day_index'), 'in', chunk.map(([a, b]) => tuple(a, b)))).execute());
    return new Map(rows.map((r) => [pairKey(r.enrollment_id, r.day_index), r.id]));
  }

  async events(ids: readonly string[]) {
    // (workspace_id, event_id) is itself the unique key: the fence is part of it.
    const rows = await chunked([...new Set(ids)], (chunk) => this.s.selectFrom('events').select(['id', 'event_id']).where('event_id', 'in', chunk).execute());
    return new Map(rows.map((r) => [r.event_id, Number(r.id)]));
  }

  memberships(memberIds: readonly number[]) {
    return membershipsOf(this.s, memberIds);
  }
}

/** The highest id of a table when the import starts: rows at or below it were there before. */
export async function maxId(tx: Executor, table: 'enrollments' | 'checkins' | 'events'): Promise<number> {
  const row = await tx.selectFrom(table).select(sql<number | null>`max(id)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * After a batch insert that skipped rows on a unique key: for each row, whether it was created (true), was in the
 * workspace before the import (false), or repeats an earlier record of the file (its index, in `repeat`).
 * `holder(i)` is the id of the row that now holds row i's key.
 */
export function classify(count: number, inserted: Inserted, before: number, holder: (i: number) => number | undefined): { created: boolean[]; repeat: number | null } {
  const created: boolean[] = [];
  const claimed = new Set<number>();
  for (let i = 0; i < count; i++) {
    const id = holder(i);
    if (id === undefined) throw new Error('a skipped row has no holder of its key');
    if (id <= before) {
      created.push(false);
    } else if (inserted.isNew(id) && !claimed.has(id)) {
      claimed.add(id);
      created.push(true);
    } else {
      return { created, repeat: i };
    }
  }
  return { created, repeat: null };
}
