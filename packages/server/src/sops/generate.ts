// Task instances from an application: one per group, step and due date, with the window as UTC instants and the
// assignee the step's role resolves to. Idempotent (the table's unique key, insert-or-nothing), so the daily job and
// a new application may both run it; campaign-day tasks are made for the whole campaign, the others 14 days ahead.
import type { Insertable } from 'kysely';
import { localDayOf } from '../analytics/days.js';
import { addDays, localDate } from '../campaigns/rules.js';
import { nowIso, scoped, type Executor } from '../db/scoped.js';
import type { SopApplicationsTable, SopTasksTable } from '../db/schema.js';
import * as q from './queries.js';
import type { StepRole } from './schema.js';
import { campaignDays, dateOfCampaignDay, isoWeekday, localInstant, weekdaysOf } from './triggers.js';

/** Weekday, date and group-age tasks are made this many days ahead (today included). */
export const HORIZON_DAYS = 14;

type Application = Pick<SopApplicationsTable, 'template_id' | 'campaign_id' | 'group_id' | 'assistant_staff_id' | 'starts_on' | 'ends_on'> & { id: number };

/**
 * The zone a task's day and window are read in: a campaign's tasks and every campaign-day task follow the campaign's
 * zone (a campaign day is a date there); the other tasks of a group application follow the workspace's.
 */
export function taskZone(t: { applicationCampaignId: number | null; triggerKind: string; campaignTimezone: string | null }, workspaceZone: string): string {
  if (t.campaignTimezone && (t.applicationCampaignId !== null || t.triggerKind === 'campaign_day')) return t.campaignTimezone;
  return workspaceZone;
}

type Directory = Map<number, { disabled: number; lead: number | null }>;

/** Who does a step in a group: its role's person when that person exists and is active, else the group's owner. */
export function resolveAssignee(role: StepRole, ownerId: number | null, assistantId: number | null, directory: Directory): number | null {
  const active = (id: number | null | undefined) => (id != null && directory.get(id)?.disabled === 0 ? id : null);
  const owner = active(ownerId);
  if (role === 'assistant') return active(assistantId) ?? owner;
  if (role === 'team_lead') return active(owner === null ? null : directory.get(owner)?.lead) ?? owner;
  return owner;
}

/** Creates the application's missing tasks as of `now`; returns how many were new. */
export async function generateTasks(db: Executor, workspace: { id: number; timezone: string }, app: Application, now: Date): Promise<number> {
  const s = scoped(db, workspace.id);
  const steps = await q.stepsOf(s, [app.template_id]);
  let groups: q.GenerationGroup[];
  if (app.campaign_id !== null) groups = await q.groupsOfCampaign(s, app.campaign_id);
  else {
    const group = app.group_id === null ? undefined : await q.groupById(s, app.group_id);
    groups = group && (group.status === 'open' || group.status === 'full') ? [group] : [];
  }
  if (steps.length === 0 || groups.length === 0) return 0;
  const campaignIds = [...new Set([app.campaign_id, ...groups.map((g) => g.campaign_id)].filter((id): id is number => id !== null))];
  const campaigns = new Map((await q.campaignsById(s, campaignIds)).map((c) => [c.id, c]));
  const directory: Directory = new Map((await q.staffDirectory(s)).map((d) => [d.id, { disabled: d.disabled, lead: d.lead_staff_id }]));

  const stamp = nowIso();
  const nowIsoText = now.toISOString();
  const rows: Insertable<SopTasksTable>[] = [];
  for (const group of groups) {
    const campaignId = app.campaign_id ?? group.campaign_id;
    const campaign = campaignId === null ? undefined : campaigns.get(campaignId);
    for (const step of steps) {
      const zone = taskZone({ applicationCampaignId: app.campaign_id, triggerKind: step.trigger_kind, campaignTimezone: campaign?.timezone ?? null }, workspace.timezone);
      const today = localDate(now, zone);
      const horizon = addDays(today, HORIZON_DAYS - 1);
      let dates: string[];
      switch (step.trigger_kind) {
        case 'campaign_day':
          dates = campaign ? campaignDays(step.trigger_value).map((d) => dateOfCampaignDay(campaign.starts_on, d)) : [];
          break;
        case 'weekday': {
          const days = weekdaysOf(step.trigger_value);
          dates = [];
          for (let d = today; d <= horizon; d = addDays(d, 1)) {
            // A campaign's weekly steps run on its days only.
            if (app.campaign_id !== null && campaign && (d < campaign.starts_on || d > campaign.ends_on)) continue;
            if (days.has(isoWeekday(d))) dates.push(d);
          }
          break;
        }
        case 'date':
          dates = step.trigger_value <= horizon ? [step.trigger_value] : [];
          break;
        case 'group_age': {
          const date = addDays(localDayOf(group.created_at, zone), Number(step.trigger_value));
          dates = date <= horizon ? [date] : [];
          break;
        }
        default:
          dates = [];
      }
      const assignee = resolveAssignee(step.role as StepRole, group.owner_staff_id, app.assistant_staff_id, directory);
      for (const date of dates) {
        if (date < app.starts_on || (app.ends_on !== null && date > app.ends_on)) continue;
        const windowEnd = localInstant(date, step.window_end, zone);
        // A window already over when the task would be made: nobody could have done it in time.
        if (windowEnd <= nowIsoText) continue;
        rows.push({
          workspace_id: workspace.id, application_id: app.id, step_id: step.id, group_id: group.id, campaign_id: campaignId,
          due_date: date, window_start_at: localInstant(date, step.window_start, zone), window_end_at: windowEnd,
          assignee_staff_id: assignee, status: 'todo', on_time: null, done_at: null, done_by: null,
          proof_text: null, proof_link: null, proof_file: null, proof_mime: null, skip_reason: null, created_at: stamp, updated_at: stamp,
        });
      }
    }
  }
  return q.insertTasks(db, rows);
}
