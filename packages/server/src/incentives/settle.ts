// Goal-day points: every active staff member of a team whose daily target was met gets the goal_day_met points
// for that day, once (one entry per staff member and goal day, whoever settles and however often).
import type { Kysely } from 'kysely';
import { addDays, dayStartUtc } from '../analytics/days.js';
import { scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { GoalService, TeamDayAttainment } from '../goals/service.js';
import type { AccessContext } from '../http/access.js';
import * as q from './queries.js';
import { goalDayReason, goalDaySource, mergeRules, ruleValue } from './rules.js';

/** Days that ended are looked at again for this long: actuals that arrive late still earn their day. */
export const SETTLE_LOOKBACK_DAYS = 7;

export type GoalDays = Pick<GoalService, 'dayAttainment'>;

export interface SettleOutcome {
  /** Team days met (in the days looked at) that the rule applies to. */
  goalDays: number;
  /** Entries appended by this run. */
  entries: number;
}

/**
 * Settles the days before `today` (local) back to SETTLE_LOOKBACK_DAYS. A rule change applies to days that end
 * after it: days that ended before the rule was last changed are left as they were settled. Days are awarded once
 * and not taken back when later data changes the attainment (a manager reverses the entry if need be).
 */
export async function settleGoalDays(
  db: Kysely<DB>, goals: GoalDays, ctx: AccessContext, { today, timezone, now }: { today: string; timezone: string; now: Date },
): Promise<SettleOutcome> {
  const rule = mergeRules(await q.listRules(scoped(db, ctx.workspaceId))).goal_day_met;
  const points = ruleValue(rule);
  if (points === 0) return { goalDays: 0, entries: 0 };

  const met: Array<TeamDayAttainment & { teamId: number }> = [];
  for (let back = SETTLE_LOOKBACK_DAYS; back >= 1; back--) {
    const day = addDays(today, -back);
    if (rule.updatedAt !== null && dayStartUtc(addDays(day, 1), timezone) <= rule.updatedAt) continue;
    for (const a of await goals.dayAttainment(ctx, day)) {
      // A goal not split among teams has nobody to credit: the rule is about a team's target.
      if (a.met && a.teamId !== null) met.push({ ...a, teamId: a.teamId });
    }
  }
  if (met.length === 0) return { goalDays: 0, entries: 0 };

  const entries = await db.transaction().execute(async (tx) => {
    // Two processes settling at once: the second waits here, then finds the first one's entries.
    if (q.isPostgres(tx)) await q.lockSettlement(tx, ctx.workspaceId);
    const s = scoped(tx, ctx.workspaceId);
    const createdAt = now.toISOString();
    let appended = 0;
    for (const a of met) {
      const source = goalDaySource(a.goalId, a.teamId, a.day);
      const staff = (await q.activeTeamStaff(s, a.teamId)).map((r) => r.id);
      const credited = await q.staffWithSource(s, source, staff);
      for (const staffId of staff.filter((id) => !credited.has(id))) {
        await q.insertEntry(tx, {
          workspace_id: ctx.workspaceId, staff_id: staffId, points, kind: 'rule', rule_kind: 'goal_day_met', source,
          reason: goalDayReason({ goalName: a.goalName, teamName: a.teamName, day: a.day, actual: a.actual, target: a.target }),
          day: a.day, created_by: null, created_at: createdAt,
        });
        appended++;
      }
    }
    return appended;
  });
  return { goalDays: met.length, entries };
}
