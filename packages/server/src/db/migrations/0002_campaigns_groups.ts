// Campaign series and editions with their check-in rules, and the chat groups of the community matrix with their
// QR images and membership history.
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import { belongsToWorkspace, idColumn, refColumn, type MigrationTools } from './tools.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t: MigrationTools = { db, dialect };

  await idColumn(t, db.schema.createTable('series'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('series_key_unique', ['workspace_id', 'key'])
    .execute();

  await idColumn(t, db.schema.createTable('campaigns'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('series_id', refColumn(dialect), (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('edition', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signup_opens_at', 'text')
    .addColumn('signup_closes_at', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('price_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deposit_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('capacity', 'integer')
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('campaigns_key_unique', ['workspace_id', 'key'])
    .addUniqueConstraint('campaigns_edition_unique', ['series_id', 'edition'])
    .execute();
  await db.schema.createIndex('campaigns_ws_starts').on('campaigns').columns(['workspace_id', 'starts_on']).execute();

  await idColumn(t, db.schema.createTable('chat_groups'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_staff_id', refColumn(dialect), (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('campaign_id', refColumn(dialect), (c) => c.references('campaigns.id').onDelete('set null'))
    .addColumn('series_id', refColumn(dialect), (c) => c.references('series.id').onDelete('set null'))
    .addColumn('theme', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('qr_file', 'text')
    .addColumn('qr_mime', 'text')
    .addColumn('qr_uploaded_at', 'text')
    .addColumn('qr_expires_at', 'text')
    .addColumn('scan_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_groups_ws_campaign').on('chat_groups').columns(['workspace_id', 'campaign_id']).execute();
  await db.schema.createIndex('chat_groups_ws_series').on('chat_groups').columns(['workspace_id', 'series_id']).execute();

  await idColumn(t, db.schema.createTable('group_memberships'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('group_id', refColumn(dialect), (c) => c.notNull().references('chat_groups.id').onDelete('cascade'))
    .addColumn('member_id', refColumn(dialect), (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('group_nickname', 'text')
    .execute();
  await db.schema.createIndex('group_memberships_group').on('group_memberships').columns(['group_id', 'left_at']).execute();
  await db.schema.createIndex('group_memberships_member').on('group_memberships').columns(['member_id', 'joined_at']).execute();

  // A group member list import keeps the rows it could not match with certainty, for a person to decide.
  await idColumn(t, db.schema.createTable('group_list_reviews'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('group_id', refColumn(dialect), (c) => c.notNull().references('chat_groups.id').onDelete('cascade'))
    .addColumn('group_nickname', 'text', (c) => c.notNull())
    .addColumn('row', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('candidate_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', refColumn(dialect))
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('group_list_reviews_group').on('group_list_reviews').columns(['workspace_id', 'group_id', 'resolved_at']).execute();
}
