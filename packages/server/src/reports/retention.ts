// Cohort retention: members grouped by the day (or week) of their first activity, and how many of each cohort are
// active 0, 1, 2 … periods later — read from the retention_cells rollup.
import { z } from 'zod';
import { addDays, daysBetween, localDayOf, weekStart } from '../analytics/days.js';
import { invalid } from '../http/errors.js';
import { day } from './params.js';
import type { Report } from './types.js';

const params = z.strictObject({
  period: z.enum(['day', 'week']),
  periods: z.coerce.number().int().min(1).max(60),
  from: day,
  to: day,
});
const MAX_COHORTS = 120;

export const retentionReport: Report<typeof params> = {
  name: 'retention',
  summary: 'Cohorts by first activity and how many are active in each later period',
  params,
  async run(scope, p) {
    const length = p.period === 'day' ? 1 : 7;
    const first = p.period === 'day' ? p.from : weekStart(p.from);
    const last = p.period === 'day' ? p.to : weekStart(p.to);
    if (last < first) throw invalid('validation.failed', 'to is before from', { to: 'must be on or after from' });
    const cohorts: string[] = [];
    for (let c = first; c <= last; c = addDays(c, length)) cohorts.push(c);
    if (cohorts.length > MAX_COHORTS) throw invalid('report.range_too_long', `at most ${MAX_COHORTS} cohorts`, { to: `at most ${MAX_COHORTS} ${p.period}s after from` });
    const rows = await scope.db.selectFrom('retention_cells').select(['cohort', 'offset', 'members'])
      .where('workspace_id', '=', scope.workspaceId).where('period', '=', p.period)
      .where('cohort', '>=', first).where('cohort', '<=', last).where('offset', '<', p.periods).execute();
    const cells = new Map(rows.map((r) => [`${r.cohort}|${r.offset}`, r.members]));
    const today = localDayOf(scope.now, scope.timezone);
    const unit = p.period === 'day' ? 'day' : 'week (Monday to Sunday)';
    return {
      period: p.period,
      periods: p.periods,
      cohorts: cohorts.map((start) => ({
        start,
        size: cells.get(`${start}|0`) ?? 0,
        values: Array.from({ length: p.periods }, (_, k) => (daysBetween(addDays(start, k * length), today) < 0 ? null : cells.get(`${start}|${k}`) ?? 0)),
      })),
      definitions: {
        size: { numerator: `members whose first activity (a check-in or counted event) falls in the cohort's ${unit}`, denominator: null, period: 'all time' },
        values: { numerator: `cohort members active in the k-th ${unit} after the cohort's own`, denominator: 'size', period: `${p.periods} ${p.period}s from each cohort` },
      },
    };
  },
};
