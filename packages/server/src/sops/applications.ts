// Applying a template to a campaign (all its groups, later ones too) or to one group, stopping it, and the daily
// extension of every running application's tasks.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { CampaignService } from '../campaigns/service.js';
import { localDate } from '../campaigns/rules.js';
import type { Clock } from '../clock.js';
import { nowIso, scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { GroupService } from '../groups/service.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid } from '../http/errors.js';
import { WorkspaceService } from '../workspaces/service.js';
import { generateTasks } from './generate.js';
import * as q from './queries.js';
import type { ApplicationOut, ApplyInput } from './schema.js';
import type { SopTemplates } from './templates.js';

const applicationNotFound = () => new AppError(404, 'sop_application.not_found', 'SOP application not found');

/** A 404 from another feature, re-labelled with the field of this request that named the missing row. */
function naming<T>(field: string, promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) throw new AppError(404, error.code, error.message, { [field]: 'no such row' });
    throw error;
  });
}

export class SopApplications {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly templates: SopTemplates,
    private readonly campaigns: CampaignService,
    private readonly groups: GroupService,
  ) {}

  async list(ctx: AccessContext, filter: q.ApplicationFilter): Promise<ApplicationOut[]> {
    const s = scoped(this.db, ctx.workspaceId);
    const rows = await q.listApplications(s, filter);
    return this.out(ctx, rows);
  }

  async get(ctx: AccessContext, id: number, db: Kysely<DB> = this.db): Promise<ApplicationOut> {
    const row = await q.findApplication(scoped(db, ctx.workspaceId), id);
    if (!row) throw applicationNotFound();
    return (await this.out(ctx, [row], db))[0]!;
  }

  async apply(ctx: AccessContext, input: ApplyInput, now = this.clock.now()): Promise<ApplicationOut> {
    const template = await this.templates.requireRow(this.db, ctx, input.templateId);
    if (template.archived_at !== null) throw conflict('sop.template_archived', 'An archived template cannot be applied', { templateId: 'archived' });
    const workspace = await new WorkspaceService(this.db).get(ctx.workspaceId);
    let zone = workspace.timezone;
    let groupCampaign: number | null = null;
    if (input.campaignId !== undefined) {
      zone = (await naming('campaignId', this.campaigns.requireCampaign(ctx, input.campaignId))).timezone;
    } else {
      const group = await naming('groupId', this.groups.requireRow(this.db, ctx, input.groupId!));
      if (group.status === 'archived' || group.status === 'dissolved') throw conflict('sop.group_closed', `The group is ${group.status}: it gets no tasks`, { groupId: group.status });
      groupCampaign = group.campaign_id;
    }
    const s = scoped(this.db, ctx.workspaceId);
    if (input.assistantStaffId != null) {
      const assistant = (await q.staffDirectory(s)).find((d) => d.id === input.assistantStaffId);
      if (!assistant) throw new AppError(404, 'staff.not_found', 'Staff not found', { assistantStaffId: 'no such staff' });
      if (assistant.disabled) throw invalid('sop.staff_disabled', 'This staff account is disabled', { assistantStaffId: 'disabled' });
    }
    const today = localDate(now, zone);
    const startsOn = input.startsOn ?? today;
    if (startsOn < today) throw invalid('validation.failed', `startsOn must not be before today (${today})`, { startsOn: `must not be before today (${today})` });
    if (input.endsOn && input.endsOn < startsOn) throw invalid('validation.failed', 'endsOn must not be before startsOn', { endsOn: 'must not be before startsOn' });

    return this.db.transaction().execute(async (tx) => {
      const ts = scoped(tx, ctx.workspaceId);
      // The same template twice on the same groups would give each step two tasks a day.
      const running = await q.activeApplications(ts, input.templateId);
      const clash = running.find((a) => (input.campaignId !== undefined && a.campaign_id === input.campaignId)
        || (input.groupId !== undefined && (a.group_id === input.groupId || (groupCampaign !== null && a.campaign_id === groupCampaign))));
      if (clash) throw conflict('sop.already_applied', `This template already runs there (application ${clash.id}): stop that one first`, { templateId: 'already applied to these groups' });
      const id = await q.insertApplication(tx, {
        workspace_id: ctx.workspaceId, template_id: input.templateId, campaign_id: input.campaignId ?? null, group_id: input.groupId ?? null,
        assistant_staff_id: input.assistantStaffId ?? null, starts_on: startsOn, ends_on: input.endsOn ?? null,
        created_by: ctx.staffId, created_at: nowIso(), stopped_at: null,
      });
      const app = (await q.findApplication(ts, id))!;
      const created = await generateTasks(tx, workspace, app, now);
      const out = await this.get(ctx, id, tx as Kysely<DB>);
      await recordAudit(tx, ctx, { action: 'sop_application.create', entity: 'sop_application', entityId: id, after: { ...out, tasksCreated: created } });
      return out;
    });
  }

  /** Stops an application: no more tasks; its todo tasks whose window has not ended go, the others stay. */
  async stop(ctx: AccessContext, id: number, now = this.clock.now()): Promise<ApplicationOut> {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.get(ctx, id, tx as Kysely<DB>);
      if (before.stoppedAt !== null) throw conflict('sop.application_stopped', 'This application is already stopped', { id: 'already stopped' });
      const s = scoped(tx, ctx.workspaceId);
      await q.stopApplication(s, id, now.toISOString());
      const removed = await q.deleteUpcomingTodo(s, { applicationIds: [id] }, now.toISOString());
      const after = await this.get(ctx, id, tx as Kysely<DB>);
      await recordAudit(tx, ctx, { action: 'sop_application.stop', entity: 'sop_application', entityId: id, before, after: { ...after, tasksRemoved: removed } });
      return after;
    });
  }

  /** The daily job: every running application gets its tasks up to the horizon (and its campaign's new groups). */
  async generateAll(ctx: AccessContext, now = this.clock.now()): Promise<{ applications: number; created: number }> {
    const workspace = await new WorkspaceService(this.db).get(ctx.workspaceId);
    const applications = await q.activeApplications(scoped(this.db, ctx.workspaceId));
    let created = 0;
    for (const app of applications) {
      created += await this.db.transaction().execute((tx) => generateTasks(tx, workspace, app, now));
    }
    return { applications: applications.length, created };
  }

  private async out(ctx: AccessContext, rows: q.ApplicationRow[], db: Kysely<DB> = this.db): Promise<ApplicationOut[]> {
    const counts = await q.taskCounts(scoped(db, ctx.workspaceId), rows.map((r) => r.id));
    return rows.map((r) => {
      const tasks = { total: 0, todo: 0, done: 0, late: 0, missed: 0, skipped: 0 };
      for (const c of counts) {
        if (c.application_id !== r.id) continue;
        const n = Number(c.n);
        tasks.total += n;
        if (c.status in tasks) tasks[c.status as keyof typeof tasks] += n;
      }
      return {
        id: r.id,
        template: { id: r.template_id, name: r.template_name },
        campaign: r.campaign_id !== null ? { id: r.campaign_id, key: r.campaign_key ?? '', name: r.campaign_name ?? '' } : null,
        group: r.group_id !== null ? { id: r.group_id, name: r.group_name ?? '' } : null,
        assistant: r.assistant_staff_id !== null ? { id: r.assistant_staff_id, displayName: r.assistant_name ?? '' } : null,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        createdAt: r.created_at,
        stoppedAt: r.stopped_at,
        tasks,
      };
    });
  }
}
