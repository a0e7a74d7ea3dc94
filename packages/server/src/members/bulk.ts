// Batched reads and writes for import and export: multi-row INSERTs sized to each database's parameter limit,
// lookups of many numbers or identities at once, and keyset pages of live members.
import { CompiledQuery, type Selectable } from 'kysely';
import type { DialectName } from '../db/connection.js';
import type { Executor, Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import { identityKey } from './import-rows.js';
import { memberColumns } from './queries.js';

// SQLite's SQLITE_MAX_VARIABLE_NUMBER (32766 since 3.32) and PostgreSQL's protocol limit (65535, an int16 count).
const MAX_PARAMETERS: Record<DialectName, number> = { sqlite: 32766, postgres: 65535 };

type Value = string | number | null;

/**
 * Inserts rows of values, in the order of `columns`, in few statements. Built as SQL text rather than through
 * the query builder: at a million rows the builder's per-value nodes cost more than the database does. SQLite
 * gets a batch as one JSON parameter (a tiny statement to prepare, no 32766-parameter limit); PostgreSQL gets
 * multi-row VALUES within its 65535 parameters. Table and column names are checked against the schema types.
 */
export async function insertRows<T extends keyof DB & string>(db: Executor, dialect: DialectName, table: T, columns: ReadonlyArray<keyof DB[T] & string>, rows: Value[][]): Promise<void> {
  await insertRaw(db, dialect, table, columns, rows, '');
}

/** As insertRows, returning the chosen columns of the new rows (in no particular order). */
export async function insertRowsReturning<T extends keyof DB & string, R extends keyof Selectable<DB[T]> & string>(db: Executor, dialect: DialectName, table: T,
  columns: ReadonlyArray<keyof DB[T] & string>, rows: Value[][], returning: readonly R[]): Promise<Array<Pick<Selectable<DB[T]>, R>>> {
  return insertRaw(db, dialect, table, columns, rows, ` RETURNING ${returning.map(quoteName).join(', ')}`) as Promise<Array<Pick<Selectable<DB[T]>, R>>>;
}

/** The SQLite fragment index (an FTS5 table, outside the typed schema): rowid = member id. */
export async function insertNgramRows(db: Executor, rows: Array<[number, string, string, string]>): Promise<void> {
  await insertRaw(db, 'sqlite', 'member_search', ['rowid', 'ws', 'uni', 'bi'], rows, '');
}

// Import identities are staged in a temporary table and moved into member_identities in one sorted INSERT:
// ids in file order are random, and each lands on its own page of the two value indexes (a split per insert);
// sorted by kind and value they mostly append, at a fraction of the cost. SQLite sorts them in C, without
// holding a million identities in JavaScript.
const STAGE = 'import_identities';

export async function createIdentityStage(db: Executor): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(`DROP TABLE IF EXISTS temp.${STAGE}`));
  await db.executeQuery(CompiledQuery.raw(`CREATE TEMP TABLE ${STAGE} (member_id INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, created_at TEXT NOT NULL)`));
}

export async function stageIdentities(db: Executor, rows: Array<[number, string, string, string]>): Promise<void> {
  await insertRaw(db, 'sqlite', `temp.${STAGE}`, ['member_id', 'kind', 'value', 'created_at'], rows, '');
}

export async function moveStagedIdentities(db: Executor, workspaceId: number): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(`INSERT INTO member_identities (workspace_id, member_id, kind, value, created_at)
    SELECT ?, member_id, kind, value, created_at FROM temp.${STAGE} ORDER BY kind, value`, [workspaceId]));
  await db.executeQuery(CompiledQuery.raw(`DROP TABLE temp.${STAGE}`));
}

