// Kysely queries for SOP task instances: one task with everything shown about it, the board and today lists, the
// status writes, the close job's candidates, the statistics counts, and the check-in facts behind {打卡率}.
import { sql, type Updateable } from 'kysely';
import type { Scoped } from '../db/scoped.js';
import type { SopTasksTable } from '../db/schema.js';

function tasksQuery(s: Scoped) {
  return s.selectFrom('sop_tasks')
    .innerJoin('sop_steps', 'sop_steps.id', 'sop_tasks.step_id')
    .innerJoin('sop_templates', 'sop_templates.id', 'sop_steps.template_id')
    .innerJoin('sop_applications', 'sop_applications.id', 'sop_tasks.application_id')
    .innerJoin('chat_groups', 'chat_groups.id', 'sop_tasks.group_id')
    .leftJoin('campaigns', 'campaigns.id', 'sop_tasks.campaign_id')
    .leftJoin('staff as assignee', 'assignee.id', 'sop_tasks.assignee_staff_id')
    .leftJoin('teams as assignee_team', 'assignee_team.id', 'assignee.team_id')
    .leftJoin('staff as doer', 'doer.id', 'sop_tasks.done_by')
    .selectAll('sop_tasks')
    .select([
      'sop_steps.title as step_title', 'sop_steps.action', 'sop_steps.role', 'sop_steps.trigger_kind', 'sop_steps.trigger_value',
      'sop_steps.content', 'sop_steps.attachments',
      'sop_templates.id as template_id', 'sop_templates.name as template_name', 'sop_applications.campaign_id as application_campaign_id',
      'chat_groups.name as group_name', 'campaigns.key as campaign_key', 'campaigns.name as campaign_name',
      'campaigns.starts_on as campaign_starts_on', 'campaigns.timezone as campaign_timezone', 'campaigns.rules as campaign_rules',
      'assignee.display_name as assignee_name', 'assignee.team_id as assignee_team_id', 'assignee_team.lead_staff_id as assignee_lead_id',
      'doer.display_name as doer_name',
    ]);
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function findTask(s: Scoped, id: number) {
  return tasksQuery(s).where('sop_tasks.id', '=', id).executeTakeFirst();
}

export interface BoardFilter {
  from: string;
  to: string;
  groupId?: number;
  campaignId?: number;
  staffId?: number;
  teamId?: number;
  applicationId?: number;
  status?: string;
  /** Keyset: (window_start_at, id) of the last row of the previous page. */
  after?: { at: string; id: number };
  limit: number;
}

export function board(s: Scoped, f: BoardFilter) {
  let q = tasksQuery(s).where('sop_tasks.due_date', '>=', f.from).where('sop_tasks.due_date', '<=', f.to);
  if (f.groupId !== undefined) q = q.where('sop_tasks.group_id', '=', f.groupId);
  if (f.campaignId !== undefined) q = q.where('sop_tasks.campaign_id', '=', f.campaignId);
  if (f.staffId !== undefined) q = q.where('sop_tasks.assignee_staff_id', '=', f.staffId);
  if (f.teamId !== undefined) q = q.where('assignee.team_id', '=', f.teamId);
  if (f.applicationId !== undefined) q = q.where('sop_tasks.application_id', '=', f.applicationId);
  if (f.status !== undefined) q = q.where('sop_tasks.status', '=', f.status);
  if (f.after) {
    const { at, id } = f.after;
    q = q.where((eb) => eb.or([eb('sop_tasks.window_start_at', '>', at), eb.and([eb('sop_tasks.window_start_at', '=', at), eb('sop_tasks.id', '>', id)])]));
  }
  return q.orderBy('sop_tasks.window_start_at').orderBy('sop_tasks.id').limit(f.limit + 1).execute();
}

/** A staff member's tasks due on `today`, and the ones of the days before still open (todo, or missed but doable). */
export function todayOf(s: Scoped, staffId: number, openSince: string, today: string) {
  return tasksQuery(s).where('sop_tasks.assignee_staff_id', '=', staffId)
    .where('sop_tasks.due_date', '>=', openSince).where('sop_tasks.due_date', '<=', today)
    .where((eb) => eb.or([eb('sop_tasks.due_date', '=', today), eb('sop_tasks.status', 'in', ['todo', 'missed'])]))
    .orderBy('sop_tasks.window_start_at').orderBy('sop_tasks.id').limit(500).execute();
}

export function updateTask(s: Scoped, id: number, patch: Updateable<SopTasksTable>) {
  return s.updateTable('sop_tasks').set(patch).where('id', '=', id).execute();
}

/** Todo tasks whose window has ended: the close job checks whether their local day is over too. */
export function overdueTodo(s: Scoped, now: string) {
  return s.selectFrom('sop_tasks')
    .innerJoin('sop_steps', 'sop_steps.id', 'sop_tasks.step_id')
    .innerJoin('sop_applications', 'sop_applications.id', 'sop_tasks.application_id')
    .leftJoin('campaigns', 'campaigns.id', 'sop_tasks.campaign_id')
    .select(['sop_tasks.id', 'sop_tasks.due_date', 'sop_steps.trigger_kind', 'sop_applications.campaign_id as application_campaign_id', 'campaigns.timezone as campaign_timezone'])
    .where('sop_tasks.status', '=', 'todo').where('sop_tasks.window_end_at', '<', now)
    .orderBy('sop_tasks.id').limit(5000).execute();
}

/** Tasks due in a range counted by status and by the key asked for (assignee, group, the assignee's team, day). */
export function statusCounts(s: Scoped, f: { from: string; to: string; by: 'staff' | 'group' | 'team' | 'day'; staffId?: number; teamId?: number }) {
  const column = { staff: 'sop_tasks.assignee_staff_id', group: 'sop_tasks.group_id', team: 'assignee.team_id', day: 'sop_tasks.due_date' }[f.by];
  const key = sql<number | string | null>`${sql.ref(column)}`;
  let q = s.selectFrom('sop_tasks').leftJoin('staff as assignee', 'assignee.id', 'sop_tasks.assignee_staff_id')
    .select([key.as('key'), 'sop_tasks.status', (e) => e.fn.countAll<number>().as('n')])
    .where('sop_tasks.due_date', '>=', f.from).where('sop_tasks.due_date', '<=', f.to);
  if (f.staffId !== undefined) q = q.where('sop_tasks.assignee_staff_id', '=', f.staffId);
  if (f.teamId !== undefined) q = q.where('assignee.team_id', '=', f.teamId);
  return q.groupBy([key, 'sop_tasks.status']).execute();
}

export function groupNames(s: Scoped, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return s.selectFrom('chat_groups').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function teamNames(s: Scoped) {
  return s.selectFrom('teams').select(['id', 'name']).execute();
}

// ---- the facts behind a group's check-in rate ----

/** Active enrollments of these campaigns: who counts as enrolled in a group. */
export function activeEnrollments(s: Scoped, campaignIds: number[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('enrollments').select(['campaign_id', 'member_id', 'group_id'])
    .where('campaign_id', 'in', campaignIds).where('status', '=', 'active').execute();
}

export function membershipsOf(s: Scoped, groupIds: number[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('group_memberships').select(['group_id', 'member_id', 'joined_at', 'left_at']).where('group_id', 'in', groupIds).execute();
}

/** Who checked in for these campaign dates (a check-in a reviewer rejected does not count). */
export function checkinsOn(s: Scoped, campaignIds: number[], dates: string[]) {
  if (campaignIds.length === 0 || dates.length === 0) return Promise.resolve([]);
  return s.selectFrom('checkins').select(['campaign_id', 'member_id', 'day_date'])
    .where('campaign_id', 'in', campaignIds).where('day_date', 'in', dates).where('review_status', '!=', 'rejected').execute();
}
