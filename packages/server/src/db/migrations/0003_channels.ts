// Channels (渠道) with their short links, the live-code pool of groups behind each, visits, routings and alerts.
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import { belongsToWorkspace, idColumn, refColumn, type MigrationTools } from './tools.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t: MigrationTools = { db, dialect };

  await idColumn(t, db.schema.createTable('channels'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('parent_id', refColumn(dialect), (c) => c.references('channels.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The public short link is /c/<code>: unique across workspaces, since the link carries no workspace.
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('owner_staff_id', refColumn(dialect), (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('cost_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('threshold', 'integer', (c) => c.notNull().defaultTo(190))
    .addColumn('fallback_message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('channels_name_unique', ['workspace_id', 'parent_id', 'name'])
    .execute();

  await db.schema.createTable('channel_pool_groups')
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('channel_id', refColumn(dialect), (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('group_id', refColumn(dialect), (c) => c.notNull().references('chat_groups.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_pool_groups_pk', ['channel_id', 'group_id'])
    .execute();

  await idColumn(t, db.schema.createTable('channel_visits'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('channel_id', refColumn(dialect), (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    /** The group the visitor was routed to; null when the pool was exhausted. */
    .addColumn('group_id', refColumn(dialect), (c) => c.references('chat_groups.id').onDelete('set null'))
    .addColumn('exhausted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('channel_visits_channel').on('channel_visits').columns(['channel_id', 'at']).execute();
  await db.schema.createIndex('channel_visits_visitor').on('channel_visits').columns(['channel_id', 'visitor']).execute();

  await idColumn(t, db.schema.createTable('alerts'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('staff_id', refColumn(dialect), (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', refColumn(dialect))
    .execute();
  await db.schema.createIndex('alerts_open').on('alerts').columns(['workspace_id', 'resolved_at', 'id']).execute();
}
