// Column helpers for migrations: the few column shapes that SQLite and PostgreSQL spell differently.
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../connection.js';

export interface MigrationTools {
  db: Kysely<any>;
  dialect: DialectName;
}

/** An auto-assigned integer primary key named `id`. */
export function idColumn<T extends string>(t: MigrationTools, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return t.dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** The type of a column that refers to an `id` (or holds a large counter). */
export function refColumn(dialect: DialectName): 'integer' | 'bigint' {
  return dialect === 'sqlite' ? 'integer' : 'bigint';
}

/** The `workspace_id` column every workspace table has: required, and gone with its workspace. */
export function belongsToWorkspace(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return c.notNull().references('workspaces.id').onDelete('cascade');
}

/** A floating-point column (targets, weights, thresholds): `real` in SQLite, `double precision` in PostgreSQL. */
export function realColumn(dialect: DialectName): 'real' | 'double precision' {
  return dialect === 'sqlite' ? 'real' : 'double precision';
}
