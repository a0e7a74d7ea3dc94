// Opens the database: embedded SQLite (a file in the data folder) by default, PostgreSQL when DATABASE_URL says so.
// Both speak through the same Kysely instance type; `dialect` tells the few places that must differ.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Where it lives, for logs: the SQLite file path or the PostgreSQL URL without its password. */
  location: string;
  /** The PostgreSQL schema it was opened in, when one was given. */
  pgSchema?: string;
  /**
   * SQLite only: the better-sqlite3 handle behind `db`, for the one hot path that needs cached prepared statements
   * (event ingestion). Use it only inside `db.connection().execute(...)`, which holds Kysely's connection lock, so
   * no Kysely transaction is open on the handle at the same time.
   */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

// pg returns int8 (count(*), bigint ids) as strings; every value we keep in int8 fits in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL schema to use (tests give each run its own). */
  pgSchema?: string;
  /** SQLite file name inside dataDir; ':memory:' for a throwaway database. */
  sqliteFile?: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema);
  return openSqlite(options.dataDir, options.sqliteFile ?? 'qunyun.sqlite');
}

function openSqlite(dataDir: string, file: string): Database {
  const filePath = file === ':memory:' ? file : path.join(dataDir, file);
  if (file !== ':memory:') fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new SqliteDatabase(filePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoint after ~40 MB of WAL instead of ~4 MB: ingestion commits often, and each checkpoint rewrites
  // scattered index pages (measured in BENCHMARKS.md, event ingestion: 21.9k → 25.8k events/s).
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    location: filePath,
    sqlite,
    close: () => db.destroy(),
  };
}

/** Prepared statements kept per SQL text; the most recently used stay. */
const STATEMENT_CACHE = 1000;

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles SQL on each prepare(): on small, frequent queries
 * (a check-in) compiling cost more than running. A statement can be run again and again, so the same SQL text
 * reuses its compiled statement. (SQLite recompiles a cached statement by itself after a schema change.)
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteDatabase.Statement {
      let statement = cache.get(sql);
      if (statement) {
        // Map order is insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // The search path includes public so the pg_trgm operators installed there stay visible.
    options: schema ? `-c search_path=${schema},public` : undefined,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    location: url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'),
    pgSchema: schema,
    close: () => db.destroy(),
  };
}
