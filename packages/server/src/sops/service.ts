// SOPs (item 2 of running the operation): templates of timed steps, applied to campaigns or groups, turned into
// task instances per group and day that staff complete on time or late; the completion statistics other features read.
import type { Ratio } from '../http/schemas.js';
import type { Kysely } from 'kysely';
import { addDays, localDate } from '../campaigns/rules.js';
import type { CampaignService } from '../campaigns/service.js';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import type { GroupService } from '../groups/service.js';
import type { AccessContext } from '../http/access.js';
import { invalid } from '../http/errors.js';
import { WorkspaceService } from '../workspaces/service.js';
import type { IncentiveService } from '../incentives/service.js';
import { SopApplications } from './applications.js';
import { sopStats, STATS_DEFINITIONS, type StatsQuery } from './stats.js';
import { SopTasks } from './tasks.js';
import { SopTemplates } from './templates.js';


/** SOP task counts of one person, group, team or day over a period. */
export interface SopStatsRow {
  key: number | string | null;
  label: string;
  due: number;
  done: number;
  onTime: number;
  late: number;
  missed: number;
  skipped: number;
  open: number;
  /** (done + late) / (due − skipped). */
  completionRate: Ratio;
  /** on time / (done + late). */
  punctualityRate: Ratio;
}

/** The longest period the statistics cover at once. */
const MAX_STATS_DAYS = 366;

export class SopService {
  readonly templates: SopTemplates;
  readonly applications: SopApplications;
  readonly tasks: SopTasks;

  constructor(readonly db: Kysely<DB>, readonly clock: Clock, readonly deps: { dataDir: string; incentives: IncentiveService; campaigns: CampaignService; groups: GroupService }) {
    this.templates = new SopTemplates(db, clock);
    this.applications = new SopApplications(db, clock, this.templates, deps.campaigns, deps.groups);
    this.tasks = new SopTasks(db, clock, deps.dataDir, deps.incentives);
  }

  async stats(ctx: AccessContext, q: { from: string; to: string; groupBy: 'staff' | 'group' | 'team' | 'day'; staffId?: number; teamId?: number }): Promise<SopStatsRow[]> {
    return (await this.statsReport(ctx, q)).rows;
  }

  /** The statistics with their total and definitions, as GET /sops/stats returns them; by default the 7 days to today. */
  async statsReport(ctx: AccessContext, query: Omit<StatsQuery, 'from' | 'to'> & { from?: string; to?: string }) {
    const { timezone } = await new WorkspaceService(this.db).get(ctx.workspaceId);
    const to = query.to ?? localDate(this.clock.now(), timezone);
    const q: StatsQuery = { ...query, to, from: query.from ?? addDays(to, -6) };
    if (q.to < q.from) throw invalid('validation.failed', 'to must not be before from', { to: 'must not be before from' });
    if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 >= MAX_STATS_DAYS) {
      throw invalid('validation.failed', `At most ${MAX_STATS_DAYS} days at once`, { to: `at most ${MAX_STATS_DAYS} days after from` });
    }
    const { rows, total } = await sopStats(this.db, ctx, q);
    return { from: q.from, to: q.to, groupBy: q.groupBy, rows, total, definitions: STATS_DEFINITIONS };
  }
}
