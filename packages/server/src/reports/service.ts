// Running a report for a workspace: bring the rollups up to date, run it, stamp it. And the workspace's analytics
// settings (which events count as activity), whose change rebuilds the activity rollups.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ActivityRecorder } from '../analytics/activity.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { refreshAnalytics } from '../analytics/refresh.js';
import { recordAudit } from '../audit/service.js';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { notFound } from '../http/errors.js';
import type { Report, ReportBody, ReportScope } from './types.js';

export interface ReportSettings {
  /** Event names that count as activity; null: every event counts. */
  activityEvents: string[] | null;
}

export class ReportService {
  constructor(private readonly db: Kysely<DB>, private readonly clock: Clock, private readonly activity: ActivityRecorder) {}

  async scope(ctx: AccessContext): Promise<ReportScope> {
    const ws = await this.db.selectFrom('workspaces').select('timezone').where('id', '=', ctx.workspaceId).executeTakeFirst();
    if (!ws) throw notFound('workspace');
    return { db: this.db, workspaceId: ctx.workspaceId, timezone: ws.timezone, now: this.clock.now() };
  }

  /** Runs a report on parameters already validated with its schema. */
  async run<P extends z.ZodType>(ctx: AccessContext, report: Report<P>, params: z.infer<P>): Promise<ReportBody> {
    await refreshAnalytics(this.db, ctx.workspaceId, this.activity);
    const scope = await this.scope(ctx);
    const body = await report.run(scope, params);
    return { ...body, generated_at: new Date().toISOString(), timezone: scope.timezone };
  }

  /** Brings the workspace's rollups up to date now (the scheduler and tests call this; reports do it themselves). */
  refresh(workspaceId: number): Promise<void> {
    return refreshAnalytics(this.db, workspaceId, this.activity);
  }

  async settings(ctx: AccessContext): Promise<ReportSettings> {
    const row = await this.db.selectFrom('analytics_state').select('activity_events').where('workspace_id', '=', ctx.workspaceId).executeTakeFirst();
    return { activityEvents: row?.activity_events ? JSON.parse(row.activity_events) as string[] : null };
  }

  /** Changes which events count, and rebuilds the activity rollups with the new set, in one transaction. */
  async updateSettings(ctx: AccessContext, next: ReportSettings): Promise<ReportSettings> {
    const before = await this.settings(ctx);
    const names = next.activityEvents ? [...new Set(next.activityEvents)].sort() : null;
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('analytics_state').values({ workspace_id: ctx.workspaceId, activity_events: names ? JSON.stringify(names) : null, refreshed_at: null })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ activity_events: names ? JSON.stringify(names) : null })).execute();
      await rebuildAnalytics(tx, ctx.workspaceId);
      await recordAudit(tx, ctx, { action: 'reports.settings', entity: 'workspace', entityId: ctx.workspaceId, before, after: { activityEvents: names } });
    });
    this.activity.forget(ctx.workspaceId);
    return { activityEvents: names };
  }

  /** Recomputes every rollup of the workspace from the raw rows. */
  async rebuild(ctx: AccessContext, onProgress?: (phase: string, done: number, total: number) => void): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await rebuildAnalytics(tx, ctx.workspaceId, { onProgress });
      await recordAudit(tx, ctx, { action: 'reports.rebuild', entity: 'workspace', entityId: ctx.workspaceId });
    });
  }
}
