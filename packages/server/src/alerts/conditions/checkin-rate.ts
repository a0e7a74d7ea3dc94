// checkin_rate_day (domain_ops.md §5.3 打卡率): a running campaign's last finished day, counted as the absentee
// list counts it (checkins service): enrolments with a check-in for the day / active enrolments.
// One instance per campaign and day: `campaign:<id>:<date>`.
import { addDays, campaignDay, daysBetween } from '../../campaigns/rules.js';
import { type Condition, type Finding, percent } from './types.js';
import { campaignGroupOwners } from './queries.js';

/**
 * The day before the current campaign day (whose window has closed, also for a window past midnight), and the days
 * of this kind's unresolved alerts, so that late (make-up) check-ins can clear them.
 */
export const checkinRate: Condition = async ({ ctx, s, now, sources, unresolved }) => {
  const findings: Finding[] = [];
  for (const c of await sources.campaigns.listCampaigns(ctx, {}, now)) {
    if (c.archivedAt !== null) continue;
    const current = campaignDay(c, now).date;
    const days = new Set([addDays(current, -1)]);
    for (const subject of unresolved) {
      const [, id, date] = subject.split(':');
      if (Number(id) === c.id && date !== undefined && date < current) days.add(date);
    }
    let owners: Array<number | null> | null = null;
    for (const date of [...days].sort()) {
      const dayIndex = daysBetween(c.startsOn, date) + 1;
      if (dayIndex < 1 || dayIndex > c.rules.daysTotal) continue;
      const { counts } = await sources.checkins.absentees(ctx, c.id, date);
      if (counts.enrolled === 0) continue;
      owners ??= await campaignGroupOwners(s, c.id);
      findings.push({
        subject: `campaign:${c.id}:${date}`,
        measure: { value: (counts.checkedIn * 100) / counts.enrolled, ratio: { numerator: counts.checkedIn, denominator: counts.enrolled } },
        staffIds: owners.length > 0 ? owners : [null],
        message: ({ threshold }) => `「${c.key} ${c.name}」第 ${dayIndex} 天（${date}）打卡率 ${percent(counts.checkedIn, counts.enrolled)}：`
          + `报名 ${counts.enrolled} 人，已打卡 ${counts.checkedIn} 人（阈值 ${threshold}%）`,
      });
    }
  }
  return { findings };
};