async function insertRaw(db: Executor, dialect: DialectName, table: string, columns: readonly string[], rows: Value[][], suffix: string): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const head = `INSERT INTO ${table.split('.').map(quoteName).join('.')} (${columns.map(quoteName).join(', ')}) `;
  const out: unknown[] = [];
  if (dialect === 'sqlite') {
    const select = `SELECT ${columns.map((_, i) => `j.value ->> ${i}`).join(', ')} FROM json_each(?) AS j`;
    for (let start = 0; start < rows.length; start += SQLITE_JSON_ROWS) {
      const result = await db.executeQuery(CompiledQuery.raw(head + select + suffix, [JSON.stringify(rows.slice(start, start + SQLITE_JSON_ROWS))]));
      for (const row of result.rows) out.push(row);
    }
    return out;
  }
  const perStatement = Math.floor(MAX_PARAMETERS[dialect] / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: Value[] = [];
    for (const row of chunk) for (const value of row) parameters.push(value);
    const result = await db.executeQuery(CompiledQuery.raw(`${head}VALUES ${placeholders(dialect, chunk.length, columns.length)}${suffix}`, parameters));
    for (const row of result.rows) out.push(row);
  }
  return out;
}

const SQLITE_JSON_ROWS = 10000;

const placeholderCache = new Map<string, string>();

function placeholders(dialect: DialectName, rowCount: number, width: number): string {
  const key = `${dialect}:${rowCount}:${width}`;
  let text = placeholderCache.get(key);
  if (text === undefined) {
    const groups: string[] = [];
    for (let r = 0, n = 1; r < rowCount; r++) {
      const marks: string[] = [];
      for (let c = 0; c < width; c++, n++) marks.push(dialect === 'sqlite' ? '?' : `$${n}`);
      groups.push(`(${marks.join(', ')})`);
    }
    text = groups.join(', ');
    placeholderCache.set(key, text);
  }
  return text;
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const LOOKUP_CHUNK = 5000;

async function chunked<T, R>(values: T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) out.push(...(await run(values.slice(i, i + LOOKUP_CHUNK))));
  return out;
}

/** Which of these member numbers are taken in the workspace (by any member, merged and erased ones included). */
export async function takenNumbers(s: Scoped, numbers: number[]): Promise<Set<number>> {
  const rows = await chunked(numbers, (chunk) => s.selectFrom('members').select('member_no').where('member_no', 'in', chunk).execute());
  return new Set(rows.map((r) => r.member_no));
}

/** The holders of these identity values: `kind\0value` → member number. */
export async function identityHolders(s: Scoped, values: string[]): Promise<Map<string, number>> {
  const rows = await chunked(values, (chunk) => s.selectFrom('member_identities')
    .innerJoin('members', 'members.id', 'member_identities.member_id')
    .select(['member_identities.kind', 'member_identities.value', 'members.member_no'])
    .where('member_identities.value', 'in', chunk).execute());
  return new Map(rows.map((r) => [identityKey(r.kind, r.value), r.member_no]));
}

export async function tagsByName(s: Scoped) {
  return s.selectFrom('tags').select(['id', 'name']).orderBy('id').execute();
}

export async function findTagGroup(s: Scoped, name: string) {
  return s.selectFrom('tag_groups').select('id').where('name', '=', name).executeTakeFirst();
}

export async function countMembers(s: Scoped): Promise<number> {
  const row = await s.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Live members (not merged away, not erased) after `afterId`, oldest first: keyset pages for export. */
export function liveMembersPage(s: Scoped, afterId: number, limit: number) {
  return s.selectFrom('members').select(memberColumns)
    .where('members.id', '>', afterId).where('members.merged_into_id', 'is', null).where('members.erased_at', 'is', null)
    .orderBy('members.id').limit(limit).execute();
}

export async function countLiveMembers(s: Scoped): Promise<number> {
  const row = await s.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('merged_into_id', 'is', null).where('erased_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Live members' attribute documents after `afterId`, for collecting the export's attribute columns. */
export function liveAttributesPage(s: Scoped, afterId: number, limit: number) {
  return s.selectFrom('members').select(['id', 'attributes'])
    .where('id', '>', afterId).where('merged_into_id', 'is', null).where('erased_at', 'is', null)
    .orderBy('id').limit(limit).execute();
}

export async function identityKindsInUse(s: Scoped): Promise<Set<string>> {
  const rows = await s.selectFrom('member_identities').select('kind').distinct().execute();
  return new Set(rows.map((r) => r.kind));
}
