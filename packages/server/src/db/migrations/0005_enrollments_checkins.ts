// Signup and enrollment (with payments recorded, not processed), member sessions of the mobile pages, daily
// check-ins with their photos and review, and the settlement of deposits (decision and refund per enrollment).
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import { belongsToWorkspace, idColumn, refColumn, type MigrationTools } from './tools.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t: MigrationTools = { db, dialect };
  const ref = refColumn(dialect);

  // Places taken, kept beside the capacity so one conditional UPDATE can refuse the 11th of 10 places (see
  // enrollments/service.ts): counting rows in a transaction would oversubscribe under PostgreSQL's read committed.
  await db.schema.alterTable('campaigns').addColumn('enrolled_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // A channel may lead to a campaign's landing page (signup) instead of straight to a group QR.
  await db.schema.alterTable('channels').addColumn('campaign_id', ref, (c) => c.references('campaigns.id').onDelete('set null')).execute();
  // The shared secret a payment provider (or its relay) signs notices with; null until an admin creates one.
  await db.schema.alterTable('workspaces').addColumn('payment_webhook_secret', 'text').execute();

  await db.schema.createTable('member_sessions')
    /** sha256 of the cookie value. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('member_id', ref, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_sessions_member').on('member_sessions').columns(['member_id']).execute();

  await idColumn(t, db.schema.createTable('enrollments'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('campaign_id', ref, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('member_id', ref, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('channel_id', ref, (c) => c.references('channels.id').onDelete('set null'))
    /** The group the live code sent this member to at signup (re-routed when its QR expires). */
    .addColumn('group_id', ref, (c) => c.references('chat_groups.id').onDelete('set null'))
    /** 'signup' (member pages), 'staff' (console/API), 'import'. */
    .addColumn('source', 'text', (c) => c.notNull())
    /** 'active' or 'cancelled'; a cancelled enrollment gives its place back. */
    .addColumn('status', 'text', (c) => c.notNull())
    /** Price plus deposit at signup, in cents. */
    .addColumn('amount_due_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    // Settlement: the decision with the class and count it was taken on, and the refund once marked.
    .addColumn('settlement_decision', 'text')
    .addColumn('settlement_class', 'text')
    .addColumn('settlement_days', 'integer')
    .addColumn('settlement_reason', 'text')
    .addColumn('settled_by', ref)
    .addColumn('settled_at', 'text')
    .addColumn('refund_cents', 'integer')
    .addColumn('refunded_at', 'text')
    .addColumn('refund_ref', 'text')
    .addColumn('refunded_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('enrollments_member_unique', ['campaign_id', 'member_id'])
    .execute();
  await db.schema.createIndex('enrollments_ws_campaign').on('enrollments').columns(['workspace_id', 'campaign_id', 'id']).execute();
  await db.schema.createIndex('enrollments_member').on('enrollments').columns(['member_id']).execute();

  await idColumn(t, db.schema.createTable('payments'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('enrollment_id', ref, (c) => c.notNull().references('enrollments.id').onDelete('cascade'))
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    /** The provider's or the bank's reference; a notice or CSV row carrying a known reference is not applied twice. */
    .addColumn('reference', 'text')
    /** 'manual', 'csv' or 'webhook'. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payments_reference_unique', ['workspace_id', 'reference'])
    .execute();
  await db.schema.createIndex('payments_enrollment').on('payments').columns(['enrollment_id']).execute();

  await idColumn(t, db.schema.createTable('checkins'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('campaign_id', ref, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('enrollment_id', ref, (c) => c.notNull().references('enrollments.id').onDelete('cascade'))
    .addColumn('member_id', ref, (c) => c.notNull().references('members.id').onDelete('cascade'))
    /** 1 on the campaign's first day (campaigns/rules.ts campaignDay). */
    .addColumn('day_index', 'integer', (c) => c.notNull())
    .addColumn('day_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('photo_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('edit_count', 'integer', (c) => c.notNull().defaultTo(0))
    /** 1 for a make-up (补卡) of a past day. */
    .addColumn('makeup', 'integer', (c) => c.notNull().defaultTo(0))
    /** Why it is in the review queue, as a JSON array: missing_media, duplicate_photo, late, edited, makeup. */
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    /** 'none' (not flagged), 'pending', 'approved', 'rejected'. */
    .addColumn('review_status', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', ref)
    .addColumn('reviewed_at', 'text')
    .addUniqueConstraint('checkins_day_unique', ['enrollment_id', 'day_index'])
    .execute();
  await db.schema.createIndex('checkins_campaign_day').on('checkins').columns(['workspace_id', 'campaign_id', 'day_index']).execute();
  await db.schema.createIndex('checkins_review').on('checkins').columns(['workspace_id', 'review_status', 'id']).execute();

  await idColumn(t, db.schema.createTable('checkin_photos'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('checkin_id', ref, (c) => c.notNull().references('checkins.id').onDelete('cascade'))
    .addColumn('campaign_id', ref, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    /** A file name under <data>/checkin-photos; the type was checked by content, never taken from the client. */
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    /** sha256 of the bytes: the same photo sent twice in one campaign is flagged. */
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_photos_checkin').on('checkin_photos').columns(['checkin_id', 'position']).execute();
  await db.schema.createIndex('checkin_photos_hash').on('checkin_photos').columns(['campaign_id', 'sha256']).execute();
}
