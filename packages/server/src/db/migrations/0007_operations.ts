// Running the operation: goals split into daily targets per team, SOP templates and their task instances, the
// problem bank, staff incentive points, work planning, alert rules, campaign retrospectives and the job runs of the
// scheduler.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import { belongsToWorkspace, idColumn, realColumn, refColumn, type MigrationTools } from './tools.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t: MigrationTools = { db, dialect };
  const ref = refColumn(dialect);
  const real = realColumn(dialect);

  // ---- goals ----
  await idColumn(t, db.schema.createTable('goals'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', ref)
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('target', real, (c) => c.notNull())
    .addColumn('split', 'text', (c) => c.notNull())
    .addColumn('weekday_weights', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('goals_ws_dates').on('goals').columns(['workspace_id', 'ends_on', 'starts_on']).execute();

  // A goal's share per team; team_id null: the goal is not split among teams.
  await idColumn(t, db.schema.createTable('goal_teams'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('goal_id', ref, (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('team_id', ref, (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('target', real, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_teams_goal').on('goal_teams').columns(['goal_id', 'team_id']).execute();

  // The original daily split, fixed when the goal is created or re-split; the re-plan is computed from actuals.
  await idColumn(t, db.schema.createTable('goal_day_targets'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('goal_team_id', ref, (c) => c.notNull().references('goal_teams.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('planned', real, (c) => c.notNull())
    .addUniqueConstraint('goal_day_targets_unique', ['goal_team_id', 'day'])
    .execute();

  // Actuals typed in by hand, for manual metrics.
  await idColumn(t, db.schema.createTable('goal_actuals'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('goal_team_id', ref, (c) => c.notNull().references('goal_teams.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('entered_by', ref)
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('goal_actuals_unique', ['goal_team_id', 'day'])
    .execute();

  // ---- SOPs ----
  await idColumn(t, db.schema.createTable('sop_templates'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();

  await idColumn(t, db.schema.createTable('sop_steps'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('template_id', ref, (c) => c.notNull().references('sop_templates.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('trigger_kind', 'text', (c) => c.notNull())
    .addColumn('trigger_value', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sop_steps_template').on('sop_steps').columns(['template_id', 'position']).execute();

  // A template applied to a campaign (all its groups) or to one group.
  await idColumn(t, db.schema.createTable('sop_applications'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('template_id', ref, (c) => c.notNull().references('sop_templates.id').onDelete('cascade'))
    .addColumn('campaign_id', ref, (c) => c.references('campaigns.id').onDelete('cascade'))
    .addColumn('group_id', ref, (c) => c.references('chat_groups.id').onDelete('cascade'))
    .addColumn('assistant_staff_id', ref, (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('created_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('stopped_at', 'text')
    .execute();
  await db.schema.createIndex('sop_applications_ws').on('sop_applications').columns(['workspace_id', 'stopped_at']).execute();

  await idColumn(t, db.schema.createTable('sop_tasks'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('application_id', ref, (c) => c.notNull().references('sop_applications.id').onDelete('cascade'))
    .addColumn('step_id', ref, (c) => c.notNull().references('sop_steps.id').onDelete('cascade'))
    .addColumn('group_id', ref, (c) => c.notNull().references('chat_groups.id').onDelete('cascade'))
    .addColumn('campaign_id', ref, (c) => c.references('campaigns.id').onDelete('set null'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('window_start_at', 'text', (c) => c.notNull())
    .addColumn('window_end_at', 'text', (c) => c.notNull())
    .addColumn('assignee_staff_id', ref, (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('on_time', 'integer')
    .addColumn('done_at', 'text')
    .addColumn('done_by', ref)
    .addColumn('proof_text', 'text')
    .addColumn('proof_link', 'text')
    .addColumn('proof_file', 'text')
    .addColumn('proof_mime', 'text')
    .addColumn('skip_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sop_tasks_unique', ['application_id', 'step_id', 'group_id', 'due_date'])
    .execute();
  await db.schema.createIndex('sop_tasks_assignee').on('sop_tasks').columns(['workspace_id', 'assignee_staff_id', 'due_date']).execute();
  await db.schema.createIndex('sop_tasks_day').on('sop_tasks').columns(['workspace_id', 'due_date', 'status']).execute();
  await db.schema.createIndex('sop_tasks_group').on('sop_tasks').columns(['workspace_id', 'group_id', 'due_date']).execute();

  // ---- problem bank ----
  await idColumn(t, db.schema.createTable('problem_categories'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('parent_id', ref, (c) => c.references('problem_categories.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problem_categories_parent').on('problem_categories').columns(['workspace_id', 'parent_id']).execute();

  await idColumn(t, db.schema.createTable('problems'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category_id', ref, (c) => c.references('problem_categories.id').onDelete('set null'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('campaign_id', ref, (c) => c.references('campaigns.id').onDelete('set null'))
    .addColumn('group_id', ref, (c) => c.references('chat_groups.id').onDelete('set null'))
    .addColumn('member_id', ref, (c) => c.references('members.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problems_ws').on('problems').columns(['workspace_id', 'status', 'id']).execute();

  await idColumn(t, db.schema.createTable('problem_answers'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('problem_id', ref, (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problem_answers_problem').on('problem_answers').columns(['problem_id']).execute();

  await idColumn(t, db.schema.createTable('answer_uses'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('answer_id', ref, (c) => c.notNull().references('problem_answers.id').onDelete('cascade'))
    .addColumn('member_id', ref, (c) => c.references('members.id').onDelete('set null'))
    .addColumn('staff_id', ref, (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('answer_uses_answer').on('answer_uses').columns(['answer_id', 'at']).execute();

  // ---- staff incentives ----
  await idColumn(t, db.schema.createTable('incentive_rules'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incentive_rules_kind', ['workspace_id', 'kind'])
    .execute();

  // Append-only: a change of a task's status adds the difference, so the sum per source is what the rules say now.
  await idColumn(t, db.schema.createTable('points_ledger'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('staff_id', ref, (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule_kind', 'text')
    .addColumn('source', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('points_ledger_staff').on('points_ledger').columns(['workspace_id', 'staff_id', 'day']).execute();
  await db.schema.createIndex('points_ledger_day').on('points_ledger').columns(['workspace_id', 'day']).execute();
  await db.schema.createIndex('points_ledger_source').on('points_ledger').columns(['workspace_id', 'source']).execute();

  // ---- work planning ----
  await idColumn(t, db.schema.createTable('work_items'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('owner_staff_id', ref, (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_items_owner').on('work_items').columns(['workspace_id', 'owner_staff_id', 'status']).execute();

  await idColumn(t, db.schema.createTable('weekly_focus'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('team_id', ref, (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('set_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('weekly_focus_unique', ['team_id', 'week_start'])
    .execute();

  // ---- alerts: rules, acknowledgement, and one open alert per condition ----
  await idColumn(t, db.schema.createTable('alert_rules'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('threshold', real, (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('alerts').addColumn('rule_id', ref, (c) => c.references('alert_rules.id').onDelete('set null')).execute();
  await db.schema.alterTable('alerts').addColumn('acknowledged_at', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('acknowledged_by', ref).execute();
  await sql`update alerts set level = 'critical' where level = 'high'`.execute(db);
  // The database itself refuses a second open alert for the same condition and recipient, whichever process raises it.
  await sql`create unique index alerts_open_once on alerts (workspace_id, kind, subject, coalesce(staff_id, 0)) where resolved_at is null`.execute(db);

  // ---- campaign retrospectives (复盘, GRAI): the typed parts; the numbers are computed when read ----
  await idColumn(t, db.schema.createTable('retrospectives'))
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('campaign_id', ref, (c) => c.notNull().unique().references('campaigns.id').onDelete('cascade'))
    .addColumn('goal_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('analysis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('insight', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_by', ref)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // ---- scheduler: one row per (workspace, job, period) claims the run, so a second instance skips it ----
  await db.schema.createTable('job_runs')
    .addColumn('workspace_id', ref, belongsToWorkspace)
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['workspace_id', 'job', 'period'])
    .execute();
  await db.schema.createIndex('job_runs_recent').on('job_runs').columns(['workspace_id', 'started_at']).execute();
}
