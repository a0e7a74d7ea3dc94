// Events (the silent recorder): visits, dwell times, answers sent by the console, a mini-program or an H5 page.
// Built for 10^8 rows: no AUTOINCREMENT bookkeeping on SQLite, short text columns, three indexes only.
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import { belongsToWorkspace, refColumn } from './tools.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  // A plain INTEGER PRIMARY KEY is the rowid on SQLite: no sqlite_sequence update per insert, unlike idColumn's.
  const table = dialect === 'sqlite'
    ? db.schema.createTable('events').addColumn('id', 'integer', (c) => c.primaryKey())
    : db.schema.createTable('events').addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
  await table
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    /** The sender's id: resending the same event is a no-op. */
    .addColumn('event_id', 'text', (c) => c.notNull())
    // No foreign key to members: erase and merge keep their own rules, and a FK check per row slows ingestion.
    .addColumn('member_id', refColumn(dialect), (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('props', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    /** Who sent it: 'token:<id>' or 'staff:<id>'. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addUniqueConstraint('events_event_id_unique', ['workspace_id', 'event_id'])
    .execute();
  await db.schema.createIndex('events_member_at').on('events').columns(['workspace_id', 'member_id', 'at']).execute();
  await db.schema.createIndex('events_name_at').on('events').columns(['workspace_id', 'name', 'at']).execute();
}
