// The briefings: who may read whose daily report, the morning board of a team, and the campaign retrospective (the
// numbers computed on every read, the typed GRAI parts stored). Every number comes from the data or another feature.
import type { Kysely } from 'kysely';
import { addDays } from '../analytics/days.js';
import { localDate } from '../campaigns/rules.js';
import type { Clock } from '../clock.js';
import { scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError } from '../http/errors.js';
import { StaffService } from '../staff/service.js';
import { WorkspaceService } from '../workspaces/service.js';
import { dailyReport } from './daily-report.js';
import { morningBoard } from './morning-board.js';
import { campaignRetrospective, listRetrospectives, saveRetrospective } from './retrospective.js';
import type { DailyOut, MorningOut, RetrospectiveBody, RetrospectiveListOut, RetrospectiveOut } from './schema.js';
import type { BriefingDeps, BriefingScope } from './scope.js';

const forbidden = (field: string, why: string) => new AppError(403, 'briefing.forbidden', `You may not read this: ${why}`, { [field]: why });

export class BriefingService {
  constructor(
    readonly db: Kysely<DB>,
    readonly clock: Clock,
    readonly deps: BriefingDeps,
  ) {}

  private async scope(ctx: AccessContext): Promise<BriefingScope> {
    const { timezone } = await new WorkspaceService(this.db).get(ctx.workspaceId);
    const now = this.clock.now();
    return { ctx, db: this.db, s: scoped(this.db, ctx.workspaceId), timezone, now, today: localDate(now, timezone), deps: this.deps, staff: new StaffService(this.db) };
  }

  /**
   * 日报 of a staff member (default: the caller) for a day (default: yesterday). Anyone reads their own; a team's
   * lead reads the team's; owners, admins and API tokens read anyone's.
   */
  async daily(ctx: AccessContext, query: { staffId?: number; date?: string }): Promise<DailyOut> {
    const scope = await this.scope(ctx);
    const staffId = query.staffId ?? ctx.staffId;
    if (staffId === null) throw new AppError(400, 'validation.failed', 'An API token must name the staff member', { staffId: 'required with an API token' });
    const target = await scope.staff.get(ctx, staffId).catch((e: unknown) => {
      throw e instanceof AppError && e.status === 404 ? new AppError(404, 'staff.not_found', 'Staff not found', { staffId: 'no such staff member' }) : e;
    });
    await this.mayRead(scope, target);
    return dailyReport(scope, target, query.date ?? addDays(scope.today, -1));
  }

  private async mayRead(scope: BriefingScope, target: { id: number; teamId: number | null }): Promise<void> {
    const { ctx } = scope;
    if (ctx.staffId === null || ctx.role === 'owner' || ctx.role === 'admin' || ctx.staffId === target.id) return;
    const teams = await scope.staff.listTeams(ctx);
    const led = teams.filter((t) => t.leadStaffId === ctx.staffId).map((t) => t.id);
    if (target.teamId === null || !led.includes(target.teamId)) throw forbidden('staffId', 'only your own report, or your team\'s if you lead it');
  }

  /** 早会看板 of a day (default today: about yesterday), for one team or all. */
  async morning(ctx: AccessContext, query: { teamId?: number; date?: string }): Promise<MorningOut> {
    const scope = await this.scope(ctx);
    return morningBoard(scope, query.teamId ?? null, query.date ?? scope.today);
  }

  async retrospective(ctx: AccessContext, campaignId: number): Promise<RetrospectiveOut> {
    return campaignRetrospective(await this.scope(ctx), campaignId);
  }

  async saveRetrospective(ctx: AccessContext, campaignId: number, body: RetrospectiveBody): Promise<RetrospectiveOut> {
    // Read before the transaction: on SQLite a read outside it would wait for the transaction's one connection.
    await this.deps.campaigns.requireCampaign(ctx, campaignId);
    await this.db.transaction().execute((tx) => saveRetrospective(tx, ctx, campaignId, body, this.clock.now().toISOString()));
    return this.retrospective(ctx, campaignId);
  }

  async retrospectives(ctx: AccessContext, filter: { written?: boolean }): Promise<RetrospectiveListOut> {
    return listRetrospectives(await this.scope(ctx), filter);
  }
}
