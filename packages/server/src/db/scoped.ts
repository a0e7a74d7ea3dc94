// The workspace fence: reads, updates and deletes on workspace tables start from here, so a query cannot forget
// its `workspace_id` condition. (Inserts are fenced by the types: `workspace_id` is a required column.)
import { sql, type DeleteQueryBuilder, type DeleteResult, type Kysely, type SelectQueryBuilder, type Transaction, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { DB, WorkspaceTable } from './schema.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface Scoped {
  readonly db: Executor;
  readonly workspaceId: number;
  selectFrom<T extends WorkspaceTable>(table: T): SelectQueryBuilder<DB, T, {}>;
  updateTable<T extends WorkspaceTable>(table: T): UpdateQueryBuilder<DB, T, T, UpdateResult>;
  deleteFrom<T extends WorkspaceTable>(table: T): DeleteQueryBuilder<DB, T, DeleteResult>;
}

function fence(table: string, workspaceId: number) {
  return sql<boolean>`${sql.ref(`${table}.workspace_id`)} = ${workspaceId}`;
}

// TypeScript cannot resolve Kysely's `where` overloads on a generic table name, so these three go through `any`;
// the fence is a plain SQL expression that does not depend on the table's columns, and the declared return
// types restore full typing for callers.
/* eslint-disable @typescript-eslint/no-explicit-any */
function selectFrom<T extends WorkspaceTable>(db: Executor, workspaceId: number, table: T): SelectQueryBuilder<DB, T, {}> {
  return (db.selectFrom(table) as any).where(fence(table, workspaceId));
}
function updateTable<T extends WorkspaceTable>(db: Executor, workspaceId: number, table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
  return (db.updateTable(table) as any).where(fence(table, workspaceId));
}
function deleteFrom<T extends WorkspaceTable>(db: Executor, workspaceId: number, table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
  return (db.deleteFrom(table) as any).where(fence(table, workspaceId));
}

export function scoped(db: Executor, workspaceId: number): Scoped {
  return {
    db,
    workspaceId,
    selectFrom: (table) => selectFrom(db, workspaceId, table),
    updateTable: (table) => updateTable(db, workspaceId, table),
    deleteFrom: (table) => deleteFrom(db, workspaceId, table),
  };
}

export function nowIso(): string {
  return new Date().toISOString();
}
