// The operations index (reports): rollups kept up to date as data arrives, so a report reads a few thousand rows
// instead of scanning raw events. See analytics/README.md for how each is maintained.
//
// - member_activity_days: the days (workspace time zone) a member did something: a check-in or a counted event.
//   Written by the check-in and event paths; each new day is also appended to activity_log.
// - activity_log: days added (+1) or removed (-1) since the aggregates were last brought up to date.
// - activity_daily and retention_cells: the aggregates (DAU/WAU/MAU per day, cohort × offset counts), applied
//   from activity_log by analytics/refresh.ts in one transaction under the workspace's analytics_state row.
// - member_rollups / member_series_rollups: each member's first and last campaign (workspace, and per series).
//   Triggers mark a member dirty in analytics_dirty whenever anything that decides these changes (an enrollment
//   inserted, cancelled, moved or deleted; a campaign's start date or series edited; a check-in or event moved to
//   another member by a merge), whatever code path did it; the refresh recomputes just those members.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import { belongsToWorkspace, idColumn, refColumn, type MigrationTools } from './tools.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t: MigrationTools = { db, dialect };
  const ref = refColumn(dialect);

  await db.schema.createTable('analytics_state')
    .addColumn('workspace_id', ref, (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    /** JSON array of event names that count as activity, or null: every event counts. */
    .addColumn('activity_events', 'text')
    .addColumn('refreshed_at', 'text')
    .execute();

  await db.schema.createTable('member_activity_days')
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('member_id', ref, (c) => c.notNull())
    /** YYYY-MM-DD in the workspace's time zone. */
    .addColumn('day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_activity_days_pk', ['workspace_id', 'member_id', 'day'])
    .execute();
  await db.schema.createIndex('member_activity_days_day').on('member_activity_days').columns(['workspace_id', 'day']).execute();

  await idColumn(t, db.schema.createTable('activity_log'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('member_id', ref, (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    /** +1: the day was added to member_activity_days; -1: removed. */
    .addColumn('op', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_log_ws').on('activity_log').columns(['workspace_id', 'id']).execute();

  await db.schema.createTable('activity_daily')
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('dau', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wau', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mau', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('activity_daily_pk', ['workspace_id', 'day'])
    .execute();

  await db.schema.createTable('retention_cells')
    .addColumn('workspace_id', ref, belongsToWorkspace)
    /** 'day' or 'week' (weeks start on Monday). */
    .addColumn('period', 'text', (c) => c.notNull())
    /** The first day of the cohort's period. */
    .addColumn('cohort', 'text', (c) => c.notNull())
    /** Periods after the cohort's own (0 = the cohort's own period, whose count is the cohort's size). */
    .addColumn('offset', 'integer', (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('retention_cells_pk', ['workspace_id', 'period', 'cohort', 'offset'])
    .execute();

  await db.schema.createTable('member_rollups')
    .addColumn('member_id', ref, (c) => c.primaryKey())
    .addColumn('workspace_id', ref, belongsToWorkspace)
    /** Earliest and latest campaign (by starts_on, then key) with an active enrollment. */
    .addColumn('first_campaign_id', ref)
    .addColumn('last_campaign_id', ref)
    /** The member's first activity day (retention cohort). */
    .addColumn('first_active_day', 'text')
    /** JSON array of [campaign id, first campaign of its series] pairs, exactly as counted into campaign_series_firsts. */
    .addColumn('series_segments', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('member_rollups_first_active').on('member_rollups').columns(['workspace_id', 'first_active_day']).execute();

  await db.schema.createTable('member_series_rollups')
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('series_id', ref, (c) => c.notNull())
    .addColumn('member_id', ref, (c) => c.notNull())
    .addColumn('first_campaign_id', ref, (c) => c.notNull())
    .addPrimaryKeyConstraint('member_series_rollups_pk', ['series_id', 'member_id'])
    .execute();

  // Per campaign: how many of its participants first appeared in the series in each earlier (or the same) campaign,
  // so the series report reads one row per bar segment instead of every enrollment of the series.
  await db.schema.createTable('campaign_series_firsts')
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('campaign_id', ref, (c) => c.notNull())
    .addColumn('first_campaign_id', ref, (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_series_firsts_pk', ['campaign_id', 'first_campaign_id'])
    .execute();

  // No foreign key: rows are written by triggers, also while a workspace's rows are being cascade-deleted.
  await db.schema.createTable('analytics_dirty')
    .addColumn('workspace_id', ref, (c) => c.notNull())
    /** 'member': recompute first/last campaigns; 'activity': recompute activity days from check-ins and events. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('member_id', ref, (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_dirty_pk', ['workspace_id', 'kind', 'member_id'])
    .execute();

  // SQLite keeps no statistics: for `workspace_id = ? AND member_id IN (…)` it walked every enrollment of the
  // workspace through enrollments_ws_campaign (the rebuild and the refresh read members' enrollments that way).
  await db.schema.createIndex('enrollments_ws_member').on('enrollments').columns(['workspace_id', 'member_id']).execute();
  await db.schema.createIndex('member_series_rollups_member').on('member_series_rollups').columns(['workspace_id', 'member_id']).execute();
  // New members per day (daily report).
  await db.schema.createIndex('members_ws_created').on('members').columns(['workspace_id', 'created_at']).execute();
  // A set of members' check-ins (rebuild, activity heat map). With the member id first, SQLite, which has no planner
  // statistics, still preferred walking every check-in of the workspace through checkins_review (workspace_id, …).
  await db.schema.createIndex('checkins_ws_member_submitted').on('checkins').columns(['workspace_id', 'member_id', 'submitted_at']).execute();
  // Visits and distinct visitors per channel of a workspace (channels report) from the index alone.
  await db.schema.createIndex('channel_visits_ws_channel_visitor').on('channel_visits').columns(['workspace_id', 'channel_id', 'visitor']).execute();

  for (const trigger of dirtyTriggers(dialect)) await sql.raw(trigger).execute(db);
}

/** What marks a member dirty, as (table, event, rows to mark). `m(kind, expr)` marks member `expr` as `kind`. */
const MARKS: { table: string; event: string; marks: string[] }[] = [
  { table: 'enrollments', event: 'INSERT', marks: ["member:NEW.workspace_id:NEW.member_id"] },
  { table: 'enrollments', event: 'DELETE', marks: ["member:OLD.workspace_id:OLD.member_id"] },
  { table: 'enrollments', event: 'UPDATE OF status, member_id, campaign_id', marks: ["member:OLD.workspace_id:OLD.member_id", "member:NEW.workspace_id:NEW.member_id"] },
  { table: 'checkins', event: 'UPDATE OF member_id', marks: ["activity:OLD.workspace_id:OLD.member_id", "activity:NEW.workspace_id:NEW.member_id"] },
  { table: 'checkins', event: 'DELETE', marks: ["activity:OLD.workspace_id:OLD.member_id"] },
  { table: 'events', event: 'UPDATE OF member_id', marks: ["activity:OLD.workspace_id:OLD.member_id", "activity:NEW.workspace_id:NEW.member_id"] },
  { table: 'events', event: 'DELETE', marks: ["activity:OLD.workspace_id:OLD.member_id"] },
  // A merge sends the merged member's activity to the survivor (and undo brings it back).
  { table: 'members', event: 'UPDATE OF merged_into_id', marks: ["activity:NEW.workspace_id:NEW.id", "activity:NEW.workspace_id:OLD.merged_into_id", "activity:NEW.workspace_id:NEW.merged_into_id"] },
];

function dirtyTriggers(dialect: DialectName): string[] {
  const statements: string[] = [];
  const insert = (mark: string) => {
    const [kind, ws, member] = mark.split(':');
    const values = `SELECT ${ws}, '${kind}', ${member} WHERE ${member} IS NOT NULL`;
    return dialect === 'sqlite'
      ? `INSERT OR IGNORE INTO analytics_dirty (workspace_id, kind, member_id) ${values};`
      : `INSERT INTO analytics_dirty (workspace_id, kind, member_id) ${values} ON CONFLICT DO NOTHING;`;
  };
  MARKS.forEach((m, i) => {
    const name = `analytics_mark_${m.table}_${i}`;
    const body = m.marks.map(insert).join('\n  ');
    if (dialect === 'sqlite') {
      statements.push(`CREATE TRIGGER ${name} AFTER ${m.event} ON ${m.table} FOR EACH ROW BEGIN\n  ${body}\nEND`);
    } else {
      const returns = m.event === 'DELETE' ? 'OLD' : 'NEW';
      statements.push(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN\n  ${body}\n  RETURN ${returns};\nEND $$`);
      statements.push(`CREATE TRIGGER ${name} AFTER ${m.event} ON ${m.table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    }
  });
  // A campaign whose order changes (start date, key) or that moves series changes its members' first/last.
  const campaignMarks = `SELECT workspace_id, 'member', member_id FROM enrollments WHERE campaign_id = NEW.id`;
  if (dialect === 'sqlite') {
    statements.push(`CREATE TRIGGER analytics_mark_campaigns AFTER UPDATE OF starts_on, key, series_id ON campaigns FOR EACH ROW
      WHEN OLD.starts_on IS NOT NEW.starts_on OR OLD.key IS NOT NEW.key OR OLD.series_id IS NOT NEW.series_id BEGIN
      INSERT OR IGNORE INTO analytics_dirty (workspace_id, kind, member_id) ${campaignMarks};
    END`);
  } else {
    statements.push(`CREATE FUNCTION analytics_mark_campaigns() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF OLD.starts_on IS DISTINCT FROM NEW.starts_on OR OLD.key IS DISTINCT FROM NEW.key OR OLD.series_id IS DISTINCT FROM NEW.series_id THEN
        INSERT INTO analytics_dirty (workspace_id, kind, member_id) ${campaignMarks} ON CONFLICT DO NOTHING;
      END IF;
      RETURN NEW;
    END $$`);
    statements.push(`CREATE TRIGGER analytics_mark_campaigns AFTER UPDATE ON campaigns FOR EACH ROW EXECUTE FUNCTION analytics_mark_campaigns()`);
  }
  return statements;
}
