// Kysely queries for SOP templates, their steps and applications, and what task generation reads: the groups an
// application covers, their campaigns, and who owns and leads them (staff, teams, campaigns joined read-only).
import type { Insertable, Updateable } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { SopApplicationsTable, SopStepsTable, SopTasksTable, SopTemplatesTable } from '../db/schema.js';

// ---- templates and steps ----

const templateColumns = ['sop_templates.id', 'sop_templates.name', 'sop_templates.description', 'sop_templates.created_at',
  'sop_templates.updated_at', 'sop_templates.archived_at'] as const;

function templatesQuery(s: Scoped) {
  return s.selectFrom('sop_templates').select(templateColumns)
    .select((eb) => eb.selectFrom('sop_applications').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('sop_applications.template_id', '=', 'sop_templates.id').where('sop_applications.stopped_at', 'is', null).as('active_applications'));
}

export type TemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplate>>>;

export function listTemplates(s: Scoped, archived: boolean) {
  return templatesQuery(s).where('sop_templates.archived_at', archived ? 'is not' : 'is', null)
    .orderBy('sop_templates.updated_at', 'desc').orderBy('sop_templates.id', 'desc').limit(500).execute();
}

export function findTemplate(s: Scoped, id: number) {
  return templatesQuery(s).where('sop_templates.id', '=', id).executeTakeFirst();
}

