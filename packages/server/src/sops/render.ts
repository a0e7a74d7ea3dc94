// A task as staff read it: the step's content with the group-level variables of its day filled ({群名}, {营期},
// {第几天}, {总天数}, {剩余天数}, and {打卡率} = the group's check-in rate of the day before), what the caller may do.
import type { Ratio } from '../http/schemas.js';
import { dayStartUtc, localDayOf } from '../analytics/days.js';
import { addDays, localTime, parseStoredRules } from '../campaigns/rules.js';
import type { Scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { fillVariables, type VariableValues } from '../variables/fill.js';
import { taskZone } from './generate.js';
import type { TaskOut, TaskStatus } from './schema.js';
import * as tq from './task-queries.js';
import { campaignDayOf } from './triggers.js';

export interface GroupDay { values: VariableValues; campaignDay: number | null; rate: (Ratio & { date: string }) | null }

export const dayKey = (groupId: number, date: string) => `${groupId}|${date}`;

/** The group-level variables of every (group, due date) among the tasks, with a few queries for all of them. */
export async function groupDays(s: Scoped, tasks: tq.TaskRow[]): Promise<Map<string, GroupDay>> {
  const out = new Map<string, GroupDay>();
  // What the check-in rate needs: per (group, day before) of a campaign day.
  const wanted: Array<{ key: string; groupId: number; campaignId: number; date: string; endsAt: string }> = [];
  for (const t of tasks) {
    const key = dayKey(t.group_id, t.due_date);
    if (out.has(key)) continue;
    const values: VariableValues = { 群名: t.group_name };
    let campaignDay: number | null = null;
    if (t.campaign_id !== null && t.campaign_starts_on !== null && t.campaign_rules !== null) {
      const { daysTotal } = parseStoredRules(t.campaign_rules);
      campaignDay = campaignDayOf(t.campaign_starts_on, t.due_date);
      values.营期 = `${t.campaign_key} ${t.campaign_name}`;
      values.总天数 = daysTotal;
      if (campaignDay >= 1 && campaignDay <= daysTotal) values.第几天 = campaignDay;
      values.剩余天数 = campaignDay < 1 ? daysTotal : Math.max(0, daysTotal - campaignDay);
      const yesterday = addDays(t.due_date, -1);
      const yesterdayIndex = campaignDayOf(t.campaign_starts_on, yesterday);
      if (yesterdayIndex >= 1 && yesterdayIndex <= daysTotal) {
        wanted.push({ key, groupId: t.group_id, campaignId: t.campaign_id, date: yesterday, endsAt: dayStartUtc(t.due_date, t.campaign_timezone!) });
      }
    }
    out.set(key, { values, campaignDay, rate: null });
  }
  if (wanted.length === 0) return out;

  const campaignIds = [...new Set(wanted.map((w) => w.campaignId))];
  const groupIds = [...new Set(wanted.map((w) => w.groupId))];
  const [enrollments, memberships, checkins] = await Promise.all([
    tq.activeEnrollments(s, campaignIds),
    tq.membershipsOf(s, groupIds),
    tq.checkinsOn(s, campaignIds, [...new Set(wanted.map((w) => w.date))]),
  ]);
  const checkedIn = new Set(checkins.map((c) => `${c.campaign_id}|${c.member_id}|${c.day_date}`));
  for (const w of wanted) {
    const inGroup = memberships.filter((m) => m.group_id === w.groupId);
    const recorded = new Set(inGroup.map((m) => m.member_id));
    const presentAtEnd = new Set(inGroup.filter((m) => m.joined_at < w.endsAt && (m.left_at === null || m.left_at >= w.endsAt)).map((m) => m.member_id));
    let denominator = 0;
    let numerator = 0;
    const counted = new Set<number>();
    for (const e of enrollments) {
      if (e.campaign_id !== w.campaignId || counted.has(e.member_id)) continue;
      // In the group: a membership open at the end of the day, or — when nothing is recorded of this member in the
      // group — the group the enrollment was sent to.
      const member = presentAtEnd.has(e.member_id) || (!recorded.has(e.member_id) && e.group_id === w.groupId);
      if (!member) continue;
      counted.add(e.member_id);
      denominator++;
      if (checkedIn.has(`${w.campaignId}|${e.member_id}|${w.date}`)) numerator++;
    }
    const day = out.get(w.key)!;
    const value = denominator === 0 ? null : numerator / denominator;
    day.rate = { numerator, denominator, value, date: w.date };
    if (value !== null) day.values.打卡率 = `${Math.round(value * 100)}%`;
  }
  return out;
}

/** Whether `staffId` leads the team of the task's assignee. */
export function leadsAssignee(t: Pick<tq.TaskRow, 'assignee_lead_id'>, staffId: number | null): boolean {
  return staffId !== null && t.assignee_lead_id === staffId;
}

export function zoneOf(t: tq.TaskRow, workspaceZone: string): string {
  return taskZone({ applicationCampaignId: t.application_campaign_id, triggerKind: t.trigger_kind, campaignTimezone: t.campaign_timezone }, workspaceZone);
}

/** Who may do what with a task (the service enforces the same rules). */
export function abilities(t: tq.TaskRow, ctx: AccessContext, now: Date, workspaceZone: string): TaskOut['may'] {
  const manager = ctx.permissions.has('sops.manage');
  const completer = ctx.permissions.has('tasks.complete');
  const mine = ctx.staffId !== null && t.assignee_staff_id === ctx.staffId;
  const lead = leadsAssignee(t, ctx.staffId);
  const open = t.status === 'todo' || t.status === 'missed';
  const completed = t.status === 'done' || t.status === 'late';
  const dueStarted = now.toISOString() >= dayStartUtc(t.due_date, zoneOf(t, workspaceZone));
  return {
    complete: completer && open && dueStarted && (mine || lead || manager),
    undo: completer && ((completed && (manager || mayUndoOwn(t, ctx, now, workspaceZone))) || (t.status === 'skipped' && (manager || lead))),
    skip: completer && open && (manager || lead),
    reassign: manager && open,
  };
}

/** The person who completed a task may take it back during the local day they completed it. */
export function mayUndoOwn(t: tq.TaskRow, ctx: AccessContext, now: Date, workspaceZone: string): boolean {
  if (ctx.staffId === null || t.done_by !== ctx.staffId || t.done_at === null) return false;
  const zone = zoneOf(t, workspaceZone);
  return now.getTime() < Date.parse(dayStartUtc(addDays(localDayOf(t.done_at, zone), 1), zone));
}

/** 'HH:MM' of an instant in a zone: the task's own window, which a later edit of its step does not move. */
function wallClock(at: string, zone: string): string {
  const { minute } = localTime(new Date(at), zone);
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function toTaskOut(t: tq.TaskRow, day: GroupDay | undefined, ctx: AccessContext, now: Date, workspaceZone: string): TaskOut {
  const filled = fillVariables(t.content, day?.values ?? { 群名: t.group_name });
  const zone = zoneOf(t, workspaceZone);
  const status = t.status as TaskStatus;
  return {
    id: t.id,
    applicationId: t.application_id,
    template: { id: t.template_id, name: t.template_name },
    step: { id: t.step_id, title: t.step_title, action: t.action as TaskOut['step']['action'], role: t.role as TaskOut['step']['role'], triggerKind: t.trigger_kind as TaskOut['step']['triggerKind'], triggerValue: t.trigger_value },
    group: { id: t.group_id, name: t.group_name },
    campaign: t.campaign_id !== null && t.campaign_key !== null ? { id: t.campaign_id, key: t.campaign_key, name: t.campaign_name ?? '' } : null,
    dueDate: t.due_date,
    campaignDay: day?.campaignDay ?? null,
    windowStartAt: t.window_start_at,
    windowEndAt: t.window_end_at,
    window: { start: wallClock(t.window_start_at, zone), end: wallClock(t.window_end_at, zone), timezone: zone },
    assignee: t.assignee_staff_id !== null ? { id: t.assignee_staff_id, displayName: t.assignee_name ?? '' } : null,
    status,
    onTime: t.on_time === null ? null : t.on_time === 1,
    overdue: (status === 'todo' || status === 'missed') && now.toISOString() > t.window_end_at,
    doneAt: t.done_at,
    doneBy: t.done_by !== null ? { id: t.done_by, displayName: t.doer_name ?? '' } : null,
    proof: { text: t.proof_text, link: t.proof_link, screenshot: t.proof_file !== null },
    skipReason: t.skip_reason,
    content: filled.text,
    unfilled: filled.missing,
    groupCheckinRate: day?.rate ?? null,
    attachments: JSON.parse(t.attachments) as TaskOut['attachments'],
    may: abilities(t, ctx, now, workspaceZone),
  };
}
