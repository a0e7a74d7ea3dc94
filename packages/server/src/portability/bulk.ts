// Multi-row INSERTs for the import, and which rows of a batch were new. SQLite: statements prepared once on the
// raw better-sqlite3 handle (building and compiling a 500-row INSERT per batch cost more than running it);
// PostgreSQL: one array parameter per column, unnest()ed, through Kysely's connection (measured 1.75× faster
// than multi-row VALUES with a parameter per value). Both run inside the import's Kysely transaction: on
// SQLite the transaction holds Kysely's only connection, and the handle is that same connection, so the raw
// statements are part of the transaction and nothing else can use the connection meanwhile.
import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { Database } from '../db/connection.js';
import type { Executor } from '../db/scoped.js';

export type Value = string | number | null;

/** A column's type, for PostgreSQL's array parameters: every column the import writes is an integer or text. */
export type ColumnType = 'int' | 'text';

export interface InsertSpec {
  /** A table of the schema, or a temporary table of the import; names come from code, never from the file. */
  table: string;
  /** Column → type, in the order of each row's values. */
  columns: Readonly<Record<string, ColumnType>>;
  /** The unique columns a conflicting row is skipped on (ON CONFLICT … DO NOTHING). */
  conflict?: readonly string[];
  /** Columns to return (insertReturning). */
  returning?: readonly string[];
}

/** What one insert() did: how many rows were new, and whether a row id was among them. */
export interface Inserted {
  count: number;
  isNew(id: number): boolean;
}

export interface BulkInsert {
  insert(rows: Value[][]): Promise<Inserted>;
  insertReturning<R>(rows: Value[][]): Promise<R[]>;
}

// SQLite's 32766 bound parameters; more than 500 rows per statement gain nothing measurable.
const SQLITE_PARAMETERS = 32766;
const SQLITE_ROWS = 500;
/** PostgreSQL: rows per statement (the parameters are one array per column, whatever the rows). */
const POSTGRES_ROWS = 5000;

export async function openBulkInsert(tx: Executor, database: Pick<Database, 'dialect' | 'sqlite'>, spec: InsertSpec): Promise<BulkInsert> {
  if (database.dialect === 'sqlite') {
    const perStatement = Math.max(1, Math.min(SQLITE_ROWS, Math.floor(SQLITE_PARAMETERS / Object.keys(spec.columns).length)));
    // The highest id before our first insert: rows of one statement get ids above the previous statement's last.
    const lastId = spec.conflict ? Number((await tx.executeQuery<{ n: number | null }>(CompiledQuery.raw(`SELECT max(id) AS n FROM ${name(spec.table)}`))).rows[0]?.n ?? 0) : 0;
    return new SqliteBulkInsert(database.sqlite!, spec, perStatement, lastId);
  }
  return new PostgresBulkInsert(tx, spec);
}

function name(identifier: string): string {
  return identifier.split('.').map((part) => `"${part.replaceAll('"', '""')}"`).join('.');
}

function insertInto(spec: InsertSpec): string {
  return `INSERT INTO ${name(spec.table)} (${Object.keys(spec.columns).map(name).join(', ')}) `;
}

function onConflict(spec: InsertSpec): string {
  return spec.conflict ? ` ON CONFLICT (${spec.conflict.map(name).join(', ')}) DO NOTHING` : '';
}

function flatten(rows: Value[][], from: number, to: number): Value[] {
  const out: Value[] = [];
  for (let r = from; r < to; r++) for (const value of rows[r]!) out.push(value);
  return out;
}

class SqliteBulkInsert implements BulkInsert {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  constructor(private readonly sqlite: SqliteDatabase.Database, private readonly spec: InsertSpec, private readonly perStatement: number, private lastId: number) {}

  private statement(rows: number, returning: boolean): SqliteDatabase.Statement {
    const key = `${rows}:${returning}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const suffix = returning ? ` RETURNING ${this.spec.returning!.map(name).join(', ')}` : '';
      const group = `(${Object.keys(this.spec.columns).map(() => '?').join(', ')})`;
      statement = this.sqlite.prepare(`${insertInto(this.spec)}VALUES ${Array(rows).fill(group).join(', ')}${onConflict(this.spec)}${suffix}`);
      // Tails of batches come in many sizes; a few statements are worth keeping, not every size ever seen.
      if (this.statements.size >= 8) this.statements.clear();
      this.statements.set(key, statement);
    }
    return statement;
  }

  async insert(rows: Value[][]): Promise<Inserted> {
    const before = this.lastId;
    let count = 0;
    for (let start = 0; start < rows.length; start += this.perStatement) {
      const end = Math.min(rows.length, start + this.perStatement);
      const info = this.statement(end - start, false).run(flatten(rows, start, end));
      if (info.changes > 0) {
        count += info.changes;
        this.lastId = Number(info.lastInsertRowid);
      }
    }
    const after = this.lastId;
    return { count, isNew: (id) => id > before && id <= after };
  }

  async insertReturning<R>(rows: Value[][]): Promise<R[]> {
    const out: R[] = [];
    for (let start = 0; start < rows.length; start += this.perStatement) {
      const end = Math.min(rows.length, start + this.perStatement);
      for (const row of this.statement(end - start, true).all(flatten(rows, start, end))) out.push(row as R);
    }
    return out;
  }
}

class PostgresBulkInsert implements BulkInsert {
  private readonly text: string;
  private readonly types: ColumnType[];

  constructor(private readonly tx: Executor, private readonly spec: InsertSpec) {
    this.types = Object.values(spec.columns);
    const arrays = this.types.map((type, i) => `$${i + 1}::${type === 'int' ? 'bigint' : 'text'}[]`).join(', ');
    this.text = `${insertInto(spec)}SELECT * FROM unnest(${arrays})${onConflict(spec)}`;
  }

  /** Runs the INSERT per chunk of rows, the values passed column by column. */
  private async run<R>(rows: Value[][], returning: readonly string[] | undefined): Promise<Array<{ rows: R[]; affected: number }>> {
    const out: Array<{ rows: R[]; affected: number }> = [];
    const text = returning ? `${this.text} RETURNING ${returning.map(name).join(', ')}` : this.text;
    for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
      const chunk = rows.slice(start, start + POSTGRES_ROWS);
      const columns = this.types.map((_, c) => chunk.map((row) => row[c]));
      const result = await this.tx.executeQuery<R>(CompiledQuery.raw(text, columns));
      out.push({ rows: result.rows, affected: Number(result.numAffectedRows ?? 0) });
    }
    return out;
  }

  async insert(rows: Value[][]): Promise<Inserted> {
    // With a conflict target the new rows' ids tell which of the batch were new; without one, all were.
    if (!this.spec.conflict) {
      const results = await this.run(rows, undefined);
      return { count: results.reduce((sum, r) => sum + r.affected, 0), isNew: () => true };
    }
    const ids = new Set<number>();
    for (const result of await this.run<{ id: number }>(rows, ['id'])) for (const row of result.rows) ids.add(Number(row.id));
    return { count: ids.size, isNew: (id) => ids.has(id) };
  }

  async insertReturning<R>(rows: Value[][]): Promise<R[]> {
    return (await this.run<R>(rows, this.spec.returning)).flatMap((result) => result.rows);
  }
}