export async function insertTemplate(db: Executor, row: Insertable<SopTemplatesTable>) {
  return (await db.insertInto('sop_templates').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateTemplate(s: Scoped, id: number, patch: Updateable<SopTemplatesTable>) {
  return s.updateTable('sop_templates').set(patch).where('id', '=', id).execute();
}

export function deleteTemplate(s: Scoped, id: number) {
  return s.deleteFrom('sop_templates').where('id', '=', id).execute();
}

export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

export function stepsOf(s: Scoped, templateIds: number[]) {
  if (templateIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('sop_steps').selectAll().where('template_id', 'in', templateIds).orderBy('template_id').orderBy('position').orderBy('id').execute();
}

export async function insertSteps(db: Executor, rows: Insertable<SopStepsTable>[]) {
  if (rows.length > 0) await db.insertInto('sop_steps').values(rows).execute();
}

export function updateStep(s: Scoped, id: number, patch: Updateable<SopStepsTable>) {
  return s.updateTable('sop_steps').set(patch).where('id', '=', id).execute();
}

export function deleteSteps(s: Scoped, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return s.deleteFrom('sop_steps').where('id', 'in', ids).execute();
}

/** Steps (of these) that have tasks someone acted on: done, late, missed or skipped. */
export async function stepsWithHistory(s: Scoped, stepIds: number[]): Promise<Set<number>> {
  if (stepIds.length === 0) return new Set();
  const rows = await s.selectFrom('sop_tasks').select('step_id').distinct()
    .where('step_id', 'in', stepIds).where('status', '!=', 'todo').execute();
  return new Set(rows.map((r) => r.step_id));
}

export async function countApplications(s: Scoped, templateId: number): Promise<number> {
  const row = await s.selectFrom('sop_applications').select((e) => e.fn.countAll<number>().as('n')).where('template_id', '=', templateId).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- applications ----

function applicationsQuery(s: Scoped) {
  return s.selectFrom('sop_applications')
    .innerJoin('sop_templates', 'sop_templates.id', 'sop_applications.template_id')
    .leftJoin('campaigns', 'campaigns.id', 'sop_applications.campaign_id')
    .leftJoin('chat_groups', 'chat_groups.id', 'sop_applications.group_id')
    .leftJoin('staff', 'staff.id', 'sop_applications.assistant_staff_id')
    .selectAll('sop_applications')
    .select(['sop_templates.name as template_name', 'campaigns.key as campaign_key', 'campaigns.name as campaign_name',
      'chat_groups.name as group_name', 'staff.display_name as assistant_name']);
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export interface ApplicationFilter { templateId?: number; campaignId?: number; groupId?: number; active?: boolean }

export function listApplications(s: Scoped, f: ApplicationFilter) {
  let q = applicationsQuery(s);
  if (f.templateId !== undefined) q = q.where('sop_applications.template_id', '=', f.templateId);
  if (f.campaignId !== undefined) q = q.where('sop_applications.campaign_id', '=', f.campaignId);
  if (f.groupId !== undefined) q = q.where('sop_applications.group_id', '=', f.groupId);
  if (f.active !== undefined) q = q.where('sop_applications.stopped_at', f.active ? 'is' : 'is not', null);
  return q.orderBy('sop_applications.id', 'desc').limit(500).execute();
}

export function findApplication(s: Scoped, id: number) {
  return applicationsQuery(s).where('sop_applications.id', '=', id).executeTakeFirst();
}

/** Applications still running, oldest first (what the daily job extends). */
export function activeApplications(s: Scoped, templateId?: number) {
  let q = s.selectFrom('sop_applications').selectAll().where('stopped_at', 'is', null);
  if (templateId !== undefined) q = q.where('template_id', '=', templateId);
  return q.orderBy('id').execute();
}

export async function insertApplication(db: Executor, row: Insertable<SopApplicationsTable>) {
  return (await db.insertInto('sop_applications').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function stopApplication(s: Scoped, id: number, at: string) {
  return s.updateTable('sop_applications').set({ stopped_at: at }).where('id', '=', id).where('stopped_at', 'is', null).execute();
}

/** Task counts per application and status. */
export function taskCounts(s: Scoped, applicationIds: number[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('sop_tasks').select(['application_id', 'status', (e) => e.fn.countAll<number>().as('n')])
    .where('application_id', 'in', applicationIds).groupBy(['application_id', 'status']).execute();
}

// ---- what generation reads ----

const groupColumns = ['id', 'name', 'owner_staff_id', 'campaign_id', 'created_at', 'status'] as const;
export type GenerationGroup = Awaited<ReturnType<typeof groupsOfCampaign>>[number];

/** A campaign's groups that still run (open or full): archived and dissolved groups get no new tasks. */
export function groupsOfCampaign(s: Scoped, campaignId: number) {
  return s.selectFrom('chat_groups').select(groupColumns).where('campaign_id', '=', campaignId)
    .where('status', 'in', ['open', 'full']).orderBy('id').execute();
}

export function groupById(s: Scoped, id: number) {
  return s.selectFrom('chat_groups').select(groupColumns).where('id', '=', id).executeTakeFirst();
}

export type CampaignFacts = Awaited<ReturnType<typeof campaignsById>>[number];

export function campaignsById(s: Scoped, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return s.selectFrom('campaigns').select(['id', 'key', 'name', 'starts_on', 'ends_on', 'timezone', 'rules']).where('id', 'in', ids).execute();
}

/** Every staff member with their team and its lead: who a role resolves to. */
export function staffDirectory(s: Scoped) {
  return s.selectFrom('staff').leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.display_name', 'staff.team_id', 'staff.disabled', 'teams.lead_staff_id', 'teams.name as team_name'])
    .orderBy('staff.id').execute();
}

export async function insertTasks(db: Executor, rows: Insertable<SopTasksTable>[]): Promise<number> {
  let inserted = 0;
  // Chunks keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200) {
    const result = await db.insertInto('sop_tasks').values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['application_id', 'step_id', 'group_id', 'due_date']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Removes the application's (or these steps') todo tasks whose window has not ended yet. */
export async function deleteUpcomingTodo(s: Scoped, filter: { applicationIds: number[]; stepIds?: number[] }, now: string): Promise<number> {
  if (filter.applicationIds.length === 0) return 0;
  let q = s.deleteFrom('sop_tasks').where('application_id', 'in', filter.applicationIds).where('status', '=', 'todo').where('window_end_at', '>', now);
  if (filter.stepIds) {
    if (filter.stepIds.length === 0) return 0;
    q = q.where('step_id', 'in', filter.stepIds);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}
