// What every briefing is computed in (the caller, the fenced database, the workspace's zone, one "now") and the
// other features' services the briefings read through.
import type { Kysely } from 'kysely';
import type { AlertService } from '../alerts/service.js';
import type { CampaignService } from '../campaigns/service.js';
import type { Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { GoalService } from '../goals/service.js';
import type { AccessContext } from '../http/access.js';
import type { IncentiveService } from '../incentives/service.js';
import type { ProblemService } from '../problems/service.js';
import type { SopService, SopStatsRow } from '../sops/service.js';
import type { StaffService } from '../staff/service.js';
import type { WorkPlanService } from '../work-plan/service.js';
import { ratio } from './roster.js';
import type { SopCounts } from './schema.js';

export interface BriefingDeps {
  goals: GoalService;
  sops: SopService;
  incentives: IncentiveService;
  alerts: AlertService;
  workPlan: WorkPlanService;
  problems: ProblemService;
  campaigns: CampaignService;
}

/** What a briefing is computed in: the caller, the fenced database, the workspace's zone and one "now". */
export interface BriefingScope {
  ctx: AccessContext;
  db: Kysely<DB>;
  s: Scoped;
  timezone: string;
  now: Date;
  today: string;
  deps: BriefingDeps;
  staff: StaffService;
}

/** SOP rows added up, the rates recomputed as the SOP contract defines them. */
export function sumSop(rows: readonly SopStatsRow[]): SopCounts {
  const t = { due: 0, done: 0, onTime: 0, late: 0, missed: 0, skipped: 0, open: 0 };
  for (const r of rows) {
    t.due += r.due; t.done += r.done; t.onTime += r.onTime; t.late += r.late; t.missed += r.missed; t.skipped += r.skipped; t.open += r.open;
  }
  return { ...t, completionRate: ratio(t.done + t.late, t.due - t.skipped), punctualityRate: ratio(t.onTime, t.done + t.late) };
}

